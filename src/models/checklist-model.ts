/**
 * The report checklist (pure: no VS Code): every section of the report type's
 * profile with its state, word count, recommendations (and how many are SMART)
 * and chronology rows, from the text, the lint config and the latest messages.
 *
 * States, first match wins:
 *   missing   no heading means the section
 *   empty     the heading is there with no words under it
 *   prompts   a template “> Prompt:” (or another placeholder the linter flags) is still there
 *   attention problems are reported inside the section (“needs attention”: not “findings”,
 *             which is a section of the report itself)
 *   done      none of the above
 *
 * Issue counts add up: each problem is counted once, in the innermost section that holds
 * it, and the problems outside every section (front matter, the title, a missing section's
 * note at its neighbour) are counted in `elsewhere`, so the sections' `issues` and
 * `elsewhere` sum to `total`.
 */
import type { Root } from 'mdast';
import { findChronologies, findRecommendations, type LintConfig, type LintMessage } from '../index.js';
import { reportOf } from './report-model.js';

export type SectionState = 'missing' | 'empty' | 'prompts' | 'attention' | 'done';

export interface ChecklistSection {
  /** Profile section id. */
  id: string;
  title: string;
  status: 'required' | 'expected' | 'optional';
  state: SectionState;
  /** The heading(s) found for the section: offsets of the first heading line, and the section's extent. */
  heading?: { start: number; end: number };
  /** Offsets of the whole section (the first matching heading to the end of the last). */
  range?: { start: number; end: number };
  /** Headings as written. */
  headings: string[];
  words: number;
  /** Problems reported inside the section (each problem counted in one section only). */
  issues: number;
  recommendations?: { total: number; smart: number };
  chronologyRows?: number;
}

export interface Checklist {
  reportType: string;
  reportTitle: string;
  sections: ChecklistSection[];
  /** Every problem of the report. */
  total: number;
  /** Problems in no section: front matter, the title, notes about missing sections. */
  elsewhere: number;
}

/** Rules whose findings on a recommendation make it not SMART. */
export const SMART_RULES = new Set([
  'recommendation-owner',
  'recommendation-deadline',
  'recommendation-measure',
  'recommendation-vague-action',
]);
const PROMPT_RULES = new Set(['template-placeholder']);
/** Rules whose messages sit at a heading but are about another section (a missing one). */
const ELSEWHERE_RULES = new Set(['required-sections']);
const PROMPT_LINE = /^[ \t]*>[ \t]*(?:\*\*)?Prompt:/m;

function inside(message: LintMessage, start: number, end: number): boolean {
  return message.startOffset >= start && message.startOffset < end;
}

export function computeChecklist(text: string, config: Partial<LintConfig>, messages: readonly LintMessage[], tree?: Root): Checklist {
  const report = reportOf(text, config, tree);
  const recommendations = findRecommendations(report);
  const chronologies = findChronologies(report);

  // Each message belongs to the innermost profile section that holds it (none for ELSEWHERE_RULES).
  const owner = new Map<LintMessage, string>();
  for (const m of messages) {
    if (ELSEWHERE_RULES.has(m.ruleId)) continue;
    let best: { id: string; start: number } | undefined;
    for (const p of report.profile.sections) {
      for (const s of report.sectionsFor(p.id)) {
        if (s.isTitle || m.startOffset < s.start || m.startOffset >= s.end) continue;
        if (!best || s.start > best.start) best = { id: p.id, start: s.start };
      }
    }
    if (best) owner.set(m, best.id);
  }

  const sections = report.profile.sections.map((profileSection): ChecklistSection => {
    const found = report.sectionsFor(profileSection.id).filter((s) => !s.isTitle);
    const base: ChecklistSection = {
      id: profileSection.id,
      title: profileSection.title,
      status: profileSection.status,
      state: 'missing',
      headings: found.map((s) => s.title),
      words: 0,
      issues: 0,
    };
    if (found.length === 0) return base;
    const first = found[0]!;
    const start = Math.min(...found.map((s) => s.start));
    const end = Math.max(...found.map((s) => s.end));
    const within = (offset: number) => found.some((s) => offset >= s.start && offset < s.end);
    const words = found.reduce((sum, s) => sum + s.words, 0);
    const ownMessages = messages.filter((m) => owner.get(m) === profileSection.id);
    const recs = recommendations.filter((r) => within(r.start));
    const rows = chronologies.filter((c) => within(c.start)).reduce((sum, c) => sum + c.rows.length, 0);
    const body = found.map((s) => text.slice(s.heading.position?.end.offset ?? s.start, s.end)).join('\n');
    const section: ChecklistSection = {
      ...base,
      heading: { start: first.start, end: first.heading.position?.end.offset ?? first.start },
      range: { start, end },
      words,
      issues: ownMessages.length,
    };
    if (recs.length > 0) {
      const smart = recs.filter(
        (r) =>
          !messages.some((m) => {
            // A part written as a placeholder is reported by template-placeholder, not by the SMART rules: still not SMART.
            if (PROMPT_RULES.has(m.ruleId)) return inside(m, r.start, r.end);
            if (!SMART_RULES.has(m.ruleId)) return false;
            const about = (m.data?.recommendation as { start?: unknown } | undefined)?.start;
            return about === r.start || (about === undefined && inside(m, r.start, r.end));
          }),
      ).length;
      section.recommendations = { total: recs.length, smart };
    }
    if (rows > 0 || chronologies.some((c) => within(c.start))) section.chronologyRows = rows;
    if (words === 0 && rows === 0) section.state = 'empty';
    else if (PROMPT_LINE.test(body) || ownMessages.some((m) => PROMPT_RULES.has(m.ruleId))) section.state = 'prompts';
    else if (ownMessages.length > 0) section.state = 'attention';
    else section.state = 'done';
    return section;
  });
  const placed = sections.reduce((sum, s) => sum + s.issues, 0);
  return {
    reportType: report.type,
    reportTitle: report.profile.title,
    sections,
    total: messages.length,
    elsewhere: messages.length - placed,
  };
}

const STATE_TEXT: Record<SectionState, string> = {
  missing: 'missing',
  empty: 'empty',
  prompts: 'prompts to answer',
  attention: 'needs attention',
  done: 'done',
};

function issuesText(n: number): string {
  return `${n} issue${n === 1 ? '' : 's'}`;
}

/** The view's summary line: the issues of the whole report, where they are (adds up with the sections' counts). */
export function describeChecklist(checklist: Checklist): string {
  if (checklist.total === 0) return `${checklist.reportTitle}: no issues`;
  const inSections = checklist.total - checklist.elsewhere;
  const where =
    checklist.elsewhere > 0
      ? ` (${inSections} in the sections below, ${checklist.elsewhere} elsewhere: front matter, title or missing sections)`
      : '';
  return `${checklist.reportTitle}: ${issuesText(checklist.total)}${where}`;
}

/** One line describing a section's state and figures (the tree item's description). */
export function describeSection(section: ChecklistSection): string {
  const parts: string[] = [STATE_TEXT[section.state]];
  if (section.state === 'missing') {
    if (section.status !== 'required') parts.push(section.status);
    return parts.join(' · ');
  }
  if (section.state === 'attention') parts[0] = issuesText(section.issues);
  else if (section.issues > 0) parts.push(issuesText(section.issues));
  parts.push(`${section.words} word${section.words === 1 ? '' : 's'}`);
  if (section.recommendations) parts.push(`${section.recommendations.smart}/${section.recommendations.total} recommendations SMART`);
  if (section.chronologyRows !== undefined)
    parts.push(`${section.chronologyRows} chronology row${section.chronologyRows === 1 ? '' : 's'}`);
  return parts.join(' · ');
}
