/**
 * Labels of recommendations ("1.", "R3", "MA2", "Recommendation 5:", "**3.**",
 * "6.1", "A i.") and the keys that match a recommendation to the action plan rows
 * that refer to it.
 */
import { trimEndChars } from '../text.js';

export interface Label {
  /** The number as written ("3", "R3", "1.2"). */
  number: string;
  /** Offsets relative to the text searched; end includes the separator and following spaces. */
  start: number;
  end: number;
  kind: 'recommendation' | 'other';
  /** Written with a word ("Recommendation 3", "Finding 2") rather than only a number or code. */
  word?: boolean;
}

const WORD_LABEL =
  /^(\s{0,12})(recommendation|rec\.?|finding|lesson|learning point|learning|issue|key finding)\s{0,3}(?:no\.?\s{0,2})?([A-Z]{0,3}\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?)\b\s{0,3}[.:)–—-]?\s{0,3}/i;
const CODE_LABEL = /^(\s{0,12})([A-Z]{1,3}\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?)\b\s{0,3}[.:)–—-]?\s{1,3}(?=\S)/;
const NUMBER_LABEL = /^(\s{0,12})(\d{1,3}(?:\.\d{1,3}){0,2})(?:[.)]|\s{0,2}[:–—-])?\s{1,3}(?=\S)/;

/** A leading label of a plain text (markup already blanked). */
export function matchLabel(plain: string): Label | undefined {
  const word = WORD_LABEL.exec(plain);
  if (word) {
    const kind = /^rec/i.test(word[2]!) ? 'recommendation' : 'other';
    return { number: word[3]!, start: word[1]!.length, end: word[0].length, kind, word: true };
  }
  const code = CODE_LABEL.exec(plain);
  if (code && !/^Q[1-4]$/.test(code[2]!)) return { number: code[2]!, start: code[1]!.length, end: code[0].length, kind: 'recommendation' };
  const num = NUMBER_LABEL.exec(plain);
  if (num) return { number: num[2]!, start: num[1]!.length, end: num[0].length, kind: 'recommendation' };
  return undefined;
}

/**
 * Letter and roman-numeral labels of paragraphs: “A i.”, “C. ii.”, “ii.”, “D.”, “(a)”.
 * Only paragraphs in a recommendations section read them (in headings and cells a
 * letter is too often something else).
 */
const LETTER_LABEL = /^(\s{0,12})((?:[A-Z][.)]?\s{1,3})?(?:iii|ii|iv|ix|i|vi{0,3}|x)[.)]|[A-Z][.)]|\([a-z]\)|[a-z]\))\s{1,3}(?=\S)/;

/** A paragraph's leading label: a number or code (matchLabel), or a letter or roman numeral. */
export function paragraphLabel(plain: string): Label | undefined {
  const label = matchLabel(plain);
  if (label) return label;
  const letter = LETTER_LABEL.exec(plain);
  if (!letter) return undefined;
  const number = letter[2]!.replace(/[.()]/g, ' ').replace(/\s+/g, ' ').trim();
  return { number, start: letter[1]!.length, end: letter[0].length, kind: 'recommendation' };
}

/** Normalised key of a recommendation number: "R3" and "Recommendation 3" are "3"; "MA2" stays "MA2". */
export function recommendationKey(number: string): string {
  const n = number
    .trim()
    .toUpperCase()
    .replace(/^(?:RECOMMENDATION|REC)\.?\s{0,8}(?:NO\.?\s{0,8})?/, '');
  return trimEndChars(n, ' \t\n.:)')
    .replace(/^R(?=\d)/, '')
    .replace(/\s+/g, '');
}

/** Keys a reference may mean, most specific first: "1.2" → ["1.2", "1"], "3a" → ["3A", "3"]. */
export function keyVariants(key: string): string[] {
  const variants = [key];
  const base = /^([A-Z]{0,3}\d{1,3})/.exec(key)?.[1];
  if (base && base !== key) variants.push(base);
  return variants;
}

/** Does a table cell hold only a recommendation number ("3", "R3", "Recommendation 1.2:")? */
export function looksLikeLabelCell(text: string): boolean {
  return /^(?:(?:recommendation|rec\.?) {0,2})?(?:no\.? {0,2})?[A-Z]{0,3}\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?[.:)]?$/i.test(text.trim());
}

/** References in a cell: "1", "R2", "Recommendation 3", "1, 2 and 4", "1.2". */
export function referencesIn(text: string): string[] {
  const refs: string[] = [];
  const pattern =
    /(?<![\p{L}\p{N}.])(?:(?:recommendations?|recs?\.?)\s{0,8})?(?:no\.?\s{0,8})?([A-Z]{0,3}\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?)(?![\p{N}])/giu;
  for (const m of text.matchAll(pattern)) {
    if (/^(?:19|20)\d{2}$/.test(m[1]!)) continue;
    refs.push(recommendationKey(m[1]!));
  }
  return [...new Set(refs)];
}
