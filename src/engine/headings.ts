/** Heading normalisation and matching headings to profile sections by meaning. */
import type { Profile, ProfileSection } from './types.js';
import { normalizePhrase } from './text.js';

const NUMBERING = [
  // "Section 3 –", "Part II:", "Appendix A.", "Appendix One –", "Chapter 4"
  /^(?:section|part|chapter|appendix|annex)\s+(?:\d+(?:\.\s?\d+)*|[ivxlc]+|[a-z]|one|two|three|four|five|six|seven|eight|nine|ten)\b\s*[-–—:.)]?\s*/i,
  // "3.", "3.1", "3.1.2)", "3 -", "5. 4"
  /^\d+(?:\.\s?\d+)*\.?\)?\s*[-–—:]?\s*/,
  // "iv.", "b)"
  /^(?:[ivxlc]+|[a-z])[.)]\s+/i,
  // "ii Terms of reference", "A. Ascertain…" (a lower-case numeral or a capital letter before a capitalised word)
  /^(?:i{1,3}|iv|vi{0,3}|ix|x)\s+(?=[A-Z])/,
];

/** Strip numbering ("3.", "3.1", "Section 3 –") from a heading's text. */
export function stripNumbering(text: string): string {
  let result = text.trim();
  for (const pattern of NUMBERING) {
    const stripped = result.replace(pattern, '');
    if (stripped !== result && stripped.length > 0) {
      result = stripped;
      break;
    }
  }
  return result;
}

/** Normalise a heading for matching: numbering removed, case and punctuation folded. */
export function normalizeHeading(text: string): string {
  return normalizePhrase(stripNumbering(text));
}

/** Words that carry no meaning of their own in a section heading. */
const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'to',
  'for',
  'in',
  'on',
  'at',
  'by',
  'from',
  'with',
  'into',
  'as',
  'or',
  'this',
  'that',
  'these',
  'its',
  'their',
  'his',
  'her',
  'our',
  'be',
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'been',
  'what',
  'how',
  'which',
  'who',
  'all',
  'any',
  'some',
  'brief',
  'including',
  'about',
  'us',
  'we',
]);

/** Word forms folded together before stemming. */
const IRREGULAR: Record<string, string> = {
  learnt: 'learn',
  children: 'child',
  childrens: 'child',
  childs: 'child',
  people: 'person',
  peoples: 'person',
  parents: 'parent',
  parental: 'parent',
  analyses: 'analysis',
  scr: 'review',
  scrs: 'review',
  lcspr: 'review',
  cspr: 'review',
  lessons: 'lesson',
  chronological: 'chronology',
  cultural: 'culture',
  religious: 'religion',
  ethnic: 'ethnicity',
  methodological: 'methodology',
  conclusion: 'conclusion',
  conclusions: 'conclusion',
  concluding: 'conclusion',
  timescales: 'timescale',
  // Family members stand for the family ("written contribution by the maternal grandmother").
  mother: 'family',
  father: 'family',
  grandmother: 'family',
  grandfather: 'family',
  maternal: 'family',
  paternal: 'family',
};

/** A light stemmer: enough to fold plurals and verb endings (“recommendations”, “involved”, “learning”). */
export function stem(word: string): string {
  const w = IRREGULAR[word] ?? word;
  if (w !== word || w.length <= 3) return w;
  if (/(?:ss|us|is)$/.test(w)) return w;
  for (const [suffix, replacement] of [
    ['ations', ''],
    ['ation', ''],
    ['ments', ''],
    ['ment', ''],
    ['ings', ''],
    ['ing', ''],
    ['ies', 'y'],
    ['ied', 'y'],
    ['es', ''],
    ['ed', ''],
    ['s', ''],
  ] as const) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) return (w.slice(0, -suffix.length) + replacement).replace(/e$/, '');
  }
  return w.replace(/e$/, '');
}

/** Capitalised words before ’s that are not the child (“Parents’”, “Children’s Social Care” are handled apart). */
const NOT_THE_CHILD = new Set([
  'mother',
  'father',
  'parent',
  'parents',
  'grandmother',
  'grandfather',
  'carer',
  'carers',
  'professional',
  'professionals',
  'agency',
  'agencies',
  'practitioner',
  'practitioners',
  'board',
  'council',
  'family',
  'families',
  'author',
  'reviewer',
  'panel',
  'police',
  'hospital',
  'trust',
  'school',
  'service',
  'services',
  'partnership',
  'lscb',
  'gp',
  'ms',
  'mr',
  'mrs',
]);

interface Token {
  /** Stemmed word. */
  stem: string;
  /** Position in the heading, counting every word (stop words too). */
  at: number;
  stop: boolean;
}

/**
 * The words of a heading for matching by meaning: numbering removed, references to the
 * child (“Child C”, “Baby Joe”, “Josh’s”, “the children’s”) folded to `child`, “serious
 * case review” to `review`, stemmed.
 */
export function headingTokens(text: string): Token[] {
  let t = stripNumbering(text)
    // Paragraph ranges in a contents list: "Factual Information 4-1 – 4-88".
    .replace(/(?<!\s)\s+\d+-\s?\d+\s*[-–—]\s*\d+-\d+\s*$/, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\bserious case reviews?\b|\bchild safeguarding practice reviews?\b|\bcase reviews?\b/gi, 'review')
    .replace(/\b(?:[Cc]hild|CHILD|[Bb]aby|BABY|[Ii]nfant|[Yy]oung [Pp]erson)\s+(?:[A-Z]{1,3}\d?|\d+)\b(?:'s?)?/g, 'child')
    .replace(/\b(?:[Bb]aby|BABY)\s+[A-Z][a-z]+\b(?:'s?)?/g, 'child')
    .replace(/\bchild's\b|\bchildren'?s?'?(?=\s|$)/gi, 'child')
    .replace(/\byoung (?:people|person)(?:'s?)?/gi, 'child');
  // A name before ’s ("Josh's life", "Daniel's death") means the child, unless it names an adult or an agency.
  t = t.replace(/\b([A-Z][a-z]+)'s\b/g, (_whole, name: string) => (NOT_THE_CHILD.has(name.toLowerCase()) ? name : 'child'));
  // "Child Sol's" becomes "child child": one mention of the child.
  const words = normalizePhrase(t)
    .split(' ')
    .filter((word, i, all) => word && !(word === 'child' && all[i - 1] === 'child'));
  return words.map((word, at) => ({ stem: stem(word), at, stop: STOP_WORDS.has(word) }));
}

interface Phrase {
  /** The synonym had a leading "^": it must be the whole heading (apart from stop words). */
  whole: boolean;
  /** Content stems of the synonym. */
  stems: string[];
  /** Number of words in the synonym (stop words too). */
  length: number;
  /** All stems in order, for contiguous matching of synonyms that are only stop words plus one word ("the family"). */
  sequence: string[];
}

const phrases = new Map<string, Phrase>();

function phraseOf(synonym: string): Phrase {
  let phrase = phrases.get(synonym);
  if (!phrase) {
    const whole = synonym.startsWith('^');
    const tokens = headingTokens(whole ? synonym.slice(1) : synonym);
    phrase = {
      whole,
      stems: tokens.filter((t) => !t.stop).map((t) => t.stem),
      length: tokens.length,
      sequence: tokens.map((t) => t.stem),
    };
    phrases.set(synonym, phrase);
  }
  return phrase;
}

interface Hit {
  sectionId: string;
  /** Positions of the heading's words the synonym covers. */
  covered: Set<number>;
}

/**
 * Where a synonym stands in a heading's words, or undefined. A synonym of one content
 * word matches that word, or the synonym's exact words in order when it has stop words
 * ("the family", "the agencies"). A synonym of several content words matches them in
 * any order (“family member involvement”, “involvement of family members”) when they
 * stand close together: within the synonym's length plus two words.
 * A "^" synonym must be the whole heading.
 */
function locate(phrase: Phrase, tokens: Token[]): Set<number> | undefined {
  const content = tokens.filter((t) => !t.stop);
  if (phrase.stems.length === 0) return undefined;
  if (phrase.whole) {
    if (content.length !== phrase.stems.length) return undefined;
    const stems = new Set(content.map((t) => t.stem));
    return phrase.stems.every((s) => stems.has(s)) ? new Set(content.map((t) => t.at)) : undefined;
  }
  if (phrase.stems.length === 1 && phrase.sequence.length > 1) {
    // "the family": the words in order, as written.
    const seq = phrase.sequence;
    for (let i = 0; i + seq.length <= tokens.length; i++) {
      if (seq.every((s, k) => tokens[i + k]!.stem === s)) return new Set(seq.flatMap((_, k) => (tokens[i + k]!.stop ? [] : [i + k])));
    }
    return undefined;
  }
  // Each occurrence of the first word as an anchor, with the nearest occurrence of each other word.
  let best: number[] | undefined;
  for (const anchor of content.filter((t) => t.stem === phrase.stems[0])) {
    const positions = [anchor.at];
    for (const s of phrase.stems.slice(1)) {
      const candidates = content.filter((t) => t.stem === s && !positions.includes(t.at));
      if (candidates.length === 0) return undefined;
      positions.push(candidates.reduce((a, b) => (Math.abs(b.at - anchor.at) < Math.abs(a.at - anchor.at) ? b : a)).at);
    }
    const span = Math.max(...positions) - Math.min(...positions) + 1;
    if (span <= phrase.length + 2 && (!best || span < Math.max(...best) - Math.min(...best) + 1)) best = positions;
  }
  return best && new Set(best);
}

/** A heading of more content words than this is a sentence (a finding, an episode): only its opening words name a section. */
const LONG_HEADING = 8;
const OPENING_WORDS = 4;

function excluded(section: ProfileSection, tokens: Token[]): boolean {
  return (section.except ?? []).some((phrase) => locate({ ...phraseOf(phrase), whole: false }, tokens) !== undefined);
}

/**
 * Which profile sections a heading means. Headings and synonyms are compared as
 * stemmed content words (case, numbering, word order, plurals and possessives do not
 * matter; see `locate`). A section's `except` phrases veto it (“Background reading” is
 * not the background). When the words one section's synonym covers include all the words
 * another's covers ("background to the review" over "background"), only the larger counts.
 */
export function matchHeading(heading: string, profile: Profile): string[] {
  const tokens = headingTokens(heading);
  if (tokens.length === 0) return [];
  const hits: Hit[] = [];
  const long = tokens.filter((t) => !t.stop).length > LONG_HEADING;
  for (const section of profile.sections) {
    let best: Hit | undefined;
    for (const synonym of section.synonyms) {
      const covered = locate(phraseOf(synonym), tokens);
      if (covered && long && Math.min(...covered) >= OPENING_WORDS) continue;
      if (covered && (!best || covered.size > best.covered.size)) best = { sectionId: section.id, covered };
    }
    if (best && !excluded(section, tokens)) hits.push(best);
  }
  const kept = hits.filter(
    (hit) =>
      !hits.some(
        (other) => other !== hit && other.covered.size > hit.covered.size && [...hit.covered].every((at) => other.covered.has(at)),
      ),
  );
  return kept.map((hit) => hit.sectionId);
}

/** Headings that only group others: a report part, the appendices, a contents list. */
const CONTAINER =
  /^(?:executive summary|overview report|summary report|the report|report|appendices|appendix|annexes|annex|contents|table of contents|index|references and appendices|appendices and references|part [a-z0-9]+)$/;

export function isContainerHeading(text: string): boolean {
  return CONTAINER.test(normalizeHeading(text.replace(/:\s*$/, '')));
}
