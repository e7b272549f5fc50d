/**
 * Quick fixes never lose text (issue 10): on fuzzed mutations of realistic
 * reports, every fix the editor would offer for every finding — rule
 * replacements, inserted sections and rows, sorted tables, SMART scaffolds,
 * disable comments — changes only its own ranges: the ranges lie inside the
 * document and do not overlap, everything outside them is kept byte for byte,
 * and a rule's `expected` replacement touches exactly the finding's range.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { applyChanges, fixesOf, lintText, type Fix, type TextChange } from '../../src/index.js';
import { disableFileFix, disableLineFix } from '../../src/models/suppress.js';

const root = resolve(import.meta.dirname, '../..');

function reports(): string[] {
  const docs = [readFileSync(join(root, 'examples/overview-report.md'), 'utf8')];
  for (const dir of ['test/fixtures', 'test/fixtures/vscode-workspace/reviews']) {
    for (const name of readdirSync(join(root, dir))) if (name.endsWith('.md')) docs.push(readFileSync(join(root, dir, name), 'utf8'));
  }
  return docs;
}

/** The text outside the changes, in order: what must survive any fix. */
function untouched(text: string, changes: readonly TextChange[]): string[] {
  const sorted = [...changes].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const c of sorted) {
    parts.push(text.slice(at, c.start));
    at = c.end;
  }
  parts.push(text.slice(at));
  return parts;
}

function checkFix(text: string, fix: Fix, where: string): void {
  const sorted = [...fix.changes].sort((a, b) => a.start - b.start);
  for (const [i, c] of sorted.entries()) {
    assert.ok(c.start >= 0 && c.start <= c.end && c.end <= text.length, `${where}: change [${c.start}, ${c.end}) inside ${text.length}`);
    if (i > 0) assert.ok(sorted[i - 1]!.end <= c.start, `${where}: changes overlap`);
  }
  const result = applyChanges(text, fix.changes);
  // Everything outside the changes appears in the result, in order, with exactly the inserted texts between.
  const kept = untouched(text, sorted);
  let rebuilt = kept[0]!;
  sorted.forEach((c, i) => {
    rebuilt += c.text + kept[i + 1]!;
  });
  assert.equal(result, rebuilt, `${where}: the fix changed text outside its ranges`);
}

describe('quick fixes never lose text', function () {
  this.timeout(900000);
  let fixesChecked = 0;
  let documents = 0;
  after(() => {
    console.log(`      fixes checked: ${fixesChecked} on ${documents} fuzzed documents`);
  });

  it('on mutations of realistic reports, every fix changes only its own ranges', () => {
    const docs = reports();
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.nat({ max: 30 }),
      insert: fc.oneof(
        fc.constantFrom('\n', '\r\n', '| x |', ' TBC ', 'Child A did not attend', '## Analysis\n', '- ', '> ', '“', '\u00a0', '31/02/2008'),
        fc.string({ maxLength: 8 }),
      ),
    });
    const mutated = fc.tuple(fc.nat({ max: docs.length - 1 }), fc.array(edit, { maxLength: 5 })).map(([index, edits]) => {
      let text = docs[index]!;
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
      }
      return text;
    });
    fc.assert(
      fc.property(mutated, (text) => {
        documents++;
        for (const message of lintText(text).messages) {
          const fixes = [...fixesOf(message, text), disableLineFix(message, text), disableFileFix(message, text)].filter(
            (f): f is Fix => f !== undefined,
          );
          for (const fix of fixes) {
            checkFix(text, fix, `${message.ruleId} “${fix.title}”`);
            fixesChecked++;
          }
          for (const replacement of message.expected ?? []) {
            const own = fixes.find((f) => f.changes.length === 1 && f.changes[0]!.text === replacement);
            if (own)
              assert.deepEqual(
                [own.changes[0]!.start, own.changes[0]!.end],
                [message.startOffset, message.endOffset],
                `${message.ruleId}: “${replacement}” replaces the finding's own range`,
              );
          }
        }
      }),
      { numRuns: 150, seed: 20261122 },
    );
    assert.ok(fixesChecked > 100, `checked ${fixesChecked} fixes`);
  });
});
