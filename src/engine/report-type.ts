/** Working out which kind of report a document is. */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Profile, ReportTypeSource } from './types.js';
import { matchHeading } from './headings.js';
import { normalizePhrase } from './text.js';

export interface ReportTypeGuess {
  type: string;
  source: ReportTypeSource;
  /** 0..1: how sure we are that the document is a case review of this type. */
  confidence: number;
}

/** Fewer matched sections than this and the headings say nothing. */
const MIN_MATCHED_SECTIONS = 3;

function titleOf(tree: Root, frontMatterTitle: string | undefined): string {
  if (frontMatterTitle) return frontMatterTitle;
  const first = tree.children.find((n) => n.type === 'heading');
  return first && first.type === 'heading' && first.depth === 1 ? toString(first) : '';
}

/** The profile whose title phrase stands in the title, preferring the longest phrase. */
function fromTitle(title: string, profiles: readonly Profile[]): Profile | undefined {
  const norm = ` ${normalizePhrase(title)} `;
  let best: { profile: Profile; length: number } | undefined;
  for (const profile of profiles) {
    for (const phrase of profile.titlePhrases) {
      const p = normalizePhrase(phrase);
      if (p && norm.includes(` ${p} `) && (!best || p.length > best.length)) best = { profile, length: p.length };
    }
  }
  return best?.profile;
}

/**
 * Score each profile by the headings that match its sections; a section shared
 * by many profiles (introduction) says less than a distinctive one (genogram).
 */
function fromHeadings(headings: string[], profiles: readonly Profile[]): { profile: Profile; matched: number; score: number } | undefined {
  const owners = new Map<string, number>();
  for (const profile of profiles) for (const s of profile.sections) owners.set(s.id, (owners.get(s.id) ?? 0) + 1);
  let best: { profile: Profile; matched: number; score: number } | undefined;
  for (const profile of profiles) {
    const ids = new Set(headings.flatMap((h) => matchHeading(h, profile)));
    const score = [...ids].reduce((sum, id) => sum + 1 / (owners.get(id) ?? 1), 0);
    if (!best || score > best.score) best = { profile, matched: ids.size, score };
  }
  return best;
}

export function inferReportType(
  tree: Root,
  profiles: readonly Profile[],
  options: { frontMatterType?: string; frontMatterTitle?: string; forced?: string; defaultType: string },
): ReportTypeGuess {
  const known = new Set(profiles.map((p) => p.id));
  if (options.forced && known.has(options.forced)) return { type: options.forced, source: 'option', confidence: 1 };
  if (options.frontMatterType && known.has(options.frontMatterType)) {
    return { type: options.frontMatterType, source: 'front-matter', confidence: 1 };
  }
  const headings = tree.children.flatMap((n) => (n.type === 'heading' ? [toString(n)] : []));
  const byTitle = fromTitle(titleOf(tree, options.frontMatterTitle), profiles);
  const byHeadings = fromHeadings(headings, profiles);
  const headingConfidence = (p: Profile, matched: number) =>
    Math.min(1, matched / Math.max(1, p.sections.filter((s) => s.status === 'required').length));
  if (byTitle) {
    const matched = new Set(headings.flatMap((h) => matchHeading(h, byTitle))).size;
    return { type: byTitle.id, source: 'inferred', confidence: Math.max(0.6, headingConfidence(byTitle, matched)) };
  }
  if (byHeadings && byHeadings.matched >= MIN_MATCHED_SECTIONS) {
    return { type: byHeadings.profile.id, source: 'inferred', confidence: headingConfidence(byHeadings.profile, byHeadings.matched) };
  }
  const fallback = known.has(options.defaultType) ? options.defaultType : 'overview';
  const confidence = byHeadings
    ? headingConfidence(
        profiles.find((p) => p.id === fallback)!,
        0,
      )
    : 0;
  return { type: fallback, source: 'default', confidence };
}
