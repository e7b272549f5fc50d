/** Finding the text blocks (paragraphs, list items, table cells) of a section. */
import type { Nodes, Paragraph, Root, TableCell, Heading } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import type { Report } from './report.js';
import type { Section } from './outline.js';

export interface Block {
  node: Paragraph | TableCell | Heading;
  /** 0-based offsets of the block's source text. */
  start: number;
  end: number;
  /** The block's source text (Markdown as written). */
  source: string;
}

/** Blocks whose start lies in [start, end), in document order. Code and HTML are skipped. */
export function blocksIn(tree: Root, text: string, start: number, end: number, includeHeadings = false): Block[] {
  const blocks: Block[] = [];
  visit(tree, (node: Nodes) => {
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (from === undefined || to === undefined) return undefined;
    if (to <= start || from >= end) return node.type === 'root' ? undefined : SKIP;
    if (node.type === 'code' || node.type === 'html' || node.type === 'yaml') return SKIP;
    if (node.type === 'paragraph' || node.type === 'tableCell' || (includeHeadings && node.type === 'heading')) {
      if (from >= start) blocks.push({ node, start: from, end: to, source: text.slice(from, to) });
      return SKIP;
    }
    return undefined;
  });
  return blocks;
}

/** Blocks of a section including its subsections, without its own heading. */
export function sectionBlocks(report: Report, section: Section): Block[] {
  const bodyStart = section.heading.position?.end.offset ?? section.start;
  return blocksIn(report.tree, report.text, bodyStart, section.end);
}

/**
 * Blocks of every outline section that means a profile section, each block once
 * (a "Key lines of enquiry" subsection inside "Terms of reference" is not read twice).
 */
export function profileSectionBlocks(report: Report, sectionId: string): Block[] {
  const seen = new Set<number>();
  const blocks: Block[] = [];
  for (const section of report.sectionsFor(sectionId)) {
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
 */
export function maskMarkup(source: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return source
    .replace(/<!--[\s\S]*?-->/g, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/\]\([^)\s]*(?:\s+"[^"\n]*")?\)/g, (m) => `]${blank(m.slice(1))}`)
    .replace(/<https?:[^>\s]*>/g, blank);
}
