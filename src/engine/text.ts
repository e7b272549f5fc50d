/** Small text helpers shared by the engine and rules. */
import { TextMemo } from './memo.js';

/** Lower case, apostrophes removed, `&` as "and", punctuation and hyphens folded to single spaces. */
export function normalizePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc']/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const wordCounts = new TextMemo<number>();

/** Count words the way a reader would (letters or digits, apostrophes inside words). Kept across lints by text. */
export function countWords(text: string): number {
  return wordCounts.get(text, () => {
    const matches = text.match(/[\p{L}\p{N}]+(?:['\u2019-][\p{L}\p{N}]+)*/gu);
    return matches ? matches.length : 0;
  });
}

/** Escape a literal for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A RegExp matching any of the phrases as whole words, case-insensitively,
 * longest first so that "Hospital Trust" wins over "Hospital". Whitespace inside
 * a phrase matches any run of spaces (including a line break).
 */
export function phraseRegExp(phrases: readonly string[], flags = 'giu'): RegExp | undefined {
  const unique = [...new Set(phrases.map((p) => p.trim()).filter(Boolean))];
  if (unique.length === 0) return undefined;
  unique.sort((a, b) => b.length - a.length);
  const body = unique.map((p) => escapeRegExp(p).replace(/\s+/g, '\\s+').replace(/'/g, "['\u2019]")).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, flags);
}

/** Quote a phrase for a message, the way remark-lint does (`“text”`). */
export function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `“${oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine}”`;
}

/** Replace HTML comments with spaces (line breaks kept), in one linear scan. */
export function blankComments(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('<!--'); open !== -1; open = text.indexOf('<!--', from)) {
    const close = text.indexOf('-->', open + 4);
    const end = close === -1 ? text.length : close + 3;
    out += text.slice(from, open) + text.slice(open, end).replace(/[^\n]/g, ' ');
    from = end;
  }
  return out + text.slice(from);
}

/** Remove any of `chars` from the end of a text (a loop, not a `[…]+$` pattern, which backtracks quadratically). */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** Remove any of `chars` from the start of a text. */
export function trimStartChars(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start]!)) start++;
  return text.slice(start);
}

/** The offset where a 1-based line starts (the text's length when it has fewer lines). */
export function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset;
}
