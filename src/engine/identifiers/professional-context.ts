/** Where professionals are named on purpose: signatories, authors and chairs, names followed by a role or qualification. */
import { escapeRegExp } from '../text.js';
import data from '../../data/anonymisation.json' with { type: 'json' };
import { NAME_TOKEN, wordKey } from './words.js';

const ROLE_WORDS = new Set(data.professionalContextWords.map(wordKey));
const POST_NOMINALS = new Set(data.postNominals.map(wordKey));
/** A keyword that introduces the people who wrote, chaired or signed, ending the text before the names. */
const SIGNATORY_BEFORE = new RegExp(
  `(?<![\\p{L}])(?:${data.signatoryKeywords.map(escapeRegExp).join('|')})(?:\\s(?:of|for|to)\\s(?:the\\s)?[\\p{L}'\u2019 ]{1,60})?\\s{0,3}[:\\-\u2013\u2014,]{0,3}\\s{0,3}$`,
  'iu',
);

/** One earlier name of a list ("Fiona Johnson, "), or a title ("Dr "), at the end of the text before a name. */
const LISTED_NAME_BEFORE = new RegExp(
  `(?<![\\p{L}'\u2019-])${NAME_TOKEN}(?:\\s${NAME_TOKEN}){0,3}\\s{0,2}(?:,|\\sand|\\s&)\\s{1,3}$|(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame)\\.?\\s$`,
  'u',
);

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
  return phrase
    .split(/\s+/)
    .slice(0, 5)
    .some((w) => /^\p{Lu}/u.test(w) && ROLE_WORDS.has(wordKey(w)));
}
