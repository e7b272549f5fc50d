/** Whole-word phrase patterns without unbounded repetition (for long data lists). */
import { escapeRegExp } from './text.js';

/**
 * A RegExp for any of the phrases as whole words, case-insensitively, longest
 * first. A space in a phrase matches one whitespace character (a line break
 * included) and an apostrophe either form. Unlike `phraseRegExp` there is no
 * unbounded repetition, so long lists stay simple for the backtracking checker.
 */
export function wordsRegExp(phrases: readonly string[], flags = 'giu'): RegExp | undefined {
  const unique = [...new Set(phrases.map((p) => p.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return undefined;
  const body = unique
    .map((p) =>
      escapeRegExp(p)
        .replace(/\s+/g, '\\s')
        .replace(/['\u2019]/g, "['\u2019]"),
    )
    .join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, flags);
}
