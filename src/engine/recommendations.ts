/**
 * Recommendations and action plans (primer §4 and §8): finding them in a report
 * and judging each recommendation's SMART elements. Shared by the
 * recommendation-* and action-plan-* rules and by the editor's checklist and
 * quick fixes, so everything here is a plain function of the report.
 */
import type { List, ListItem, Nodes, Paragraph, RootContent, Table } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Report } from './report.js';
import type { Section } from './outline.js';
import { readTable, matchColumns, tablesIn, type Cell, type Row, type TableModel } from './tables.js';
import { dateEndKey, dateKey, findDates, type FoundDate } from './dates.js';
import { splitSentences } from './sentences.js';
import { escapeRegExp, normalizePhrase } from './text.js';
import { maskMarkup } from './blocks.js';
import { ContextMemo, contextKey } from './memo.js';
import { BUILT_IN_AGENCIES, BUILT_IN_ROLES } from './gazetteer.js';
import { stringValue } from './front-matter.js';
import owners from '../data/recommendation-owners.json' with { type: 'json' };
import timing from '../data/recommendation-timing.json' with { type: 'json' };
import measures from '../data/recommendation-measures.json' with { type: 'json' };
import vague from '../data/recommendation-vague-verbs.json' with { type: 'json' };
import columnData from '../data/action-plan-columns.json' with { type: 'json' };
import { insertionFix, type Fix } from './fixes.js';
import { blankPlaceholders, onlyPlaceholders, placeholderParts, type SmartPart } from './placeholders.js';

export const RECOMMENDATIONS_SECTION = 'recommendations';
export const ACTION_PLAN_SECTION = 'action-plan';

/** A piece of the document: 0-based offsets and the text as written. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type ColumnId = 'reference' | 'recommendation' | 'action' | 'lead' | 'date' | 'measure' | 'status';

export const COLUMN_SYNONYMS = columnData.columns as Record<ColumnId, string[]>;
export const REQUIRED_COLUMNS = columnData.required as ColumnId[];
export const COLUMN_NAMES = columnData.columnNames as Record<ColumnId, string>;

// ---------------------------------------------------------------------------
// Plain text: Markdown markup blanked out, offsets kept.

const blank = (m: string) => m.replace(/[^\n]/g, ' ');

/** Source with inline code, comments, emphasis markers, list and quote markers and escapes blanked (same length). */
export function plainText(source: string): string {
  return maskMarkup(source)
    .replace(/\*\*|__/g, '  ')
    .replace(/(?<![\p{L}\p{N}*_])[*_](?=\S)|(?<=\S)[*_](?![\p{L}\p{N}*_])/gu, ' ')
    .replace(/(?<=\n)[ \t]{0,12}(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/g, (m) => blank(m))
    .replace(/(?<=\n)[ \t]{0,12}>/g, (m) => blank(m))
    .replace(/\\([|*_[\]()#!`~-])/g, ' $1');
}

// ---------------------------------------------------------------------------
// Labels: "1.", "R3", "MA2", "Recommendation 5:", "**3.**", "6.1".

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

/** Remove any of `chars` from the end of a text (a loop, not a backtracking regex). */
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

/** Normalised key of a recommendation number: "R3" and "Recommendation 3" are "3"; "MA2" stays "MA2". */
export function recommendationKey(number: string): string {
  const n = number.trim().toUpperCase().replace(/^(?:RECOMMENDATION|REC)\.?\s{0,8}(?:NO\.?\s{0,8})?/, '');
  return trimEndChars(n, ' \t\n.:)').replace(/^R(?=\d)/, '').replace(/\s+/g, '');
}

/** Keys a reference may mean, most specific first: "1.2" → ["1.2", "1"], "3a" → ["3A", "3"]. */
function keyVariants(key: string): string[] {
  const variants = [key];
  const base = /^([A-Z]{0,3}\d{1,3})/.exec(key)?.[1];
  if (base && base !== key) variants.push(base);
  return variants;
}

// ---------------------------------------------------------------------------
// Owners (primer §4 "Assigned").

export type OwnerKind = 'body' | 'role' | 'group';

export interface OwnerHit extends Span {
  kind: OwnerKind;
}

// ---------------------------------------------------------------------------
// Phrase lists matched word by word (no regular expression is built from data).

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
function joins(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!' \t\n\r-–/&\''.includes(text[i]!)) return false;
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

  constructor(entries: Iterable<readonly [string, T]>, private readonly plural = false) {
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
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length || b.words.join(' ').length - a.words.join(' ').length);
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
    for (let i = 0; i < tokens.length; ) {
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

const ownerCache = new Map<string, PhraseMatcher<OwnerKind>>();

function ownerMatcher(extra: readonly string[]): PhraseMatcher<OwnerKind> {
  const cacheKey = extra.join('\u0000');
  let matcher = ownerCache.get(cacheKey);
  if (!matcher) {
    const entries: [string, OwnerKind][] = [
      ...[...BUILT_IN_AGENCIES, ...owners.bodies, ...extra].map((p): [string, OwnerKind] => [p, 'body']),
      ...[...BUILT_IN_ROLES, ...owners.roles].map((p): [string, OwnerKind] => [p, 'role']),
      ...owners.groups.map((p): [string, OwnerKind] => [p, 'group']),
    ];
    matcher = new PhraseMatcher(entries, true);
    ownerCache.set(cacheKey, matcher);
  }
  return matcher;
}

const BODY_HEADS = new Set(owners.bodyHeads.map((h) => normalizePhrase(h)));

/** "the Early Help Service", "the Trust", "the service": "the"/"this" and up to four capitalised words before a body noun. */
function bodyHeads(text: string, tokens: Token[]): OwnerHit[] {
  const hits: OwnerHit[] = [];
  tokens.forEach((token, i) => {
    if (token.value !== 'the' && token.value !== 'this') return;
    for (let k = i + 1; k <= i + 5 && k < tokens.length; k++) {
      const t = tokens[k]!;
      if (!joins(text, tokens[k - 1]!.end, t.start)) return;
      if (BODY_HEADS.has(t.value)) {
        hits.push({ start: token.start, end: t.end, text: text.slice(token.start, t.end), kind: 'body' });
        return;
      }
      if (!/^\p{Lu}/u.test(t.raw)) return;
    }
  });
  return hits;
}

/** Owner names (agencies, bodies, roles, professional groups) in a text, in order; offsets relative to the text. */
export function findOwners(text: string, extra: readonly string[] = []): OwnerHit[] {
  const tokens = tokenize(text);
  const hits: OwnerHit[] = ownerMatcher(extra)
    .find(text, tokens)
    .map((h) => ({ start: h.start, end: h.end, text: h.text, kind: h.value }));
  for (const head of bodyHeads(text, tokens)) {
    if (!hits.some((h) => h.start < head.end && h.end > head.start)) hits.push(head);
  }
  return hits.sort((a, b) => a.start - b.start);
}

const NON_OWNERS = new PhraseMatcher(owners.nonOwners.map((p) => [p, p] as const));

/** A subject that is not an accountable body ("All staff", "Professionals"), at the start of a text. */
function nonOwnerStart(text: string): Span | undefined {
  return NON_OWNERS.startOf(text);
}

const DETERMINERS = /^(?:\s{0,8}(?:the|all|each|every|both|any|its|their|our|this|these|a|an|relevant|individual|respective)\s{1,8}){0,6}/i;

/** Does the text begin with an owner (after determiners and a proper-name prefix such as "West Borough")? */
function leadingOwner(text: string, extra: readonly string[]): OwnerHit | undefined {
  const det = DETERMINERS.exec(text)?.[0].length ?? 0;
  const hits = findOwners(text.slice(0, 160), extra);
  for (const hit of hits) {
    if (hit.start < det) continue;
    const between = text.slice(det, hit.start);
    if (/^(?:\p{Lu}[\p{L}'’&.-]{0,30}\s{1,8}){0,4}$/u.test(between)) return hit;
    return undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Sentence structure: the predicate anchor (modal), passives, the subject.

const ANCHOR =
  /(?<![\p{L}\p{N}])(?:should|must|will|shall|would|could|might|can|needs?\s{1,8}to|ought\s{1,8}to|(?:is|are)\s{1,8}(?:(?:asked|requested|expected|invited|required|encouraged|recommended|advised)\s{1,8})?to|ha(?:s|ve)\s{1,8}to)(?![\p{L}\p{N}])/gu;
const PASSIVE_AFTER =
  /^\s{1,8}(?:(?:also|then|now|not|further|therefore|jointly|urgently|\p{L}{2,20}ly)\s{1,8}){0,2}(?:be|have\s{1,8}been)\s{1,8}(?:(?:\p{L}{2,20}ly|also|further)\s{1,8}){0,2}(\p{L}[\p{L}-]{0,30})/u;
const PASSIVE_THAT = /^\s{0,8}(?:is|are|be|was|were|has\s{1,8}been|have\s{1,8}been)\s{1,8}(?:(?:\p{L}{2,20}ly|also|further)\s{1,8}){0,2}(\p{L}[\p{L}-]{0,30})/u;
const IRREGULAR_PARTICIPLES = new Set(
  'made given sought built taken held set put kept brought taught led run done known seen met sent spent shown told paid undertaken written chosen drawn understood found read heard left lost bought thought sold won shut cut let overseen withdrawn driven'.split(
    ' ',
  ),
);
const NOT_PASSIVE = new Set(
  'able assured satisfied confident responsible accountable clear aware mindful prepared willing ready open alert proactive involved engaged represented sighted'.split(' '),
);

function isParticiple(word: string): boolean {
  const w = word.toLowerCase();
  if (NOT_PASSIVE.has(w)) return false;
  if (IRREGULAR_PARTICIPLES.has(w)) return true;
  return /(?:ed|en)$/.test(w) && w.length > 3;
}

const BOUNDARY = /[,;:()[\]]|(?<![\p{L}\p{N}])(?:that|which|who|whom|whose|where|when|whether|if|unless|because|so)(?![\p{L}\p{N}])/giu;
const OPENER = /^\s{0,8}(?:with|together|in|alongside|through|via|working|supported|jointly|also|as|following|given|within|before|after|by|from|at|once|during|where|when|having|on|for|to|and|but|or)(?![\p{L}\p{N}])/iu;

/** The candidate subject of an anchor: the last clause segment before it that does not open with a preposition. */
function subjectBefore(text: string, clauseStart: number, anchor: number): Span | undefined {
  const region = text.slice(clauseStart, anchor);
  const cuts = [0];
  for (const m of region.matchAll(new RegExp(BOUNDARY.source, BOUNDARY.flags))) cuts.push(m.index, m.index + m[0].length);
  cuts.push(region.length);
  const segments: Span[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 2) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    const raw = region.slice(from, to);
    if (raw.trim()) {
      const lead = raw.length - raw.trimStart().length;
      segments.push({ start: clauseStart + from + lead, end: clauseStart + from + raw.trimEnd().length, text: raw.trim() });
    }
  }
  for (let i = segments.length - 1; i >= 0; i--) {
    if (!OPENER.test(segments[i]!.text) || i === 0) return segments[i];
  }
  return undefined;
}

const INTRO =
  /^\s{0,8}(?:(?:it\s{1,8}is\s{1,8}(?:therefore\s{1,8}|also\s{1,8}|further\s{1,8}|strongly\s{1,8})?recommended|(?:the\s{1,8}|this\s{1,8})?(?:\p{L}+\s{1,8}){0,3}(?:panel|review|author|reviewer|reviewers|board|lscb|partnership)\s{1,8}(?:therefore\s{1,8}|also\s{1,8}|further\s{1,8}|strongly\s{1,8})?recommends|we\s{1,8}(?:therefore\s{1,8}|also\s{1,8}|further\s{1,8}|strongly\s{1,8})?recommend)\s{1,8}that\s{1,8}|that\s{1,8})/iu;

// ---------------------------------------------------------------------------
// Time bounds (primer §4 "Time-bound").

export interface TimeBound extends Span {
  kind: 'date' | 'month' | 'quarter' | 'financial-year' | 'season' | 'year' | 'relative' | 'label';
  /** Latest sortable date key the bound can mean (yyyymmdd), when it names a calendar time. */
  endKey?: number;
  /** The parsed date when the bound is one. */
  date?: FoundDate;
}

export interface NonDate extends Span {
  kind: 'vague' | 'frequency';
  /** The whole content of a table's date cell (replaced by a date, without "by"). */
  inCell?: boolean;
}

const NUM = '(?:\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|twenty[- ]four|thirty|a|an)';
const MONTHS_CAP = 'January|February|March|April|May|June|July|August|September|October|November|December';
const YEAR = '(?:19|20)\\d{2}';
const FY = `${YEAR}\\s?[/–-]\\s?(?:${YEAR}|\\d{2})`;
const KNOWN_EVENTS = new PhraseMatcher(timing.knownEvents.map((e) => [e, e] as const));

const TIME_PATTERNS: { kind: TimeBound['kind']; pattern: RegExp; cue?: boolean }[] = [
  { kind: 'quarter', pattern: new RegExp(`\\bQ[1-4](?:\\s{0,2}(?:of\\s+)?(?:${FY}|${YEAR}))?\\b`, 'g') },
  {
    kind: 'quarter',
    pattern: new RegExp(
      `\\b(?:quarter\\s+(?:[1-4]|one|two|three|four)|(?:first|second|third|fourth|final|last)\\s+quarter)(?:\\s+of)?(?:\\s+(?:the\\s+)?(?:${FY}|${YEAR}))?\\b`,
      'gi',
    ),
  },
  { kind: 'financial-year', pattern: new RegExp(`(?<![\\d/]|\\d[.-])${FY}(?![\\d/]|[.-]\\d)`, 'g') },
  { kind: 'season', pattern: new RegExp(`\\b(?:spring|summer|autumn|winter)(?:\\s+term)?\\s+(?:of\\s+)?(?:${FY}|${YEAR})\\b`, 'gi') },
  {
    kind: 'year',
    pattern: new RegExp(
      `\\b(?:by|in|during|before|until|from|throughout|for)\\s+(?:the\\s+(?:end|start|beginning|middle|course)\\s+of\\s+)?${YEAR}\\b(?!\\s?[/–-]\\s?\\d)`,
      'gi',
    ),
  },
  {
    kind: 'month',
    pattern: new RegExp(`\\b(?:[Bb]y|[Bb]efore|[Uu]ntil|[Ii]n|[Ff]rom|[Ee]nd\\s+of)\\s+(?:the\\s+end\\s+of\\s+)?(?:${MONTHS_CAP})\\b`, 'g'),
  },
  {
    kind: 'relative',
    pattern: new RegExp(
      `\\b(?:within|in|over|during|for)\\s+(?:the\\s+)?(?:next|coming|following)\\s+(?:${NUM}\\s+)?(?:calendar\\s+)?(?:months?|years?|quarters?|financial\\s+year|academic\\s+year|school\\s+year|weeks?)\\b`,
      'gi',
    ),
  },
  {
    kind: 'relative',
    pattern: new RegExp(
      `\\b(?:by|before|at|in|from|for|until|during|prior\\s+to)\\s+(?:the\\s+|its\\s+|their\\s+)?(?:end|start|beginning|close)\\s+of\\s+(?:the\\s+|this\\s+|that\\s+)?(?:current\\s+|next\\s+)?(?:year|financial\\s+year|calendar\\s+year|academic\\s+year|school\\s+year|month|quarter|term|review\\s+period)\\b`,
      'gi',
    ),
  },
  { kind: 'relative', pattern: /\b(?:by|before|at)\s{1,8}(?:the\s{1,8})?year[- ]end\b/gi },
  {
    kind: 'relative',
    pattern: /\b(?:by|before|at|in|from|for|until|during|starting|commencing|after)\s{1,8}(?:the\s{1,8}|its\s{1,8}|their\s{1,8})?next\b/gi,
  },
  {
    kind: 'relative',
    pattern: /\bbefore\s{1,8}(?:the\s{1,8})?(?:publication|launch|end|start|beginning|inspection|anniversary|implementation|completion)\b/gi,
  },
];

const WITHIN = new RegExp(
  `\\b(?:within|in)\\s+(?:the\\s+first\\s+)?${NUM}\\s+(?:calendar\\s+|working\\s+|school\\s+)?(months?|years?|weeks?|days?|hours?)(['’]?\\s+time)?\\b`,
  'gi',
);
const PERIOD_AFTER = new RegExp(`\\b${NUM}\\s+(?:calendar\\s+)?(?:months?|years?|weeks?)\\s+(?:after|following|from|of)\\s+`, 'gi');
const OF_CLAUSE = /^\s{1,8}(?:of|from|after|following)\s{1,8}/i;
const TIME_LABEL =
  /\b(?:timescales?|time\s?scales?|target\s{1,8}date|deadline|due\s{1,8}date|completion\s{1,8}date|date\s{1,8}for\s{1,8}completion|by\s{1,8}when|time\s?frame)\s{0,3}[:–—-]\s{0,3}([^.;\n|]{1,60})/gi;

const HISTORIC_CUES = new Set(timing.historicCues.map((c) => c.toLowerCase()));
const DEADLINE_CUES = new Set(['by', 'before', 'until', 'within', 'than', 'of']);
const RANGE_AFTER = /^\s{0,3}(?:to|until|and|–|—|-)\s{0,3}(?:\d|January|February|March|April|May|June|July|August|September|October|November|December)/i;

function monthEnd(year: number, month: number): number {
  return dateEndKey({ year, month });
}

function endKeyOf(kind: TimeBound['kind'], text: string, date?: FoundDate): number | undefined {
  if (date) return date.valid ? dateEndKey(date) : undefined;
  const fy = new RegExp(FY).exec(text);
  if (fy) {
    const start = Number(fy[0].slice(0, 4));
    return monthEnd(start + 1, 3);
  }
  const year = new RegExp(YEAR).exec(text);
  if (!year) return undefined;
  const y = Number(year[0]);
  if (kind === 'quarter') {
    const q = /Q([1-4])|quarter\s{1,8}([1-4])|(first|second|third|fourth)\s{1,8}quarter/i.exec(text);
    const n = q ? Number(q[1] ?? q[2] ?? ['first', 'second', 'third', 'fourth'].indexOf(q[3]!.toLowerCase()) + 1) : 4;
    return monthEnd(y, n * 3);
  }
  if (kind === 'season') {
    const s = /spring|summer|autumn|winter/i.exec(text)?.[0].toLowerCase();
    return monthEnd(y, s === 'spring' ? 5 : s === 'summer' ? 8 : s === 'autumn' ? 11 : 12);
  }
  return monthEnd(y, 12);
}

/** Is the text right before a date history ("issued in April 2010", "since March")? */
function historic(text: string, start: number, end: number): boolean {
  const words = (text.slice(Math.max(0, start - 40), start).match(/\p{L}+/gu) ?? []).map((w) => w.toLowerCase());
  const last = words.filter((w) => w !== 'the').slice(-1)[0];
  // "by March 2013", "no later than", "the end of": a deadline, whatever came before.
  if (last && DEADLINE_CUES.has(last) && (last !== 'of' || words.slice(-3).includes('end'))) return false;
  const recent = words.slice(-3);
  if (recent.some((w) => HISTORIC_CUES.has(w)) || recent.join(' ').includes('took place')) return true;
  return RANGE_AFTER.test(text.slice(end, end + 20));
}

/**
 * Time bounds in a text: dates, months, quarters, financial years, seasons,
 * years and periods relative to a known event. In `cell` mode (a table's target
 * date column) a bare year, month or period counts without a cue word.
 */
export function findTimeBounds(text: string, options: { cell?: boolean } = {}): TimeBound[] {
  return timeBounds.get(options.cell ? 'cell' : 'text', text, () => findTimeBoundsOnce(text, options));
}

/** Time bounds of texts, kept across lints (read-only). */
const timeBounds = new ContextMemo<TimeBound[]>();

function findTimeBoundsOnce(text: string, options: { cell?: boolean }): TimeBound[] {
  const found: TimeBound[] = [];
  const add = (bound: TimeBound) => {
    if (!found.some((f) => f.start < bound.end && f.end > bound.start)) found.push(bound);
  };
  for (const date of findDates(text)) {
    if (!options.cell && historic(text, date.start, date.end)) continue;
    add({ start: date.start, end: date.end, text: date.text, kind: date.precision === 'day' ? 'date' : 'month', date, endKey: endKeyOf('date', date.text, date) });
  }
  for (const { kind, pattern } of TIME_PATTERNS) {
    for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
      const start = m.index;
      const end = start + m[0].length;
      if (kind !== 'relative' && !options.cell && historic(text, start, end)) continue;
      if (/next$/i.test(m[0])) {
        // "from the next financial year": take the word after "next" into the bound.
        const word = /^ {1,3}[a-z]{2,30}/i.exec(text.slice(end));
        if (!word) continue;
        add({ start, end: end + word[0].length, text: m[0] + word[0], kind });
        continue;
      }
      if (kind === 'quarter' && !/\d{4}/.test(m[0]) && !options.cell && !/\b(?:by|in|before|end\s{1,8}of|during|from|until)\s{1,8}(?:the\s{1,8})?$/i.test(text.slice(Math.max(0, start - 16), start))) continue;
      add({ start, end, text: m[0], kind, endKey: endKeyOf(kind, m[0]) });
    }
  }
  for (const m of text.matchAll(new RegExp(WITHIN.source, WITHIN.flags))) {
    const start = m.index;
    const end = start + m[0].length;
    const unit = m[1]!.toLowerCase();
    const after = text.slice(end);
    const of = OF_CLAUSE.exec(after);
    if (of) {
      const event = KNOWN_EVENTS.startOf(after.slice(of[0].length));
      if (event) add({ start, end: end + of[0].length + event.end, text: text.slice(start, end + of[0].length + event.end), kind: 'relative' });
      continue;
    }
    if (/^(?:month|year)/.test(unit) || m[2] || options.cell) add({ start, end, text: m[0], kind: 'relative' });
  }
  for (const m of text.matchAll(new RegExp(PERIOD_AFTER.source, PERIOD_AFTER.flags))) {
    const event = KNOWN_EVENTS.startOf(text.slice(m.index + m[0].length));
    if (event) add({ start: m.index, end: m.index + m[0].length + event.end, text: text.slice(m.index, m.index + m[0].length + event.end), kind: 'relative' });
  }
  for (const m of text.matchAll(new RegExp(TIME_LABEL.source, TIME_LABEL.flags))) {
    const value = m[1]!.trim();
    if (!value || value.startsWith('[') || findNonDates(value).length > 0 || isNonCommittal(value, 'date')) continue;
    add({ start: m.index, end: m.index + m[0].length, text: m[0], kind: 'label' });
  }
  if (options.cell) {
    // "Mar-13", "Sept 13", "Jan '14": a month and a two-digit year, as spreadsheets write them.
    const short = /\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]{0,6}[ -]'?(\d{2})\b/i.exec(text);
    if (short) {
      const month = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(short[1]!.toLowerCase().slice(0, 3)) + 1;
      add({ start: short.index, end: short.index + short[0].length, text: short[0], kind: 'month', endKey: monthEnd(2000 + Number(short[2]), month) });
    }
    const bare = new RegExp(
      `^\\s*(?:(?:by|before|end\\s+of|by\\s+end\\s+of|by\\s+the\\s+end\\s+of)\\s+)?(?:${YEAR}|(?:${MONTHS_CAP})|${NUM}\\s+(?:calendar\\s+)?(?:months?|years?|weeks?))\\s*$`,
      'i',
    ).exec(text);
    if (bare) add({ start: 0, end: text.length, text, kind: /\d{4}/.test(text) ? 'year' : 'relative', endKey: endKeyOf('year', text) });
  }
  return found.sort((a, b) => a.start - b.start);
}


const nonDateCache = new Map<string, PhraseMatcher<NonDate['kind']>>();

function nonDateMatcher(extra: readonly string[]): PhraseMatcher<NonDate['kind']> {
  const key = extra.join('\u0000');
  let matcher = nonDateCache.get(key);
  if (!matcher) {
    matcher = new PhraseMatcher<NonDate['kind']>([...extra.map((p) => [p, 'vague'] as const), ...timing.nonDates.map((n) => [n.phrase, n.kind as NonDate['kind']] as const)]);
    nonDateCache.set(key, matcher);
  }
  return matcher;
}

/** Timing words that set no time bound ("as soon as possible", "ongoing", "annually"). */
export function findNonDates(text: string, extra: readonly string[] = []): NonDate[] {
  return nonDateMatcher(extra)
    .find(text)
    .map((h) => ({ start: h.start, end: h.end, text: h.text, kind: h.value }));
}

// ---------------------------------------------------------------------------
// Action plan cells.

const NON_COMMITTAL = {
  any: new Set(columnData.nonCommittal.any.map(normalizePhrase)),
  lead: new Set(columnData.nonCommittal.lead.map(normalizePhrase)),
  date: new Set(columnData.nonCommittal.date.map(normalizePhrase)),
  measure: new Set(columnData.nonCommittal.measure.map(normalizePhrase)),
};
const COMPLETED = new Set(columnData.completed.map(normalizePhrase));
const SAME_AS_ABOVE = new Set(columnData.sameAsAbove.map((s) => s.trim().toLowerCase()));

/** Does a cell's text commit to nothing ("TBC", "all agencies", "ongoing")? Raw symbols such as "-" and "?" count too. */
export function isNonCommittal(text: string, column: 'lead' | 'date' | 'measure'): boolean {
  const raw = text.trim().toLowerCase();
  if (/^[-–—?x.]{1,3}$/.test(raw)) return true;
  const norm = normalizePhrase(text);
  return NON_COMMITTAL.any.has(norm) || NON_COMMITTAL[column].has(norm);
}

/** Does a status or date cell say the action is done ("Completed", "Achieved March 2012")? */
export function saysCompleted(text: string): boolean {
  return normalizePhrase(text)
    .split(' ')
    .some((w) => COMPLETED.has(w));
}

// ---------------------------------------------------------------------------
// Recommendations.

export type OwnerVia = 'subject' | 'agent' | 'label' | 'heading' | 'intro' | 'table';

export interface ContextOwner extends Span {
  via: OwnerVia;
}

export interface Recommendation {
  /** 0-based position among the report's recommendations. */
  index: number;
  /** The number as written ("3", "R3", "1.2"), or its position when unnumbered. */
  number: string;
  /** Normalised key used to match action plan rows ("R3" → "3"). */
  id: string;
  /** Was the number written in the report (a label or an ordered list)? */
  numbered: boolean;
  kind: 'list-item' | 'paragraph' | 'heading' | 'table-row';
  /** Offsets of the whole item (list marker to last sub-point). */
  start: number;
  end: number;
  /** Where the recommendation's words begin (after the marker and label). */
  textStart: number;
  /** Where its words end (trailing spaces excluded). */
  textEnd: number;
  /** The recommendation as written (Markdown source of textStart..textEnd). */
  text: string;
  /** The Recommendations section that holds it. */
  section: Section;
  /** The innermost heading above it ("Recommendations for the Hospital Trust"). */
  heading: Section;
  /** An owner given by the heading, an intro sentence ("The LSCB should ensure the following:") or the lead column. */
  contextOwner?: ContextOwner;
  /** A time bound given by the heading, an intro sentence or the date column. */
  contextDeadline?: TimeBound;
  /** For table rows: the row and its mapped columns. */
  table?: { model: TableModel; row: Row; columns: Partial<Record<ColumnId, number>> };
  /** Parts of the document that make up the recommendation's text (paragraphs or one cell). */
  parts: Span[];
}

interface Draft extends Omit<Recommendation, 'index' | 'number' | 'id' | 'numbered' | 'textStart' | 'textEnd' | 'text'> {
  label?: string;
  open: boolean;
}

function sourceOf(report: Report, node: Nodes): Span {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return { start, end, text: report.text.slice(start, end) };
}

const ITEM_HEADING = /^(?:recommendation|rec\.?)\s{0,3}(?:no\.?\s{0,2})?[A-Z]{0,3}\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?\b/i;
const ABOUT_WORDS = new Set(['these', 'the', 'all', 'following', 'below', 'above', 'each', 'our', 'its', 'his', 'her', 'their', 'of']);

/** Prose about the recommendations ("The recommendations below…", "all of these recommendations"): a determiner within three words before "recommendations". */
function aboutRecommendations(plain: string): boolean {
  const tokens = tokenize(plain);
  return tokens.some((t, i) => t.value === 'recommendations' && tokens.slice(Math.max(0, i - 3), i).some((w) => ABOUT_WORDS.has(w.value)));
}
const LOOKS_LIKE_RECOMMENDATION =
  /(?<![\p{L}\p{N}])(?:should|must|will|shall|is\s{1,8}to|are\s{1,8}to|needs?\s{1,8}to|recommends?|recommended)(?![\p{L}\p{N}])|^\s{0,8}that\s/iu;
const HINDSIGHT_MODAL = /(?<![\p{L}\p{N}])(?:should|could|would|must|might|will)\s{1,3}(?:not\s{1,3})?have(?![\p{L}\p{N}])/giu;

/** Does prose read like a recommendation (a modal or "recommend", not only "should have…" about the past)? */
export function looksLikeRecommendation(plain: string): boolean {
  return LOOKS_LIKE_RECOMMENDATION.test(plain.replace(HINDSIGHT_MODAL, ' '));
}

/** Is the walk inside a heading that also means something else ("Lessons and recommendations")? Then items must read like recommendations. */
function strictWalk(walk: { headings: Section[] }): boolean {
  return walk.headings.some((h) => h.matches.some((id) => id !== RECOMMENDATIONS_SECTION));
}

function isRecommendationSection(section: Section): boolean {
  if (section.isTitle) return false;
  if (section.matches.includes(RECOMMENDATIONS_SECTION)) return !ITEM_HEADING.test(section.title);
  return section.matches.length === 0 && /\brecommendations\b/.test(section.normalized);
}

/** The report's Recommendations sections (outermost only; subsections are read with their parent). */
export function recommendationSections(report: Report): Section[] {
  const result: Section[] = [];
  for (const section of report.outline) {
    if (!isRecommendationSection(section)) continue;
    if (result.some((r) => section.start >= r.start && section.start < r.end)) continue;
    result.push(section);
  }
  return result;
}

function headingOwner(report: Report, sections: Section[], extra: readonly string[]): ContextOwner | undefined {
  for (let i = sections.length - 1; i >= 0; i--) {
    const s = sections[i]!;
    const end = s.heading.position?.end.offset ?? s.start;
    const source = report.text.slice(s.start, end);
    const hits = findOwners(plainText(source), extra);
    const hit = hits.find((h) => h.kind !== 'group' || !/\bmulti/i.test(source));
    if (hit) return { start: s.start + hit.start, end: s.start + hit.end, text: hit.text, via: 'heading' };
  }
  return undefined;
}

function headingDeadline(report: Report, sections: Section[]): TimeBound | undefined {
  for (const s of sections) {
    const end = s.heading.position?.end.offset ?? s.start;
    const bound = findTimeBounds(plainText(report.text.slice(s.start, end)))[0];
    if (bound) return { ...bound, start: s.start + bound.start, end: s.start + bound.end };
  }
  return undefined;
}

function looksLikeLabelCell(text: string): boolean {
  return /^(?:(?:recommendation|rec\.?) {0,2})?(?:no\.? {0,2})?[A-Z]{0,3}\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?[.:)]?$/i.test(text.trim());
}

/** Map a table's header to logical columns. */
export function tableColumns(model: TableModel): Partial<Record<ColumnId, number>> {
  const columns = matchColumns(model.header, COLUMN_SYNONYMS) as Partial<Record<ColumnId, number>>;
  model.header.forEach((cell, index) => {
    if (columns.reference === undefined && /^(?:#|no\.?|ref\.?)?$/i.test(cell.text.trim()) && index === 0 && !Object.values(columns).includes(index)) {
      columns.reference = index;
    }
  });
  return columns;
}

function cellAt(row: Row, index: number | undefined): Cell | undefined {
  return index === undefined ? undefined : row.cells[index];
}

interface Walk {
  report: Report;
  extra: readonly string[];
  section: Section;
  drafts: Draft[];
  headings: Section[];
  introOwner?: ContextOwner;
  introDeadline?: TimeBound;
  sectionDeadline?: TimeBound;
  current?: Draft;
  structured: boolean;
  /** The letter of the last “A i.” or “B.” label, for a following bare “ii.”. */
  letter?: string;
}

function newDraft(walk: Walk, kind: Draft['kind'], start: number, end: number, parts: Span[], label?: string): Draft {
  const heading = walk.headings[walk.headings.length - 1] ?? walk.section;
  const draft: Draft = {
    kind,
    start,
    end,
    parts,
    section: walk.section,
    heading,
    label,
    open: false,
    contextOwner: headingOwner(walk.report, walk.headings, walk.extra) ?? walk.introOwner,
    contextDeadline: headingDeadline(walk.report, walk.headings) ?? walk.introDeadline ?? walk.sectionDeadline,
  };
  walk.drafts.push(draft);
  return draft;
}

function paragraphParts(report: Report, node: Nodes): Span[] {
  const parts: Span[] = [];
  visit(node, 'paragraph', (p: Paragraph) => {
    parts.push(sourceOf(report, p));
  });
  return parts;
}

function contextFromIntro(walk: Walk, span: Span) {
  const plain = plainText(span.text);
  const owner = ownerInSentences(plain, walk.extra);
  walk.introOwner = owner ? { start: span.start + owner.start, end: span.start + owner.end, text: owner.text, via: 'intro' } : undefined;
  const bound = findTimeBounds(plain)[0];
  walk.introDeadline = bound ? { ...bound, start: span.start + bound.start, end: span.start + bound.end } : undefined;
}

function walkParagraph(walk: Walk, node: Paragraph) {
  const span = sourceOf(walk.report, node);
  const plain = plainText(span.text);
  if (!plain.trim()) return;
  const label = paragraphLabel(plain);
  if (label?.kind === 'other') {
    walk.current = undefined;
    return;
  }
  if (label) {
    const rest = plain.slice(label.end).trim();
    if (!label.word && rest && strictWalk(walk) && !looksLikeRecommendation(rest)) {
      walk.current = undefined;
      return;
    }
    // “B i.” then “ii.”: the second is B ii.
    let number = label.number;
    const letter = /^([A-Z]) (?:iii|ii|iv|ix|i|vi{0,3}|x)$/.exec(number)?.[1];
    if (letter) walk.letter = letter;
    else if (/^(?:iii|ii|iv|ix|i|vi{0,3}|x)$/.test(number) && walk.letter) number = `${walk.letter} ${number}`;
    else if (/^[A-Z]$/.test(number)) walk.letter = number;
    const draft = newDraft(walk, 'paragraph', span.start, span.end, rest ? [span] : [], number);
    draft.open = true;
    walk.current = draft;
    return;
  }
  const current = walk.current;
  if (current?.open) {
    current.end = span.end;
    current.parts.push(span);
    return;
  }
  if (/:\s{0,8}$/.test(plain)) {
    contextFromIntro(walk, span);
    return;
  }
  if (aboutRecommendations(plain) && !/^\s{0,8}that\s/i.test(plain)) {
    const bound = findTimeBounds(plain)[0];
    if (bound) walk.sectionDeadline = { ...bound, start: span.start + bound.start, end: span.start + bound.end };
    return;
  }
  if (!walk.structured && looksLikeRecommendation(plain)) newDraft(walk, 'paragraph', span.start, span.end, [span]);
}

function walkList(walk: Walk, node: List) {
  const current = walk.current;
  if (current?.open) {
    const span = sourceOf(walk.report, node);
    current.end = span.end;
    current.parts.push(...paragraphParts(walk.report, node));
    return;
  }
  node.children.forEach((item: ListItem, index: number) => {
    const span = sourceOf(walk.report, item);
    const parts = paragraphParts(walk.report, item);
    if (parts.length === 0) return;
    const first = plainText(parts[0]!.text);
    const label = matchLabel(first);
    if (label?.kind === 'other') return;
    if (!label?.word && strictWalk(walk) && !looksLikeRecommendation(paragraphParts(walk.report, item).map((p) => plainText(p.text)).join(' '))) return;
    const number = label?.number ?? (node.ordered ? String((node.start ?? 1) + index) : undefined);
    newDraft(walk, 'list-item', span.start, span.end, parts, number);
  });
  walk.current = undefined;
}

function walkTable(walk: Walk, node: Table) {
  const model = readTable(node);
  const columns = tableColumns(model);
  const textColumn = columns.recommendation ?? (columns.reference !== undefined && (columns.lead !== undefined || columns.date !== undefined) ? columns.action : undefined);
  if (textColumn === undefined) return;
  let previous: Draft | undefined;
  const seen = new Set<string>();
  for (const row of model.rows) {
    const cell = row.cells[textColumn];
    if (!cell || !cell.text) {
      if (previous) previous.end = row.end;
      continue;
    }
    let label: string | undefined;
    let partStart = cell.start;
    const ref = cellAt(row, columns.reference);
    if (ref && looksLikeLabelCell(ref.text)) label = ref.text.replace(/^\s{0,8}(?:recommendation|rec\.?)\s{0,8}/i, '').trim().replace(/[.:)]$/, '');
    if (looksLikeLabelCell(cell.text)) {
      // The recommendation column holds only the number: group the rows of one recommendation.
      label = cell.text.replace(/^\s{0,8}(?:recommendation|rec\.?)\s{0,8}/i, '').trim().replace(/[.:)]$/, '');
      const key = recommendationKey(label);
      if (seen.has(key) && previous) {
        previous.end = row.end;
        continue;
      }
      seen.add(key);
      const action = cellAt(row, columns.action);
      if (!action || !action.text) continue;
      partStart = action.start;
      const draft = newDraft(walk, 'table-row', row.start, row.end, [{ start: action.start, end: action.end, text: walk.report.text.slice(action.start, action.end) }], label);
      draft.table = { model, row, columns };
      previous = draft;
      continue;
    }
    if (!label) {
      const inText = matchLabel(plainText(cell.text));
      if (inText?.kind === 'recommendation') label = inText.number;
    }
    const draft = newDraft(walk, 'table-row', row.start, row.end, [{ start: partStart, end: cell.end, text: walk.report.text.slice(partStart, cell.end) }], label);
    draft.table = { model, row, columns };
    previous = draft;
  }
}

function sectionNodes(report: Report, section: Section): { node: RootContent; index: number }[] {
  const nodes: { node: RootContent; index: number }[] = [];
  for (let i = section.childIndex + 1; i < section.childEnd; i++) nodes.push({ node: report.tree.children[i]!, index: i });
  return nodes;
}

/** Sections inside a Recommendations section whose content is not recommendations (an action plan, a glossary…). */
function isForeignSubsection(section: Section): boolean {
  if (section.matches.length === 0) return false;
  if (section.matches.includes(RECOMMENDATIONS_SECTION)) return false;
  return true;
}

/**
 * Every recommendation in the report, in document order: list items (with their
 * sub-points), numbered paragraphs ("1.", "R1", "Recommendation 3:"), items under
 * "Recommendation N" headings, and rows of a recommendations table, under any
 * heading that means Recommendations ("Multi-agency recommendations",
 * "Recommendations for the Hospital Trust"…).
 */
export function findRecommendations(report: Report, options: { extraOwners?: readonly string[] } = {}): Recommendation[] {
  const key = (options.extraOwners ?? []).join('\u0000');
  let byOptions = recommendationCache.get(report);
  if (!byOptions) recommendationCache.set(report, (byOptions = new Map()));
  let found = byOptions.get(key);
  if (!found) byOptions.set(key, (found = readRecommendations(report, options)));
  return found;
}

const recommendationCache = new WeakMap<Report, Map<string, Recommendation[]>>();
const actionPlanCache = new WeakMap<Report, ActionPlan[]>();

function readRecommendations(report: Report, options: { extraOwners?: readonly string[] }): Recommendation[] {
  const extra = [...(options.extraOwners ?? []), ...report.settings.agencies];
  const drafts: Draft[] = [];
  for (const section of recommendationSections(report)) {
    const nodes = sectionNodes(report, section);
    const structured = nodes.some(({ node }) => {
      if (node.type === 'list' || node.type === 'table') return true;
      if (node.type === 'paragraph') return paragraphLabel(plainText(sourceOf(report, node).text))?.kind === 'recommendation';
      if (node.type === 'heading') return ITEM_HEADING.test(plainText(sourceOf(report, node).text).replace(/^#+\s{0,8}/, ''));
      return false;
    });
    const walk: Walk = { report, extra, section, drafts, headings: [section], structured };
    let skipUntil = -1;
    for (const { node, index } of nodes) {
      if (index < skipUntil) continue;
      if (node.type === 'heading') {
        const sub = report.outline.find((s) => s.childIndex === index);
        if (!sub) continue;
        const title = sub.title.replace(/^[\s*_]+/, '');
        if (ITEM_HEADING.test(title)) {
          const label = matchLabel(title + ' ');
          const draft = newDraft(walk, 'heading', sub.start, sub.ownEnd, [], label?.number);
          draft.open = true;
          walk.current = draft;
          continue;
        }
        if (isForeignSubsection(sub)) {
          skipUntil = sub.childEnd;
          walk.current = undefined;
          continue;
        }
        walk.headings = [...walk.headings.filter((h) => h.level < sub.level), sub];
        walk.introOwner = undefined;
        walk.introDeadline = undefined;
        walk.current = undefined;
        continue;
      }
      if (node.type === 'paragraph') walkParagraph(walk, node);
      else if (node.type === 'list') walkList(walk, node);
      else if (node.type === 'table') walkTable(walk, node);
    }
  }
  return drafts
    .filter((d) => d.parts.length > 0)
    .map((d, index) => {
      const first = d.parts[0]!;
      const last = d.parts[d.parts.length - 1]!;
      const plain = plainText(first.text);
      const label = d.kind === 'table-row' ? undefined : d.kind === 'paragraph' ? paragraphLabel(plain) : matchLabel(plain);
      const skip = label?.kind === 'recommendation' ? label.end : plain.length - plain.trimStart().length;
      const textStart = first.start + skip;
      const textEnd = last.start + last.text.trimEnd().length;
      const number = d.label ?? String(index + 1);
      const { label: _label, open: _open, ...rest } = d;
      return {
        ...rest,
        index,
        number,
        id: recommendationKey(number),
        numbered: d.label !== undefined,
        textStart,
        textEnd: Math.max(textStart, textEnd),
        text: report.text.slice(textStart, Math.max(textStart, textEnd)),
      };
    });
}

// ---------------------------------------------------------------------------
// Judging one recommendation.

export interface OwnerProblem extends Span {
  reason: 'passive' | 'non-owner' | 'none' | 'empty-cell' | 'non-committal-cell';
}

export interface VagueAction extends Span {
  verb: string;
  instead: string;
}

export interface SmartAnalysis {
  /**
   * Parts written only as a placeholder (“Lead: [named agency or role]”, a lead cell
   * “[lead agency and officer]”): missing, but reported by template-placeholder at the
   * placeholder, so the owner, deadline and measure rules do not report them again.
   */
  placeholders: Partial<Record<SmartPart, Span>>;
  owner?: ContextOwner;
  ownerProblem?: OwnerProblem;
  deadline?: TimeBound & { via: 'text' | 'heading' | 'intro' | 'table' };
  nonDates: NonDate[];
  measure?: Span;
  vagueAction?: VagueAction;
}

export interface AnalysisOptions {
  extraOwners?: readonly string[];
  extraNonDates?: readonly string[];
  extraMeasures?: readonly string[];
  extraVagueVerbs?: readonly string[];
}

interface SentenceOwner extends Span {
  via: 'subject' | 'agent' | 'label';
}

const OWNER_LABEL = /\b(?:lead(?:\s{1,8}(?:agency|officer|organisation|professional|agencies))?|owner|responsible(?:\s{1,8}(?:agency|officer|person|lead))?|responsibility|accountable(?:\s{1,8}officer)?)\s{0,3}[:–—]\s{0,3}([^.;\n|)]{1,80})/gi;
const BY = /(?<![\p{L}\p{N}])by\s{1,3}(?:both\s{1,3})?/giu;

/** The verb before a "by" (skipping one adverb such as "jointly"): "revised" in "revised jointly by". */
function wordBeforeBy(text: string, at: number): string | undefined {
  const words = text.slice(Math.max(0, at - 60), at).match(/[\p{L}-]+/gu) ?? [];
  const last = words[words.length - 1];
  if (last && /ly$/i.test(last) && words.length > 1) return words[words.length - 2];
  return last;
}

/** Owners found in texts, with the problems seen on the way, kept across lints (read-only). */
const sentenceOwners = new ContextMemo<{ owner: SentenceOwner | undefined; problems: OwnerProblem[] }>();

/** The owner a piece of prose names, by sentence structure (see the rule docs of recommendation-owner). */
function ownerInSentences(plain: string, extra: readonly string[], problems?: OwnerProblem[]): SentenceOwner | undefined {
  const found = sentenceOwners.get(contextKey(JSON.stringify(extra)), plain, () => {
    const seen: OwnerProblem[] = [];
    return { owner: ownerInSentencesOnce(plain, extra, seen), problems: seen };
  });
  problems?.push(...found.problems);
  return found.owner;
}

function ownerInSentencesOnce(plain: string, extra: readonly string[], problems?: OwnerProblem[]): SentenceOwner | undefined {
  for (const m of plain.matchAll(new RegExp(OWNER_LABEL.source, OWNER_LABEL.flags))) {
    const value = m[1]!.trim();
    if (value && !value.startsWith('[') && !isNonCommittal(value, 'lead')) return { start: m.index, end: m.index + m[0].length, text: m[0], via: 'label' };
  }
  for (const sentence of splitSentences(plain)) {
    const s = plain.slice(sentence.start, sentence.end);
    const base = sentence.start;
    const intro = INTRO.exec(s);
    const clauseStart = intro ? intro[0].length : s.length - s.trimStart().length;
    // "Hospital Trust: ensure that…"
    const colon = /^([^:.;]{2,80}):\s/.exec(s.slice(clauseStart));
    if (colon) {
      const hit = findOwners(colon[1]!, extra)[0];
      if (hit) return { start: base + clauseStart + hit.start, end: base + clauseStart + hit.end, text: hit.text, via: 'label' };
    }
    // By-agent: "should be revised by the Community Health Trust".
    for (const m of s.matchAll(new RegExp(BY.source, BY.flags))) {
      const verb = wordBeforeBy(s, m.index);
      if (!verb || (!isParticiple(verb) && !/^(?:led|chaired|run|owned|coordinated|overseen)$/i.test(verb))) continue;
      const rest = s.slice(m.index + m[0].length);
      const hit = leadingOwner(rest, extra);
      if (hit && !nonOwnerStart(rest)) {
        const at = base + m.index + m[0].length;
        return { start: at + hit.start, end: at + hit.end, text: hit.text, via: 'agent' };
      }
    }
    // The clause opens with an owner: "That the Director … reports", "The Hospital Trust to amend…".
    const clause = s.slice(clauseStart);
    const leading = leadingOwner(clause, extra);
    if (leading) {
      const passive = PASSIVE_THAT.exec(clause.slice(leading.end));
      const near = new RegExp(ANCHOR.source, 'u').exec(clause.slice(leading.end, leading.end + 40));
      const anchorAfter = near && near.index <= 2 ? near : null;
      const passiveModal = anchorAfter ? PASSIVE_AFTER.exec(clause.slice(leading.end + anchorAfter.index + anchorAfter[0].length)) : null;
      const isPassive = (passive && isParticiple(passive[1]!)) || (passiveModal && isParticiple(passiveModal[1]!));
      if (leading.kind === 'body' || !isPassive) {
        return { start: base + clauseStart + leading.start, end: base + clauseStart + leading.end, text: leading.text, via: 'subject' };
      }
    }
    // Subjects of modal verbs: "<subject> should …".
    for (const a of s.matchAll(new RegExp(ANCHOR.source, ANCHOR.flags))) {
      if (a.index < clauseStart) continue;
      const subject = subjectBefore(s, clauseStart, a.index);
      const after = s.slice(a.index + a[0].length);
      const passiveMatch = /to$/.test(a[0]) ? /^\s{1,8}be\s{1,8}(\p{L}[\p{L}-]{0,30})/u.exec(after) : PASSIVE_AFTER.exec(after);
      const passive = passiveMatch !== null && isParticiple(passiveMatch[1]!);
      if (!subject) {
        if (passive) problems?.push({ start: base + a.index, end: base + a.index + a[0].length + passiveMatch![0].length, text: a[0] + passiveMatch![0], reason: 'passive' });
        continue;
      }
      const hits = findOwners(subject.text, extra).filter((h) => !passive || h.kind === 'body');
      const generic = nonOwnerStart(subject.text);
      const hit = hits[0];
      if (hit && !(generic && hit.start === 0 && hit.end <= generic.end)) {
        return { start: base + subject.start - 0 + hit.start, end: base + subject.start + hit.end, text: hit.text, via: 'subject' };
      }
      if (generic) {
        problems?.push({ start: base + subject.start + generic.start, end: base + subject.start + generic.end, text: generic.text, reason: 'non-owner' });
      } else if (passive) {
        const end = a.index + a[0].length + passiveMatch![0].length;
        problems?.push({ start: base + subject.start, end: base + end, text: s.slice(subject.start, end), reason: 'passive' });
      }
    }
  }
  return undefined;
}

const measureCache = new Map<string, PhraseMatcher<true>>();
const COUNT_NOUNS = new Set(['cases', 'records', 'files', 'families', 'children', 'staff', 'practitioners', 'referrals', 'assessments', 'plans', 'visits', 'contacts', 'audits', 'officers', 'professionals']);
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

interface VerbForm {
  verb: string;
  form: string;
  exemptWithResult: boolean;
  vagueResultOnly: boolean;
  instead: string;
}

const VERB_FORMS: VerbForm[] = vague.verbs.flatMap((v) =>
  v.forms.map((form) => ({ verb: v.verb, form, exemptWithResult: v.exemptWithResult, vagueResultOnly: Boolean((v as { vagueResultOnly?: boolean }).vagueResultOnly), instead: v.instead })),
);
const RESULT_CLAUSES = new PhraseMatcher(vague.resultClauses.map((p) => [p, true] as const));
const VAGUE_RESULTS = new PhraseMatcher(vague.vagueResults.map((p) => [p, true] as const));
const ADVERBS = /^(?:\s{0,3}(?:also|then|now|further|therefore|jointly|urgently|immediately|continue\s{1,3}to|seek\s{1,3}to|aim\s{1,3}to|,|\p{L}{2,20}ly)(?![\p{L}\p{N}])){0,4}\s{0,3}/u;
const verbCache = new Map<string, PhraseMatcher<VerbForm>>();

function verbMatcher(extra: readonly string[]): PhraseMatcher<VerbForm> {
  const key = extra.join('\u0000');
  let matcher = verbCache.get(key);
  if (!matcher) {
    const extraForms = extra.map((e): VerbForm => ({ verb: e, form: e, exemptWithResult: false, vagueResultOnly: false, instead: 'a concrete change and its result' }));
    matcher = new PhraseMatcher([...extraForms, ...VERB_FORMS].map((f) => [f.form, f] as const));
    verbCache.set(key, matcher);
  }
  return matcher;
}

/** Vague actions written as the subject of a passive: “Consideration should be given…”, “Awareness … should be raised”. */
const CONSIDERATION = new PhraseMatcher(VERB_FORMS.filter((f) => /^(?:consideration|further consideration|awareness)$/.test(f.form)).map((f) => [f.form, f] as const));

/** “use/make use of/utilise <a means, up to eight words> to”, before the verb it serves. */
const USE_MEANS = /^(?:use|uses|make\s{1,3}use\s{1,3}of|makes\s{1,3}use\s{1,3}of|utilise|utilises|utilize|utilizes)\s{1,3}(?:(?!to\s)[\p{L}\p{N}'’-]+\s{1,3}){1,8}to\s{1,3}/iu;

/** The vague verb (if any) at the start of a predicate. */
function vagueAt(text: string, at: number, matcher: PhraseMatcher<VerbForm>, sentenceEnd: number): VagueAction | undefined {
  const skip = ADVERBS.exec(text.slice(at))?.[0].length ?? 0;
  const from = at + skip;
  const rest = text.slice(from, sentenceEnd);
  const hit = matcher.startOf(rest);
  if (!hit || hit.start !== 0) {
    // “Use safeguarding training to re-emphasise …”: the means is named, the action is the verb after “to”.
    const means = USE_MEANS.exec(rest);
    return means ? vagueAt(text, from + means[0].length, matcher, sentenceEnd) : undefined;
  }
  const f = hit.value;
  const after = rest.slice(hit.end);
  if (f.exemptWithResult && RESULT_CLAUSES.test(after)) return undefined;
  if (f.vagueResultOnly) {
    const clause = after.split(/[;.]/)[0] ?? '';
    if (!VAGUE_RESULTS.test(clause) || /\d/.test(clause) || /\baudit/i.test(clause)) return undefined;
  }
  return { start: from, end: from + hit.end, text: hit.text, verb: f.verb, instead: f.instead };
}

/** The main action of a recommendation, if it is a vague verb (consider, review, remind…). */
function findVagueAction(plain: string, extra: readonly string[]): VagueAction | undefined {
  const forms = verbMatcher(extra);
  const [sentence] = splitSentences(plain).filter((s) => plain.slice(s.start, s.end).trim());
  if (!sentence) return undefined;
  const s = plain.slice(0, sentence.end);
  const intro = INTRO.exec(s.slice(sentence.start));
  const clauseStart = sentence.start + (intro ? intro[0].length : s.slice(sentence.start).length - s.slice(sentence.start).trimStart().length);
  // Colon form: "Hospital Trust: review…".
  const colon = /^([^:.;]{2,80}):\s/.exec(s.slice(clauseStart));
  const start = colon && findOwners(colon[1]!).length > 0 ? clauseStart + colon[0].length : clauseStart;
  // "Consideration should be given…", "Further consideration…"
  const subjectVague = vagueAt(s, start, CONSIDERATION, sentence.end);
  if (subjectVague) return subjectVague;
  const anchor = new RegExp(ANCHOR.source, 'u').exec(s.slice(start));
  if (anchor) {
    let at = start + anchor.index + anchor[0].length;
    const passive = (/to$/.test(anchor[0]) ? /^\s{1,8}be\s{1,8}/u : /^\s{1,8}(?:(?:also|then|now|further|therefore|jointly|urgently|\p{L}{2,20}ly)\s{1,8}){0,2}be\s{1,8}/u).exec(s.slice(at));
    if (passive) at += passive[0].length;
    return vagueAt(s, at, forms, sentence.end);
  }
  // "That the Trust reviews…", "The LSCB to review…"
  const leading = leadingOwner(s.slice(start), []);
  if (leading) {
    const after = start + leading.end;
    const to = /^\s{0,8}(?:['’]s\s{1,8}\p{L}+\s{1,8})?(?:to\s{1,8})?/u.exec(s.slice(after));
    return vagueAt(s, after + (to?.[0].length ?? 0), forms, sentence.end);
  }
  // Imperative: "Review the procedure…", or an infinitive: "To ensure that…"
  const infinitive = /^\s{0,8}to\s{1,8}/i.exec(s.slice(start))?.[0].length ?? 0;
  return vagueAt(s, start + infinitive, forms, sentence.end);
}

/** The plain text of a recommendation, same length as its source (textStart..textEnd). */
export function recommendationPlain(report: Report, rec: Recommendation): string {
  return plainText(report.text.slice(rec.textStart, rec.textEnd));
}

/** Judge a recommendation's SMART elements: owner, time bound, measure, main action. */
export function analyseRecommendation(report: Report, rec: Recommendation, options: AnalysisOptions = {}): SmartAnalysis {
  const key = JSON.stringify([options.extraOwners ?? [], options.extraNonDates ?? [], options.extraMeasures ?? [], options.extraVagueVerbs ?? [], report.settings.agencies]);
  let byOptions = analysisCache.get(rec);
  if (!byOptions) analysisCache.set(rec, (byOptions = new Map()));
  let analysis = byOptions.get(key);
  if (!analysis) byOptions.set(key, (analysis = analyse(report, rec, options)));
  return analysis;
}

const analysisCache = new WeakMap<Recommendation, Map<string, SmartAnalysis>>();

function analyse(report: Report, rec: Recommendation, options: AnalysisOptions): SmartAnalysis {
  const extraOwners = [...(options.extraOwners ?? []), ...report.settings.agencies];
  // A placeholder never counts as an answer: it is blanked before anything is looked for.
  const written = recommendationPlain(report, rec);
  const plain = blankPlaceholders(written);
  const at = <T extends Span>(span: T): T => ({ ...span, start: rec.textStart + span.start, end: rec.textStart + span.end });
  const analysis: SmartAnalysis = { nonDates: [], placeholders: {} };
  for (const p of placeholderParts(written)) analysis.placeholders[p.part] ??= at({ start: p.index, end: p.index + p.text.length, text: p.text });
  const cells = rec.table ? rec.table : undefined;
  const answered = (cell: Cell | undefined, part: SmartPart): Cell | undefined => {
    if (!cell || !onlyPlaceholders(cell.text)) return cell;
    analysis.placeholders[part] ??= cellContent(report, cell);
    return { ...cell, text: '' };
  };
  const lead = cells ? answered(cellAt(cells.row, cells.columns.lead), 'owner') : undefined;
  const dateCell = cells ? answered(cellAt(cells.row, cells.columns.date), 'deadline') : undefined;
  const measureCell = cells ? answered(cellAt(cells.row, cells.columns.measure), 'measure') : undefined;

  // Owner.
  const problems: OwnerProblem[] = [];
  const sentenceOwner = ownerInSentences(plain, extraOwners, problems);
  const leadSpan = lead ? cellContent(report, lead) : undefined;
  if (lead && leadSpan && lead.text && !isNonCommittal(lead.text, 'lead')) analysis.owner = { ...leadSpan, via: 'table' };
  else if (sentenceOwner) analysis.owner = at(sentenceOwner);
  else if (rec.contextOwner) analysis.owner = rec.contextOwner;
  if (!analysis.owner) {
    if (lead && leadSpan) {
      analysis.ownerProblem = { ...leadSpan, reason: lead.text ? 'non-committal-cell' : 'empty-cell' };
    } else {
      const problem = problems[0];
      analysis.ownerProblem = problem ? at(problem) : { ...firstLine(report, rec), reason: 'none' };
    }
  }

  // Time bound.
  const cellBound = dateCell && dateCell.text ? findTimeBounds(dateCell.text, { cell: true })[0] : undefined;
  const textBound = findTimeBounds(plain)[0];
  if (cellBound && dateCell) analysis.deadline = { ...cellBound, ...cellContent(report, dateCell), via: 'table' };
  else if (textBound) analysis.deadline = { ...at(textBound), kind: textBound.kind, endKey: textBound.endKey, date: textBound.date, via: 'text' };
  else if (rec.contextDeadline) analysis.deadline = { ...rec.contextDeadline, via: rec.kind === 'table-row' ? 'table' : 'heading' };
  if (!analysis.deadline) {
    const extra = options.extraNonDates ?? [];
    if (dateCell && dateCell.text) {
      const cellNon = findNonDates(dateCell.text, extra);
      const content = cellContent(report, dateCell);
      if (cellNon.length > 0 || isNonCommittal(dateCell.text, 'date')) {
        analysis.nonDates.push({ ...content, kind: cellNon[0]?.kind ?? 'vague', inCell: true });
      }
    }
    analysis.nonDates.push(...findNonDates(plain, extra).map(at));
  }

  // Measure.
  const measureText = measureCell && measureCell.text && !isNonCommittal(measureCell.text, 'measure') ? measureCell : undefined;
  if (measureText) analysis.measure = cellContent(report, measureText);
  else {
    const m = findMeasure(plain, options.extraMeasures ?? []);
    if (m) analysis.measure = at(m);
  }

  // Main action.
  const verb = findVagueAction(plain, options.extraVagueVerbs ?? []);
  if (verb) analysis.vagueAction = { ...verb, start: rec.textStart + verb.start, end: rec.textStart + verb.end };
  return analysis;
}

/** The first line of a recommendation's words: where messages about the whole recommendation point. */
export function firstLine(report: Report, rec: Recommendation): Span {
  const newline = report.text.indexOf('\n', rec.textStart);
  const end = Math.min(rec.textEnd, newline === -1 ? rec.textEnd : newline);
  return { start: rec.textStart, end, text: report.text.slice(rec.textStart, end) };
}

/** The missing SMART elements as a scaffold to append: "Lead: …; by: …; measure: …". */
export function smartScaffold(analysis: SmartAnalysis, always: SmartPart[] = []): string {
  // A part already written as a placeholder is waiting for the author: it is not added twice.
  const missing = (part: SmartPart) => always.includes(part) || (!analysis[part] && !analysis.placeholders[part]);
  const parts: string[] = [];
  if (missing('owner')) parts.push(`Lead: ${analysis.owner?.text ?? '[named agency or role]'}`);
  if (missing('deadline')) parts.push(`by: ${analysis.deadline?.text ?? '[insert date]'}`);
  if (missing('measure')) parts.push('measure: [how success will be evidenced, e.g. an audit reported to the Board]');
  return parts.join('; ');
}

/** Editor data shared by the recommendation-* messages. */
export function recommendationData(report: Report, rec: Recommendation, analysis: SmartAnalysis): Record<string, unknown> {
  const scaffold = smartScaffold(analysis);
  const data: Record<string, unknown> = {
    recommendation: { number: rec.number, start: rec.start, end: rec.end },
    scaffold,
    smart: {
      owner: analysis.owner?.text ?? null,
      deadline: analysis.deadline?.text ?? null,
      measure: analysis.measure?.text ?? null,
      vagueAction: analysis.vagueAction?.verb ?? null,
    },
  };
  return data;
}

/**
 * The fix the recommendation-* rules offer: append the missing SMART parts as a
 * scaffold for the author to complete. Not the first choice when the message
 * also offers a replacement (`hasReplacement`).
 */
export function recommendationFixes(report: Report, rec: Recommendation, analysis: SmartAnalysis, hasReplacement = false): Fix[] {
  const scaffold = smartScaffold(analysis);
  if (!scaffold || rec.kind === 'table-row') return [];
  const written = report.text.slice(rec.textStart, rec.textEnd).trimEnd();
  const closed = /[.;:!?]$/.test(written);
  const parts = scaffold
    .split(';')
    .map((p) => p.split(':')[0]!.trim().toLowerCase())
    .filter(Boolean);
  const title = parts.length > 0 ? `Add the missing SMART parts (${parts.join(', ')})` : 'Add the missing SMART parts';
  return [insertionFix(title, rec.textStart + written.length, `${closed ? '' : '.'} ${scaffold}.`, { scaffold: true, preferred: !hasReplacement })];
}

// ---------------------------------------------------------------------------
// Action plans.

export interface ActionRow {
  row: Row;
  /** Recommendation keys the row serves (from the reference or recommendation column; "as above" rows inherit). */
  refs: string[];
  /** Where the reference was read (for messages about a missing recommendation). */
  refSpan?: Span;
  /** The recommendation text in the row, when the plan repeats it instead of a number. */
  recommendationText?: string;
  cells: Partial<Record<ColumnId, Cell>>;
}

export interface ActionPlan {
  table: TableModel;
  columns: Partial<Record<ColumnId, number>>;
  /** The action plan section holding the table, if any. */
  section?: Section;
  rows: ActionRow[];
}

function sectionAt(report: Report, offset: number, id: string): Section | undefined {
  return report.outline.filter((s) => s.matches.includes(id) && offset >= s.start && offset < s.end).pop();
}

function inChronology(report: Report, offset: number): boolean {
  return report.outline.some((s) => (s.matches.includes('chronology') || s.matches.includes('timeline')) && offset >= s.start && offset < s.end);
}

/** References in a cell: "1", "R2", "Recommendation 3", "1, 2 and 4", "1.2". */
export function referencesIn(text: string): string[] {
  const refs: string[] = [];
  const pattern = /(?<![\p{L}\p{N}.])(?:(?:recommendations?|recs?\.?)\s{0,8})?(?:no\.?\s{0,8})?([A-Z]{0,3}\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?)(?![\p{N}])/giu;
  for (const m of text.matchAll(pattern)) {
    if (/^(?:19|20)\d{2}$/.test(m[1]!)) continue;
    refs.push(recommendationKey(m[1]!));
  }
  return [...new Set(refs)];
}

function isActionPlanTable(report: Report, model: TableModel, columns: Partial<Record<ColumnId, number>>): boolean {
  if (model.header.length < 2) return false;
  const has = (c: ColumnId) => columns[c] !== undefined;
  if (sectionAt(report, model.start, ACTION_PLAN_SECTION)) return true;
  if (sectionAt(report, model.start, RECOMMENDATIONS_SECTION) || recommendationSections(report).some((s) => model.start >= s.start && model.start < s.end)) {
    return has('action') && (has('lead') || has('date') || has('measure'));
  }
  if (inChronology(report, model.start)) return false;
  return has('action') && has('lead') && (has('date') || has('measure') || has('reference') || has('recommendation'));
}

/**
 * Action plan tables: every table under a heading that means Action plan, and
 * any other table whose header has action-plan columns (action and lead, with a
 * date, measure or recommendation column). Columns are mapped to logical ids.
 */
export function findActionPlans(report: Report): ActionPlan[] {
  let plans = actionPlanCache.get(report);
  if (!plans) actionPlanCache.set(report, (plans = readActionPlans(report)));
  return plans;
}

/** A cell that explains what to write rather than saying it: a question (“Who will lead?”), or an instruction (“State the lead officer”, “e.g. …”). */
const GUIDANCE_CELL =
  /^(?:[[(]\s{0,3})?(?:(?:e\.\s?g\.|for example|insert|state|enter|describe|give|list|specify|identify|include|record|detail|name of|details of)(?![\p{L}\p{N}])|[^.!]{0,300}\?\s{0,3}[\])]?$)/iu;

/**
 * A template's guidance row: a leading body row whose cells explain what to write in
 * each column (“What is the recommendation?”, “Local, regional or national level?”).
 * It takes at least two guidance cells, and more guidance cells than any other kind.
 */
function isGuidanceRow(row: Row): boolean {
  const filled = row.cells.filter((c) => c.text);
  const guidance = filled.filter((c) => GUIDANCE_CELL.test(c.text.trim()) || /^(?:red,?\s{1,3}amber,?\s{1,3}(?:or\s{1,3}|and\s{1,3})?green|rag)$/i.test(c.text.trim()));
  return guidance.length >= 2 && guidance.length * 2 > filled.length;
}

/**
 * A row that heads a group of actions (“Recording”, “Information sharing”): only its
 * first cell is filled, with a short title that is not a recommendation number.
 */
function isGroupHeadingRow(row: Row): boolean {
  const [first, ...rest] = row.cells;
  if (!first?.text || rest.length === 0 || rest.some((c) => c.text)) return false;
  const text = first.text.trim();
  return /\p{L}/u.test(text) && !/[.;?]$/.test(text) && text.split(/\s+/).length <= 5 && !looksLikeLabelCell(text) && referencesIn(text).length === 0;
}

function readActionPlans(report: Report): ActionPlan[] {
  const plans: ActionPlan[] = [];
  for (const model of tablesIn(report)) {
    const columns = tableColumns(model);
    if (!isActionPlanTable(report, model, columns)) continue;
    const rows: ActionRow[] = [];
    let previous: ActionRow | undefined;
    let leading = true;
    for (const row of model.rows) {
      // Guidance rows come before the first real row of a template's plan.
      if (leading && isGuidanceRow(row)) continue;
      leading = false;
      if (isGroupHeadingRow(row)) continue;
      const cells: Partial<Record<ColumnId, Cell>> = {};
      for (const [id, index] of Object.entries(columns) as [ColumnId, number][]) {
        const cell = row.cells[index];
        if (cell) cells[id] = cell;
      }
      if (row.cells.every((c) => !c.text)) continue;
      const refCell = cells.reference ?? cells.recommendation;
      let refs: string[] = [];
      let refSpan: Span | undefined;
      let recommendationText: string | undefined;
      if (cells.reference?.text) {
        refs = referencesIn(cells.reference.text);
        refSpan = { start: cells.reference.start, end: cells.reference.end, text: cells.reference.text };
      }
      if (refs.length === 0 && cells.recommendation?.text) {
        const text = cells.recommendation.text;
        if (looksLikeLabelCell(text) || text.length <= 40) refs = referencesIn(text.split(/\s+/).slice(0, 3).join(' '));
        const label = matchLabel(plainText(text));
        if (refs.length === 0 && label?.kind === 'recommendation') refs = [recommendationKey(label.number)];
        if (text.length > 40) recommendationText = text;
        refSpan = { start: cells.recommendation.start, end: cells.recommendation.end, text };
      }
      if (refs.length === 0 && !recommendationText && previous && (!refCell || !refCell.text || SAME_AS_ABOVE.has(refCell.text.trim().toLowerCase()))) {
        refs = previous.refs;
        recommendationText = previous.recommendationText;
      }
      const actionRow: ActionRow = { row, refs, refSpan, recommendationText, cells };
      rows.push(actionRow);
      previous = actionRow;
    }
    plans.push({ table: model, columns, section: sectionAt(report, model.start, ACTION_PLAN_SECTION), rows });
  }
  return plans;
}

/** Resolve "as above" / ditto cells of one column to the last real value above them. */
export function effectiveCell(plan: ActionPlan, rowIndex: number, column: ColumnId): Cell | undefined {
  for (let i = rowIndex; i >= 0; i--) {
    const cell = plan.rows[i]?.cells[column];
    if (!cell) return undefined;
    if (!SAME_AS_ABOVE.has(cell.text.trim().toLowerCase())) return cell;
  }
  return undefined;
}

/** The report's own date (front matter `report-date`, or `date`), as a sortable key. */
export function reportDateKey(report: Report): { key: number; text: string } | undefined {
  for (const field of ['report-date', 'date', 'publication-date']) {
    const value = stringValue(report.frontMatter.data[field]);
    if (!value) continue;
    const [date] = findDates(value);
    if (date?.valid) return { key: dateKey(date.day === undefined ? { ...date, day: 1 } : date), text: value };
  }
  return undefined;
}

function normalizedStart(text: string): string {
  return normalizePhrase(text).slice(0, 60);
}

/** Does an action row serve a recommendation (by key, by base key "1.2" → "1", or by repeating its words)? */
export function rowServes(row: ActionRow, rec: Recommendation): boolean {
  if (row.refs.some((r) => keyVariants(r).includes(rec.id) || keyVariants(rec.id).includes(r))) return true;
  if (row.recommendationText) {
    const a = normalizedStart(row.recommendationText);
    const b = normalizedStart(rec.text);
    const n = Math.min(a.length, b.length, 40);
    return n >= 20 && a.slice(0, n) === b.slice(0, n);
  }
  return false;
}

function escapeCell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

/** A pre-filled action plan row for a recommendation, in the plan's column order. */
export function actionRowText(plan: ActionPlan | undefined, rec: Recommendation, analysis: SmartAnalysis): string {
  const values: Record<ColumnId, string> = {
    reference: rec.number,
    recommendation: rec.number,
    action: `[action to deliver recommendation ${rec.number}]`,
    lead: analysis.owner ? escapeCell(analysis.owner.text) : '[lead agency and officer]',
    date: analysis.deadline ? escapeCell(analysis.deadline.text.replace(/^(?:by|before|in|during)\s{1,8}/i, '')) : '[target date]',
    measure: analysis.measure ? `[evidence: ${escapeCell(analysis.measure.text)}]` : '[measure of success]',
    status: 'Not started',
  };
  if (!plan) return `| ${values.reference} | ${values.action} | ${values.lead} | ${values.date} | ${values.measure} | ${values.status} |`;
  const byIndex = new Map<number, ColumnId>();
  for (const [id, index] of Object.entries(plan.columns) as [ColumnId, number][]) byIndex.set(index, id);
  const cells = plan.table.header.map((_, index) => {
    const id = byIndex.get(index);
    return id ? values[id] : '';
  });
  return `| ${cells.join(' | ')} |`;
}

/** A whole action plan section with one row per recommendation (when the report has none). */
export function actionPlanSectionText(report: Report, recs: Recommendation[], level: number, withHeading = true): string {
  const header = '| Recommendation | Action | Lead agency and officer | Target date | Measure of success | Status (RAG) |\n| --- | --- | --- | --- | --- | --- |';
  const rows = recs.map((rec) => actionRowText(undefined, rec, analyseRecommendation(report, rec))).join('\n');
  const heading = withHeading ? `${'#'.repeat(Math.min(6, Math.max(1, level)))} Action plan\n\n` : '';
  return `${heading}${header}\n${rows}\n`;
}

/** Is a recommendation a row of a table that is also an action plan (its cells are then judged by the action-plan-* rules)? */
export function inActionPlanTable(report: Report, rec: Recommendation): boolean {
  return rec.table !== undefined && findActionPlans(report).some((p) => p.table.start === rec.table!.model.start);
}

/** The content of a cell without its pipes and padding (for messages); an empty cell keeps its full range. */
export function cellContent(report: Report, cell: Cell): Span {
  const raw = report.text.slice(cell.start, cell.end);
  const lead = raw.length - trimStartChars(raw, '| \t\n').length;
  const end = cell.start + trimEndChars(raw, '| \t\n').length;
  if (end <= cell.start + lead) return { start: cell.start, end: cell.end, text: '' };
  return { start: cell.start + lead, end, text: report.text.slice(cell.start + lead, end) };
}
