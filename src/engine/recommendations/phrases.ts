/**
 * Phrase lists matched word by word (no regular expression is built from data):
 * owner names, timing words, measures and vague verbs all come from data files.
 */
import { normalizePhrase } from '../text.js';
import type { Span } from './plain-text.js';

export interface Token {
  start: number;
  end: number;
  /** Lower case, apostrophes removed, "&" as "and" (as normalizePhrase folds a phrase). */
  value: string;
  raw: string;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|&/gu;

/** Words of a text with their offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0];
    tokens.push({ start: m.index, end: m.index + raw.length, raw, value: raw === '&' ? 'and' : raw.toLowerCase().replace(/['’]/g, '') });
  }
  return tokens;
}

/** Is the text between two words only spaces, hyphens, slashes or ampersands (not a sentence break)? */
export function joins(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!" \t\n\r-–/&'".includes(text[i]!)) return false;
  return true;
}

export interface PhraseHit<T> extends Span {
  value: T;
  /** Index of the first and one past the last word. */
  first: number;
  last: number;
}

/**
 * Whole-word phrase matching over tokens, longest phrase first, case-insensitive.
 * With `plural`, a phrase's last word also matches with "s"/"es" (and a possessive "'s").
 */
export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, { words: string[]; value: T }[]>();

  constructor(
    entries: Iterable<readonly [string, T]>,
    private readonly plural = false,
  ) {
    const unique = new Map<string, T>();
    for (const [phrase, value] of entries) {
      const key = normalizePhrase(phrase);
      if (key) unique.set(key, value);
    }
    for (const [key, value] of unique) {
      const words = key.split(' ');
      const list = this.byFirst.get(words[0]!) ?? [];
      list.push({ words, value });
      this.byFirst.set(words[0]!, list);
    }
    for (const list of this.byFirst.values())
      list.sort((a, b) => b.words.length - a.words.length || b.words.join(' ').length - a.words.join(' ').length);
  }

  private same(token: string, word: string, last: boolean): boolean {
    if (token === word) return true;
    return this.plural && last && (token === `${word}s` || token === `${word}es`);
  }

  /** The longest phrase starting at word `i`. */
  matchAt(text: string, tokens: Token[], i: number): PhraseHit<T> | undefined {
    const first = tokens[i];
    if (!first) return undefined;
    const keys = [first.value];
    if (this.plural && first.value.endsWith('s')) keys.push(first.value.slice(0, -1), first.value.slice(0, -2));
    let best: PhraseHit<T> | undefined;
    for (const key of keys) {
      for (const candidate of this.byFirst.get(key) ?? []) {
        const n = candidate.words.length;
        if (best && best.last - best.first >= n) break;
        let ok = i + n <= tokens.length;
        for (let k = 0; ok && k < n; k++) {
          const token = tokens[i + k]!;
          if (!this.same(token.value, candidate.words[k]!, k === n - 1)) ok = false;
          else if (k > 0 && !joins(text, tokens[i + k - 1]!.end, token.start)) ok = false;
        }
        if (!ok) continue;
        const end = tokens[i + n - 1]!.end;
        best = { start: first.start, end, text: text.slice(first.start, end), value: candidate.value, first: i, last: i + n };
        break;
      }
    }
    return best;
  }

  /** Non-overlapping phrases in a text, left to right. */
  find(text: string, tokens: Token[] = tokenize(text)): PhraseHit<T>[] {
    const hits: PhraseHit<T>[] = [];
    for (let i = 0; i < tokens.length;) {
      const hit = this.matchAt(text, tokens, i);
      if (hit) {
        hits.push(hit);
        i = hit.last;
      } else i++;
    }
    return hits;
  }

  /** The phrase at the very start of a text (leading spaces allowed). */
  startOf(text: string): PhraseHit<T> | undefined {
    const tokens = tokenize(text.slice(0, 200));
    const hit = this.matchAt(text, tokens, 0);
    return hit && text.slice(0, hit.start).trim() === '' ? hit : undefined;
  }

  /** Does any phrase stand in the text? */
  test(text: string): boolean {
    return this.find(text).length > 0;
  }
}
