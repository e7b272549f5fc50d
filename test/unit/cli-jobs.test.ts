/**
 * `--jobs` (issue 20, item 4): a folder linted on worker threads gives, byte for byte, what one
 * thread gives — the same results in the same order, in every format, with each file's own config,
 * an executive summary compared with the overview report it names, and files that cannot be read
 * reported while the others are linted. Run as a real process from the bundles (dist/cli.cjs and
 * dist/cli-worker.cjs). All reports are invented.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, run } from '../support/cli.js';

const RECOMMENDATIONS = `## Recommendations

1. Northshire Constabulary will share every domestic abuse notification with Children's Social Care within one working day.
2. The Health Visiting Service will ask at every contact who lives in the household.

## Action plan

| Recommendation | Action | Lead | Target date |
| --- | --- | --- | --- |
| 1 | Share notifications daily | Detective Superintendent, Public Protection | June 2013 |
| 2 | Add the household question | Head of Health Visiting | April 2013 |
`;

const OVERVIEW = `---
report-type: overview
child: Child A
---
# Overview report: Child A

## Introduction

The GP saw Child A twice in May 2008. The health visitor did not attend the review meeting.

## Terms of reference

All relevant agencies will contribute [insert date].

${RECOMMENDATIONS}`;

/** Leaves out the overview's second recommendation: summary-consistency says so only if the overview was read. */
const SUMMARY = `---
report-type: executive-summary
overview: overview.md
---
# Executive summary: Child A

## Panel membership

- Independent Chair, Northshire Safeguarding Children Partnership

## Recommendations

1. Northshire Constabulary will share every domestic abuse notification with Children's Social Care within one working day.
`;

const IMR = `---
report-type: imr
child: Child B
agency: Northshire Hospital Trust
---
# Individual Management Review: Northshire Hospital Trust

## Introduction
This review of the Hospital Trust's contact with Child B was requested by the Board. Jane Hollis, the ward sister, saw Child B on 3 May 2008.

## Terms of reference
The review covers the period from 1 March 2007 to 3 August 2008.

## Chronology

| Date | Agency | Event |
| --- | --- | --- |
| 12/05/2008 | Hospital Trust | Child B did not attend the clinic. |
| 03/05/2008 | Hospital Trust | Child B was seen on the ward. |

## Recommendations
The Trust will audit missed appointments by March 2009.
`;

describe('case-review-lint --jobs: several files at a time on worker threads', function () {
  this.timeout(120000);
  let dir: string;

  before(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'crl-jobs-'));
    writeFileSync(join(dir, 'overview.md'), OVERVIEW);
    writeFileSync(join(dir, 'executive-summary.md'), SUMMARY);
    writeFileSync(join(dir, 'imr.md'), IMR);
    writeFileSync(join(dir, 'README.md'), '# Notes for the panel\n\nMeeting dates and rooms.\n');
    // A board's folder with its own config: chronology-order off there, and only there.
    mkdirSync(join(dir, 'board'));
    writeFileSync(join(dir, 'board', '.casereviewrc.json'), JSON.stringify({ rules: { 'chronology-order': 'off' } }));
    writeFileSync(join(dir, 'board', 'imr.md'), IMR);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const lint = (jobs: number, ...args: string[]) => run(['--jobs', String(jobs), ...args], dir);
  /** The folder's report on two threads, by format. */
  const onTwoThreads: Record<string, ReturnType<typeof run>> = {};

  for (const format of ['json', 'text', 'sarif']) {
    it(`prints the same ${format} report, byte for byte, with --jobs 1 and --jobs 2`, () => {
      const one = lint(1, '--format', format, '--no-color', '.');
      const two = (onTwoThreads[format] = lint(2, '--format', format, '--no-color', '.'));
      assert.equal(two.stdout, one.stdout);
      assert.equal(two.stderr, one.stderr);
      assert.equal(two.code, one.code);
      assert.ok(one.stdout.length > 0);
    });
  }

  it('keeps each file’s config, the order of the files and the executive summary’s comparison with its overview on worker threads', () => {
    const two = onTwoThreads['json'] ?? lint(2, '--format', 'json', '.');
    assert.equal(two.stderr, '');
    const results = JSON.parse(two.stdout) as { file: string; messages: { ruleId: string; message: string }[] }[];
    assert.deepEqual(
      results.map((r) => r.file),
      ['board/imr.md', 'executive-summary.md', 'imr.md', 'overview.md'],
      'the README is not a case review; the others in command-line (sorted) order',
    );
    const byFile = Object.fromEntries(results.map((r) => [r.file, r.messages]));
    assert.ok(
      byFile['imr.md']!.some((m) => m.ruleId === 'chronology-order'),
      'the chronology is out of order',
    );
    assert.ok(!byFile['board/imr.md']!.some((m) => m.ruleId === 'chronology-order'), 'the board’s config turns chronology-order off');
    assert.ok(
      byFile['executive-summary.md']!.some((m) => m.ruleId === 'summary-consistency' && /leaves out recommendation/.test(m.message)),
      'the summary was compared with the overview read from disk',
    );
  });

  it('lints on two threads with --jobs 2, and in this process without --jobs for a few short reports', () => {
    assert.match(lint(2, '--format', 'json', '--timings', '.').stderr, /^Timings for 4 files on 2 threads \(milliseconds/);
    assert.match(run(['--format', 'json', '--timings', '.'], dir).stderr, /^Timings for 4 files \(milliseconds/);
  });

  it('says what --fix-dry-run would change and what --fail-on-identifiers finds in the same order on two threads', () => {
    const args = ['--format', 'json', '--fix-dry-run', '--fail-on-identifiers', '.'];
    const one = lint(1, ...args);
    const two = lint(2, ...args);
    assert.equal(two.stderr, one.stderr);
    assert.equal(two.stdout, one.stdout);
    assert.match(two.stderr, /overview\.md: would fix \d+ problems?:/);
    assert.match(two.stderr, /--fail-on-identifiers: imr\.md still has/);
    assert.ok(two.stderr.indexOf('board/imr.md: would fix') < two.stderr.indexOf('overview.md: would fix'), 'in file order');
  });

  it('reports files that cannot be read or are not text, and lints the others, on two threads as on one', () => {
    const sub = mkdtempSync(join(tmpdir(), 'crl-jobs-bad-'));
    try {
      writeFileSync(join(sub, 'a.md'), IMR);
      symlinkSync(join(sub, 'gone.md'), join(sub, 'broken.md'));
      writeFileSync(join(sub, 'binary.md'), Buffer.from([0x23, 0x20, 0x41, 0x00, 0x42, 0x0a]));
      writeFileSync(join(sub, 'c.md'), OVERVIEW);
      const args = ['--format', 'json', 'a.md', 'broken.md', 'binary.md', 'c.md'];
      const one = run(['--jobs', '1', ...args], sub);
      const two = run(['--jobs', '2', ...args], sub);
      assert.equal(two.code, 2);
      assert.equal(two.stdout, one.stdout);
      assert.equal(two.stderr, one.stderr);
      const lines = two.stderr.trim().split('\n');
      assert.match(lines[0]!, /^case-review-lint: broken\.md: cannot be read: ENOENT/);
      assert.match(lines[1]!, /^case-review-lint: binary\.md: not linted: it holds a NUL byte/);
      assert.deepEqual(
        (JSON.parse(two.stdout) as { file: string }[]).map((r) => r.file),
        ['a.md', 'c.md'],
      );
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  });

  for (const bad of ['0', 'two', '1.5', '']) {
    it(`exits 2 with a usage message for --jobs “${bad}”`, () => {
      const r = run([`--jobs=${bad}`, '--format', 'json', '.'], dir);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(
        r.stderr,
        new RegExp(
          `^case-review-lint: --jobs needs a whole number of 1 or more \\(how many files to lint at a time\\), not “${bad.replace('.', '\\.')}”\\.\\nRun “case-review-lint --help” for usage\\.\\n$`,
        ),
      );
    });
  }
});
