/**
 * The labelled accuracy fixtures (test/fixtures/accuracy, see scripts/accuracy/labels.ts):
 * paraphrases of patterns found in published reviews and contents lists of real reports.
 * Every finding a fixture does not label is a wrong finding; every `flag` label must be found.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readLabels, LabelError } from '../../scripts/accuracy/labels.js';
import { scoreFixture } from '../../scripts/accuracy/score.js';

const ROOT = 'test/fixtures/accuracy';

function fixtures(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? fixtures(path) : path.endsWith('.md') ? [path] : [];
    });
}

describe('accuracy fixtures (paraphrased real-report patterns and real contents lists)', () => {
  const files = fixtures(ROOT);

  it('there are fixtures, and each one is labelled', () => {
    assert.ok(files.length > 0);
    for (const file of files) assert.match(readFileSync(file, 'utf8'), /<!--\s*accuracy\b/, `${file} has no accuracy labels`);
  });

  for (const file of files) {
    it(file.slice(ROOT.length + 1), () => {
      const score = scoreFixture(file, readFileSync(file, 'utf8'));
      const wrong = score.findings
        .filter((f) => f.verdict === 'wrong')
        .map((f) => `${f.message.ruleId} ${f.message.line}:${f.message.column} “${f.covered}”: ${f.message.message}`);
      const missed = score.missed.map((l) => `${l.ruleId} “${l.text}” (label on line ${l.line})`);
      assert.deepEqual({ wrong, missed }, { wrong: [], missed: [] });
    });
  }
});

describe('accuracy labels', () => {
  it('reads flag, maybe, fragment, only and source lines from every block', () => {
    const labels = readLabels(
      'text\n<!-- accuracy\nsource: invented\nfragment\nflag anonymisation "Darren Mitchell"\n-->\n<!-- accuracy\nonly anonymisation\nmaybe acronym-first-use "GP"\n-->\n',
    );
    assert.equal(labels.fragment, true);
    assert.deepEqual(labels.only, ['anonymisation']);
    assert.equal(labels.source, 'invented');
    assert.deepEqual(
      labels.labels.map((l) => [l.kind, l.ruleId, l.text, l.line]),
      [
        ['flag', 'anonymisation', 'Darren Mitchell', 5],
        ['maybe', 'acronym-first-use', 'GP', 9],
      ],
    );
  });

  it('refuses a line it cannot read, with its line number', () => {
    assert.throws(
      () => readLabels('a\n<!-- accuracy\nflag anonymisation Darren\n-->'),
      (e: unknown) => e instanceof LabelError && /line 3/.test(e.message),
    );
  });

  it('counts an unlabelled finding as wrong and an unfound flag as missed', () => {
    const text =
      '---\nreport-type: overview\n---\n## Summary of events\n\nMother’s partner, Darren Mitchell, moved in.\n\n<!-- accuracy\nfragment\nflag anonymisation "Darren Mitchell"\nflag was-not-brought "did not attend"\n-->\n';
    const score = scoreFixture('t.md', text);
    assert.deepEqual(
      score.findings.filter((f) => f.message.ruleId === 'anonymisation').map((f) => f.verdict),
      ['right'],
    );
    assert.deepEqual(
      score.missed.map((l) => l.ruleId),
      ['was-not-brought'],
    );
  });
});
