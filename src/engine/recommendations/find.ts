/**
 * Finding the recommendations of a report (primer §4): list items with their
 * sub-points, numbered paragraphs, items under "Recommendation N" headings and
 * rows of a recommendations table, under any heading that means
 * Recommendations; each with the owner and time bound its heading, an intro
 * sentence or its table row gives it.
 */
import type { List, ListItem, Nodes, Paragraph, RootContent, Table } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Report } from '../report.js';
import type { Section } from '../outline.js';
import { hasRole, rolesOf } from '../section-roles.js';
import { readTable, type Row, type TableModel } from '../tables.js';
import { cellAt, tableColumns, type ColumnId } from './cells.js';
import { looksLikeLabelCell, matchLabel, paragraphLabel, recommendationKey } from './labels.js';
import { findOwners, ownerInSentences } from './owners.js';
import { tokenize } from './phrases.js';
import { plainText, type Span } from './plain-text.js';
import { findTimeBounds, type TimeBound } from './time-bounds.js';

export type OwnerVia = 'subject' | 'agent' | 'label' | 'heading' | 'intro' | 'table';

export interface ContextOwner extends Span {
  via: OwnerVia;
}

export interface Recommendation {
  /** 0-based position among the report's recommendations. */
  index: number;
  /** The number as written ("3", "R3", "1.2"), or its position when unnumbered. */
  number: string;
  /** Normalised key used to match action plan rows ("R3" → "3"). */
  id: string;
  /** Was the number written in the report (a label or an ordered list)? */
  numbered: boolean;
  kind: 'list-item' | 'paragraph' | 'heading' | 'table-row';
  /** Offsets of the whole item (list marker to last sub-point). */
  start: number;
  end: number;
  /** Where the recommendation's words begin (after the marker and label). */
  textStart: number;
  /** Where its words end (trailing spaces excluded). */
  textEnd: number;
  /** The recommendation as written (Markdown source of textStart..textEnd). */
  text: string;
  /** The Recommendations section that holds it. */
  section: Section;
  /** The innermost heading above it ("Recommendations for the Hospital Trust"). */
  heading: Section;
  /** An owner given by the heading, an intro sentence ("The LSCB should ensure the following:") or the lead column. */
  contextOwner?: ContextOwner;
  /** A time bound given by the heading, an intro sentence or the date column. */
  contextDeadline?: TimeBound;
  /** For table rows: the row and its mapped columns. */
  table?: { model: TableModel; row: Row; columns: Partial<Record<ColumnId, number>> };
  /** Parts of the document that make up the recommendation's text (paragraphs or one cell). */
  parts: Span[];
}

interface Draft extends Omit<Recommendation, 'index' | 'number' | 'id' | 'numbered' | 'textStart' | 'textEnd' | 'text'> {
  label?: string;
  open: boolean;
}

function sourceOf(report: Report, node: Nodes): Span {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return { start, end, text: report.text.slice(start, end) };
}

const ITEM_HEADING = /^(?:recommendation|rec\.?)\s{0,3}(?:no\.?\s{0,2})?[A-Z]{0,3}\d{1,3}(?:\.\d{1,3}){0,2}[a-z]?\b/i;
const ABOUT_WORDS = new Set(['these', 'the', 'all', 'following', 'below', 'above', 'each', 'our', 'its', 'his', 'her', 'their', 'of']);

/** Prose about the recommendations ("The recommendations below…", "all of these recommendations"): a determiner within three words before "recommendations". */
function aboutRecommendations(plain: string): boolean {
  const tokens = tokenize(plain);
  return tokens.some((t, i) => t.value === 'recommendations' && tokens.slice(Math.max(0, i - 3), i).some((w) => ABOUT_WORDS.has(w.value)));
}

const LOOKS_LIKE_RECOMMENDATION =
  /(?<![\p{L}\p{N}])(?:should|must|will|shall|is\s{1,8}to|are\s{1,8}to|needs?\s{1,8}to|recommends?|recommended)(?![\p{L}\p{N}])|^\s{0,8}that\s/iu;
const HINDSIGHT_MODAL = /(?<![\p{L}\p{N}])(?:should|could|would|must|might|will)\s{1,3}(?:not\s{1,3})?have(?![\p{L}\p{N}])/giu;

/** Does prose read like a recommendation (a modal or "recommend", not only "should have…" about the past)? */
export function looksLikeRecommendation(plain: string): boolean {
  return LOOKS_LIKE_RECOMMENDATION.test(plain.replace(HINDSIGHT_MODAL, ' '));
}

/** Is the walk inside a heading that also means something else ("Lessons and recommendations")? Then items must read like recommendations. */
function strictWalk(walk: { report: Report; headings: Section[] }): boolean {
  return walk.headings.some((h) => rolesOf(walk.report, h).some((role) => role !== 'recommendations'));
}

function isRecommendationSection(report: Report, section: Section): boolean {
  if (section.isTitle) return false;
  if (hasRole(report, section, 'recommendations')) return !ITEM_HEADING.test(section.title);
  return section.matches.length === 0 && /\brecommendations\b/.test(section.normalized);
}

/** The report's Recommendations sections (outermost only; subsections are read with their parent). */
export function recommendationSections(report: Report): Section[] {
  const result: Section[] = [];
  for (const section of report.outline) {
    if (!isRecommendationSection(report, section)) continue;
    if (result.some((r) => section.start >= r.start && section.start < r.end)) continue;
    result.push(section);
  }
  return result;
}

function headingOwner(report: Report, sections: Section[], extra: readonly string[]): ContextOwner | undefined {
  for (let i = sections.length - 1; i >= 0; i--) {
    const s = sections[i]!;
    const end = s.heading.position?.end.offset ?? s.start;
    const source = report.text.slice(s.start, end);
    const hits = findOwners(plainText(source), extra);
    const hit = hits.find((h) => h.kind !== 'group' || !/\bmulti/i.test(source));
    if (hit) return { start: s.start + hit.start, end: s.start + hit.end, text: hit.text, via: 'heading' };
  }
  return undefined;
}

function headingDeadline(report: Report, sections: Section[]): TimeBound | undefined {
  for (const s of sections) {
    const end = s.heading.position?.end.offset ?? s.start;
    const bound = findTimeBounds(plainText(report.text.slice(s.start, end)))[0];
    if (bound) return { ...bound, start: s.start + bound.start, end: s.start + bound.end };
  }
  return undefined;
}

interface Walk {
  report: Report;
  extra: readonly string[];
  section: Section;
  drafts: Draft[];
  headings: Section[];
  introOwner?: ContextOwner;
  introDeadline?: TimeBound;
  sectionDeadline?: TimeBound;
  current?: Draft;
  structured: boolean;
  /** The letter of the last “A i.” or “B.” label, for a following bare “ii.”. */
  letter?: string;
}

function newDraft(walk: Walk, kind: Draft['kind'], start: number, end: number, parts: Span[], label?: string): Draft {
  const heading = walk.headings[walk.headings.length - 1] ?? walk.section;
  const draft: Draft = {
    kind,
    start,
    end,
    parts,
    section: walk.section,
    heading,
    label,
    open: false,
    contextOwner: headingOwner(walk.report, walk.headings, walk.extra) ?? walk.introOwner,
    contextDeadline: headingDeadline(walk.report, walk.headings) ?? walk.introDeadline ?? walk.sectionDeadline,
  };
  walk.drafts.push(draft);
  return draft;
}

function paragraphParts(report: Report, node: Nodes): Span[] {
  const parts: Span[] = [];
  visit(node, 'paragraph', (p: Paragraph) => {
    parts.push(sourceOf(report, p));
  });
  return parts;
}

function contextFromIntro(walk: Walk, span: Span) {
  const plain = plainText(span.text);
  const owner = ownerInSentences(plain, walk.extra);
  walk.introOwner = owner ? { start: span.start + owner.start, end: span.start + owner.end, text: owner.text, via: 'intro' } : undefined;
  const bound = findTimeBounds(plain)[0];
  walk.introDeadline = bound ? { ...bound, start: span.start + bound.start, end: span.start + bound.end } : undefined;
}

function walkParagraph(walk: Walk, node: Paragraph) {
  const span = sourceOf(walk.report, node);
  const plain = plainText(span.text);
  if (!plain.trim()) return;
  const label = paragraphLabel(plain);
  if (label?.kind === 'other') {
    walk.current = undefined;
    return;
  }
  if (label) {
    const rest = plain.slice(label.end).trim();
    if (!label.word && rest && strictWalk(walk) && !looksLikeRecommendation(rest)) {
      walk.current = undefined;
      return;
    }
    // “B i.” then “ii.”: the second is B ii.
    let number = label.number;
    const letter = /^([A-Z]) (?:iii|ii|iv|ix|i|vi{0,3}|x)$/.exec(number)?.[1];
    if (letter) walk.letter = letter;
    else if (/^(?:iii|ii|iv|ix|i|vi{0,3}|x)$/.test(number) && walk.letter) number = `${walk.letter} ${number}`;
    else if (/^[A-Z]$/.test(number)) walk.letter = number;
    const draft = newDraft(walk, 'paragraph', span.start, span.end, rest ? [span] : [], number);
    draft.open = true;
    walk.current = draft;
    return;
  }
  const current = walk.current;
  if (current?.open) {
    current.end = span.end;
    current.parts.push(span);
    return;
  }
  if (/:\s{0,8}$/.test(plain)) {
    contextFromIntro(walk, span);
    return;
  }
  if (aboutRecommendations(plain) && !/^\s{0,8}that\s/i.test(plain)) {
    const bound = findTimeBounds(plain)[0];
    if (bound) walk.sectionDeadline = { ...bound, start: span.start + bound.start, end: span.start + bound.end };
    return;
  }
  if (!walk.structured && looksLikeRecommendation(plain)) newDraft(walk, 'paragraph', span.start, span.end, [span]);
}

function walkList(walk: Walk, node: List) {
  const current = walk.current;
  if (current?.open) {
    const span = sourceOf(walk.report, node);
    current.end = span.end;
    current.parts.push(...paragraphParts(walk.report, node));
    return;
  }
  node.children.forEach((item: ListItem, index: number) => {
    const span = sourceOf(walk.report, item);
    const parts = paragraphParts(walk.report, item);
    if (parts.length === 0) return;
    const first = plainText(parts[0]!.text);
    const label = matchLabel(first);
    if (label?.kind === 'other') return;
    if (
      !label?.word &&
      strictWalk(walk) &&
      !looksLikeRecommendation(
        paragraphParts(walk.report, item)
          .map((p) => plainText(p.text))
          .join(' '),
      )
    )
      return;
    const number = label?.number ?? (node.ordered ? String((node.start ?? 1) + index) : undefined);
    newDraft(walk, 'list-item', span.start, span.end, parts, number);
  });
  walk.current = undefined;
}

function walkTable(walk: Walk, node: Table) {
  const model = readTable(node);
  const columns = tableColumns(model);
  const textColumn =
    columns.recommendation ??
    (columns.reference !== undefined && (columns.lead !== undefined || columns.date !== undefined) ? columns.action : undefined);
  if (textColumn === undefined) return;
  let previous: Draft | undefined;
  const seen = new Set<string>();
  for (const row of model.rows) {
    const cell = row.cells[textColumn];
    if (!cell || !cell.text) {
      if (previous) previous.end = row.end;
      continue;
    }
    let label: string | undefined;
    let partStart = cell.start;
    const ref = cellAt(row, columns.reference);
    if (ref && looksLikeLabelCell(ref.text))
      label = ref.text
        .replace(/^\s{0,8}(?:recommendation|rec\.?)\s{0,8}/i, '')
        .trim()
        .replace(/[.:)]$/, '');
    if (looksLikeLabelCell(cell.text)) {
      // The recommendation column holds only the number: group the rows of one recommendation.
      label = cell.text
        .replace(/^\s{0,8}(?:recommendation|rec\.?)\s{0,8}/i, '')
        .trim()
        .replace(/[.:)]$/, '');
      const key = recommendationKey(label);
      if (seen.has(key) && previous) {
        previous.end = row.end;
        continue;
      }
      seen.add(key);
      const action = cellAt(row, columns.action);
      if (!action || !action.text) continue;
      partStart = action.start;
      const draft = newDraft(
        walk,
        'table-row',
        row.start,
        row.end,
        [{ start: action.start, end: action.end, text: walk.report.text.slice(action.start, action.end) }],
        label,
      );
      draft.table = { model, row, columns };
      previous = draft;
      continue;
    }
    if (!label) {
      const inText = matchLabel(plainText(cell.text));
      if (inText?.kind === 'recommendation') label = inText.number;
    }
    const draft = newDraft(
      walk,
      'table-row',
      row.start,
      row.end,
      [{ start: partStart, end: cell.end, text: walk.report.text.slice(partStart, cell.end) }],
      label,
    );
    draft.table = { model, row, columns };
    previous = draft;
  }
}

function sectionNodes(report: Report, section: Section): { node: RootContent; index: number }[] {
  const nodes: { node: RootContent; index: number }[] = [];
  for (let i = section.childIndex + 1; i < section.childEnd; i++) nodes.push({ node: report.tree.children[i]!, index: i });
  return nodes;
}

/** Sections inside a Recommendations section whose content is not recommendations (an action plan, a glossary…). */
function isForeignSubsection(report: Report, section: Section): boolean {
  if (section.matches.length === 0) return false;
  if (hasRole(report, section, 'recommendations')) return false;
  return true;
}

/**
 * Every recommendation in the report, in document order: list items (with their
 * sub-points), numbered paragraphs ("1.", "R1", "Recommendation 3:"), items under
 * "Recommendation N" headings, and rows of a recommendations table, under any
 * heading that means Recommendations ("Multi-agency recommendations",
 * "Recommendations for the Hospital Trust"…).
 */
export function findRecommendations(report: Report, options: { extraOwners?: readonly string[] } = {}): Recommendation[] {
  const key = (options.extraOwners ?? []).join('\u0000');
  let byOptions = recommendationCache.get(report);
  if (!byOptions) recommendationCache.set(report, (byOptions = new Map()));
  let found = byOptions.get(key);
  if (!found) byOptions.set(key, (found = readRecommendations(report, options)));
  return found;
}

const recommendationCache = new WeakMap<Report, Map<string, Recommendation[]>>();

function readRecommendations(report: Report, options: { extraOwners?: readonly string[] }): Recommendation[] {
  const extra = [...(options.extraOwners ?? []), ...report.settings.agencies];
  const drafts: Draft[] = [];
  for (const section of recommendationSections(report)) {
    const nodes = sectionNodes(report, section);
    const structured = nodes.some(({ node }) => {
      if (node.type === 'list' || node.type === 'table') return true;
      if (node.type === 'paragraph') return paragraphLabel(plainText(sourceOf(report, node).text))?.kind === 'recommendation';
      if (node.type === 'heading') return ITEM_HEADING.test(plainText(sourceOf(report, node).text).replace(/^#+\s{0,8}/, ''));
      return false;
    });
    const walk: Walk = { report, extra, section, drafts, headings: [section], structured };
    let skipUntil = -1;
    for (const { node, index } of nodes) {
      if (index < skipUntil) continue;
      if (node.type === 'heading') {
        const sub = report.outline.find((s) => s.childIndex === index);
        if (!sub) continue;
        const title = sub.title.replace(/^[\s*_]+/, '');
        if (ITEM_HEADING.test(title)) {
          const label = matchLabel(title + ' ');
          const draft = newDraft(walk, 'heading', sub.start, sub.ownEnd, [], label?.number);
          draft.open = true;
          walk.current = draft;
          continue;
        }
        if (isForeignSubsection(report, sub)) {
          skipUntil = sub.childEnd;
          walk.current = undefined;
          continue;
        }
        walk.headings = [...walk.headings.filter((h) => h.level < sub.level), sub];
        walk.introOwner = undefined;
        walk.introDeadline = undefined;
        walk.current = undefined;
        continue;
      }
      if (node.type === 'paragraph') walkParagraph(walk, node);
      else if (node.type === 'list') walkList(walk, node);
      else if (node.type === 'table') walkTable(walk, node);
    }
  }
  return drafts
    .filter((d) => d.parts.length > 0)
    .map((d, index) => {
      const first = d.parts[0]!;
      const last = d.parts[d.parts.length - 1]!;
      const plain = plainText(first.text);
      const label = d.kind === 'table-row' ? undefined : d.kind === 'paragraph' ? paragraphLabel(plain) : matchLabel(plain);
      const skip = label?.kind === 'recommendation' ? label.end : plain.length - plain.trimStart().length;
      const textStart = first.start + skip;
      const textEnd = last.start + last.text.trimEnd().length;
      const number = d.label ?? String(index + 1);
      const { label: _label, open: _open, ...rest } = d;
      return {
        ...rest,
        index,
        number,
        id: recommendationKey(number),
        numbered: d.label !== undefined,
        textStart,
        textEnd: Math.max(textStart, textEnd),
        text: report.text.slice(textStart, Math.max(textStart, textEnd)),
      };
    });
}
