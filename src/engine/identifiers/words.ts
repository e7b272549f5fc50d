/**
 * Word lists of the identifier finders (src/data/anonymisation.json, UK places,
 * compromise's first names): words that are never names, titles, place and
 * organisation words, and the key a word is compared by.
 */
import nlp from 'compromise';
import { BUILT_IN_AGENCIES, BUILT_IN_ROLES } from '../gazetteer.js';
import { isEnglishWord } from '../english-words.js';
import data from '../../data/anonymisation.json' with { type: 'json' };
import ukPlaces from '../../data/uk-places.json' with { type: 'json' };

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
export const PLACE_PREFIXES = new Set(lower(data.placePrefixes));
export const ORGANISATION_WORDS = new Set(lower(data.organisationWords));
export const NOT_STREET_NAMES = new Set(lower(data.notStreetNames));
export const SCHOOL_TYPE_WORDS = new Set(lower(data.schoolTypeWords));
export const NOT_SCHOOL_NAMES = new Set(lower(data.notSchoolNames));
export const PSEUDONYM_HEADS = new Set(lower(data.pseudonymHeads));
export const PLACE_NOUNS = new Set(lower(data.placeNouns));
/** RAG status words: a table cell holding only one of them is a status, not a name. */
export const RAG_WORDS = new Set(lower(data.ragWords));
/** Words that end the name of a condition, an offence or a test ("Treacher Collins Syndrome"): the words before are not a person. */
export const CONDITION_WORDS = new Set(lower(data.conditionWords));
const JOINERS = new Set(['of', 'and', 'upon', 'with', 'on', 'the', 'in', 'by']);
/** Words of UK local authority areas, counties and large towns (src/data/uk-places.json). */
const PLACE_WORDS = new Set(
  ukPlaces.places
    .flatMap((p) => p.match(/\p{L}[\p{L}'\u2019]*/gu) ?? [])
    .map(wordKey)
    .filter((k) => !JOINERS.has(k)),
);

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
export function commonWord(text: string): boolean {
  const stem = text.replace(/['\u2019]s?$/u, '');
  if (isFirstName(wordKey(stem))) return false;
  const parts = stem.split(/-|(?<=\p{Ll})(?=\p{Lu})/u).filter((p) => p.length > 0);
  return parts.length > 0 && parts.every((p) => isEnglishWord(p) || PLACE_WORDS.has(wordKey(p)));
}

/** Words of the built-in agency and role names ("Hospital", "Trust", "Children's"...). */
export function wordsOf(phrases: readonly string[]): string[] {
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

/** A capitalised word of a name, as a regular expression source ("Claire", "O’Brien", "Okonkwo-Adebayo"). */
export const NAME_TOKEN = "\\p{Lu}[\\p{L}'\u2019-]{1,24}";
