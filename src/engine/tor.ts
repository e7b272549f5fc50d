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

/**
 * The terms of reference, or undefined when the report has none (required-sections
 * reports that) or when its sections are still empty: a heading with nothing under it
 * but a template prompt (template-placeholder reports the prompt) is a section not yet
 * written, and saying it lacks agencies, a period and questions would say one thing three times.
 */
export function termsOfReference(report: Report): TermsOfReference | undefined {
  const [section] = report.sectionsFor(TOR_SECTION);
  if (!section) return undefined;
  const blocks = profileSectionBlocks(report, TOR_SECTION);
  if (!blocks.some((b) => /[\p{L}\p{N}]/u.test(b.source))) return undefined;
  return { section, blocks };
}

/** Range of a section's heading, for messages about the whole section. */
export function headingRange(section: Section): { start: number; end: number } {
  return { start: section.start, end: section.heading.position?.end.offset ?? section.start };
}
