/** Agency and role names (data in src/data/agencies.json, extended by config). */
import data from '../data/agencies.json' with { type: 'json' };
import { phraseRegExp } from './text.js';

export const BUILT_IN_AGENCIES: readonly string[] = data.agencies;
export const BUILT_IN_ROLES: readonly string[] = data.roles;

const cache = new Map<string, RegExp | undefined>();

/** A global RegExp for agency names, the built-in list plus `extra` (cached per list). */
export function agencyPattern(extra: readonly string[] = []): RegExp | undefined {
  const key = extra.join('\u0000');
  if (!cache.has(key)) cache.set(key, phraseRegExp([...BUILT_IN_AGENCIES, ...extra]));
  const pattern = cache.get(key);
  if (pattern) pattern.lastIndex = 0;
  return pattern;
}

/**
 * Agency names that stand in a text, in order. A one-word match written in lower
 * case (“admitted to hospital”, “at school”) is a common noun, not a named agency,
 * and is left out; “the Hospital”, “Northshire Police”, “CAMHS” and
 * “the health visiting service” count.
 */
export function findAgencies(text: string, extra: readonly string[] = []): { start: number; end: number; text: string }[] {
  const pattern = agencyPattern(extra);
  if (!pattern) return [];
  return [...text.matchAll(new RegExp(pattern.source, pattern.flags))]
    .filter((m) => /\s/.test(m[0]) || /^\p{Lu}/u.test(m[0]))
    .map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}
