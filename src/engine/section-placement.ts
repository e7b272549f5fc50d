/**
 * Where a missing profile section goes, and its text: used by required-sections'
 * quick fix and by the Report checklist's “insert this section” (one placement for both).
 * A section is inserted after the nearest earlier profile section present (with its
 * subsections), else before the nearest later one, at that section's heading level, and
 * numbered like it when the report numbers its headings (“## 5. Family involvement”).
 */
import type { Section } from './outline.js';
import { sectionInsertText } from './outline.js';
import type { Report } from './report.js';
import type { ProfileSection } from './types.js';
import { isContainerHeading } from './headings.js';

export interface Placement {
  /** Where the message is shown: the neighbouring heading, or the start of the text. */
  anchor: number;
  anchorEnd: number;
  /** Where the section is inserted. */
  offset: number;
  level: number;
  after?: Section;
  before?: Section;
}

/** The profile sections each heading stands for: a top-level-only section (“Introduction”) is not stood for by a subsection. */
export function standsFor(report: Report): Map<Section, string[]> {
  const byId = new Map(report.profile.sections.map((p) => [p.id, p]));
  const result = new Map<Section, string[]>();
  for (const section of report.outline) {
    if (section.isTitle || section.matches.length === 0) continue;
    const top = isTopLevel(report, section);
    const ids = section.matches.filter((id) => top || !byId.get(id)?.topLevel);
    if (ids.length > 0) result.set(section, ids);
  }
  return result;
}

export function ancestors(report: Report, section: Section): Section[] {
  const result: Section[] = [];
  for (let at = section.parent; at !== undefined; at = report.outline[at]!.parent) result.push(report.outline[at]!);
  return result;
}

/** Not inside another section: every enclosing heading is the title or only groups others (“Appendices”, “Overview report”). */
export function isTopLevel(report: Report, section: Section): boolean {
  return ancestors(report, section).every((a) => a.isTitle || isContainerHeading(a.title));
}

const APPENDIX = /\b(?:appendix|appendices|annex|annexe|annexes)\b/;

export function inAppendix(report: Report, section: Section): boolean {
  return [section, ...ancestors(report, section)].some((s) => APPENDIX.test(s.normalized));
}

/** Where a missing profile section belongs: after the nearest earlier section present, else before the nearest later one (appendices are not neighbours). */
export function placementOf(report: Report, stands: Map<Section, string[]>, missingIndex: number): Placement {
  const indexOf = (id: string) => report.profile.sections.findIndex((s) => s.id === id);
  let matched = [...stands.keys()].filter((s) => !inAppendix(report, s));
  if (matched.length === 0) matched = [...stands.keys()];
  let after: Section | undefined;
  let before: Section | undefined;
  for (const section of matched) {
    const idx = Math.max(...stands.get(section)!.map(indexOf));
    if (idx < missingIndex) after = section;
  }
  for (const section of matched) {
    const idx = Math.min(...stands.get(section)!.map(indexOf));
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

export function headingEnd(section: Section): number {
  return section.heading.position?.end.offset ?? section.start;
}

export function insertionText(report: Report, offset: number, body: string): string {
  const preceding = report.text.slice(Math.max(0, offset - 2), offset);
  const lead = offset === 0 ? '' : preceding.endsWith('\n\n') ? '' : preceding.endsWith('\n') ? '\n' : '\n\n';
  return lead + body;
}

/** A heading's own number (“5.”, “5”, “Section 5 –”), when the report numbers its sections with whole numbers. */
function headingNumber(section: Section): { n: number; format: (n: number) => string } | undefined {
  const m = /^(section\s+)?(\d{1,3})(\.?)(\s*[:–—-]\s*|\s+)(?=\S)/i.exec(section.title);
  if (!m) return undefined;
  const [, word = '', , dot = '', gap = ' '] = m;
  return { n: Number(m[2]), format: (n) => `${word}${n}${dot}${gap}` };
}

/** The text to insert for a missing section at `place`: its heading (numbered like its neighbour) and prompt. */
export function numberedSectionInsertText(_report: Report, section: ProfileSection, place: Placement): string {
  const text = sectionInsertText(section, place.level);
  const after = place.after && headingNumber(place.after);
  const before = place.before && headingNumber(place.before);
  const number = after
    ? after.format(after.n + 1)
    : before && before.n > 1
      ? before.format(before.n - 1)
      : before
        ? before.format(before.n)
        : '';
  if (!number) return text;
  return text.replace(/^(#{1,6} )/, `$1${number}`);
}

/** Where and what to insert for the profile section `sectionId`, or undefined when it is not in the profile. */
export function missingSectionInsert(report: Report, sectionId: string): { offset: number; text: string; title: string } | undefined {
  const index = report.profile.sections.findIndex((s) => s.id === sectionId);
  if (index < 0) return undefined;
  const section = report.profile.sections[index]!;
  const place = placementOf(report, standsFor(report), index);
  return {
    offset: place.offset,
    text: insertionText(report, place.offset, numberedSectionInsertText(report, section, place)),
    title: section.title,
  };
}
