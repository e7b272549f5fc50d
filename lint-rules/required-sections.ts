import { defineRule } from '../src/engine/rule.js';
import { insertionFix } from '../src/engine/fixes.js';
import { quote } from '../src/engine/text.js';
import type { Section } from '../src/engine/outline.js';
import {
  headingEnd,
  inAppendix,
  insertionText,
  isTopLevel,
  numberedSectionInsertText,
  placementOf,
  standsFor,
} from '../src/engine/section-placement.js';

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
    summary: 'Every section the report type requires is present.',
    description:
      'Reads the report profile for the document’s report type (front matter `report-type:`, else inferred ' +
      'from the title and headings, else the configured default) and matches headings to profile sections ' +
      'by meaning: numbering (“3.”, “3.1”, “Section 3 –”, “Appendix A –”), case, word order, plurals and ' +
      'possessives (“Involvement of family members” and “Family member involvement”; “Child C’s life” and ' +
      '“A day in the life of Child Q” for the child’s lived experience), synonyms (“Scope of the review” ' +
      'for the terms of reference; “Factual information” for the chronology) and any heading level. A ' +
      'section’s subsections and the appendices count (“1.2 Terms of reference” under the introduction, or ' +
      '“Appendix A – Terms of reference”), but a subsection never stands for the report’s introduction ' +
      '(“3.1 Introduction” introduces section 3). A missing **required** section is a warning and a missing ' +
      '**expected** section an info; each message says what to add and where, and carries a fix that ' +
      'inserts it (a heading at the level of its neighbours and the section’s prompt), so the editor can ' +
      'add it in one click. The order of sections is not checked unless the `order` option is on.',
    why:
      'Inspectors judged reports with missing sections (no terms of reference, no methodology, no family ' +
      'involvement) as weaker; boards’ templates fix the sections readers expect to find. Primer §2 ' +
      '(expected sections; profiles are data) and §1 (the documents).',
    primer: '§2 Expected sections',
    defaultSeverity: 'warning',
    fixable: true,
    options: [
      {
        name: 'order',
        type: 'boolean',
        default: false,
        description:
          'Also report top-level sections out of the profile’s order (an info). Off by default: published ' +
          'reports routinely put the terms of reference in an appendix, a summary at the front, conclusions ' +
          'after recommendations and family involvement after the analysis.',
      },
    ],
    defaults: { order: false },
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
        title: 'Missing required sections are warnings; missing expected sections are infos; the order is not ' + 'checked by default',
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
          { line: 6, severity: 'warning', message: 'No “Terms of reference” section. Add one after “1. Introduction”' },
          { line: 6, severity: 'warning', message: 'Methodology' },
          { line: 6, severity: 'info', message: 'Family involvement' },
          { line: 8, severity: 'warning', message: 'chronology' },
          { line: 9, severity: 'info', message: 'lived experience' },
          { line: 9, severity: 'info', message: 'Equality' },
          {
            line: 13,
            severity: 'info',
            message: 'No “Action plan” section, which readers of an overview report expect. Add one after “10. Conclusions”',
          },
        ],
      },
      {
        title: 'Word order, possessives, subsections and appendices count; a subsection is not the report’s introduction',
        markdown: `---
report-type: overview
---
# Serious Case Review: Baby Joe

## Family background
## 1. Introduction
### 1.1 Involvement of family members
## 2. The SCR process
## 3. Factual information
## 4. Baby Joe’s experience
## 5. Professional practice
### 5.1 Introduction
### 5.2 Ethnicity and culture
## 6. Lessons learnt and conclusions
## 7. Considerations for the Board
## Appendix A – Terms of reference
## Appendix B – Action plan
`,
        flags: [],
      },
      {
        title: 'A section only a subsection seems to stand for is still missing: “5.1 Introduction” introduces section 5',
        markdown: `---
report-type: overview
---
# Child D

## 1. Terms of reference
## 2. Review process
## 3. Family involvement
## 4. Family composition
## 5. Summary of events
### 5.1 Introduction
## 6. Analysis
### 6.1 Voice of the child
### 6.2 Equality and diversity
## 7. Findings
## 8. Conclusions
## 9. Recommendations
## 10. Action plan
`,
        flags: [{ line: 6, severity: 'warning', message: 'No “Introduction” section. Add one before “1. Terms of reference”' }],
      },
      {
        title: 'With the `order` option on, top-level sections out of the profile’s order are infos',
        options: { order: true },
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
## Recommendations
## Lessons learned
## Action plan
`,
        flags: [
          {
            line: 15,
            severity: 'info',
            message:
              'This section is out of the usual order. Readers of an individual management review expect “Lessons ' +
              'learned” before “Recommendations”',
          },
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
  ({ report, flag, options }) => {
    const stands = standsFor(report);
    const present = new Set([...stands.values()].flat());
    const reader = withArticle(report.profile.title.toLowerCase());
    report.profile.sections.forEach((section, index) => {
      if (present.has(section.id) || section.status === 'optional') return;
      const place = placementOf(report, stands, index);
      const where = place.after
        ? `after ${quoteTitle(place.after)}`
        : place.before
          ? `before ${quoteTitle(place.before)}`
          : 'to the report';
      const problem =
        section.status === 'required'
          ? `No “${section.title}” section.`
          : `No “${section.title}” section, which readers of ${reader} expect.`;
      flag({
        start: place.anchor,
        end: place.anchorEnd,
        severity: section.status === 'required' ? 'warning' : 'info',
        message: `${problem} Add one ${where}${section.prompt.trim() ? `: ${lowerFirst(section.prompt.trim())}` : '.'}`,
        data: { sectionId: section.id },
        fixes: [
          insertionFix(
            `Insert missing section ${quote(section.title)}`,
            place.offset,
            insertionText(report, place.offset, numberedSectionInsertText(report, section, place)),
            {
              scaffold: true,
            },
          ),
        ],
      });
    });

    if (!options.order) return;
    // Only the report's own top-level sections are compared: appendices (terms of reference, panel lists),
    // summaries at the front and subsections sit where boards put them.
    const indexOf = (id: string) => report.profile.sections.findIndex((p) => p.id === id);
    const matched = [...stands.keys()].filter((s) => isTopLevel(report, s) && !inAppendix(report, s) && !isSummary(s));
    const positions = matched.map((s) => Math.min(...stands.get(s)!.map(indexOf)));
    const keep = inOrder(positions);
    matched.forEach((section, i) => {
      if (keep[i]) return;
      const next = matched.find((_s, j) => keep[j] && positions[j]! > positions[i]!);
      const previous = matched
        .slice(0, i)
        .reverse()
        .find((_, k) => keep[i - 1 - k] && positions[i - 1 - k]! < positions[i]!);
      flag({
        start: section.start,
        end: headingEnd(section),
        severity: 'info',
        message: `This section is out of the usual order. Readers of ${reader} expect ${quoteTitle(section)} ${next ? `before ${quoteTitle(next)}` : `after ${quoteTitle(previous ?? section)}`}; move it there if your board’s template allows.`,
        data: { sectionId: stands.get(section)![0] },
      });
    });
  },
);

/** A summary at the front of the report (“Executive summary”, “Summary”) repeats sections out of order on purpose. */
function isSummary(section: Section): boolean {
  return /^(?:executive summary|summary|brief summary)\b/.test(section.normalized);
}

function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

function quoteTitle(section: Section): string {
  return `“${section.title.replace(/\s+/g, ' ')}”`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
