/**
 * The parse's fast path for tables' plain body rows (src/engine/table-rows.ts) gives
 * micromark's tree: many generated documents, random edits of real reports and long
 * chronologies, and the hostile inputs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { chronologyReport, raggedChronology } from '../../scripts/bench/chronology.js';
import { pathologicalInputs } from '../support/pathological.js';
import { assertSameTree, documentArb } from '../support/table-documents.js';

const root = resolve(import.meta.dirname, '../..');
const EDITS = [
  '|',
  '\\',
  '\\|',
  '`',
  '*',
  '\n',
  '\r\n',
  '\n\n',
  ' ',
  '| x |\n',
  '<!--',
  '-->',
  '```\n',
  '> ',
  '- ',
  '[x]: /u\n',
  '&amp;',
  '\t',
  '',
];

describe('table rows built without micromark (slow)', function () {
  this.timeout(900000);

  it('give micromark’s tree on many generated documents', () => {
    fc.assert(
      fc.property(documentArb, (text) => assertSameTree(text)),
      { numRuns: 4000, seed: 2020 },
    );
  });

  it('give micromark’s tree after random edits of reports and chronologies', () => {
    const docs = [readFileSync(join(root, 'examples/overview-report.md'), 'utf8'), chronologyReport(60), raggedChronology(60)];
    for (const name of readdirSync(join(root, 'test/fixtures')))
      if (name.endsWith('.md')) docs.push(readFileSync(join(root, 'test/fixtures', name), 'utf8'));
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.nat({ max: 30 }),
      insert: fc.constantFrom(...EDITS),
    });
    const mutated = fc.tuple(fc.nat({ max: docs.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([index, edits]) => {
      let text = docs[index]!;
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
      }
      return text;
    });
    fc.assert(
      fc.property(mutated, (text) => assertSameTree(text)),
      { numRuns: 400, seed: 7 },
    );
  });

  it('give micromark’s tree on the hostile inputs and long chronologies', () => {
    for (const text of Object.values(pathologicalInputs())) assertSameTree(text);
    assertSameTree(chronologyReport(3000));
    assertSameTree(raggedChronology(3000));
  });
});
