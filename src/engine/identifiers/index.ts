/**
 * Finding text that may identify a family in a case review (primer §9):
 * personal names, dates of birth, postcodes, street addresses, phone numbers,
 * e-mail addresses, NHS numbers, National Insurance numbers, record numbers and
 * school names. Pure functions over strings; no Node APIs.
 *
 * Offsets are relative to the text passed in. Callers pass a block's source
 * with markup masked (same length), so offsets map straight back.
 *
 * - patterns.ts: identifiers found by their form (numbers, addresses, dates of birth, schools);
 * - names.ts: personal names (with name-tokens.ts and compromise's tags, nlp-tags.ts);
 * - pseudonyms.ts, professional-context.ts: names that are not to be reported;
 * - words.ts, found.ts: the word lists and the shape of a find they share.
 */
export { blankComments as maskComments, trimEndChars as trimEnd } from '../text.js';
export type { Found, IdentifierKind } from './found.js';
export { findNames, learnPlaces, type NameBlock, type NameContext, type NameDetector } from './names.js';
export { findPatternIdentifiers, identifierColumnKind, nhsNumberValid, phoneValid, type PatternOptions } from './patterns.js';
export { professionalContext } from './professional-context.js';
export { learnPseudonyms, pseudonymNames } from './pseudonyms.js';
export { HONORIFICS, isFirstName, NOT_NAMES, PROFESSIONAL_TITLES, RAG_WORDS, wordKey } from './words.js';
