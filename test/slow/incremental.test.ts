/**
 * Incremental relinting (issue 9) must give exactly what a fresh lint gives.
 * Documents are generated from report fragments chosen to sit on the cut points
 * (headings after blank lines, fences, HTML comments, front matter, definitions),
 * then edited at random places; after every edit the incremental parse must equal
 * a whole-document parse and the incremental lint a fresh lint.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { IncrementalParser, lintText } from '../../src/index.js';
import { parser } from '../../src/engine/incremental-parse.js';
import { clearTextMemos } from '../../src/engine/memo.js';
import { DocumentLinter } from '../../src/lint-worker/document-linter.js';

const root = resolve(import.meta.dirname, '../..');
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

const FRAGMENTS = [
  '# Overview report\n\n',
  '\n## Terms of reference\n\n',
  '\n## 3.1 Analysis\n',
  '\n### Recommendations\n\n',
  '\n## Chronology\n\n',
  '## Family composition\n',
  '\n# ',
  '\n#',
  '##',
  '---\nreport-type: imr\nchild: Child A\n---\n',
  '---\n',
  '\n',
  '\n\n',
  '\r\n',
  ' ',
  '   ',
  '    ',
  '\t',
  '| Date | Event | Source |\n| --- | --- | --- |\n',
  '| 12/03/2007 | Home visit; Child A seen. | HV |\n',
  '|',
  '- ',
  '1. ',
  '  - ',
  '> ',
  '> Prompt: ',
  '```\n',
  '````\n',
  '~~~\n',
  '`',
  '<!--',
  '-->',
  '<!-- case-review-lint disable -->',
  '<pre>\n',
  '</pre>\n',
  '<div>\n',
  '[g]: https://example.org\n',
  '[guidance][g]',
  '[^1]',
  '[^1]: A note.\n',
  '<?php\n',
  '?>',
  '<!DOCTYPE x\n',
  '<![CDATA[',
  ']]>',
  'Child A did not attend.',
  'Mr K visited.',
  'The Hospital Trust will audit 20 cases by 31 March 2012.',
  'Agencies should consider reviewing procedures.',
  'Text of a paragraph. ',
  'with hindsight',
  'TBC',
  '[insert date]',
  'CAMHS ',
  'the LSCB',
  '*',
  '_',
  '**',
  '\\',
];

const documentArb = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 60 }).map((parts) => parts.join(''));
const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 12 }),
  insert: fc.constantFrom('', ...FRAGMENTS),
});

function applyEdit(text: string, edit: { at: number; remove: number; insert: string }): string {
  const at = Math.min(text.length, Math.floor(edit.at * text.length));
  return text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.remove));
}

describe('incremental relinting equals a fresh lint', function () {
  this.timeout(900000);

  it('on generated documents after sequences of random edits (trees and findings)', () => {
    let edits = 0;
    let cut = 0;
    fc.assert(
      fc.property(documentArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), (start, steps) => {
        const incremental = new IncrementalParser();
        let text = start;
        for (let i = 0; i <= steps.length; i++) {
          if (i > 0) text = applyEdit(text, steps[i - 1]!);
          assert.deepEqual(plain(incremental.parse(text)), plain(parser.parse(text)), `tree of ${JSON.stringify(text)}`);
          edits++;
          if (incremental.stats.pieces > 1) cut++;
        }
        // Findings: one more edit, linted through the kept parser and afresh.
        text = applyEdit(text, steps[0]!);
        assert.deepEqual(lintText(text, { parser: incremental }), lintText(text), `findings for ${JSON.stringify(text)}`);
      }),
      { numRuns: 400, seed: 9 },
    );
    console.log(`      ${edits} parses compared, ${cut} of them cut into pieces`);
    assert.ok(cut >= 100, 'the generated documents exercise the cut points (at least 100 parses in several pieces)');
  });

  it('on the example report after 60 random one-character edits', () => {
    const example = readFileSync(resolve(root, 'examples/overview-report.md'), 'utf8');
    const incremental = new IncrementalParser();
    lintText(example, { parser: incremental });
    let text = example;
    let reparsed = 0;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('x', ' ', '\n', '#', '|', '`', '-', ''), (at, insert) => {
        text = applyEdit(text, { at, remove: insert ? 0 : 1, insert });
        assert.deepEqual(lintText(text, { parser: incremental }), lintText(text));
        reparsed += incremental.stats.parsed;
      }),
      { numRuns: 60, seed: 3 },
    );
    console.log(`      pieces parsed again per edit: ${(reparsed / 60).toFixed(2)} of ${incremental.stats.pieces}`);
  });

  it('in the lint worker, with the checklist and child focus summaries, after 40 random edits of the example', () => {
    const example = readFileSync(resolve(root, 'examples/overview-report.md'), 'utf8');
    const kept = new DocumentLinter();
    kept.lint('example', { text: example, config: {}, summaries: true });
    let text = example;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('x', ' ', '\n', '#', '|', 'Child A ', '- ', ''),
        (at, insert) => {
          text = applyEdit(text, { at, remove: insert ? 0 : 1, insert });
          const incremental = kept.lint('example', { text, config: {}, summaries: true });
          clearTextMemos();
          const fresh = new DocumentLinter().lint('example', { text, config: {}, summaries: true });
          assert.ok(fresh.checklist && fresh.childFocus, 'the summaries were computed');
          // What was found, not how long it took.
          const { took: _took, ...found } = incremental;
          const { took: _freshTook, ...foundFresh } = fresh;
          assert.deepEqual(plain(found), plain(foundFresh));
        },
      ),
      { numRuns: 40, seed: 5 },
    );
  });
});
