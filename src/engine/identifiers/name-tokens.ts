/** The words of a text with what the name finder needs to know of them: capitalised, a single letter, at a sentence start. */
import { TextMemo } from '../memo.js';
import { trimEndChars } from '../text.js';
import { HONORIFICS, PROFESSIONAL_TITLES, wordKey } from './words.js';

export interface Token {
  start: number;
  end: number;
  text: string;
  key: string;
  capitalised: boolean;
  /** A single capital letter ("G" in "Mr G"). */
  letter: boolean;
  sentenceInitial: boolean;
}

const WORD = /\p{L}[\p{L}\p{M}'\u2019-]{0,40}/gu;

const tokenized = new TextMemo<Token[]>();

/** The words of a text with what the name finder needs to know of them (kept across lints; read-only). */
export function tokenize(text: string): Token[] {
  return tokenized.get(text, () => tokenizeOnce(text));
}

const isQuote = (code: number) => code === 39 || code === 0x2019;

/** The word without a possessive (`raw.replace(/['\u2019]s?$/u, '')`). */
function possessiveStem(raw: string): string {
  const n = raw.length;
  if (isQuote(raw.charCodeAt(n - 1))) return raw.slice(0, -1);
  return n >= 2 && raw.charCodeAt(n - 1) === 115 && isQuote(raw.charCodeAt(n - 2)) ? raw.slice(0, -2) : raw;
}

function tokenizeOnce(text: string): Token[] {
  const tokens: Token[] = [];
  let previous: Token | undefined;
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const lastCode = word.charCodeAt(word.length - 1);
    let raw = word;
    if (lastCode === 45 || isQuote(lastCode)) {
      const trimmed = trimEndChars(word, "-'\u2019");
      // Keep one closing apostrophe ("Magistrates'"), drop a trailing hyphen.
      raw = trimmed.length < word.length && isQuote(word.charCodeAt(trimmed.length)) ? word.slice(0, trimmed.length + 1) : trimmed;
    }
    const between = text.slice(previous ? previous.end : 0, m.index);
    // The word without a possessive: "Mr C’s" is the pseudonym letter C, not a name "C’s".
    const stem = possessiveStem(raw);
    const letter = stem.length <= 2 && /^\p{Lu}$/u.test(stem);
    const token: Token = {
      start: m.index,
      end: m.index + raw.length,
      text: raw,
      key: wordKey(raw),
      capitalised: stem.length >= 2 && /^\p{Lu}/u.test(stem) && /\p{Ll}/u.test(stem),
      letter,
      sentenceInitial: isSentenceStart(previous, between),
    };
    tokens.push(token);
    previous = token;
  }
  return tokens;
}

function isSentenceStart(previous: Token | undefined, between: string): boolean {
  if (!previous) return true;
  if (between === ' ') return false;
  if (/\n\s*\n/.test(between)) return true;
  if (/[!?:;]/.test(between)) return true;
  if (between.includes('.')) {
    // "Dr. Smith", "J. Smith", "e.g. Sarah": the full stop closes an abbreviation.
    if (HONORIFICS.has(previous.key) || PROFESSIONAL_TITLES.has(previous.key) || previous.letter) return false;
    if (/^(?:eg|ie|etc|cf|vs|approx|no|st)$/i.test(previous.text)) return false;
    return true;
  }
  // A line break after a heading-like line or a list marker left in the text.
  if (/[\n\r][ \t]{0,12}(?:[-*+>|#]|\d{1,3}[.)])/.test(between)) return true;
  return false;
}
