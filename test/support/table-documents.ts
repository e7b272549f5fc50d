/**
 * Documents for testing the parse's fast path for table rows (src/engine/table-rows.ts) and the
 * table construct's look ahead (src/engine/markdown-syntax.ts) against
 * micromark: table lines next to everything that could change how they parse (code fences, HTML
 * blocks, lists, quotes, paragraphs, definitions, CRLF, ragged and escaped rows).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { reportParser } from '../../src/engine/markdown-syntax.js';

/** The report parser as micromark alone gives it: the GFM extensions as published, no fast path, no look ahead. */
export const micromarkOnly = unified()
  .use(remarkParse)
  .use(function (this: Processor) {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote(), gfmStrikethrough(), gfmTaskListItem());
    (data.fromMarkdownExtensions ??= []).push(
      gfmTableFromMarkdown(),
      gfmFootnoteFromMarkdown(),
      gfmStrikethroughFromMarkdown(),
      gfmTaskListItemFromMarkdown(),
    );
  })
  .use(remarkFrontmatter, ['yaml'])
  .freeze();
const withFastPath = reportParser().freeze();
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

export function assertSameTree(text: string): void {
  assert.deepStrictEqual(plain(withFastPath.parse(text)), plain(micromarkOnly.parse(text)), `tree of ${JSON.stringify(text)}`);
}

export const HEAD = '| Date | Source | Event |\n| --- | :-: | ---: |\n';
export const ROWS = [
  '| 03/08/2007 | GP records | Seen. |',
  '|a|b|c|',
  '| x |  |',
  '| | | | |',
  '||',
  '| 1 | 2 |   ',
  '| p \\| q | r |',
  '| A&E | < 5 | x <= y |',
  '| Mother’s\u00a0flat | ! | # 1 |',
];

/** Cell text that is plain, almost plain, or inline syntax. */
const CELL_PARTS = [
  'Home visit',
  ' ',
  '  ',
  '03/08/2007',
  'Child A',
  '\\|',
  '\\\\',
  '\\',
  '*',
  '**x**',
  '_',
  'a_b',
  '`',
  '`x\\|y`',
  '&amp;',
  '&E',
  'A&E',
  '&#35;',
  '&',
  '<',
  '< ',
  '<5',
  '<a>',
  '<https://x.org>',
  '!',
  '![x](y)',
  '[x]',
  '[x]: /u',
  '[^1]',
  '~',
  '~~x~~',
  '\u00a0',
  '\t',
  '\u0000',
  '—',
  'é',
  '👶',
  'www.example.org',
  'a@b.org',
  '#',
  '-',
  ':',
  '>',
];
const cellArb = fc.array(fc.constantFrom(...CELL_PARTS), { maxLength: 4 }).map((parts) => parts.join(''));
const rowArb = fc
  .record({
    cells: fc.array(cellArb, { minLength: 0, maxLength: 5 }),
    lead: fc.constantFrom('|', '|', '|', '', ' |', '   |'),
    trail: fc.constantFrom('|', '|', '|', '', '| ', '|  ', ' '),
  })
  .map(({ cells, lead, trail }) => `${lead}${cells.join('|')}${trail}`);
const LINES = [
  '',
  '',
  'Text of a paragraph.',
  '## Heading',
  '- item',
  '1. item',
  '  - nested',
  '> | a |',
  '> quote',
  '```',
  '~~~',
  '<!--',
  '-->',
  '<div>',
  '</div>',
  '<pre>',
  '</pre>',
  '[x]: https://example.org',
  '[^1]: A note.',
  '---',
  '    code',
  '| --- | --- |',
  '|-|-|',
  '| :-- |',
  'a | b',
  '- | a |',
  '  | a |',
  // Heads and delimiter rows in containers and without pipes, for the table construct's look ahead.
  '> | a | b |',
  '> | - | - |',
  '>> | - |',
  ' > | - |',
  '- | - |',
  '  | - |',
  '   |-|',
  '\t| - |',
  '1. | a |',
  '--|--',
  ':-',
  '-:',
  '|:-:|',
  '| - |  ',
  '- - -',
  '|',
  '| | |',
];
const tableArb = fc
  .record({
    rows: fc.array(fc.oneof(rowArb, fc.constantFrom(...ROWS)), { maxLength: 12 }),
    head: fc.constantFrom(HEAD, '| a | b |\n|---|---|\n', 'a | b\n- | -\n', '| a |\n| - |\n'),
  })
  .map(({ head, rows }) => `${head}${rows.join('\n')}`);
export const documentArb = fc
  .record({
    blocks: fc.array(fc.oneof(tableArb, tableArb, fc.constantFrom(...LINES), rowArb), { minLength: 1, maxLength: 12 }),
    eol: fc.constantFrom('\n', '\n', '\r\n'),
    final: fc.boolean(),
    frontMatter: fc.boolean(),
  })
  .map(({ blocks, eol, final, frontMatter }) => {
    const text = `${frontMatter ? '---\nreport-type: imr\n---\n' : ''}${blocks.join('\n')}${final ? '\n' : ''}`;
    return eol === '\n' ? text : text.replace(/\n/g, eol);
  });
