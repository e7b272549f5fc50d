/**
 * Owners of recommendations (primer §4 "Assigned"): the agencies, bodies, roles
 * and professional groups a text names, and the owner a recommendation's
 * sentences give it: the subject of "should", the agent of a passive ("by the
 * Trust"), or a label ("Lead: …"), with the problems seen on the way (an
 * agentless passive, "all staff").
 */
import { ContextMemo, contextKey } from '../memo.js';
import { BUILT_IN_AGENCIES, BUILT_IN_ROLES } from '../gazetteer.js';
import { splitSentences } from '../sentences.js';
import { normalizePhrase } from '../text.js';
import owners from '../../data/recommendation-owners.json' with { type: 'json' };
import { isNonCommittal } from './cells.js';
import { joins, PhraseMatcher, tokenize, type Token } from './phrases.js';
import type { Span } from './plain-text.js';
import { ANCHOR, INTRO, isParticiple, PASSIVE_AFTER, PASSIVE_THAT, subjectBefore } from './sentence-structure.js';

export type OwnerKind = 'body' | 'role' | 'group';

export interface OwnerHit extends Span {
  kind: OwnerKind;
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
export function leadingOwner(text: string, extra: readonly string[]): OwnerHit | undefined {
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

export interface OwnerProblem extends Span {
  reason: 'passive' | 'non-owner' | 'none' | 'empty-cell' | 'non-committal-cell';
}

interface SentenceOwner extends Span {
  via: 'subject' | 'agent' | 'label';
}

const OWNER_LABEL =
  /\b(?:lead(?:\s{1,8}(?:agency|officer|organisation|professional|agencies))?|owner|responsible(?:\s{1,8}(?:agency|officer|person|lead))?|responsibility|accountable(?:\s{1,8}officer)?)\s{0,3}[:–—]\s{0,3}([^.;\n|)]{1,80})/gi;
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
export function ownerInSentences(plain: string, extra: readonly string[], problems?: OwnerProblem[]): SentenceOwner | undefined {
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
    if (value && !value.startsWith('[') && !isNonCommittal(value, 'lead'))
      return { start: m.index, end: m.index + m[0].length, text: m[0], via: 'label' };
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
        if (passive)
          problems?.push({
            start: base + a.index,
            end: base + a.index + a[0].length + passiveMatch![0].length,
            text: a[0] + passiveMatch![0],
            reason: 'passive',
          });
        continue;
      }
      const hits = findOwners(subject.text, extra).filter((h) => !passive || h.kind === 'body');
      const generic = nonOwnerStart(subject.text);
      const hit = hits[0];
      if (hit && !(generic && hit.start === 0 && hit.end <= generic.end)) {
        return { start: base + subject.start - 0 + hit.start, end: base + subject.start + hit.end, text: hit.text, via: 'subject' };
      }
      if (generic) {
        problems?.push({
          start: base + subject.start + generic.start,
          end: base + subject.start + generic.end,
          text: generic.text,
          reason: 'non-owner',
        });
      } else if (passive) {
        const end = a.index + a[0].length + passiveMatch![0].length;
        problems?.push({ start: base + subject.start, end: base + end, text: s.slice(subject.start, end), reason: 'passive' });
      }
    }
  }
  return undefined;
}
