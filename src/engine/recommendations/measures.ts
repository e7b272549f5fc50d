/**
 * Measures of recommendations (primer §4 "Measurable"): the words that say how
 * success will be evidenced (an audit, a target, a figure, a report to the
 * Board, an outcome).
 */
import measures from '../../data/recommendation-measures.json' with { type: 'json' };
import { PhraseMatcher, tokenize } from './phrases.js';
import type { Span } from './plain-text.js';

const measureCache = new Map<string, PhraseMatcher<true>>();
const COUNT_NOUNS = new Set([
  'cases',
  'records',
  'files',
  'families',
  'children',
  'staff',
  'practitioners',
  'referrals',
  'assessments',
  'plans',
  'visits',
  'contacts',
  'audits',
  'officers',
  'professionals',
]);
const PERCENT = /\d{1,3}(?:\.\d{1,2})? ?(?:%|per ?cent)/i;

/** Words saying how success will be evidenced (audit, target, figure, report to the Board, outcome). */
export function findMeasure(text: string, extra: readonly string[] = []): Span | undefined {
  const key = extra.join('\u0000');
  let matcher = measureCache.get(key);
  if (!matcher) measureCache.set(key, (matcher = new PhraseMatcher([...measures.phrases, ...extra].map((p) => [p, true] as const))));
  const tokens = tokenize(text);
  const found: Span[] = matcher.find(text, tokens).map((h) => ({ start: h.start, end: h.end, text: h.text }));
  const percent = PERCENT.exec(text);
  if (percent) found.push({ start: percent.index, end: percent.index + percent[0].length, text: percent[0] });
  // "20 cases", "30 case files", "12 multi-agency audits"
  tokens.forEach((token, i) => {
    if (!/^\d{1,5}$/.test(token.value)) return;
    for (let k = i + 1; k <= i + 3 && k < tokens.length; k++) {
      if (COUNT_NOUNS.has(tokens[k]!.value)) {
        found.push({ start: token.start, end: tokens[k]!.end, text: text.slice(token.start, tokens[k]!.end) });
        return;
      }
    }
  });
  return found.sort((a, b) => a.start - b.start)[0];
}
