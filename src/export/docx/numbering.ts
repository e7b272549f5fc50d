/**
 * Numbers the author typed in front of headings ("## 3. Analysis") and
 * paragraphs ("6.1 The agencies'…"): read so that Word's own numbering can take
 * their place without doubling them.
 */
import type { Heading, Paragraph as MdParagraph, PhrasingContent, Text } from 'mdast';

/** Sections not numbered unless the author typed a number in front of them. */
export const UNNUMBERED_SECTION =
  /^(?:appendix|appendices|annex|annexe|annexes|glossary|references|bibliography|contents|table of contents)\b/i;
const TYPED_HEADING_NUMBER = /^(\d{1,3}(?:\.\d{1,3})*)(\.?)[ \t]+/;
const TYPED_PARAGRAPH_NUMBER = /^(\d{1,3})\.(\d{1,3})\.?[ \t\n]+/;

/** A numbered `##` section while its paragraphs are converted. */
export interface OpenSection {
  number: number;
  typed?: number;
  paragraphs: number;
}

/** A number typed in front of a heading, if it is one (and not a heading that begins with a count). */
export function typedHeadingNumber(node: Heading, expected: number): { number?: number; length: number } | undefined {
  const first = node.children[0];
  if (!first || first.type !== 'text') return undefined;
  const m = TYPED_HEADING_NUMBER.exec(first.value);
  if (!m) return undefined;
  const parts = m[1]!.split('.').map(Number);
  // "3. Analysis", "3.0 Analysis" or "3 Analysis" when 3 is the section's number; not "12 months before".
  if (m[2] === '.' || parts.length > 1 || parts[0] === expected) return { number: parts[0], length: m[0].length };
  return undefined;
}

/** A number typed in front of a paragraph ("6.1"), if its first part is the section's number (as Word or as typed). */
export function typedParagraphNumber(
  node: MdParagraph,
  section: OpenSection,
): { major: number; minor: number; length: number } | undefined {
  const first = node.children[0];
  if (!first || first.type !== 'text') return undefined;
  const m = TYPED_PARAGRAPH_NUMBER.exec(first.value);
  if (!m) return undefined;
  const major = Number(m[1]);
  if (major !== section.number && major !== section.typed) return undefined;
  return { major, minor: Number(m[2]), length: m[0].length };
}

/** The phrasing content with the first `length` characters of its first text node taken out. */
export function withoutPrefix(children: PhrasingContent[], length: number): PhrasingContent[] {
  const [first, ...rest] = children;
  if (!first || first.type !== 'text' || length === 0) return children;
  const value = first.value.slice(length);
  return value ? [{ ...first, value } satisfies Text, ...rest] : rest;
}
