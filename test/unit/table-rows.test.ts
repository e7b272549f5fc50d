/**
 * The parse's fast path for tables' plain body rows (src/engine/table-rows.ts) must give
 * exactly micromark's tree: hand-written cases here, generated documents here and, many
 * more, in test/slow/robustness.test.ts.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { parseWithPlainRows } from '../../src/engine/table-rows.js';
import { assertSameTree, documentArb, HEAD, micromarkOnly, ROWS } from '../support/table-documents.js';

describe('table rows built without micromark', () => {
  it('give micromark’s tree for plain, ragged, escaped and odd rows', () => {
    assertSameTree(`${HEAD}${ROWS.join('\n')}\n`);
    assertSameTree(`${HEAD}${[...ROWS, ...ROWS, ...ROWS].join('\n')}`);
    assertSameTree(`${HEAD}${[...ROWS, ...ROWS].join('\r\n')}\r\n\r\nAfter.\r\n`);
    assertSameTree(`# Title\n\n${HEAD}${ROWS.join('\n')}\n## Next\n\n${HEAD}${ROWS.join('\n')}\nlazy line\n| x |\n`);
  });

  it('leave tables that are not at the top level to micromark', () => {
    const rows = ROWS.join('\n');
    for (const around of [
      ['```\n', '\n```\n'],
      ['<!--\n', '\n-->\n'],
      ['- item\n\n  ', '\n'],
      ['> ', '\n'],
      ['Paragraph\n', '\n'],
      ['<div>\n', '\n</div>\n'],
    ]) {
      assertSameTree(`${around[0]}${HEAD}${rows}${around[1]}`);
    }
    // An HTML comment closed inside a run of rows: the rows after it are a table only in the full text.
    assertSameTree(`<!--\n${HEAD}| a |\n| b |\n| c --> |\n| d |\n| e |\n\n${HEAD}| f |\n| g |\n| h |\n| i |\n`);
  });

  it('keep definitions in reach of the rows micromark reads', () => {
    assertSameTree(`${HEAD}| a |\n| b |\n| c |\n| [x] |\n| d |\n\n[x]: https://example.org\n`);
  });

  it('leave a text with a lone carriage return to micromark', () => {
    assertSameTree(`${HEAD}| a |\r| b |\n| c |\n| d |\n| e |\n`);
  });

  it('call the parser once for a text without long tables', () => {
    let calls = 0;
    const parse = (text: string) => {
      calls++;
      return micromarkOnly.parse(text) as Root;
    };
    parseWithPlainRows('# Report\n\n| a |\n| - |\n| b |\n', parse);
    assert.equal(calls, 1);
    parseWithPlainRows(`${HEAD}| a |\n| b |\n| c |\n| d |\n`, parse);
    assert.equal(calls, 2);
  });

  it('give micromark’s tree on generated documents', () => {
    fc.assert(
      fc.property(documentArb, (text) => assertSameTree(text)),
      { numRuns: 150, seed: 20 },
    );
  });
});
