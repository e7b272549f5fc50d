/**
 * Personal names (primer §9): runs of unknown capitalised words, weighed by what
 * stands around them (a title, a role, an agency word, a place noun) and, in the
 * `combined` and `nlp` detectors, by compromise's reading.
 */
import nlp from 'compromise';
import { BUILT_IN_AGENCIES, BUILT_IN_ROLES } from '../gazetteer.js';
import { phraseRegExp } from '../text.js';
import data from '../../data/anonymisation.json' with { type: 'json' };
import type { Found } from './found.js';
import { tokenize, type Token } from './name-tokens.js';
import { tagAt } from './nlp-tags.js';
import {
  commonWord,
  CONDITION_WORDS,
  HONORIFICS,
  NOT_NAMES,
  ORGANISATION_WORDS,
  PLACE_NOUNS,
  PLACE_PREFIXES,
  PROFESSIONAL_TITLES,
  PSEUDONYM_HEADS,
  RAG_WORDS,
  wordKey,
  wordsOf,
} from './words.js';

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
    if (isCandidate(token, allowed) && (current.length === 0 || adjacent) && !(current.length > 0 && token.sentenceInitial))
      current.push(token);
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
  return (
    head !== undefined &&
    head.capitalised &&
    (HONORIFICS.has(head.key) || PROFESSIONAL_TITLES.has(head.key) || PSEUDONYM_HEADS.has(head.key) || NOT_NAMES.has(head.key))
  );
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
  if (only && after && ROLE_TAILS.has(after.key) && /^\p{Lu}/u.test(after.text) && /^[ \t]+$/.test(text.slice(run.end, after.start)))
    return true;
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
