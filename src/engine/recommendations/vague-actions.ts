/**
 * The main action of a recommendation (primer §4 "Specific"), when it is a vague
 * verb that changes nothing by itself: "consider", "review", "remind",
 * "raise awareness", "consideration should be given".
 */
import { splitSentences } from '../sentences.js';
import vague from '../../data/recommendation-vague-verbs.json' with { type: 'json' };
import { findOwners, leadingOwner } from './owners.js';
import { PhraseMatcher } from './phrases.js';
import type { Span } from './plain-text.js';
import { ANCHOR, INTRO } from './sentence-structure.js';

export interface VagueAction extends Span {
  verb: string;
  instead: string;
}

interface VerbForm {
  verb: string;
  form: string;
  exemptWithResult: boolean;
  vagueResultOnly: boolean;
  instead: string;
}

const VERB_FORMS: VerbForm[] = vague.verbs.flatMap((v) =>
  v.forms.map((form) => ({
    verb: v.verb,
    form,
    exemptWithResult: v.exemptWithResult,
    vagueResultOnly: Boolean((v as { vagueResultOnly?: boolean }).vagueResultOnly),
    instead: v.instead,
  })),
);

const RESULT_CLAUSES = new PhraseMatcher(vague.resultClauses.map((p) => [p, true] as const));
const VAGUE_RESULTS = new PhraseMatcher(vague.vagueResults.map((p) => [p, true] as const));
const ADVERBS =
  /^(?:\s{0,3}(?:also|then|now|further|therefore|jointly|urgently|immediately|continue\s{1,3}to|seek\s{1,3}to|aim\s{1,3}to|,|\p{L}{2,20}ly)(?![\p{L}\p{N}])){0,4}\s{0,3}/u;
const verbCache = new Map<string, PhraseMatcher<VerbForm>>();

function verbMatcher(extra: readonly string[]): PhraseMatcher<VerbForm> {
  const key = extra.join('\u0000');
  let matcher = verbCache.get(key);
  if (!matcher) {
    const extraForms = extra.map((e): VerbForm => ({
      verb: e,
      form: e,
      exemptWithResult: false,
      vagueResultOnly: false,
      instead: 'a concrete change and its result',
    }));
    matcher = new PhraseMatcher([...extraForms, ...VERB_FORMS].map((f) => [f.form, f] as const));
    verbCache.set(key, matcher);
  }
  return matcher;
}

/** Vague actions written as the subject of a passive: “Consideration should be given…”, “Awareness … should be raised”. */
const CONSIDERATION = new PhraseMatcher(
  VERB_FORMS.filter((f) => /^(?:consideration|further consideration|awareness)$/.test(f.form)).map((f) => [f.form, f] as const),
);

/** “use/make use of/utilise <a means, up to eight words> to”, before the verb it serves. */
const USE_MEANS =
  /^(?:use|uses|make\s{1,3}use\s{1,3}of|makes\s{1,3}use\s{1,3}of|utilise|utilises|utilize|utilizes)\s{1,3}(?:(?!to\s)[\p{L}\p{N}'’-]+\s{1,3}){1,8}to\s{1,3}/iu;

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
export function findVagueAction(plain: string, extra: readonly string[]): VagueAction | undefined {
  const forms = verbMatcher(extra);
  const [sentence] = splitSentences(plain).filter((s) => plain.slice(s.start, s.end).trim());
  if (!sentence) return undefined;
  const s = plain.slice(0, sentence.end);
  const intro = INTRO.exec(s.slice(sentence.start));
  const clauseStart =
    sentence.start + (intro ? intro[0].length : s.slice(sentence.start).length - s.slice(sentence.start).trimStart().length);
  // Colon form: "Hospital Trust: review…".
  const colon = /^([^:.;]{2,80}):\s/.exec(s.slice(clauseStart));
  const start = colon && findOwners(colon[1]!).length > 0 ? clauseStart + colon[0].length : clauseStart;
  // "Consideration should be given…", "Further consideration…"
  const subjectVague = vagueAt(s, start, CONSIDERATION, sentence.end);
  if (subjectVague) return subjectVague;
  const anchor = new RegExp(ANCHOR.source, 'u').exec(s.slice(start));
  if (anchor) {
    let at = start + anchor.index + anchor[0].length;
    const passive = (
      /to$/.test(anchor[0])
        ? /^\s{1,8}be\s{1,8}/u
        : /^\s{1,8}(?:(?:also|then|now|further|therefore|jointly|urgently|\p{L}{2,20}ly)\s{1,8}){0,2}be\s{1,8}/u
    ).exec(s.slice(at));
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
