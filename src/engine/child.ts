/**
 * Knowing the child (primer §5): who counts as the child in this report
 * (pseudonyms from front matter `child:`, `siblings:`/`children:`, the other
 * children in the family composition, “Child A” patterns and role words such
 * as “the baby” or “the children”; siblings count as children), who the adults
 * and agencies are, and per section how much of the text is about the child.
 *
 * `childFocusBySection(report)` feeds the editor's “Child focus” status item
 * and per-section breakdown; the child-focus rules use the same figures.
 */
import { ContextMemo, contextKey } from './memo.js';
import type { Root } from 'mdast';
import { reportParser } from './markdown-syntax.js';
import { buildReport, reportOfTree, type Report } from './report.js';
import { completeConfig } from './settings.js';
import type { EngineSettings } from './types.js';
import type { Section } from './outline.js';
import { blocksIn, maskMarkup, type Block } from './blocks.js';
import { splitSentences } from './sentences.js';
import { BUILT_IN_AGENCIES, BUILT_IN_ROLES } from './gazetteer.js';
import { stringList } from './front-matter.js';
import { countWords, escapeRegExp } from './text.js';
import { wordsRegExp } from './words.js';
import { familyComposition, reportTables } from './family.js';
import data from '../data/child-focus.json' with { type: 'json' };

export const CHILD_FOCUS_DATA = data;
export { wordsRegExp, reportTables };

/** Who a mention is: the child (or another child), an adult of the family, or an agency or professional. */
export type ActorKind = 'child' | 'family' | 'agency';

export interface Mention {
  /** Offsets relative to the text searched. */
  start: number;
  end: number;
  text: string;
  kind: ActorKind;
}

/** The patterns that find the child, the family's adults and agencies in a report. */
export interface ChildLexicon {
  /** The child's and the other children's names known for this report. */
  names: string[];
  /** A readable name for the child in messages (“Child A”, else “the child”). */
  label: string;
  child: RegExp[];
  family: RegExp[];
  agency: RegExp[];
  /** Compounds in which “child” is a modifier (“child protection plan”), masked before searching. */
  notChild: RegExp;
  /** Identifies what the lexicon matches (its names and extra agencies), for results kept across lints. */
  key: string;
}

const lexiconKey = (names: readonly string[], agencies: readonly string[]) => contextKey(JSON.stringify([names, agencies]));

const CHILD_ROLES = wordsRegExp(data.childRoles)!;
const NOT_CHILD = wordsRegExp(data.notChild)!;
const FAMILY = wordsRegExp(data.familyAdults)!;
const PROFESSIONALS = wordsRegExp(data.professionals)!;
const agencyCache = new Map<string, RegExp>();

/** Agencies and roles from the gazetteer plus the configured ones (cached per list). */
function agencyRegExp(extra: readonly string[]): RegExp {
  const key = extra.join('\u0000');
  let re = agencyCache.get(key);
  if (!re) agencyCache.set(key, (re = wordsRegExp([...BUILT_IN_AGENCIES, ...BUILT_IN_ROLES, ...extra])!));
  return re;
}
/** “Child A”, “Children A and B”, “Sibling 1”, “Baby P”: a capitalised word then one capital or digit. */
const CHILD_PSEUDONYM =
  /(?<![\p{L}\p{N}])(?:Child|Children|Sibling|Siblings|Baby|Infant|Young Person)\s(?:[A-Z]|\d{1,2})(?![\p{L}\p{N}])/gu;
/** “Mr G”, “Ms Smith”, “Adult B”, “Male C”. */
const ADULT_PSEUDONYM =
  /(?<![\p{L}\p{N}])(?:(?:Mr|Mrs|Ms|Miss|Mx)\.?\s[A-Z](?:[a-z]{1,20}(?:-[A-Z][a-z]{1,20})?)?|(?:Adult|Male|Man|Woman|Female)\s[A-Z])(?![\p{L}\p{N}])/gu;
const POSSESSIVE = /^['’]s?\s{1,3}$/;

const lexicons = new WeakMap<Report, ChildLexicon>();

/** Names of the other children from front matter (`siblings:`, `children:`) and the family composition. */
function otherChildNames(report: Report): string[] {
  const fm = report.frontMatter.data;
  const names = [...stringList(fm['siblings']), ...stringList(fm['children'])];
  const composition = familyComposition(report);
  for (const member of composition?.members ?? []) {
    if (!member.isChild || !member.name) continue;
    // Role words (“Sibling”, “Baby”) are found by the role patterns already.
    if (member.name.length < 2 || /^(?:the\s)?(?:child|baby|sibling|infant|brother|sister|son|daughter|unborn)\b/i.test(member.name))
      continue;
    names.push(member.name);
  }
  return names;
}

/** The child lexicon of a report (cached). */
export function childLexicon(report: Report): ChildLexicon {
  let lexicon = lexicons.get(report);
  if (lexicon) return lexicon;
  const names = [...new Set([...report.childNames, ...otherChildNames(report)].filter((n) => n.trim().length > 1))];
  const namePattern = names.length > 0 ? wordsRegExp(names, 'gu') : undefined;
  lexicon = {
    names,
    label: report.childNames[0] ?? 'the child',
    child: [CHILD_PSEUDONYM, CHILD_ROLES, ...(namePattern ? [namePattern] : [])],
    family: [ADULT_PSEUDONYM, FAMILY],
    agency: [agencyRegExp(report.settings.agencies), PROFESSIONALS],
    notChild: NOT_CHILD,
    key: lexiconKey(names, report.settings.agencies),
  };
  lexicons.set(report, lexicon);
  return lexicon;
}

/** A lexicon for text outside a report (names given directly); used by tests and front ends. */
export function lexiconFor(names: readonly string[] = [], agencies: readonly string[] = []): ChildLexicon {
  const namePattern = names.length > 0 ? wordsRegExp(names, 'gu') : undefined;
  return {
    names: [...names],
    label: names[0] ?? 'the child',
    child: [CHILD_PSEUDONYM, CHILD_ROLES, ...(namePattern ? [namePattern] : [])],
    family: [ADULT_PSEUDONYM, FAMILY],
    agency: [agencyRegExp(agencies), PROFESSIONALS],
    notChild: NOT_CHILD,
    key: lexiconKey(names, agencies),
  };
}

/** Matches of a global pattern (the pattern object is reused: its lastIndex is reset before and after). */
function matchAll(pattern: RegExp, text: string, kind: ActorKind): Mention[] {
  const re = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  const found: Mention[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind });
  }
  re.lastIndex = 0;
  return found;
}

/** Blank out the compounds where “child” or “partner” is a modifier, keeping offsets. */
function maskCompounds(text: string, lexicon: ChildLexicon): string {
  lexicon.notChild.lastIndex = 0;
  if (!lexicon.notChild.test(text)) return text;
  lexicon.notChild.lastIndex = 0;
  return text.replace(lexicon.notChild, (m) => m.replace(/[^\n]/g, ' '));
}

/**
 * Every mention of the child, an adult of the family, or an agency or
 * professional, in order and without overlaps (agencies are matched first so
 * that “Children's Social Care” is not a child). A child named only as the
 * owner of an adult (“Child A's mother”, “the baby's father”) is not a
 * mention of the child: the pair counts as the adult.
 */
export function findActors(text: string, lexicon: ChildLexicon): Mention[] {
  const agencies = lexicon.agency.flatMap((p) => matchAll(p, text, 'agency'));
  const masked = maskCompounds(text, lexicon);
  const candidates = [
    ...agencies,
    ...lexicon.child.flatMap((p) => matchAll(p, masked, 'child')),
    ...lexicon.family.flatMap((p) => matchAll(p, masked, 'family')),
  ];
  // Earlier first; at the same place the longer; agencies before others when equal.
  const order: Record<ActorKind, number> = { agency: 0, child: 1, family: 2 };
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || order[a.kind] - order[b.kind]);
  const picked: Mention[] = [];
  let reach = -1;
  for (const c of candidates) {
    if (c.start < reach) continue;
    picked.push(c);
    reach = c.end;
  }
  // “Child A's mother”: the child owns an adult; the pair is the adult.
  const merged: Mention[] = [];
  for (let i = 0; i < picked.length; i++) {
    const m = picked[i]!;
    const next = picked[i + 1];
    if (m.kind === 'child' && next && next.kind !== 'child' && POSSESSIVE.test(text.slice(m.end, next.start))) {
      merged.push({ start: m.start, end: next.end, text: text.slice(m.start, next.end), kind: next.kind });
      i++;
      continue;
    }
    merged.push(m);
  }
  return merged;
}

/** Mentions of the child (or another child) only. */
export function findChildMentions(text: string, lexicon: ChildLexicon): Mention[] {
  return findActors(text, lexicon).filter((m) => m.kind === 'child');
}

/** Does a text mention the child (or another child)? */
export function mentionsChild(text: string, lexicon: ChildLexicon): boolean {
  return findChildMentions(text, lexicon).length > 0;
}

/**
 * Who a sentence is about, by its grammatical subject, approximated as the
 * first actor mentioned (dates and adverbials before it are skipped because
 * they are not actors). Undefined when no actor is mentioned.
 */
export function sentenceSubject(sentence: string, lexicon: ChildLexicon): Mention | undefined {
  return subjectOf(sentence, findActors(sentence, lexicon));
}

/** An actor after a preposition (“at nursery”, “by the health visitor”, “with Mr G”) is not the subject. */
const PREPOSITION_BEFORE =
  /(?<![\p{L}\p{N}])(?:at|in|on|from|to|by|with|after|before|during|following|for|via|of|about|into|towards|than|between|among|within|without|through|under|over|against|like|including|concerning|regarding|per)\s{1,3}(?:(?:the|a|an|his|her|their|its|this|that)\s{1,3})?$/iu;

/** The subject among a sentence's actors: the first one not governed by a preposition (else the first). */
export function subjectOf(sentence: string, actors: readonly Mention[]): Mention | undefined {
  return actors.find((a) => !PREPOSITION_BEFORE.test(sentence.slice(Math.max(0, a.start - 24), a.start))) ?? actors[0];
}

export interface SentenceFocus {
  start: number;
  end: number;
  /** The sentence as written (markup blanked). */
  text: string;
  /** The actors it names, with offsets in `text`. */
  actors: Mention[];
  words: number;
  /** The sentence mentions the child (or another child). */
  aboutChild: boolean;
  /** Kind of the first actor (the approximate subject). */
  subject?: ActorKind;
}

/** Figures of child focus for a stretch of text. */
export interface FocusFigures {
  /** Words of prose (paragraphs, list items and narrative table cells; not headings, code or template prompts). */
  words: number;
  sentences: number;
  /** Sentences that mention the child (or another child). */
  childSentences: number;
  /** Sentences whose subject is the child. */
  childSubjectSentences: number;
  /** Sentences that do not mention the child and whose subject is an adult of the family. */
  familySentences: number;
  /** Sentences that do not mention the child and whose subject is an agency or professional. */
  agencySentences: number;
  /** Sentences that mention no one. */
  otherSentences: number;
  /** Mentions of the child (in any text block, short table cells included). */
  childMentions: number;
  /** Offset of the first mention of the child, if any. */
  firstChildMention?: number;
  /** childSentences / sentences (0 when there are no sentences). */
  share: number;
  /** Words in sentences about the child / words. */
  wordShare: number;
}

export interface SectionFocus extends FocusFigures {
  /** Index of the section in `report.outline`. */
  index: number;
  title: string;
  level: number;
  /** Profile section ids of the section. */
  matches: string[];
  /** Offsets of the section's own text (heading to the next heading). */
  start: number;
  end: number;
}

const PROMPT = /^\s*(?:\*\*|__)?(?:prompt|guidance|template guidance)\s*:/i;

/** A text block of the report with what child focus needs of it (computed once per report). */
export interface TextBlock extends Block {
  /** Are the block's words and sentences counted (paragraphs, list items, table cells of three words or more)? */
  prose: boolean;
  /** The source with inline code, comments, link destinations and table pipes blanked (offsets kept). */
  text: string;
  words: number;
  /** Mentions of the child (or another child), with document offsets. */
  childMentions: Mention[];
  /** Every actor the block names, with offsets in `text`. */
  actors: Mention[];
}

const blockIndex = new WeakMap<Report, TextBlock[]>();
const blockAnalyses = new ContextMemo<{ text: string; words: number; actors: Mention[] }>();

/** A block's text without markup, its words and actors (kept across lints by source and lexicon). */
function analyseBlock(source: string, lexicon: ChildLexicon): { text: string; words: number; actors: Mention[] } {
  return blockAnalyses.get(lexicon.key, source, () => {
    const text = maskMarkup(source)
      .replace(/^\s*\|/, ' ')
      .replace(/\|\s*$/, ' ');
    return { text, words: countWords(text), actors: findActors(text, lexicon) };
  });
}

/** Every text block of the report in document order, indexed once per report. */
function allTextBlocks(report: Report): TextBlock[] {
  let blocks = blockIndex.get(report);
  if (blocks) return blocks;
  const lexicon = childLexicon(report);
  const headerCells = new Set<number>();
  for (const table of reportTables(report)) for (const cell of table.header) headerCells.add(cell.start);
  blocks = blocksIn(report.tree, report.text, report.frontMatter.end ?? 0, report.text.length)
    .filter((block) => (block.node.type === 'tableCell' ? !headerCells.has(block.start) : !PROMPT.test(block.source)))
    .map((block) => {
      const { text, words, actors } = analyseBlock(block.source, lexicon);
      const childMentions: Mention[] = [];
      for (const m of actors) if (m.kind === 'child') childMentions.push({ ...m, start: block.start + m.start, end: block.start + m.end });
      const prose = block.node.type !== 'tableCell' || words >= 3;
      return { node: block.node, start: block.start, end: block.end, source: block.source, prose, text, words, childMentions, actors };
    })
    .sort((a, b) => a.start - b.start);
  blockIndex.set(report, blocks);
  return blocks;
}

/**
 * The text blocks of a range (those that start in [start, end)) that speak
 * about people: paragraphs, list items and table cells outside header rows.
 * Template prompts, headings, code and front matter are left out.
 */
export function textBlocks(report: Report, start: number, end: number): TextBlock[] {
  const blocks = allTextBlocks(report);
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const result: TextBlock[] = [];
  for (let i = lo; i < blocks.length && blocks[i]!.start < end; i++) result.push(blocks[i]!);
  return result;
}

const sentenceCache = new WeakMap<Report, Map<number, SentenceFocus[]>>();
/** A sentence end followed by more text: only then is the natural-language parser needed. */
const INNER_END = /[.!?;]["'”’)]?\s+\S/;

/** Sentences of a block; a block with one sentence (most table cells) skips the parser. */
function sentencesOf(text: string): { start: number; end: number; text: string }[] {
  if (!INNER_END.test(text)) {
    const start = text.length - text.trimStart().length;
    const end = text.trimEnd().length;
    return end > start ? [{ start, end, text: text.slice(start, end) }] : [];
  }
  return splitSentences(text);
}

/** Sentence figures with offsets relative to the block (kept across lints by block text and lexicon). */
const relativeSentences = new ContextMemo<SentenceFocus[]>();

function sentenceFocusOf(block: TextBlock, lexicon: ChildLexicon): SentenceFocus[] {
  return relativeSentences.get(lexicon.key, block.text, () => {
    const result: SentenceFocus[] = [];
    const sentences = sentencesOf(block.text);
    for (const sentence of sentences) {
      const words = countWords(sentence.text);
      if (words === 0) continue;
      // A block of one sentence keeps the actors found when the block was indexed.
      const actors =
        sentences.length === 1
          ? block.actors.map((a) => ({ ...a, start: a.start - sentence.start, end: a.end - sentence.start }))
          : findActors(sentence.text, lexicon);
      result.push({
        start: sentence.start,
        end: sentence.end,
        text: sentence.text,
        actors,
        words,
        aboutChild: actors.some((a) => a.kind === 'child'),
        subject: subjectOf(sentence.text, actors)?.kind,
      });
    }
    return result;
  });
}

/** The sentences of a block with their focus (document offsets), cached per report. */
export function blockSentences(report: Report, block: TextBlock): SentenceFocus[] {
  let map = sentenceCache.get(report);
  if (!map) sentenceCache.set(report, (map = new Map()));
  const cached = map.get(block.start);
  if (cached) return cached;
  const result = sentenceFocusOf(block, childLexicon(report)).map((s) => ({
    ...s,
    start: block.start + s.start,
    end: block.start + s.end,
  }));
  map.set(block.start, result);
  return result;
}

/** Words of prose and mentions of the child between two offsets: the cheap part of `focusOfRange`. */
export function wordsAndMentions(report: Report, start: number, end: number): { words: number; childMentions: number } {
  let words = 0;
  let childMentions = 0;
  for (const block of textBlocks(report, start, end)) {
    childMentions += block.childMentions.length;
    if (block.prose) words += block.words;
  }
  return { words, childMentions };
}

/** Child-focus figures of the prose between two offsets. */
export function focusOfRange(report: Report, start: number, end: number): FocusFigures {
  const figures: FocusFigures = {
    words: 0,
    sentences: 0,
    childSentences: 0,
    childSubjectSentences: 0,
    familySentences: 0,
    agencySentences: 0,
    otherSentences: 0,
    childMentions: 0,
    share: 0,
    wordShare: 0,
  };
  let childWords = 0;
  for (const block of textBlocks(report, start, end)) {
    figures.childMentions += block.childMentions.length;
    if (block.childMentions[0] && figures.firstChildMention === undefined) figures.firstChildMention = block.childMentions[0].start;
    if (!block.prose) continue;
    figures.words += block.words;
    for (const s of blockSentences(report, block)) {
      figures.sentences++;
      if (s.aboutChild) {
        figures.childSentences++;
        childWords += s.words;
        if (s.subject === 'child') figures.childSubjectSentences++;
      } else if (s.subject === 'family') figures.familySentences++;
      else if (s.subject === 'agency') figures.agencySentences++;
      else figures.otherSentences++;
    }
  }
  figures.share = figures.sentences === 0 ? 0 : figures.childSentences / figures.sentences;
  figures.wordShare = figures.words === 0 ? 0 : Math.min(1, childWords / figures.words);
  return figures;
}

/** Offset where a section's body starts (after its heading). */
export function bodyStart(section: Section): number {
  return section.heading.position?.end.offset ?? section.start;
}

/**
 * Per outline section, how much of its own text (up to the next heading of any
 * level) is about the child versus the adults and agencies.
 */
export function childFocusBySection(report: Report): SectionFocus[] {
  return report.outline.map((section) => ({
    index: section.index,
    title: section.title,
    level: section.level,
    matches: [...section.matches],
    start: section.start,
    end: section.ownEnd,
    ...focusOfRange(report, bodyStart(section), section.ownEnd),
  }));
}

/** Figures for the whole document (every section and any text before the first heading). */
export function childFocusTotal(report: Report): FocusFigures {
  return focusOfRange(report, report.frontMatter.end ?? 0, report.text.length);
}

/** “2 of 18 sentences (11%) are about the child; 9 about the parents and other adults, 7 about agencies and professionals”. */
export function describeFocus(f: FocusFigures): string {
  const pct = Math.round(f.share * 100);
  const child =
    f.childSentences === 0
      ? `none of ${f.sentences} sentences is about the child`
      : `${f.childSentences} of ${f.sentences} sentences (${pct}%) are about the child`;
  const rest: string[] = [];
  if (f.familySentences > 0) rest.push(`${f.familySentences} about the parents and other adults`);
  if (f.agencySentences > 0) rest.push(`${f.agencySentences} about agencies and professionals`);
  return rest.length > 0 ? `${child}; ${rest.join(', ')}` : child;
}

/** A RegExp for exactly the given name as a whole word (for one person). */
export function nameRegExp(name: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
}

/** Child focus of a whole document and of each of its sections. */
export interface ChildFocus {
  total: FocusFigures;
  sections: SectionFocus[];
  /** The name the figures use for the child (“Child A”, else “the child”). */
  child: string;
}

/**
 * Child focus of a document's text, parsed the way the linter parses it: for
 * front ends (the editor's “Child focus” status item and per-section view).
 */
export function childFocusOfText(text: string, settings: Partial<EngineSettings> = {}, parsed?: Root): ChildFocus {
  const { rules: _rules, ...complete } = completeConfig(settings);
  const report = parsed ? reportOfTree(parsed, text, complete) : buildReport(reportParser().parse(text) as Root, text, complete);
  return { total: childFocusTotal(report), sections: childFocusBySection(report), child: childLexicon(report).label };
}
