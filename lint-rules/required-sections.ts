import { defineRule } from '../src/engine/rule.js';
import type { Section } from '../src/engine/outline.js';
import type { Report } from '../src/engine/report.js';
import type { ProfileSection } from '../src/engine/types.js';

/** Text inserted for a missing section: its heading and its prompt (flagged by template-placeholder until answered). */
export function sectionInsertText(section: ProfileSection, level: number): string {
  return `${'#'.repeat(Math.min(6, Math.max(1, level)))} ${section.title}\n\n> Prompt: ${section.prompt}\n\n`;
}

interface Placement {
  /** Where the message is shown: the neighbouring heading, or the start of the text. */
  anchor: number;
  anchorEnd: number;
  /** Where the section is inserted. */
  offset: number;
  level: number;
  after?: Section;
  before?: Section;
}

/** Where a missing profile section belongs: after the nearest earlier section present, else before the nearest later one. */
function placementOf(report: Report, missingIndex: number): Placement {
  const indexOf = (id: string) => report.profile.sections.findIndex((s) => s.id === id);
  const matched = report.outline.filter((s) => s.matches.length > 0);
  let after: Section | undefined;
  let before: Section | undefined;
  for (const section of matched) {
    const idx = Math.max(...section.matches.map(indexOf));
    if (idx < missingIndex) after = section;
  }
  for (const section of matched) {
    const idx = Math.min(...section.matches.map(indexOf));
    if (idx > missingIndex && (!after || section.start > after.start)) {
      before = section;
      break;
    }
  }
  const title = report.outline.find((s) => s.isTitle);
  const contentStart = report.frontMatter.end ?? 0;
  if (after) {
    // Insert after the section and any subsections; a higher-level parent's end is not crossed.
    return { anchor: after.start, anchorEnd: headingEnd(after), offset: after.end, level: after.level, after };
  }
  if (before) return { anchor: before.start, anchorEnd: headingEnd(before), offset: before.start, level: before.level, before };
  const level = title ? Math.min(6, title.level + 1) : 2;
  return { anchor: title?.start ?? contentStart, anchorEnd: title ? headingEnd(title) : contentStart, offset: report.text.length, level };
}

function headingEnd(section: Section): number {
  return section.heading.position?.end.offset ?? section.start;
}

function insertionText(report: Report, offset: number, body: string): string {
  const preceding = report.text.slice(Math.max(0, offset - 2), offset);
  const lead = offset === 0 ? '' : preceding.endsWith('\n\n') ? '' : preceding.endsWith('\n') ? '\n' : '\n\n';
  return lead + body;
}

/** Longest non-decreasing subsequence of profile positions: the sections that are in order. */
function inOrder(positions: number[]): boolean[] {
  const n = positions.length;
  const length = new Array<number>(n).fill(1);
  const previous = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (positions[j]! <= positions[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
  }
  const keep = new Array<boolean>(n).fill(false);
  let best = 0;
  for (let i = 1; i < n; i++) if (length[i]! > length[best]!) best = i;
  for (let i = n === 0 ? -1 : best; i !== -1; i = previous[i]!) keep[i] = true;
  return keep;
}

export default defineRule(
  {
    id: 'required-sections',
    summary: 'Every section the report type requires is present, in the expected order.',
    description:
      'Reads the report profile for the document’s report type (front matter `report-type:`, else inferred from the title and headings, else the configured default) and matches headings to profile sections by meaning: case, numbering (“3.”, “3.1”, “Section 3 –”), synonyms (“Scope of the review” for “Terms of reference”; “Learning points” for “Lessons learned”) and any heading level. A missing **required** section is a warning, a missing **expected** section is an info, and a section out of the profile’s order is an info. Each missing-section message carries the text to insert (heading at the level of its neighbours and the section’s prompt) and where to insert it, so the editor can add it in one click.',
    why: 'Inspectors judged reports with missing sections (no terms of reference, no methodology, no family involvement) as weaker; boards’ templates fix the sections readers expect to find. Primer §2 (expected sections; profiles are data) and §1 (the documents).',
    primer: '§2 Expected sections',
    defaultSeverity: 'warning',
    fixable: true,
    options: [],
    defaults: {},
    examples: [
      {
        title: 'An overview report with every required section in order is left alone',
        markdown: `---
report-type: overview
---
# Overview report: Child A

## 1. Introduction
## 2. Terms of reference
## 3. Methodology and review process
## 4. Family involvement
## 5. Family composition
## 6. Integrated chronology
## 7. Analysis
## 8. The child's lived experience
## 9. Equality and diversity
## 10. Lessons learned
## 11. Conclusions
## 12. Recommendations
## 13. Action plan
`,
        flags: [],
      },
      {
        title: 'Synonyms, numbering and levels count: “Scope of the review”, “Learning points”, “Section 4 – Genogram”',
        markdown: `---
report-type: overview
---
# Child B

## Introduction
## Scope of the Review
## Review process
### Section 4 – Involvement of the family
### Genogram
## Summary of events
## ANALYSIS
### Voice of the child
### Race, culture and religion
## 8. Learning points
## Concluding remarks
## Multi-agency recommendations
## Action plan
`,
        flags: [],
      },
      {
        title: 'Missing required sections are warnings; missing expected sections are infos; order is an info',
        markdown: `---
report-type: overview
---
# Serious Case Review: Child C

## 1. Introduction
## 2. Summary
### 2.2 Family tree
## 3. Analysis
## 7. Findings
## 8. Learning points
## 9. Recommendations
## 10. Conclusions
`,
        flags: [
          { line: 6, severity: 'warning', message: 'Terms of reference' },
          { line: 6, severity: 'warning', message: 'Methodology' },
          { line: 6, severity: 'info', message: 'Family involvement' },
          { line: 8, severity: 'warning', message: 'chronology' },
          { line: 9, severity: 'info', message: 'lived experience' },
          { line: 9, severity: 'info', message: 'Equality' },
          { line: 13, severity: 'info', message: 'Action plan' },
          { line: 13, severity: 'info', message: 'Conclusions' },
        ],
      },
      {
        title: 'An IMR is judged against the IMR profile',
        markdown: `---
report-type: imr
agency: Northshire Hospital Trust
---
# Individual Management Review

## Introduction
## Terms of reference
## Methodology
## Organisational context
## Chronology
## Analysis of involvement
## Good practice
## Lessons learned
## Recommendations
`,
        flags: [{ line: 15, severity: 'info', message: 'Action plan' }],
      },
    ],
  },
  ({ report, flag }) => {
    const present = new Set(report.outline.flatMap((s) => s.matches));
    report.profile.sections.forEach((section, index) => {
      if (present.has(section.id) || section.status === 'optional') return;
      const place = placementOf(report, index);
      const where = place.after ? `after ${quoteTitle(place.after)}` : place.before ? `before ${quoteTitle(place.before)}` : 'in the report';
      const kind = section.status === 'required' ? 'required' : 'expected';
      flag({
        start: place.anchor,
        end: place.anchorEnd,
        severity: section.status === 'required' ? 'warning' : 'info',
        message: `Unexpected missing ${kind} section “${section.title}”, expected a section ${where}: ${lowerFirst(section.prompt)}`,
        data: {
          sectionId: section.id,
          insert: { offset: place.offset, text: insertionText(report, place.offset, sectionInsertText(section, place.level)) },
        },
      });
    });

    const matched = report.outline.filter((s) => s.matches.length > 0);
    const positions = matched.map((s) => Math.min(...s.matches.map((id) => report.profile.sections.findIndex((p) => p.id === id))));
    const keep = inOrder(positions);
    matched.forEach((section, i) => {
      if (keep[i]) return;
      const next = matched.find((s, j) => keep[j] && positions[j]! > positions[i]!);
      const previous = matched.slice(0, i).reverse().find((_, k) => keep[i - 1 - k]);
      flag({
        start: section.start,
        end: headingEnd(section),
        severity: 'info',
        message: `Unexpected section ${quoteTitle(section)}${previous ? ` after ${quoteTitle(previous)}` : ''}, expected it ${next ? `before ${quoteTitle(next)}` : 'later in the report'} (the order readers of a ${report.profile.title.toLowerCase()} expect)`,
        data: { sectionId: section.matches[0] },
      });
    });
  },
);

function quoteTitle(section: Section): string {
  return `“${section.title.replace(/\s+/g, ' ')}”`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
