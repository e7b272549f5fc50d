/** The section outline of a report: one entry per heading, in document order. */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Profile, ProfileSection } from './types.js';
import { matchHeading, normalizeHeading } from './headings.js';
import { blankComments, countWords } from './text.js';

export interface Section {
  /** Index in the outline. */
  index: number;
  heading: Heading;
  /** Heading text as written (inline markup removed). */
  title: string;
  normalized: string;
  level: number;
  /** Profile section ids this heading means (usually one, sometimes none or two). */
  matches: string[];
  /** Is this the document title (a lone level-1 heading at the top)? */
  isTitle: boolean;
  /** Index of the enclosing section (the nearest earlier heading of a higher level), if any. */
  parent?: number;
  /** 0-based offset where the heading starts. */
  start: number;
  /** Offset where the section's own text ends (the next heading of any level). */
  ownEnd: number;
  /** Offset where the section including its subsections ends. */
  end: number;
  /** Index in tree.children of the heading. */
  childIndex: number;
  /** Index in tree.children after the last node of the section including subsections. */
  childEnd: number;
  /** Words of the section's own text, without subsections and the heading. */
  ownWords: number;
  /** Words including subsections, without the heading. */
  words: number;
}

export function buildOutline(tree: Root, text: string, profile: Profile): Section[] {
  const headings: { node: Heading; childIndex: number }[] = [];
  tree.children.forEach((node: RootContent, childIndex: number) => {
    if (node.type === 'heading') headings.push({ node, childIndex });
  });
  const levelOnes = headings.filter((h) => h.node.depth === 1).length;
  const sections: Section[] = headings.map(({ node, childIndex }, index) => {
    const title = toString(node).trim();
    const isTitle = index === 0 && node.depth === 1 && (levelOnes === 1 || matchHeading(title, profile).length === 0);
    return {
      index,
      heading: node,
      title,
      normalized: normalizeHeading(title),
      level: node.depth,
      matches: isTitle ? [] : matchHeading(title, profile),
      isTitle,
      start: node.position?.start.offset ?? 0,
      ownEnd: text.length,
      end: text.length,
      childIndex,
      childEnd: tree.children.length,
      ownWords: 0,
      words: 0,
    };
  });
  // Words are counted per heading and per section's own text (kept across lints by text), and a
  // section's words summed from its subsections', so an edit recounts one piece, not the document.
  // (A heading starts a line, so no word is cut between pieces.)
  const stack: Section[] = [];
  for (const section of sections) {
    while (stack.length > 0 && stack[stack.length - 1]!.level >= section.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) section.parent = parent.index;
    stack.push(section);
  }
  const wordsThrough: number[] = [0];
  for (const section of sections) {
    const next = sections[section.index + 1];
    if (next) section.ownEnd = next.start;
    const headingEnd = section.heading.position?.end.offset ?? section.start;
    const headingWords = countWords(blankComments(text.slice(section.start, headingEnd)));
    section.ownWords = countWords(blankComments(text.slice(headingEnd, section.ownEnd)));
    wordsThrough.push(wordsThrough[section.index]! + headingWords + section.ownWords);
  }
  // The heading that closes each section: the next one at its level or above (one pass, from the end).
  const closingOf: (Section | undefined)[] = [];
  const open: Section[] = [];
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i]!;
    while (open.length > 0 && open[open.length - 1]!.level > section.level) open.pop();
    closingOf[i] = open[open.length - 1];
    open.push(section);
  }
  for (const section of sections) {
    const closing = section.isTitle ? undefined : closingOf[section.index];
    if (closing) {
      section.end = closing.start;
      section.childEnd = closing.childIndex;
    }
    // Own words, then each subsection's heading and own words, up to the closing heading.
    const last = closing ? closing.index : sections.length;
    section.words = section.ownWords + wordsThrough[last]! - wordsThrough[section.index + 1]!;
  }
  return sections;
}

/** Text inserted for a missing section: its heading and its prompt (flagged by template-placeholder until answered). */
export function sectionInsertText(section: ProfileSection, level: number): string {
  return `${'#'.repeat(Math.min(6, Math.max(1, level)))} ${section.title}\n\n> Prompt: ${section.prompt}\n\n`;
}
