/** The terms-of-reference part of a report, shared by the tor-* rules. */
import type { Report } from './report.js';
import type { Section } from './outline.js';
import { roleSectionBlocks, type Block } from './blocks.js';
import { sectionsWithRole } from './section-roles.js';
import { findDates, type FoundDate } from './dates.js';

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
  const [section] = sectionsWithRole(report, 'terms-of-reference');
  if (!section) return undefined;
  const blocks = roleSectionBlocks(report, 'terms-of-reference');
  if (!blocks.some((b) => /[\p{L}\p{N}]/u.test(b.source))) return undefined;
  return { section, blocks };
}

/** Range of a section's heading, for messages about the whole section. */
export function headingRange(section: Section): { start: number; end: number } {
  return { start: section.start, end: section.heading.position?.end.offset ?? section.start };
}

// ---------------------------------------------------------------------------
// The period under review (used by tor-period and chronology-date).

/** Words that join the two ends of a period: “from X to Y”, “between X and Y”, “X – Y”. */
const JOINER = /^[\s,]*(?:(?:up\s+)?(?:to|until|till)|through|and|[-–—])\s/i;
/** A joiner after a clause: “from X, when Mother booked her pregnancy, to Y”. */
const LATE_JOINER = /,\s*(?:(?:up\s+)?(?:to|until|till)|through|and)\s*$/i;
/** Words before the first date that announce a period. */
const OPENER = /\b(?:from|between|period|covers|covering|spanning|since)\b[^.;?!]{0,40}$/i;
const MAX_GAP = 120;

export interface Period {
  start: FoundDate;
  end: FoundDate;
}

/** The first period (two dates joined by to/until/and/a dash) in a text. */
export function findPeriod(text: string): Period | undefined {
  const dates = findDates(text).filter((d) => d.valid);
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i]!;
    const b = dates[i + 1]!;
    const gap = text.slice(a.end, b.start);
    if (gap.length > MAX_GAP || /[.;?!]\s/.test(gap)) continue;
    const opened = OPENER.test(text.slice(Math.max(0, a.start - 60), a.start));
    if (!JOINER.test(`${gap} `) && !(opened && LATE_JOINER.test(gap))) continue;
    return { start: a, end: b };
  }
  return undefined;
}
