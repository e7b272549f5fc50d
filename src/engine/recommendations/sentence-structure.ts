/**
 * The structure of a recommendation's sentences, as the owner and vague-action
 * finders read it: the predicate anchor (a modal such as "should" or "is to"),
 * passives ("should be reviewed"), the subject before the anchor, and the
 * introduction ("It is recommended that", "The panel recommends that").
 */
import type { Span } from './plain-text.js';

export const ANCHOR =
  /(?<![\p{L}\p{N}])(?:should|must|will|shall|would|could|might|can|needs?\s{1,8}to|ought\s{1,8}to|(?:is|are)\s{1,8}(?:(?:asked|requested|expected|invited|required|encouraged|recommended|advised)\s{1,8})?to|ha(?:s|ve)\s{1,8}to)(?![\p{L}\p{N}])/gu;
export const PASSIVE_AFTER =
  /^\s{1,8}(?:(?:also|then|now|not|further|therefore|jointly|urgently|\p{L}{2,20}ly)\s{1,8}){0,2}(?:be|have\s{1,8}been)\s{1,8}(?:(?:\p{L}{2,20}ly|also|further)\s{1,8}){0,2}(\p{L}[\p{L}-]{0,30})/u;
export const PASSIVE_THAT =
  /^\s{0,8}(?:is|are|be|was|were|has\s{1,8}been|have\s{1,8}been)\s{1,8}(?:(?:\p{L}{2,20}ly|also|further)\s{1,8}){0,2}(\p{L}[\p{L}-]{0,30})/u;
const IRREGULAR_PARTICIPLES = new Set(
  (
    'made given sought built taken held set put kept brought taught led run done known seen met sent ' +
    'spent shown told paid undertaken written chosen drawn understood found read heard left lost bought ' +
    'thought sold won shut cut let overseen withdrawn driven'
  ).split(' '),
);

const NOT_PASSIVE = new Set(
  (
    'able assured satisfied confident responsible accountable clear aware mindful prepared willing ready ' +
    'open alert proactive involved engaged represented sighted'
  ).split(' '),
);

/** Is a word a past participle ("reviewed", "made"), so that "be <word>" is a passive? */
export function isParticiple(word: string): boolean {
  const w = word.toLowerCase();
  if (NOT_PASSIVE.has(w)) return false;
  if (IRREGULAR_PARTICIPLES.has(w)) return true;
  return /(?:ed|en)$/.test(w) && w.length > 3;
}

const BOUNDARY = /[,;:()[\]]|(?<![\p{L}\p{N}])(?:that|which|who|whom|whose|where|when|whether|if|unless|because|so)(?![\p{L}\p{N}])/giu;
const OPENER =
  /^\s{0,8}(?:with|together|in|alongside|through|via|working|supported|jointly|also|as|following|given|within|before|after|by|from|at|once|during|where|when|having|on|for|to|and|but|or)(?![\p{L}\p{N}])/iu;

/** The candidate subject of an anchor: the last clause segment before it that does not open with a preposition. */
export function subjectBefore(text: string, clauseStart: number, anchor: number): Span | undefined {
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

/** The words that introduce a recommendation ("It is recommended that", "The panel recommends that", "That"). */
export const INTRO =
  /^\s{0,8}(?:(?:it\s{1,8}is\s{1,8}(?:therefore\s{1,8}|also\s{1,8}|further\s{1,8}|strongly\s{1,8})?recommended|(?:the\s{1,8}|this\s{1,8})?(?:\p{L}+\s{1,8}){0,3}(?:panel|review|author|reviewer|reviewers|board|lscb|partnership)\s{1,8}(?:therefore\s{1,8}|also\s{1,8}|further\s{1,8}|strongly\s{1,8})?recommends|we\s{1,8}(?:therefore\s{1,8}|also\s{1,8}|further\s{1,8}|strongly\s{1,8})?recommend)\s{1,8}that\s{1,8}|that\s{1,8})/iu;
