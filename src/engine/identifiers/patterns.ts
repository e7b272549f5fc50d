/**
 * Identifiers found by their form (primer §9): dates of birth, postcodes, street
 * addresses, phone numbers, e-mail addresses, NHS numbers, National Insurance
 * numbers, record numbers and school names.
 */
import { ContextMemo, contextKey } from '../memo.js';
import { findDates } from '../dates.js';
import { escapeRegExp, phraseRegExp, trimEndChars } from '../text.js';
import data from '../../data/anonymisation.json' with { type: 'json' };
import type { Found, IdentifierKind } from './found.js';
import { NOT_NAMES, NOT_SCHOOL_NAMES, NOT_STREET_NAMES, ORGANISATION_WORDS, PLACE_PREFIXES, SCHOOL_TYPE_WORDS, wordKey } from './words.js';

const EMAIL = /(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,6}/g;

// UK postcode: outward code (A9, A99, AA9, AA99, A9A, AA9A) and inward code (9AA).
const POSTCODE = /(?<![A-Za-z0-9])(?:[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKPSTUW]?) ?[0-9][ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])/g;

// Candidate phone numbers: +44 or a leading 0, then digits with spaces, hyphens or brackets.
const PHONE = /(?<![\w+])(?:\+44[ ]?(?:\(0\)[ ]?)?|\(?0)\d[\d ()-]{7,14}\d(?!\d)/g;

// NHS number: 10 digits as 3-3-4 with one kind of separator (or none).
const NHS = /(?<![\d-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d-])/g;

// National Insurance number: two prefix letters, six digits, suffix A-D.
const NI = /(?<![A-Za-z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/g;

const NAME_WORD = "\\p{Lu}[\\p{L}'\u2019-]{1,24}";
const UNNUMBERED_STREET_WORDS = phraseAlternation(data.unnumberedStreetWords);
// "12 Acacia Avenue", "12a Long Lane", "Flat 3, 14 Mill Road": a number and up to four capitalised
// words; the code keeps the words up to the last street word ("Road", "Court"...).
const NUMBERED_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:Flat|Apartment|Apt|Unit)\\s\\d{1,4}[A-Za-z]?,?\\s)?\\d{1,4}[A-Za-z]?,?\\s(${NAME_WORD}(?:[ \\t]${NAME_WORD}){1,3})`,
  'gu',
);

const STREET_WORD_SET = new Set(data.streetWords.map(wordKey));
// "Flat 3, Jubilee Court"
const FLAT_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:Flat|Apartment|Apt)\\s\\d{1,4}[A-Za-z]?,?\\s(${NAME_WORD}(?:[ \\t]${NAME_WORD}){0,2})(?![\\p{L}\\p{N}])`,
  'gu',
);

// "Acacia Avenue" without a house number (only unambiguous street words)
const STREET_NAME = new RegExp(`(?<![\\p{L}\\p{N}])((?:${NAME_WORD}\\s){1,3})(?:${UNNUMBERED_STREET_WORDS})(?![\\p{L}\\p{N}])`, 'gu');

const UNAMBIGUOUS_STREET_WORDS = new Set(data.unnumberedStreetWords.map(wordKey));
const SCHOOL_WORDS = phraseAlternation(data.schoolWords);
// "Oakfield Primary School", "St Mary's RC Academy"
const SCHOOL = new RegExp(`(?<![\\p{L}\\p{N}])((?:${NAME_WORD}\\s){1,5})(?:${SCHOOL_WORDS})(?![\\p{L}\\p{N}])`, 'gu');
/** The street and school words alone: a text without one cannot match STREET_NAME or SCHOOL. */
const STREET_WORD_HINT = new RegExp(UNNUMBERED_STREET_WORDS, 'u');
const SCHOOL_WORD_HINT = new RegExp(SCHOOL_WORDS, 'u');

const DOB_KEYWORDS = phraseRegExp(data.dobKeywords, 'giu')!;
const RECORD_KEYWORDS = phraseRegExp(data.recordKeywords, 'giu')!;
const GENERIC_RECORD_KEYWORDS = new Set(['ref', 'ref.', 'reference number', 'reference no', 'our ref', 'your ref', 'id number', 'id no']);
const RECORD_VALUE = /[\s:#.=-]{0,4}(?:(?:is|was|of)\s){0,1}([A-Za-z0-9][A-Za-z0-9/._-]{1,30}[A-Za-z0-9])/y;

function phraseAlternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegExp(w))
    .join('|');
}

/** The NHS number check digit (modulus 11) is right. */
export function nhsNumberValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** A UK phone number: 10 or 11 national digits starting 01, 02, 03, 05, 07, 08 (or +44 and the same). */
export function phoneValid(candidate: string): boolean {
  let digits = candidate.replace(/\D/g, '');
  if (candidate.startsWith('+44')) {
    digits = digits.slice(2);
    if (digits.startsWith('0')) digits = digits.slice(1);
    digits = `0${digits}`;
  }
  if (digits.length < 10 || digits.length > 11) return false;
  if (!/^0[1235789]/.test(digits)) return false;
  // Too many separators for a phone number ("0 1 2 3 ..."); "+44" and "(0)" do not count.
  const groups = candidate
    .replace(/^\+44/, '')
    .replace('(0)', '')
    .split(/[ ()-]+/)
    .filter(Boolean);
  return groups.length <= 4;
}

export interface PatternOptions {
  /** Lower-case words that may precede a street word without making it an address (places, allowed names). */
  allowedWords?: ReadonlySet<string>;
  /** School names from configuration (always flagged). */
  schools?: readonly string[];
}

/** Which characters of the searched text are already taken by a find (so overlap checks stay linear). */
const coverage = new WeakMap<Found[], Uint8Array>();

function push(found: Found[], kind: IdentifierKind, start: number, text: string) {
  found.push({ kind, start, end: start + text.length, text });
  const cover = coverage.get(found);
  if (cover) cover.fill(1, start, Math.min(cover.length, start + text.length));
}

function overlaps(found: Found[], start: number, end: number): boolean {
  const cover = coverage.get(found);
  if (!cover) return found.some((f) => f.start < end && start < f.end);
  for (let i = start; i < end && i < cover.length; i++) if (cover[i]) return true;
  return false;
}

const DEATH_KEYWORDS = phraseRegExp(data.deathKeywords, 'giu')!;

/** Offset just after the last match of a global pattern in `text`, or -1. */
function lastMatchEnd(pattern: RegExp, text: string): number {
  let end = -1;
  for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags))) end = m.index + m[0].length;
  return end;
}

/**
 * Is the date at [start, end) of `text` a date of birth: a "born" / "DOB" / "date of
 * birth" keyword just before it in the same sentence, with no death keyword or other
 * date between them ("born on 4 June 2004 and died on 16 July 2006": only the first),
 * or "(date of birth)" right after it?
 */
function nearBirthKeyword(text: string, start: number, end: number): boolean {
  let before = text.slice(Math.max(0, start - 45), start);
  const stop = Math.max(before.search(/[.!?]\s[^.!?]*$/), before.lastIndexOf('\n\n'));
  if (stop >= 0) before = before.slice(stop + 1);
  const birth = lastMatchEnd(DOB_KEYWORDS, before);
  if (birth >= 0) {
    const between = before.slice(birth);
    if (!new RegExp(DEATH_KEYWORDS.source, DEATH_KEYWORDS.flags).test(between) && !findDates(between).some((d) => d.precision === 'day'))
      return true;
  }
  let after = text.slice(end, end + 25);
  const cut = after.search(/[.!?](?:\s|$)|\n\n/);
  if (cut >= 0) after = after.slice(0, cut);
  // "12/03/2007 (date of birth)", "12/03/2007, DOB": the keyword right after the date.
  const keyword = new RegExp(DOB_KEYWORDS.source, DOB_KEYWORDS.flags).exec(after);
  return keyword !== null && /^[\s(,:;\u2013\u2014-]{0,4}$/.test(after.slice(0, keyword.index));
}

const optionKeys = new WeakMap<ReadonlySet<string>, string>();
const schoolKeys = new WeakMap<readonly string[], string>();
const NO_SCHOOLS: readonly string[] = [];
const patternFinds = new ContextMemo<Found[]>();

/** Every non-name identifier in a text (kept across lints by text and options; read-only). */
export function findPatternIdentifiers(text: string, options: PatternOptions = {}): Found[] {
  let wordsKey = options.allowedWords ? optionKeys.get(options.allowedWords) : '';
  if (wordsKey === undefined && options.allowedWords)
    optionKeys.set(options.allowedWords, (wordsKey = contextKey(JSON.stringify([...options.allowedWords].sort()))));
  const schools = options.schools ?? NO_SCHOOLS;
  let schoolsKey = schoolKeys.get(schools);
  if (schoolsKey === undefined) schoolKeys.set(schools, (schoolsKey = contextKey(JSON.stringify(schools))));
  return patternFinds.get(`${wordsKey}\u0000${schoolsKey}`, text, () => findPatternIdentifiersOnce(text, options));
}

function findPatternIdentifiersOnce(text: string, options: PatternOptions): Found[] {
  const found: Found[] = [];
  coverage.set(found, new Uint8Array(text.length));
  const allowed = options.allowedWords ?? new Set<string>();
  // What each pattern cannot match without (most paragraphs and cells have no @, no digit, no street or school word):
  // the patterns are skipped, not changed, so the finds are the same.
  const hasDigit = /[0-9]/.test(text);

  if (text.includes('@')) for (const m of text.matchAll(EMAIL)) push(found, 'email', m.index, m[0]);

  if (hasDigit) findNumbers(text, found);

  for (const date of findDates(text)) {
    if (date.precision !== 'day' || !date.valid) continue;
    if (nearBirthKeyword(text, date.start, date.end) && !overlaps(found, date.start, date.end))
      push(found, 'date-of-birth', date.start, date.text);
  }

  if (hasDigit) findRecordNumbers(text, found);

  const streetNameOk = (words: string) => {
    const keys = words.trim().split(/\s+/).map(wordKey);
    return keys.some((k) => !NOT_STREET_NAMES.has(k) && !NOT_NAMES.has(k) && !allowed.has(k));
  };
  if (hasDigit) findNumberedAddresses(text, found);
  if (STREET_WORD_HINT.test(text)) {
    for (const m of text.matchAll(STREET_NAME)) {
      const words = m[1]!;
      if (!streetNameOk(words)) continue;
      // Leading sentence words ("In Acacia Avenue") are not part of the street name.
      const lead = leadingStopWords(words);
      const start = m.index + lead;
      const t = m[0].slice(lead);
      if (!overlaps(found, start, start + t.length)) push(found, 'address', start, t);
    }
  }

  if (SCHOOL_WORD_HINT.test(text)) {
    for (const m of text.matchAll(SCHOOL)) {
      const words = m[1]!.trim().split(/\s+/);
      const nameWords = words.filter((w) => !SCHOOL_TYPE_WORDS.has(wordKey(w)));
      const distinctive = nameWords.some((w) => {
        const k = wordKey(w);
        return !NOT_SCHOOL_NAMES.has(k) && !NOT_NAMES.has(k) && !allowed.has(k);
      });
      if (!distinctive) continue;
      const lead = leadingStopWords(m[1]!);
      const start = m.index + lead;
      const t = m[0].slice(lead);
      if (!overlaps(found, start, start + t.length)) push(found, 'school', start, t);
    }
  }
  const schools = phraseRegExp(options.schools ?? []);
  if (schools) {
    for (const m of text.matchAll(schools)) {
      if (!overlaps(found, m.index, m.index + m[0].length)) push(found, 'school', m.index, m[0]);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** NHS numbers, phone numbers, postcodes and National Insurance numbers, in that order of precedence. */
function findNumbers(text: string, found: Found[]): void {
  for (const m of text.matchAll(NHS)) {
    const digits = `${m[1]}${m[3]}${m[4]}`;
    if (nhsNumberValid(digits) && !overlaps(found, m.index, m.index + m[0].length)) push(found, 'nhs-number', m.index, m[0]);
  }

  for (const m of text.matchAll(PHONE)) {
    const candidate = trimEndChars(m[0], ' (-');
    if (phoneValid(candidate) && !overlaps(found, m.index, m.index + candidate.length)) push(found, 'phone', m.index, candidate);
  }

  for (const m of text.matchAll(POSTCODE)) {
    if (!overlaps(found, m.index, m.index + m[0].length)) push(found, 'postcode', m.index, m[0]);
  }

  for (const m of text.matchAll(NI)) {
    if (!overlaps(found, m.index, m.index + m[0].length)) push(found, 'ni-number', m.index, m[0]);
  }
}

/** "Flat 3, Jubilee Court", "12 Acacia Avenue". */
function findNumberedAddresses(text: string, found: Found[]): void {
  for (const m of text.matchAll(FLAT_ADDRESS)) {
    if (!overlaps(found, m.index, m.index + m[0].length)) push(found, 'address', m.index, m[0]);
  }
  for (const m of text.matchAll(NUMBERED_ADDRESS)) {
    const words = m[1]!.split(/[ \t]/);
    let last = -1;
    for (let i = 1; i < words.length; i++) if (STREET_WORD_SET.has(wordKey(words[i]!))) last = i;
    if (last < 1) continue;
    const nameKeys = words.slice(0, last).map(wordKey);
    if (!UNAMBIGUOUS_STREET_WORDS.has(wordKey(words[last]!)) && nameKeys.every((k) => NOT_STREET_NAMES.has(k))) continue;
    const length = m[0].length - m[1]!.length + words.slice(0, last + 1).join(' ').length;
    const t = m[0].slice(0, length);
    if (!overlaps(found, m.index, m.index + t.length)) push(found, 'address', m.index, t);
  }
}

/** Length of the leading words of a capitalised run that are sentence words ("In", "The", "On"). */
function leadingStopWords(words: string): number {
  let offset = 0;
  for (const m of words.matchAll(/\S+\s*/g)) {
    const k = wordKey(m[0].trim());
    if (!NOT_NAMES.has(k) || ORGANISATION_WORDS.has(k) || SCHOOL_TYPE_WORDS.has(k) || PLACE_PREFIXES.has(k)) break;
    offset = m.index + m[0].length;
  }
  return offset;
}

function findRecordNumbers(text: string, found: Found[]) {
  for (const m of text.matchAll(new RegExp(RECORD_KEYWORDS.source, RECORD_KEYWORDS.flags))) {
    RECORD_VALUE.lastIndex = m.index + m[0].length;
    const v = RECORD_VALUE.exec(text);
    if (!v) continue;
    const value = trimEndChars(v[1]!, '._-');
    const digits = value.replace(/\D/g, '').length;
    const generic = GENERIC_RECORD_KEYWORDS.has(m[0].toLowerCase().replace(/\s+/g, ' '));
    if (digits < (generic ? 4 : 3)) continue;
    if (/^(?:19|20)\d{2}$/.test(value)) continue;
    const date = findDates(value)[0];
    if (date && date.start === 0 && date.end === value.length) continue;
    const start = v.index + v[0].length - v[1]!.length;
    if (overlaps(found, start, start + value.length)) continue;
    push(found, 'record-number', start, value);
  }
}

/** Cells of a column whose header says what they hold ("Date of birth", "NHS number") are identifiers in themselves. */
export function identifierColumnKind(header: string): IdentifierKind | undefined {
  const h = header
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (/^(?:d o b|dob|date of birth|birth date|born)$/.test(h)) return 'date-of-birth';
  if (/\bnhs (?:number|no)\b/.test(h)) return 'nhs-number';
  if (/\b(?:case|crime|file|record|hospital|patient|client|ni|national insurance|reference) (?:number|no|ref|reference)\b/.test(h))
    return 'record-number';
  if (/^(?:address|home address|postcode|post code)$/.test(h)) return 'address';
  if (/^(?:school|school attended|nursery)$/.test(h)) return 'school';
  return undefined;
}
