/**
 * Placeholders: text a template, a snippet or a fix writes for the author to
 * replace (“[insert date]”, “[named agency or role]”, “TBC”, “DD/MM/YYYY”).
 *
 * One rule reports them (template-placeholder). A placeholder never counts as
 * an answer: the owner, deadline and measure checks of recommendations and
 * action plans read the text with its placeholders blanked out, so a part that
 * is only a placeholder is missing. They do not report that part a second time:
 * the placeholder's own finding points at it (see `placeholderParts`).
 */
import { TextMemo } from './memo.js';

/**
 * The opening words of the bracketed placeholders this product writes and of
 * the usual template ones. “[see Appendix 2]”, “[postcode removed]” and other
 * editorial brackets are finished text and do not match.
 */
const OPENERS = [
  'insert',
  'add',
  'enter',
  'type',
  'give',
  'state',
  'describe',
  'summarise',
  'summarize',
  'list',
  'include',
  'name of',
  'date of',
  'details of',
  // What this product's fixes and snippets write.
  'named agency',
  'named role',
  'how success',
  'lead agency',
  'action to',
  'evidence:',
  'measure of success',
  'target date',
].map((w) => w.replace(/ /g, '\\s{1,3}'));

/** Whole placeholders of one or a few words. */
const BARE = [
  'name',
  'date',
  'dates',
  'agency',
  'child',
  "child's name",
  'pseudonym',
  'author',
  'job title',
  'role',
  'number',
  'address',
  'action',
  'lead',
  'owner',
  'deadline',
  'measure',
  '\\.\\.\\.',
  '…',
].map((w) => w.replace(/ /g, '\\s{1,3}'));

/** Placeholders in text. Every alternative is bounded, so none can backtrack badly. */
export const PLACEHOLDER = new RegExp(
  [
    String.raw`\[(?:${OPENERS.join('|')})(?:(?<=:)|\b)[^\[\]\n]{0,200}\]`,
    String.raw`\[(?:${BARE.join('|')})\]`,
    String.raw`\{\{[^{}\n]{1,80}\}\}`,
    String.raw`(?<![\p{L}\p{N}])(?:TBC|TBA|TBD|TODO|FIXME)(?![\p{L}\p{N}])`,
    String.raw`(?<![\p{L}\p{N}])(?:xx|dd)[/.-](?:xx|mm)[/.-](?:xx|yy){1,2}(?![\p{L}\p{N}])`,
  ].join('|'),
  'giu',
);

/** Bracketed placeholders only (“[insert date]”): what a fix leaves for the author to complete. */
const BRACKETED = new RegExp(
  [String.raw`\[(?:${OPENERS.join('|')})(?:(?<=:)|\b)[^\[\]\n]{0,200}\]`, String.raw`\[(?:${BARE.join('|')})\]`].join('|'),
  'giu',
);

export interface PlaceholderHit {
  /** 0-based offset in the text searched. */
  index: number;
  text: string;
}

const found = new TextMemo<PlaceholderHit[]>();
const foundBracketed = new TextMemo<PlaceholderHit[]>();

/** The placeholders in a text (kept across lints by text; read-only). */
export function findPlaceholders(text: string): PlaceholderHit[] {
  return found.get(text, () => [...text.matchAll(PLACEHOLDER)].map((m) => ({ index: m.index, text: m[0] })));
}

/** The bracketed placeholders in a text: “[insert date]”, “[lead agency and officer]” (not “TBC”, which the action-plan rules judge). */
export function findBracketedPlaceholders(text: string): PlaceholderHit[] {
  return foundBracketed.get(text, () => [...text.matchAll(BRACKETED)].map((m) => ({ index: m.index, text: m[0] })));
}

/** Does the text hold a bracketed placeholder? */
export function hasPlaceholder(text: string): boolean {
  return findBracketedPlaceholders(text).length > 0;
}

/** The text with its bracketed placeholders blanked (same length, line breaks kept), so that none counts as an answer. */
export function blankPlaceholders(text: string): string {
  const hits = findBracketedPlaceholders(text);
  if (hits.length === 0) return text;
  let out = '';
  let at = 0;
  for (const h of hits) {
    out += text.slice(at, h.index) + h.text.replace(/[^\n]/g, ' ');
    at = h.index + h.text.length;
  }
  return out + text.slice(at);
}

/** Is the text nothing but placeholders (and punctuation or spaces)? */
export function onlyPlaceholders(text: string): boolean {
  return hasPlaceholder(text) && !/[\p{L}\p{N}]/u.test(blankPlaceholders(text));
}

export type SmartPart = 'owner' | 'deadline' | 'measure';

const PART_LABEL: [SmartPart, RegExp][] = [
  ['owner', /(?:lead(?:\s{1,3}(?:agency|officer))?|owner|responsible)\s{0,3}[:–—]?\s{0,3}$/i],
  ['deadline', /(?:by|before|deadline|target\s{1,3}date|date)\s{0,3}[:–—]?\s{0,3}$/i],
  ['measure', /(?:measure|evidence|outcome|success)\s{0,3}[:–—]?\s{0,3}$/i],
];

const PART_WORDS: [SmartPart, RegExp][] = [
  ['deadline', /\b(?:date|deadline|when)\b/i],
  ['measure', /\b(?:measure|evidence|evidenced|success|outcome|audit)\b/i],
  ['owner', /\b(?:agency|role|lead|owner|officer|who)\b/i],
];

/**
 * Which SMART part each bracketed placeholder in `text` stands for: by the label
 * before it (“Lead:”, “by”, “measure:”) or else by its own words (“[insert date]”,
 * “[named agency or role]”, “[how success will be evidenced]”).
 */
export function placeholderParts(text: string): { part: SmartPart; index: number; text: string }[] {
  const parts: { part: SmartPart; index: number; text: string }[] = [];
  for (const hit of findBracketedPlaceholders(text)) {
    const before = text.slice(Math.max(0, hit.index - 30), hit.index);
    const part = PART_LABEL.find(([, re]) => re.test(before))?.[0] ?? PART_WORDS.find(([, re]) => re.test(hit.text))?.[0];
    if (part) parts.push({ part, index: hit.index, text: hit.text });
  }
  return parts;
}

/** For the docs of the rules that judge an owner, a deadline or a measure. */
export const PLACEHOLDER_NOTE =
  '\n\nA placeholder (“[named agency or role]”, “[insert date]”, “[lead agency and officer]”, “[how ' +
  'success will be evidenced …]”) never counts as the answer: the part is still missing. It is reported ' +
  'once, as an unfinished placeholder (`template-placeholder`), so this check does not report the same ' +
  'part again.';
