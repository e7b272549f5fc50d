/**
 * Input that is checked (issue 17): front matter and control comments
 * validated with their line and column, date formats and typed dates, and
 * binary or non-UTF-8 files. CLI tests run the built bundle (dist/cli.cjs).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'mdast';
import '../../lint-rules/index.js';
import { normaliseDate } from '../../src/engine/chronology/index.js';
import { dateFormatError, normaliseTypedDate } from '../../src/engine/dates.js';
import { checkDocumentSettings } from '../../src/engine/document-settings.js';
import { readFrontMatter } from '../../src/engine/front-matter.js';
import { reportParser } from '../../src/engine/markdown-syntax.js';
import { reportOfTree } from '../../src/engine/report.js';
import { notTextReason } from '../../src/cli/files.js';
import { ensureBuilt, run } from '../support/cli.js';

/** Each problem as “line:column message”. */
function problems(text: string): string[] {
  const report = reportOfTree(reportParser().parse(text) as Root, text);
  return checkDocumentSettings(report).map((p) => {
    const at = report.toPoint(p.start);
    return `${at.line}:${at.column} ${p.severity} ${p.message}`;
  });
}

describe('front matter and control comments are checked', () => {
  it('reports unknown keys, rule ids, levels and options, bad dates and publication values, each at its place', () => {
    const found = problems(`---
report-type: imr
child: Child A
perod-start: 01/01/2007
period-start: 31/02/2007
period-end: yesterday
report-date: 2009-13-45
publication: pubic
case-review-lint: { rules: { no-such: off, tor-questions: loud, anonymisation: [warn, { allowName: [] }] } }
---
# IMR

<!-- case-review-lint disable tor-vauge-language -->
`);
    const expected: [string, RegExp][] = [
      ['4:1 warning', /^“perod-start” is not a front matter setting that is read\. Did you mean “period-start”\?$/],
      ['5:15 error', /^The period start 31\/02\/2007 is not a real date: February 2007 has 28 days\. Check the date\.$/],
      ['6:13 error', /^The period end “yesterday” is not a date that can be read\. Write it day first/],
      ['7:14 error', /^The report date 2009-13-45 is not a real date: there is no month 13\./],
      ['8:14 error', /^“pubic” is not a publication setting/],
      ['9:30 error', /^“no-such” is not a rule/],
      ['9:59 error', /^“loud” is not a level for “tor-questions”\. Write off, on, info, warn or error\.$/],
      ['9:89 error', /^“allowName” is not an option of “anonymisation”\. Use “allowNames”/],
      [
        '13:31 error',
        /^“tor-vauge-language” is not a rule, so this comment switches nothing off for it\. Did you mean “tor-vague-language”\?$/,
      ],
    ];
    assert.equal(found.length, expected.length, found.join('\n'));
    expected.forEach(([where, message], i) => {
      assert.ok(found[i]!.startsWith(`${where} `), `${found[i]} at ${where}`);
      assert.match(found[i]!.slice(where.length + 1), message);
    });
    for (const f of found) assert.doesNotMatch(f, /Unexpected|front-matter|\.md/);
  });

  it('reports a period that ends before it starts, at the end date', () => {
    assert.deepEqual(problems('---\nperiod-start: 03/08/2008\nperiod-end: 01/03/2007\n---\n# Report\n'), [
      '3:13 error The period end 01/03/2007 is before its start 03/08/2008. Check the dates.',
    ]);
  });

  it('leaves valid front matter, template placeholders and every key the product reads alone', () => {
    const text = `---
report-type: imr
title: IMR
board: Northshire Safeguarding Children Board
child: [Child A, Child B]
children: [Child B]
siblings: [Sibling 1]
agency: Northshire Police
author: Independent author
overview: ../overview.md
publication: internal
publication-exceptions:
  - text: Jane Hollis
    reason: independent author, named with consent
pseudonyms: [Mother]
period-start: 1 March 2007
period-end: DD/MM/YYYY
report-date: 14/04/2009
date: 2009-04-14
version: "1.2"
marking: true
case-review-lint: { rules: { tor-questions: off, anonymisation: [warn, { allowNames: [] }] } }
---
# IMR

<!-- case-review-lint disable-next-line tor-vague-language acronym-first-use -->
<!-- case-review-lint disable -->
`;
    assert.deepEqual(problems(text), []);
  });

  it('says a YAML error at the file’s line, not the parser’s line inside the front matter', () => {
    const text = '---\nreport-type: imr\nchild: [Child A\n---\n# IMR\n';
    const fm = readFrontMatter(reportParser().parse(text) as Root);
    assert.ok(fm.error);
    assert.equal(fm.error.line, 3);
    assert.match(fm.error.message, /^Flow sequence .* at line 3, column \d+$/);
    assert.doesNotMatch(fm.error.message, /line 2/);
  });
});

describe('date formats and typed dates', () => {
  it('writes the Unicode tokens (dd/MM/yyyy, d/M/yy, MMM) and still the older mm for the month', () => {
    const date = { year: 2009, month: 4, day: 14 };
    assert.equal(normaliseDate(date, 'dd/MM/yyyy'), '14/04/2009');
    assert.equal(normaliseDate(date, 'd/M/yy'), '14/4/09');
    assert.equal(normaliseDate(date, 'd MMM yyyy'), '14 Apr 2009');
    assert.equal(normaliseDate(date, 'do MMMM yyyy'), '14th April 2009');
    assert.equal(normaliseDate(date, 'yyyy-MM-dd'), '2009-04-14');
    assert.equal(normaliseDate(date, 'dd/mm/yyyy'), '14/04/2009');
    assert.equal(normaliseDate({ year: 2009, month: 4 }, 'dd/MM/yyyy'), 'April 2009');
  });

  it('refuses a format that is not one, saying why and listing formats to use', () => {
    for (const good of ['dd/MM/yyyy', 'd/M/yyyy', 'dd.MM.yy', 'd MMMM yyyy', 'MMMM d, yyyy', 'yyyy-MM-dd', 'dd/mm/yyyy', 'do MMMM yyyy'])
      assert.equal(dateFormatError(good), undefined, good);
    assert.match(
      dateFormatError('banana')!,
      /^“banana” is not a date format: “banana” is not a date token or a separator\. Use the tokens yyyy, yy, MMMM.*dd\/MM\/yyyy/,
    );
    assert.match(dateFormatError('dd/MM')!, /it has no year/);
    assert.match(dateFormatError('dd/MM/MM/yyyy')!, /more than one month/);
    assert.match(dateFormatError('dd|MM|yyyy')!, /“\|” is not a date token or a separator/);
    assert.match(dateFormatError('DD/MM/YYYY')!, /not a date format/);
  });

  it('normalises typed dates to dd/MM/yyyy and names a bad one', () => {
    assert.deepEqual(normaliseTypedDate('1 March 2007'), { date: '01/03/2007' });
    assert.deepEqual(normaliseTypedDate('3.8.08'), { date: '03/08/2008' });
    assert.deepEqual(normaliseTypedDate('March 2007'), { date: 'March 2007' });
    assert.deepEqual(normaliseTypedDate('31/02/2007'), { error: '“31/02/2007” is not a real date: February 2007 has 28 days' });
    assert.match((normaliseTypedDate('banana') as { error: string }).error, /^“banana” is not a date that can be read/);
  });
});

describe('checked input on the command line', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'crl-input-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('merge-chronologies --date-format banana is an error (exit 2) listing the formats; dd/MM/yyyy works', () => {
    const out = join(dir, 'merged.md');
    const bad = run(['merge-chronologies', 'test/fixtures/imr-health.md', '--date-format', 'banana', '--out', out]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /“banana” is not a date format.*dd\/MM\/yyyy/);
    assert.ok(!existsSync(out));
    const good = run(['merge-chronologies', 'test/fixtures/imr-health.md', '--date-format', 'dd/MM/yyyy']);
    assert.equal(good.code, 0, good.stderr);
    assert.doesNotMatch(good.stdout, /MM/);
    assert.match(good.stdout, /\| \d\d\/\d\d\/\d{4} \|/);
    const legacy = run(['merge-chronologies', 'test/fixtures/imr-health.md', '--date-format', 'dd/mm/yyyy']);
    assert.equal(legacy.stdout, good.stdout);
  });

  it('new refuses an impossible or unreadable date, naming the option and value, and normalises good ones', () => {
    const out = join(dir, 'imr.md');
    const bad = run(['new', 'imr', '--period-start', '31/02/2007', '--period-end', 'banana', '--out', out]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--period-start “31\/02\/2007” is not a real date: February 2007 has 28 days/);
    assert.match(bad.stderr, /--period-end “banana” is not a date that can be read/);
    assert.ok(!existsSync(out));
    const backwards = run(['new', 'imr', '--period-start', '03/08/2008', '--period-end', '01/03/2007']);
    assert.equal(backwards.code, 2);
    assert.match(backwards.stderr, /--period-end 01\/03\/2007 is before --period-start 03\/08\/2008/);
    const good = run([
      'new',
      'imr',
      '--period-start',
      '1 March 2007',
      '--period-end',
      '3.8.08',
      '--report-date',
      '2009-04-14',
      '--out',
      out,
    ]);
    assert.equal(good.code, 0, good.stderr);
    const text = readFileSync(out, 'utf8');
    assert.match(text, /period-start: 01\/03\/2007\nperiod-end: 03\/08\/2008\nreport-date: 14\/04\/2009\n/);
  });

  it('gives one clear error (exit 2) for a binary or non-UTF-8 file, and still lints the others', () => {
    const elf = join(dir, 'program.md');
    writeFileSync(elf, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]), Buffer.alloc(64, 0)]));
    const nul = join(dir, 'nul.md');
    writeFileSync(nul, Buffer.from('# Report\n\nText\u0000more\n', 'utf8'));
    const latin1 = join(dir, 'latin1.md');
    writeFileSync(latin1, Buffer.from('# Report\n\nCaf\xe9 r\xe9sum\xe9\n', 'latin1'));
    const good = join(dir, 'good.md');
    writeFileSync(good, '# Overview report\n\n## Terms of reference\n\nAll relevant agencies will contribute.\n');
    const r = run([elf, nul, latin1, good, '--format', 'json']);
    assert.equal(r.code, 2, r.stderr);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 3, r.stderr);
    assert.match(r.stderr, /program\.md: not linted: it is a program \(a binary file\), not text\./);
    assert.match(r.stderr, /nul\.md: not linted: it holds a NUL byte/);
    assert.match(r.stderr, /latin1\.md: not linted: it is not UTF-8 text/);
    const results = JSON.parse(r.stdout) as { file: string; messages: unknown[] }[];
    assert.deepEqual(
      results.map((x) => x.file),
      [good],
    );
    assert.ok(results[0]!.messages.length > 0);
    const exported = run(['export', elf, '--out', join(dir, 'program.docx')]);
    assert.equal(exported.code, 2);
    assert.match(exported.stderr, /Cannot read “[^”]*program\.md”: it is a program/);
  });

  it('knows text when it sees it', () => {
    assert.equal(notTextReason(Buffer.from('\ufeff# Report – “quoted” ✓\n', 'utf8')), undefined);
    assert.match(notTextReason(Buffer.from([0xff, 0xfe, 0x23, 0x00]))!, /UTF-16/);
    assert.match(notTextReason(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]))!, /Word document/);
  });
});
