/** Whether the child was seen: reading a Child seen cell, and the events in which the child could have been seen. */
import { normalizePhrase, phraseRegExp } from '../text.js';
import data from '../../data/chronology-columns.json' with { type: 'json' };
import type { CellContent } from './types.js';

interface SeenPhrase {
  phrase: string;
  value: boolean | undefined;
}

const SEEN_PHRASES: SeenPhrase[] = [
  ...data.childSeenYes.map((p) => ({ phrase: normalizePhrase(p), value: true as boolean | undefined })),
  ...data.childSeenNo.map((p) => ({ phrase: normalizePhrase(p), value: false as boolean | undefined })),
  ...data.childSeenUnknown.map((p) => ({ phrase: normalizePhrase(p), value: undefined })),
].sort((a, b) => b.phrase.length - a.phrase.length);

/** Read a Child seen cell: true (seen), false (not seen / not brought) or undefined (blank, not recorded, unclear). */
export function readChildSeen(text: string): boolean | undefined {
  const n = normalizePhrase(text);
  if (!n) return undefined;
  for (const { phrase, value } of SEEN_PHRASES) if (n === phrase || n.startsWith(`${phrase} `)) return value;
  if (/\bnot seen\b/.test(n)) return false;
  if (/\bseen\b/.test(n)) return true;
  return undefined;
}

const CONTACT = phraseRegExp(data.childContact, 'iu')!;

/** The words that make a text a contact in which the child could have been seen (home visit, clinic, school…), if any. */
export function childContactMatch(text: string): string | undefined {
  return CONTACT.exec(text)?.[0];
}

/** Does a text describe a contact in which the child could have been seen? */
export function isChildContact(text: string): boolean {
  return CONTACT.test(text);
}

/** Is a cell blank for this purpose (empty or only dashes)? */
export function isBlankCell(cell: CellContent | undefined): boolean {
  return !cell || /^[\s\-–—]*$/.test(cell.text);
}
