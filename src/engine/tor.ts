/** The terms-of-reference part of a report, shared by the tor-* rules. */
import type { Report } from './report.js';
import type { Section } from './outline.js';
import { profileSectionBlocks, type Block } from './blocks.js';

export const TOR_SECTION = 'terms-of-reference';

export interface TermsOfReference {
  /** The first heading that means terms of reference (messages about absence go here). */
  section: Section;
  blocks: Block[];
}

/** The terms of reference, or undefined when the report has none (required-sections reports that). */
export function termsOfReference(report: Report): TermsOfReference | undefined {
  const [section] = report.sectionsFor(TOR_SECTION);
  if (!section) return undefined;
  return { section, blocks: profileSectionBlocks(report, TOR_SECTION) };
}

/** Range of a section's heading, for messages about the whole section. */
export function headingRange(section: Section): { start: number; end: number } {
  return { start: section.start, end: section.heading.position?.end.offset ?? section.start };
}
