/** Finding the text blocks (paragraphs, list items, table cells) of a section. */
import type { Blockquote, Nodes, Paragraph, Root, TableCell, Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import type { Report } from './report.js';
import { TextMemo } from './memo.js';
import type { Section } from './outline.js';
import { sectionsWithRole, type SectionRole } from './section-roles.js';

export interface Block {
  node: Paragraph | TableCell | Heading;
  /** 0-based offsets of the block's source text. */
  start: number;
  end: number;
  /** The block's source text (Markdown as written). */
  source: string;
}

/** Template prompts: blockquotes that open with “Prompt:” (optionally bold). They are not report content. */
export const PROMPT_START = /^\s*(?:\*\*|__)?(?:prompt|guidance|template guidance)\s*:/i;

export function isPrompt(node: Nodes): node is Blockquote {
  if (node.type !== 'blockquote') return false;
  const first = node.children[0];
  return first !== undefined && first.type === 'paragraph' && PROMPT_START.test(toString(first));
}

/** Every block of a tree (with and without headings) and its template prompts, found in one walk per tree and text. */
interface BlockIndex {
  text: string;
  withHeadings: Block[];
  withoutHeadings: Block[];
  prompts: Blockquote[];
}

const blockIndexes = new WeakMap<Root, BlockIndex>();

function blockIndex(tree: Root, text: string): BlockIndex {
  let index = blockIndexes.get(tree);
  if (index && index.text === text) return index;
  const withHeadings: Block[] = [];
  const prompts: Blockquote[] = [];
  visit(tree, (node: Nodes) => {
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (from === undefined || to === undefined) return undefined;
    if (isPrompt(node)) {
      prompts.push(node);
      return SKIP;
    }
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml') return SKIP;
    if (node.type === 'paragraph' || node.type === 'tableCell' || node.type === 'heading') {
      withHeadings.push({ node, start: from, end: to, source: text.slice(from, to) });
      return SKIP;
    }
    return undefined;
  });
  index = { text, withHeadings, withoutHeadings: withHeadings.filter((b) => b.node.type !== 'heading'), prompts };
  blockIndexes.set(tree, index);
  return index;
}

function allBlocks(tree: Root, text: string, includeHeadings: boolean): Block[] {
  const index = blockIndex(tree, text);
  return includeHeadings ? index.withHeadings : index.withoutHeadings;
}

/** Template prompts (blockquotes that open with “Prompt:”) anywhere in the tree, in document order. */
export function templatePrompts(tree: Root, text: string): Blockquote[] {
  return blockIndex(tree, text).prompts;
}

/** Blocks whose start lies in [start, end), in document order. Code, HTML and template prompts are skipped. */
export function blocksIn(tree: Root, text: string, start: number, end: number, includeHeadings = false): Block[] {
  const blocks = allBlocks(tree, text, includeHeadings);
  // Blocks are in document order, so their starts increase: find the first at or after `start`.
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  let stop = lo;
  while (stop < blocks.length && blocks[stop]!.start < end) stop++;
  return blocks.slice(lo, stop);
}

/** Blocks of a section including its subsections, without its own heading. */
export function sectionBlocks(report: Report, section: Section): Block[] {
  const bodyStart = section.heading.position?.end.offset ?? section.start;
  return blocksIn(report.tree, report.text, bodyStart, section.end);
}

/**
 * Has the author written anything in the section (its subsections included)? A
 * section whose only content is its template prompt is not written yet: the
 * template-placeholder rule reports the prompt, and the rules that judge a section's
 * content start when it has text, so a fresh template shows one finding per prompt.
 */
export function sectionWritten(report: Report, section: Section): boolean {
  if (sectionBlocks(report, section).some((b) => /[\p{L}\p{N}]/u.test(b.source))) return true;
  // Tables, lists of links, code: anything but prompts, comments and blank lines counts as written.
  const bodyStart = section.heading.position?.end.offset ?? section.start;
  let written = false;
  visit(report.tree, (node: Nodes) => {
    if (written) return SKIP;
    const from = node.position?.start.offset;
    if (from === undefined || node.type === 'root') return undefined;
    if (from < bodyStart || from >= section.end) return from >= section.end ? SKIP : undefined;
    if (isPrompt(node) || node.type === 'heading' || node.type === 'yaml') return SKIP;
    if (node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value)) return SKIP;
    if (node.type === 'code' || node.type === 'table' || node.type === 'image' || node.type === 'html') written = true;
    return undefined;
  });
  return written;
}

/**
 * Blocks of every outline section that has a role, each block once
 * (a "Key lines of enquiry" subsection inside "Terms of reference" is not read twice).
 */
export function roleSectionBlocks(report: Report, role: SectionRole): Block[] {
  const seen = new Set<number>();
  const blocks: Block[] = [];
  for (const section of sectionsWithRole(report, role)) {
    for (const block of sectionBlocks(report, section)) {
      if (seen.has(block.start)) continue;
      seen.add(block.start);
      blocks.push(block);
    }
  }
  return blocks.sort((a, b) => a.start - b.start);
}

/**
 * Mask inline code, HTML comments, link destinations and autolinks with spaces
 * so that phrase searches in Markdown source ignore them but offsets stay true.
 * A single linear scan (no regular expressions), so 1 MB lines stay fast.
 */
export function maskMarkup(source: string): string {
  return maskedSources.get(source, () => maskMarkupOnce(source));
}

/** Masked texts kept across lints (the same paragraphs are masked by many rules and on every relint). */
const maskedSources = new TextMemo<string>();

function maskMarkupOnce(source: string): string {
  const out = source.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const n = source.length;
  let i = 0;
  while (i < n) {
    const c = source[i];
    if (c === '<' && source.startsWith('<!--', i)) {
      const close = source.indexOf('-->', i + 4);
      const end = close === -1 ? n : close + 3;
      blank(i, end);
      i = end;
    } else if (c === '<' && (source.startsWith('<http:', i) || source.startsWith('<https:', i))) {
      let j = i + 1;
      while (j < n && source[j] !== '>' && source[j] !== ' ' && source[j] !== '\n' && source[j] !== '<') j++;
      if (source[j] === '>') {
        blank(i, j + 1);
        i = j + 1;
      } else i = j;
    } else if (c === '`') {
      let run = i;
      while (run < n && source[run] === '`') run++;
      const fence = source.slice(i, run);
      const close = source.indexOf(fence, run);
      const lineEnd = source.indexOf('\n\n', run);
      if (close !== -1 && (lineEnd === -1 || close < lineEnd)) {
        blank(i, close + fence.length);
        i = close + fence.length;
      } else i = run;
    } else if (c === ']' && source[i + 1] === '(') {
      let j = i + 2;
      while (j < n && source[j] !== ')' && source[j] !== '\n' && source[j] !== '(') j++;
      if (source[j] === ')') blank(i + 1, j + 1);
      i = j;
    } else i++;
  }
  return out.join('');
}
