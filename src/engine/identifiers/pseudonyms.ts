/** Pseudonyms: those a document introduces as such, and the names a pseudonym key in the front matter holds. */
import { stringList } from '../front-matter.js';
import { NAME_TOKEN, NOT_NAMES, PSEUDONYM_HEADS, wordKey } from './words.js';

/** "Baby Claire", "Child Alex", "baby PETER": the word after a pseudonym head is the pseudonym. */
const HEADED_PSEUDONYM = new RegExp(`(?<![\\p{L}])(?:[Bb]aby|Child|Infant)\\s(${NAME_TOKEN})(?![\\p{L}])`, 'gu');
/** "referred to as Andrew and Susan", "Claire (not her real name)", "the pseudonym Josh". */
const INTRODUCED_PSEUDONYMS = new RegExp(
  `(?:referred to (?:in this (?:report|review) |here |hereafter |below )?as|(?:the |a )?pseudonyms?|given the (?:name|pseudonym)s?)\\s["“']?(${NAME_TOKEN}(?:["”']?(?:,\\s|\\sand\\s|\\s&\\s)["“']?${NAME_TOKEN}){0,5})`,
  'gu',
);

const NOT_REAL_NAME = new RegExp(
  `(${NAME_TOKEN})\\s?\\((?:not (?:his|her|their|the child's|the child\u2019s) real names?|a pseudonym|pseudonyms?)\\)`,
  'gu',
);

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
    const pseudonymLike = (v: string) =>
      v
        .trim()
        .split(/\s+/)
        .every((w) => /^[\p{Lu}\p{N}]/u.test(w));
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => (typeof v === 'string' && pseudonymLike(v) ? [k, v] : [k]));
  }
  return [];
}
