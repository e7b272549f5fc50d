/**
 * Reliability (issue 10): hostile inputs, property-based fuzzing, isolation of a
 * failing rule, and no network. Counts and the slowest input are printed so the
 * figures can be recorded; speed itself is measured by `npm run bench`, not here.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { lintText } from '../../src/index.js';
import { defineRule } from '../../src/engine/rule.js';
import type { LintResult } from '../../src/engine/types.js';
import { runLint } from '../../src/cli/commands/lint.js';
import { pathologicalInputs } from '../support/pathological.js';

const root = resolve(import.meta.dirname, '../..');

/** Invariants every lint result must satisfy for its text. */
function checkResult(text: string, result: LintResult): void {
  assert.deepEqual(result.ruleFailures, [], `a rule failed: ${JSON.stringify(result.ruleFailures)}`);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) lineStarts.push(i + 1);
  for (const m of result.messages) {
    const where = `${m.ruleId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} [${m.startOffset}, ${m.endOffset}] of ${text.length}`;
    assert.ok(m.startOffset >= 0 && m.startOffset <= m.endOffset && m.endOffset <= text.length, `range inside the document: ${where}`);
    assert.ok(
      m.line >= 1 && m.line <= lineStarts.length && m.endLine >= m.line && m.endLine <= lineStarts.length,
      `lines inside the document: ${where}`,
    );
    assert.ok(m.column >= 1 && m.endColumn >= 1, `columns are 1-based: ${where}`);
    assert.ok(m.message.length > 0 && m.url.length > 0, where);
    if (m.expected)
      assert.ok(
        m.expected.every((e) => typeof e === 'string'),
        where,
      );
  }
}

function lintChecked(text: string): LintResult {
  const first = lintText(text);
  checkResult(text, first);
  assert.deepEqual(lintText(text), first, 'lint results are deterministic');
  return first;
}

function realisticReports(): string[] {
  const docs = [readFileSync(join(root, 'examples/overview-report.md'), 'utf8')];
  const fixtures = join(root, 'test/fixtures');
  for (const name of readdirSync(fixtures)) if (name.endsWith('.md')) docs.push(readFileSync(join(fixtures, name), 'utf8'));
  return docs;
}

const FRAGMENTS = [
  '# Overview report\n',
  '## Terms of reference\n',
  '## 3.1 Analysis\n',
  '### Recommendations\n',
  '## Chronology\n',
  '## Family composition\n',
  '## Action plan\n',
  '---\nreport-type: imr\nchild: Child A\n---\n',
  '---\n',
  'report-type: overview\n',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '\t',
  '\u00a0',
  '\uFEFF',
  '\u0000',
  '| Date | Event | Source |\n| --- | --- | --- |\n',
  '| 12/03/2007 | Home visit; Child A seen. | HV |\n',
  '| 31/02/2008 | DNA | GP |\n',
  '|',
  ' | ',
  '- ',
  '1. ',
  '  - ',
  '> ',
  '> Prompt: ',
  '```\n',
  '`',
  '[insert date]',
  'TBC',
  '<!-- case-review-lint disable -->',
  '<!--',
  '-->',
  'All relevant agencies',
  ' as appropriate',
  'from 1 March 2007 to 3 August 2008',
  'Child A did not attend',
  'Mr K',
  'Mother',
  'the LSCB',
  'CAMHS ',
  'The Hospital Trust will audit 20 cases by 31 March 2012.',
  'Agencies should consider reviewing procedures.',
  'with hindsight',
  '?',
  '.',
  '“',
  '’',
  '👶',
  'ش',
];

describe('robustness', function () {
  this.timeout(600000);

  describe('pathological inputs', () => {
    const timings: [string, number][] = [];
    for (const [name, text] of Object.entries(pathologicalInputs())) {
      it(`lints ${name} without failing`, () => {
        const started = performance.now();
        checkResult(text, lintText(text));
        timings.push([name, performance.now() - started]);
      });
    }
    after(() => {
      const [name, ms] = timings.sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
      console.log(`      pathological inputs: ${timings.length}; slowest “${name}” (${Math.round(ms)} ms; see npm run bench for timings)`);
    });
  });

  describe('fuzzing (fast-check)', () => {
    let runs = 0;
    let slowest = { ms: 0, length: 0 };
    const property = (text: string) => {
      const started = performance.now();
      lintChecked(text);
      const ms = performance.now() - started;
      runs++;
      if (ms > slowest.ms) slowest = { ms, length: text.length };
    };

    it('random Markdown built from report fragments and arbitrary text', () => {
      const piece = fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 10 }));
      fc.assert(
        fc.property(
          fc.array(piece, { maxLength: 120 }).map((parts) => parts.join('')),
          property,
        ),
        { numRuns: 300, seed: 20261122 },
      );
    });

    it('mutations of realistic reports (inserts, deletions, swaps)', () => {
      const docs = realisticReports();
      const edit = fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        remove: fc.nat({ max: 40 }),
        insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })),
      });
      const mutated = fc.tuple(fc.nat({ max: docs.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 })).map(([index, edits]) => {
        let text = docs[index]!;
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
        }
        return text;
      });
      fc.assert(fc.property(mutated, property), { numRuns: 200, seed: 20261122 });
    });

    after(() => {
      console.log(
        `      fuzz inputs linted: ${runs} (each twice); slowest ${Math.round(slowest.ms)} ms for a ${slowest.length}-character input`,
      );
    });
  });

  describe('a rule that throws is isolated', () => {
    const broken = defineRule(
      {
        id: 'broken-rule',
        summary: 'Always throws (test only).',
        description: '',
        why: '',
        primer: '',
        defaultSeverity: 'warning',
        fixable: false,
        options: [],
        defaults: {},
        examples: [],
      },
      () => {
        throw new Error('index out of range');
      },
    );
    const text = '# Overview report\n\n## Terms of reference\n\nAll relevant agencies [insert date].\n';

    it('the other rules still report, and one error names the failed rule', () => {
      const result = lintText(text, { extraRules: [broken] });
      assert.deepEqual(result.ruleFailures, [{ ruleId: 'broken-rule', error: 'index out of range' }]);
      const failures = result.messages.filter((m) => m.ruleId === 'broken-rule');
      assert.equal(failures.length, 1);
      assert.equal(failures[0]!.severity, 'error');
      assert.match(failures[0]!.message, /^A check failed to run on this report \(broken-rule: index out of range\)\. Please report it\.$/);
      assert.ok(result.messages.some((m) => m.ruleId === 'tor-vague-language'));
      assert.ok(result.messages.some((m) => m.ruleId === 'template-placeholder'));
    });

    it('the CLI exits 2 and names the rule', () => {
      const out = runLint(['--format', 'json', join(root, 'examples/overview-report.md')], '0.0.0', [broken]);
      assert.equal(out.code, 2);
      assert.match(out.stderr, /rule “broken-rule” failed: index out of range/);
      assert.ok(JSON.parse(out.stdout)[0].messages.length > 1);
    });
  });
});
