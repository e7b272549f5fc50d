/**
 * Finding text that may identify a family in a case review (primer §9):
 * personal names, dates of birth, postcodes, street addresses, phone numbers,
 * e-mail addresses, NHS numbers, National Insurance numbers, record numbers and
 * school names. Pure functions over strings; no Node APIs.
 *
 * Offsets are relative to the text passed in. Callers pass a block's source
 * with markup masked (same length), so offsets map straight back.
 */
import { ContextMemo, contextKey, TextMemo } from './memo.js';
import nlp from 'compromise';
import data from '../data/anonymisation.json' with { type: 'json' };
import { findDates } from './dates.js';
import { BUILT_IN_AGENCIES, BUILT_IN_ROLES } from './gazetteer.js';
import { escapeRegExp, phraseRegExp } from './text.js';
import { isEnglishWord } from './english-words.js';
import ukPlaces from '../data/uk-places.json' with { type: 'json' };
import { stringList } from './front-matter.js';

export type IdentifierKind =
  | 'name'
  | 'date-of-birth'
  | 'postcode'
  | 'address'
  | 'phone'
  | 'email'
  | 'nhs-number'
  | 'ni-number'
  | 'record-number'
  | 'school';

export interface Found {
  kind: IdentifierKind;
  start: number;
  end: number;
  text: string;
}

// ---------------------------------------------------------------------------
// Word lists

/** Lower case, possessive `'s` / trailing apostrophe removed, curly apostrophes folded. */
export function wordKey(word: string): string {
  // As `.replace(/\u2019/g, "'").replace(/'s$|'$/i, '').toLowerCase()`, without the passes most words do not need.
  let w = word.includes('\u2019') ? word.replace(/\u2019/g, "'") : word;
  const n = w.length;
  if (w.charCodeAt(n - 1) === 39) w = w.slice(0, -1);
  else if (n >= 2 && w.charCodeAt(n - 2) === 39 && (w.charCodeAt(n - 1) | 32) === 115) w = w.slice(0, -2);
  return w.toLowerCase();
}

const lower = (words: readonly string[]) => words.map(wordKey);

export const HONORIFICS = new Set(lower(data.honorifics));
export const PROFESSIONAL_TITLES = new Set(lower(data.professionalTitles));
const PLACE_PREFIXES = new Set(lower(data.placePrefixes));
const ORGANISATION_WORDS = new Set(lower(data.organisationWords));
const NOT_STREET_NAMES = new Set(lower(data.notStreetNames));
const SCHOOL_TYPE_WORDS = new Set(lower(data.schoolTypeWords));
const NOT_SCHOOL_NAMES = new Set(lower(data.notSchoolNames));
const PSEUDONYM_HEADS = new Set(lower(data.pseudonymHeads));
const PLACE_NOUNS = new Set(lower(data.placeNouns));
/** RAG status words: a table cell holding only one of them is a status, not a name. */
export const RAG_WORDS = new Set(lower(data.ragWords));
/** Words that end the name of a condition, an offence or a test ("Treacher Collins Syndrome"): the words before are not a person. */
const CONDITION_WORDS = new Set(lower(data.conditionWords));
const JOINERS = new Set(['of', 'and', 'upon', 'with', 'on', 'the', 'in', 'by']);
/** Words of UK local authority areas, counties and large towns (src/data/uk-places.json). */
const PLACE_WORDS = new Set(ukPlaces.places.flatMap((p) => p.match(/\p{L}[\p{L}'\u2019]*/gu) ?? []).map(wordKey).filter((k) => !JOINERS.has(k)));

/** compromise's lexicon, read on first use (the bundles load compromise only when it is first needed: esbuild.js). */
let lexicon: Record<string, string> | undefined;
/** Is the lower-case word a first name in compromise's lexicon ("Sarah", "Darren", also "Grace", "Amber")? */
export function isFirstName(key: string): boolean {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, string> } }).one.lexicon;
  const tag = lexicon[key];
  return tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName';
}

/**
 * Is a capitalised word, read in lower case, an ordinary English word or part of a UK
 * place name ("Consultation", "Rickets", "Southwark"), each part of a hyphenated or
 * run-together word included ("SafeguardingChildren")? First names never are.
 */
function commonWord(text: string): boolean {
  const stem = text.replace(/['\u2019]s?$/u, '');
  if (isFirstName(wordKey(stem))) return false;
  const parts = stem.split(/-|(?<=\p{Ll})(?=\p{Lu})/u).filter((p) => p.length > 0);
  return parts.length > 0 && parts.every((p) => isEnglishWord(p) || PLACE_WORDS.has(wordKey(p)));
}

/** Words of the built-in agency and role names ("Hospital", "Trust", "Children's"...). */
function wordsOf(phrases: readonly string[]): string[] {
  return phrases.flatMap((p) => p.match(/\p{L}[\p{L}'\u2019-]{0,40}/gu) ?? []).map(wordKey);
}

/** Capitalised words that are not personal names: report vocabulary, months, days, agency and role words. */
export const NOT_NAMES = new Set([
  ...lower(data.notNames),
  ...lower(data.months),
  ...lower(data.days),
  ...wordsOf(BUILT_IN_AGENCIES),
  ...wordsOf(BUILT_IN_ROLES),
  ...wordsOf(data.professionalRoles),
]);

// ---------------------------------------------------------------------------
// Pattern identifiers

const EMAIL = /(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,6}/g;

// UK postcode: outward code (A9, A99, AA9, AA99, A9A, AA9A) and inward code (9AA).
const POSTCODE =
  /(?<![A-Za-z0-9])(?:[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKPSTUW]?) ?[0-9][ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])/g;

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
const STREET_WORD_SET = new Set(lower(data.streetWords));
// "Flat 3, Jubilee Court"
const FLAT_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:Flat|Apartment|Apt)\\s\\d{1,4}[A-Za-z]?,?\\s(${NAME_WORD}(?:[ \\t]${NAME_WORD}){0,2})(?![\\p{L}\\p{N}])`,
  'gu',
);
// "Acacia Avenue" without a house number (only unambiguous street words)
const STREET_NAME = new RegExp(
  `(?<![\\p{L}\\p{N}])((?:${NAME_WORD}\\s){1,3})(?:${UNNUMBERED_STREET_WORDS})(?![\\p{L}\\p{N}])`,
  'gu',
);
const UNAMBIGUOUS_STREET_WORDS = new Set(lower(data.unnumberedStreetWords));
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

/** `text` without any of `chars` at its end (a loop, not a `[…]+$` pattern, which backtracks quadratically). */
export function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** Index of the last sentence-ending mark followed by white space, or -1. */
function lastSentenceEnd(text: string): number {
  for (let i = text.length - 2; i >= 0; i--) {
    if ('.!?'.includes(text[i]!) && /\s/.test(text[i + 1]!)) return i;
  }
  return -1;
}

/** HTML comments blanked with spaces (line breaks kept), found with indexOf rather than a lazy pattern. */
export function maskComments(source: string): string {
  let out = '';
  let from = 0;
  for (let open = source.indexOf('<!--'); open >= 0; open = source.indexOf('<!--', from)) {
    const close = source.indexOf('-->', open + 4);
    const end = close < 0 ? source.length : close + 3;
    out += source.slice(from, open) + source.slice(open, end).replace(/[^\n]/g, ' ');
    from = end;
  }
  return out + source.slice(from);
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
  const groups = candidate.replace(/^\+44/, '').replace('(0)', '').split(/[ ()-]+/).filter(Boolean);
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
    if (!new RegExp(DEATH_KEYWORDS.source, DEATH_KEYWORDS.flags).test(between) && !findDates(between).some((d) => d.precision === 'day')) return true;
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
  if (wordsKey === undefined && options.allowedWords) optionKeys.set(options.allowedWords, (wordsKey = contextKey(JSON.stringify([...options.allowedWords].sort()))));
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
    if (nearBirthKeyword(text, date.start, date.end) && !overlaps(found, date.start, date.end)) push(found, 'date-of-birth', date.start, date.text);
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
    const candidate = trimEnd(m[0], ' (-');
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
    const value = trimEnd(v[1]!, '._-');
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
  const h = header.toLowerCase().replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (/^(?:d o b|dob|date of birth|birth date|born)$/.test(h)) return 'date-of-birth';
  if (/\bnhs (?:number|no)\b/.test(h)) return 'nhs-number';
  if (/\b(?:case|crime|file|record|hospital|patient|client|ni|national insurance|reference) (?:number|no|ref|reference)\b/.test(h)) return 'record-number';
  if (/^(?:address|home address|postcode|post code)$/.test(h)) return 'address';
  if (/^(?:school|school attended|nursery)$/.test(h)) return 'school';
  return undefined;
}

// ---------------------------------------------------------------------------
// Personal names

export type NameDetector = 'caps' | 'nlp' | 'combined';

export interface NameContext {
  /** Lower-case words that are never names here (pseudonym key, places, allowed names, agencies). */
  allowed: ReadonlySet<string>;
  detector: NameDetector;
}

export interface NameBlock {
  /** Masked source of the block (same length as the source). */
  text: string;
  /** Headings and table header cells: Title Case is no signal there. */
  titleLike: boolean;
}

interface Token {
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
function tokenize(text: string): Token[] {
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
      const trimmed = trimEnd(word, "-'\u2019");
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

interface Run {
  /** Index in the block's tokens of the run's first token. */
  index: number;
  tokens: Token[];
  start: number;
  end: number;
}

function isCandidate(token: Token, allowed: ReadonlySet<string>): boolean {
  if (!token.capitalised) return false;
  // "SCRs", "LSCBs", "IoM": an acronym, not a name ("McDonald" has more small letters than capitals).
  const capitals = token.text.match(/\p{Lu}/gu)?.length ?? 0;
  if (capitals >= 2 && capitals >= token.text.length - capitals) return false;
  const k = token.key;
  // "English-speaking", "Multi-Agency", "Anglo-Polish" are not names; "Okonkwo-Adebayo" is.
  if (k.includes('-')) {
    const parts = token.text.split('-').filter(Boolean);
    if (parts.some((p) => !/^\p{Lu}/u.test(p) || NOT_NAMES.has(wordKey(p)))) return false;
  }
  return !NOT_NAMES.has(k) && !HONORIFICS.has(k) && !PROFESSIONAL_TITLES.has(k) && !allowed.has(k) && !PSEUDONYM_HEADS.has(k);
}

/** Person tags from compromise, keyed by token start offset within `text`. */
function personTokens(text: string): Map<number, 'person' | 'other'> {
  const result = new Map<number, 'person' | 'other'>();
  const json = nlp(text).json() as { terms: { text: string; tags: string[] }[] }[];
  let cursor = 0;
  for (const sentence of json) {
    for (const term of sentence.terms) {
      if (!term.text) continue;
      const at = text.indexOf(term.text, cursor);
      if (at < 0) continue;
      cursor = at + term.text.length;
      const tags = new Set(term.tags);
      const person = tags.has('Person') || tags.has('FirstName') || tags.has('LastName');
      const other = OTHER_TAGS.some((t) => tags.has(t));
      if (person && !tags.has('Place') && !tags.has('Organization')) result.set(at, 'person');
      else if (other) result.set(at, 'other');
    }
  }
  return result;
}

const OTHER_TAGS = ['Place', 'Country', 'City', 'Region', 'Organization', 'Demonym', 'Date', 'Month', 'WeekDay', 'Adjective', 'Verb', 'Adverb'];

/**
 * Tagging is the slow part (compromise reads about 6,000 words a second), so
 * only the sentence around an undecided word is tagged, and tagged sentences
 * are remembered: an editor relinting after a keystroke re-tags one sentence.
 */
const TAG_CACHE_SIZE = 4000;
const tagCache = new Map<string, Map<number, 'person' | 'other'>>();

function cachedPersonTokens(sentence: string): Map<number, 'person' | 'other'> {
  let tags = tagCache.get(sentence);
  if (tags) {
    tagCache.delete(sentence);
  } else {
    tags = personTokens(sentence);
    if (tagCache.size >= TAG_CACHE_SIZE) tagCache.delete(tagCache.keys().next().value!);
  }
  tagCache.set(sentence, tags);
  return tags;
}

/** compromise's reading of the word at `offset`: its sentence is tagged (bounded to 400 characters each side). */
function tagAt(text: string, offset: number): 'person' | 'other' | undefined {
  const from = Math.max(0, offset - 400);
  const head = text.slice(from, offset);
  const boundary = Math.max(lastSentenceEnd(head), head.lastIndexOf('\n\n'));
  const start = boundary >= 0 ? from + boundary + 1 : from;
  const tail = text.slice(offset, offset + 400);
  const stop = tail.search(/[.!?](?:\s|$)|\n\n/);
  const end = stop >= 0 ? offset + stop + 1 : offset + tail.length;
  const lead = text.slice(start, end).length - text.slice(start, end).trimStart().length;
  const sentence = text.slice(start + lead, end);
  return cachedPersonTokens(sentence).get(offset - start - lead);
}

/** Words that begin an agency name ("Police", "Safeguarding", "General", "NHS"...): a word before them is a place. */
const AGENCY_WORDS = new Set([...wordsOf(BUILT_IN_AGENCIES), ...ORGANISATION_WORDS]);
/** Last words of roles ("Visitor", "Worker", "Nurse"): a name after them is a person's. */
const ROLE_TAILS = new Set(
  [...BUILT_IN_ROLES, ...data.professionalRoles].filter((r) => !/\sof\s/i.test(r)).map((r) => wordKey(r.trim().split(/\s+/).pop()!)),
);
const ROLE_PATTERN = phraseRegExp([...BUILT_IN_ROLES, ...data.professionalRoles], 'iyu')!;

const MAX_NAME_WORDS = 4;

interface Analysed {
  tokens: Token[];
  runs: Run[];
}

function analyse(text: string, allowed: ReadonlySet<string>): Analysed {
  const tokens = tokenize(text);
  const runs: Run[] = [];
  let current: Token[] = [];
  let currentIndex = 0;
  const close = () => {
    // More than four unknown capitalised words in a row is a title or a heading, not a name.
    if (current.length > 0 && current.length <= MAX_NAME_WORDS) {
      runs.push({ index: currentIndex, tokens: current, start: current[0]!.start, end: current[current.length - 1]!.end });
    }
    current = [];
  };
  tokens.forEach((token, i) => {
    if (current.length === 0) currentIndex = i;
    const previous = tokens[i - 1];
    const adjacent =
      previous !== undefined && /^[ \t]?\n?[ \t]*$/.test(text.slice(previous.end, token.start)) && !/['\u2019]s?$/.test(previous.text);
    if (isCandidate(token, allowed) && (current.length === 0 || adjacent) && !(current.length > 0 && token.sentenceInitial)) current.push(token);
    else {
      close();
      currentIndex = i;
      if (isCandidate(token, allowed)) current.push(token);
    }
  });
  close();
  return { tokens, runs };
}

/** Is the token at `index` the letter of a pseudonym ("Mr T", "Child A", "Sibling B")? */
function pseudonymLetter(tokens: Token[], index: number): boolean {
  const head = tokens[index - 1];
  return head !== undefined && head.capitalised && (HONORIFICS.has(head.key) || PROFESSIONAL_TITLES.has(head.key) || PSEUDONYM_HEADS.has(head.key) || NOT_NAMES.has(head.key));
}

interface RunContext {
  titled: boolean;
  /** The run names a place or an organisation ("Eastport Police", "Oakfield Surgery", "St Mary's"). */
  organisation: boolean;
  /** The run is the tail of a Title Case phrase of ordinary words ("Police National Computer"). */
  phraseTail: boolean;
}

function contextOf(text: string, tokens: Token[], run: Run): RunContext {
  const first = run.tokens[0]!;
  const index = run.index;
  const before = tokens[index - 1];
  const after = tokens[index + run.tokens.length];
  const gapBefore = before ? text.slice(before.end, first.start) : '';
  const gapAfter = after ? text.slice(run.end, after.start) : '';
  const capital = (t: Token | undefined) => t !== undefined && /^\p{Lu}/u.test(t.text);
  const titled =
    before !== undefined &&
    /^\.?[ \t]?\n?[ \t]*$/.test(gapBefore) &&
    (HONORIFICS.has(before.key) ||
      PROFESSIONAL_TITLES.has(before.key) ||
      (before.letter && (gapBefore.startsWith('.') || !/^[AI]$/.test(before.text)) && !pseudonymLetter(tokens, index - 1)));
  ROLE_PATTERN.lastIndex = run.end + gapAfter.length;
  const roleAfter = after !== undefined && /^[ \t]+$/.test(gapAfter) && capital(after) && ROLE_PATTERN.test(text);
  const organisation =
    (!roleAfter && capital(after) && /^[ \t]+$/.test(gapAfter) && AGENCY_WORDS.has(after!.key)) ||
    // "the Harbourside team", "the Ridgeway estate"
    (after !== undefined && !capital(after) && /^[ \t]+$/.test(gapAfter) && PLACE_NOUNS.has(after.key)) ||
    (capital(before) && PLACE_PREFIXES.has(before!.key) && /^\.?[ \t]+$/.test(gapBefore));
  const phraseTail =
    run.tokens.length === 1 &&
    capital(before) &&
    /^[ \t]+$/.test(gapBefore) &&
    NOT_NAMES.has(before!.key) &&
    !ROLE_TAILS.has(before!.key) &&
    !before!.sentenceInitial;
  return { titled, organisation, phraseTail };
}

/**
 * Place names a document teaches: a lone unknown capitalised word right before
 * an agency or organisation word ("Eastport Police", "Eastport General
 * Hospital") is a place wherever else it stands in the same document.
 */
export function learnPlaces(text: string, allowed: ReadonlySet<string>): string[] {
  const { tokens, runs } = analyse(text, allowed);
  const places: string[] = [];
  for (const run of runs) {
    if (run.tokens.length !== 1) continue;
    const c = contextOf(text, tokens, run);
    if (c.organisation && !c.titled) places.push(run.tokens[0]!.key);
  }
  return places;
}

const NAME_TOKEN = "\\p{Lu}[\\p{L}'\u2019-]{1,24}";
/** "Baby Claire", "Child Alex", "baby PETER": the word after a pseudonym head is the pseudonym. */
const HEADED_PSEUDONYM = new RegExp(`(?<![\\p{L}])(?:[Bb]aby|Child|Infant)\\s(${NAME_TOKEN})(?![\\p{L}])`, 'gu');
/** "referred to as Andrew and Susan", "Claire (not her real name)", "the pseudonym Josh". */
const INTRODUCED_PSEUDONYMS = new RegExp(
  `(?:referred to (?:in this (?:report|review) |here |hereafter |below )?as|(?:the |a )?pseudonyms?|given the (?:name|pseudonym)s?)\\s["“']?(${NAME_TOKEN}(?:["”']?(?:,\\s|\\sand\\s|\\s&\\s)["“']?${NAME_TOKEN}){0,5})`,
  'gu',
);
const NOT_REAL_NAME = new RegExp(`(${NAME_TOKEN})\\s?\\((?:not (?:his|her|their|the child's|the child\u2019s) real names?|a pseudonym|pseudonyms?)\\)`, 'gu');

/**
 * Pseudonyms a document introduces as such (lower-case word keys): the name after
 * "Baby" or "Child" ("Baby Claire"), names "referred to as" or given as a pseudonym,
 * and a name followed by "(not her real name)". A real report introduces its
 * pseudonyms this way; every other use of the same word is then the pseudonym.
 */
export function learnPseudonyms(text: string): string[] {
  const keys: string[] = [];
  const add = (names: string) => {
    for (const w of names.match(new RegExp(NAME_TOKEN, 'gu')) ?? []) {
      const k = wordKey(w);
      if (!NOT_NAMES.has(k) || PSEUDONYM_HEADS.has(k)) keys.push(k);
    }
  };
  // Each pattern is tried only when its fixed words are in the text.
  if (/[Bb]aby|Child|Infant/.test(text)) for (const m of text.matchAll(HEADED_PSEUDONYM)) if (!/^\p{Lu}$/u.test(m[1]!)) add(m[1]!);
  if (/referred to |pseudonym|given the /.test(text)) for (const m of text.matchAll(INTRODUCED_PSEUDONYMS)) add(m[1]!);
  if (/\((?:not |a pseudonym|pseudonym)/.test(text)) for (const m of text.matchAll(NOT_REAL_NAME)) add(m[1]!);
  return keys;
}

const ROLE_WORDS = new Set(lower(data.professionalContextWords));
const POST_NOMINALS = new Set(lower(data.postNominals));
/** A keyword that introduces the people who wrote, chaired or signed, ending the text before the names. */
const SIGNATORY_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:${data.signatoryKeywords.map(escapeRegExp).join('|')})(?:\\s(?:of|for|to)\\s(?:the\\s)?[\\p{L}'\u2019 ]{1,60})?\\s{0,3}[:\\-\u2013\u2014,]{0,3}\\s{0,3}$`,
  'iu',
);
/** One earlier name of a list ("Fiona Johnson, "), or a title ("Dr "), at the end of the text before a name. */
const LISTED_NAME_BEFORE = new RegExp(`(?<![\\p{L}'\u2019-])${NAME_TOKEN}(?:\\s${NAME_TOKEN}){0,3}\\s{0,2}(?:,|\\sand|\\s&)\\s{1,3}$|(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame)\\.?\\s$`, 'u');

/**
 * Does the name at [start, end) of `text` stand where professionals are named on
 * purpose: after "Author:", "Chair:", "written by", "Minister of State,"; before a
 * role or qualification (", Independent Chair", ", Head of Service", " MSc, PhD",
 * ", NSPCC"); or "was appointed" to write or chair the review?
 */
export function professionalContext(text: string, start: number, end: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 160);
  let before = text.slice(lineStart, start);
  // "Authors: Fiona Johnson, Claire Porter, Lisa Charles": look past the earlier names of a list.
  for (let i = 0; i < 8; i++) {
    if (SIGNATORY_BEFORE.test(before)) return true;
    const listed = LISTED_NAME_BEFORE.exec(before);
    if (!listed) break;
    before = before.slice(0, listed.index);
  }
  // "Vivien Lines, Improvement Director": the name found may stop before a surname that is also a word.
  const after = text.slice(end, end + 80).replace(/^(?:\s\p{Lu}[\p{L}'\u2019-]{1,24}){1,2}(?=\s{0,2}[,(\u2013\u2014-])/u, '');
  if (/^\s{1,3}(?:was|is|has been|had been)\s(?:appointed|commissioned|asked|engaged)\b/i.test(after)) return true;
  const next = /^['\u2019]?\s{0,2}(?:[,(\u2013\u2014-]\s{0,3}|\s)(?:the\s)?([\p{L}.]+)/u.exec(after);
  if (!next) return false;
  const word = next[1]!.replace(/\.$/, '');
  if (POST_NOMINALS.has(wordKey(word.replace(/\./g, '')))) return true;
  // ", Independent Chair", ", Head of Service", ", Improvement Lead", ", NSPCC"
  if (!/^\s{0,2}[,(\u2013\u2014-]/.test(after.replace(/^['\u2019]/, ''))) return false;
  if (/^\p{Lu}{2,}$/u.test(word)) return true;
  const phrase = after.slice(next.index + next[0].length - next[1]!.length).match(/^[\p{L} ]{0,60}/u)![0];
  return phrase.split(/\s+/).slice(0, 5).some((w) => /^\p{Lu}/u.test(w) && ROLE_WORDS.has(wordKey(w)));
}

/**
 * Personal names in one block. `caps` is the capitalisation heuristic; `nlp`
 * takes compromise's people; `combined` (the default) keeps the heuristic's
 * strong signals (a title or initial before a name; two or more unknown
 * capitalised words together), adds compromise's first and last names at the
 * start of a sentence, and drops a lone unknown word that compromise reads as a
 * place, organisation, date or ordinary word.
 */
export function findNames(block: NameBlock, context: NameContext): Found[] {
  const { text, titleLike } = block;
  const { allowed, detector } = context;
  if (detector === 'nlp') return nlpNames(text, tokenize(text), allowed);
  const { tokens, runs } = analyse(text, allowed);

  const tag = (t: Token) => (detector === 'combined' ? tagAt(text, t.start) : undefined);

  const names: Found[] = [];
  for (const run of runs) {
    const first = run.tokens[0]!;
    const { titled, organisation, phraseTail } = contextOf(text, tokens, run);
    if (!titled && (organisation || phraseTail)) continue;
    // A pseudonym: "Child A", "Sibling 2", "Family Z".
    if (!titled && run.tokens.length === 1 && /^[ \t]+(?:\p{Lu}|\d{1,2})(?![\p{L}\p{N}])/u.test(text.slice(run.end, run.end + 4))) continue;
    if (!titled && notAPerson(text, tokens, run)) continue;
    let keep: boolean;
    if (titled) keep = true;
    else if (titleLike) keep = detector === 'combined' && run.tokens.some((t) => tag(t) === 'person');
    else if (run.tokens.length >= 2) keep = true;
    else if (first.sentenceInitial) keep = detector === 'combined' && tag(first) === 'person';
    else keep = detector !== 'combined' || tag(first) !== 'other';
    if (!keep) continue;
    // "J. Thompson": the initial belongs to the name.
    const before = tokens[run.index - 1];
    const start = titled && before?.letter ? before.start : run.start;
    names.push({ kind: 'name', start, end: run.end, text: text.slice(start, run.end) });
  }
  return names;
}

/**
 * Untitled capitalised words that are not a person: a RAG rating ("Red Amber Green"),
 * a condition, offence or test ("Treacher Collins Syndrome"), and words that are all
 * ordinary English words or UK places with no first name among them ("Grievous Bodily
 * Harm", "Post Mortem", "Consultation", "Southwark"). "Darren Mitchell", "Jane Brown",
 * "Mitchell" and "Sarah" stay candidates.
 */
function notAPerson(text: string, tokens: Token[], run: Run): boolean {
  if (run.tokens.every((t) => RAG_WORDS.has(t.key))) return true;
  const after = tokens[run.index + run.tokens.length];
  if (CONDITION_WORDS.has(run.tokens[run.tokens.length - 1]!.key)) return true;
  if (after && CONDITION_WORDS.has(after.key) && /^[ \t]+$/.test(text.slice(run.end, after.start))) return true;
  // "the Heath Visitor" (a slip for Health), "the Westside Social Worker": one word that qualifies a role.
  const only = run.tokens.length === 1 ? run.tokens[0]! : undefined;
  if (only && after && ROLE_TAILS.has(after.key) && /^\p{Lu}/u.test(after.text) && /^[ \t]+$/.test(text.slice(run.end, after.start))) return true;
  return run.tokens.every((t) => commonWord(t.text));
}

/** compromise's people, less honorifics, pseudonym letters and allowed words. */
function nlpNames(text: string, tokens: Token[], allowed: ReadonlySet<string>): Found[] {
  const names: Found[] = [];
  const people = nlp(text).people().json({ offset: true }) as { offset: { start: number; length: number } }[];
  for (const person of people) {
    const from = person.offset.start;
    const to = from + person.offset.length;
    const inside = tokens.filter((t) => t.start >= from && t.end <= to && isCandidate(t, allowed));
    if (inside.length === 0) continue;
    const start = inside[0]!.start;
    const end = inside[inside.length - 1]!.end;
    names.push({ kind: 'name', start, end, text: text.slice(start, end) });
  }
  return names;
}

// ---------------------------------------------------------------------------
// The pseudonym key

/** Names a pseudonym key holds: list items (strings, or `name:`/`pseudonym:` fields) or a mapping's keys and string values. */
export function pseudonymNames(value: unknown): string[] {
  if (typeof value === 'string') return stringList(value);
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (typeof item === 'string') return [item];
      if (item && typeof item === 'object') {
        return Object.entries(item as Record<string, unknown>)
          .filter(([k]) => /^(?:name|pseudonym|alias)$/i.test(k))
          .flatMap(([, v]) => (typeof v === 'string' ? [v] : []));
      }
      return [];
    });
  }
  if (value && typeof value === 'object') {
    // A mapping: pseudonym → description ("Child A: the subject child") or role → pseudonym ("mother: Ms B").
    // A value counts as a pseudonym when every word is capitalised; a description does not make its words allowed.
    const pseudonymLike = (v: string) => v.trim().split(/\s+/).every((w) => /^[\p{Lu}\p{N}]/u.test(w));
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => (typeof v === 'string' && pseudonymLike(v) ? [k, v] : [k]));
  }
  return [];
}
