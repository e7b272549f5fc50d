/** The command-line tool, run as a real process from its bundle: exit codes, formats, errors. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Log } from 'sarif';
import { rules } from '../../lint-rules/index.js';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli.cjs');

function run(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const COMPLETE_IMR = `---
report-type: imr
child: Child A
agency: Northshire Hospital Trust
---
# Individual Management Review: Northshire Hospital Trust

## Introduction
This review of the Hospital Trust's contact with Child A was requested by the Board.

## Terms of reference
The review covers the period from 1 March 2007 to 3 August 2008. Reports were requested from the Hospital Trust and Northshire Police.

- Was Child A seen alone at the clinic in May 2008?

## Methodology
Records were secured on 12/09/2008.

## Organisational context
The ward had two vacancies.

## Chronology
Contacts are listed in the appendix.

## Analysis of involvement
The paediatric team saw Child A twice.

## Good practice
The named nurse escalated promptly.

## Lessons learned
Information about the household was not shared.

## Recommendations
See the action plan.

## Action plan
Held by the Board.
`;

describe('case-review-lint command', function () {
  this.timeout(60000);
  let dir: string;

  before(() => {
    if (!existsSync(cli)) spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
    dir = mkdtempSync(join(tmpdir(), 'crl-cli-'));
    writeFileSync(join(dir, 'imr.md'), COMPLETE_IMR);
    writeFileSync(join(dir, 'tor.md'), '# Overview report\n\n## Terms of reference\n\nAll relevant agencies will contribute [insert date].\n');
  });

  it('prints help and exits 0', () => {
    const r = run(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /--format text\|json\|sarif/);
  });

  it('exits 0 when there are no errors, and lists warnings in text form', () => {
    const r = run([join(dir, 'tor.md')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^\s+\d+:\d+-\d+:\d+\s+warning\s+“.+” is too general for terms of reference\. .+ tor-vague-language$/m);
    assert.match(r.stdout, /0 errors, \d+ warnings/);
  });

  it('exits 1 when a rule reports an error', () => {
    writeFileSync(join(dir, '.casereviewrc.json'), JSON.stringify({ rules: { 'template-placeholder': 'error' } }));
    try {
      const r = run([join(dir, 'tor.md')]);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /error\s+The placeholder “\[insert date\]” is still in the text/);
    } finally {
      writeFileSync(join(dir, '.casereviewrc.json'), '{}');
    }
  });

  it('prints exactly the JSON contract', () => {
    const r = run(['--format', 'json', join(dir, 'tor.md'), join(dir, 'imr.md')]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.equal(out.length, 2);
    for (const file of out) {
      assert.deepEqual(Object.keys(file).sort(), ['file', 'messages', 'reportType']);
      for (const m of file.messages as Record<string, unknown>[]) {
        const keys = Object.keys(m).sort();
        const required = ['column', 'endColumn', 'endLine', 'line', 'message', 'ruleId', 'severity', 'url'];
        assert.deepEqual(keys.filter((k) => k !== 'expected'), required);
        assert.ok(['error', 'warning', 'info'].includes(m.severity as string));
        assert.ok((m.line as number) >= 1 && (m.column as number) >= 1);
        assert.match(m.url as string, new RegExp(`^file://.*/docs/rules/${m.ruleId as string}\\.md$`));
        assert.ok(existsSync(new URL(m.url as string)), `rule doc ${m.url as string} exists`);
      }
    }
    const tor = out.find((f) => (f.file as string).endsWith('tor.md'))!;
    assert.equal(tor.reportType, 'overview');
    const imr = out.find((f) => (f.file as string).endsWith('imr.md'))!;
    assert.equal(imr.reportType, 'imr');
    const imrIds = (imr.messages as { ruleId: string }[]).map((m) => m.ruleId);
    assert.ok(!imrIds.includes('required-sections'), `a complete IMR has all its sections: ${imrIds.join(', ')}`);
  });

  // No SARIF 2.1.0 schema file is available offline (the schema is at schemastore.org and in the
  // OASIS repository, neither in node_modules), so this checks the properties GitHub code scanning
  // requires and those its validator rules ask for, not the whole schema.
  it('prints SARIF 2.1.0 that GitHub code scanning shows well: rule help, web-only URIs, relative locations, fixes', () => {
    writeFileSync(join(dir, 'dna.md'), '# Overview report\n\n## Analysis\n\nChild A did not attend the clinic on 4 May 2008.\n');
    const r = run(['--format', 'sarif', 'tor.md', 'dna.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    const log = JSON.parse(r.stdout) as Log;
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema ?? '', /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const run0 = log.runs[0]!;
    const driver = run0.tool.driver;
    assert.equal(driver.name, 'case-review-lint');
    assert.match(driver.version ?? '', /^\d+\.\d+\.\d+/);
    // URIs a browser cannot open from GitHub (the runner's disk) are left out.
    if (driver.informationUri !== undefined) assert.match(driver.informationUri, /^https?:\/\//);
    const driverRules = driver.rules ?? [];
    assert.deepEqual(driverRules.map((d) => d.id), rules.map((x) => x.meta.id));
    for (const d of driverRules) {
      const meta = rules.find((x) => x.meta.id === d.id)!.meta;
      assert.ok(d.name && /^[A-Z][A-Za-z0-9]*$/.test(d.name), `${d.id}: a PascalCase name`);
      assert.ok(d.shortDescription?.text, `${d.id}: shortDescription`);
      assert.ok(d.fullDescription?.text && d.fullDescription.text.length >= d.shortDescription!.text.length, `${d.id}: fullDescription`);
      assert.ok(d.help?.text && d.help.markdown, `${d.id}: help in text and Markdown`);
      assert.ok(d.help.markdown!.includes(meta.summary), `${d.id}: help starts from the summary`);
      assert.ok(d.help.markdown!.includes(meta.why), `${d.id}: help says why the rule matters`);
      assert.ok(!/`/.test(d.help.text), `${d.id}: the plain-text help has no Markdown code marks`);
      assert.equal(d.helpUri, undefined, `${d.id}: no helpUri to a file on the runner's disk`);
      assert.ok(['error', 'warning', 'note'].includes(d.defaultConfiguration?.level ?? ''));
    }
    // Locations are relative to %SRCROOT%, which originalUriBaseIds gives as an absolute folder URI.
    const base = run0.originalUriBaseIds?.['%SRCROOT%'];
    assert.ok(base?.uri, 'originalUriBaseIds has %SRCROOT%');
    assert.match(base.uri, /^file:\/\/.*\/$/);
    assert.equal(new URL(base.uri).pathname.replace(/\/$/, ''), realpathSync(dir).replace(/\\/g, '/').replace(/^(?=[A-Za-z]:)/, '/'));
    const results = run0.results ?? [];
    assert.ok(results.length > 0);
    for (const result of results) {
      assert.ok(['error', 'warning', 'note'].includes(result.level ?? ''));
      assert.ok(result.ruleId);
      assert.equal(driverRules[result.ruleIndex!]!.id, result.ruleId);
      assert.ok(result.message.text);
      const location = result.locations![0]!.physicalLocation!;
      assert.match(location.artifactLocation!.uri!, /^(tor|dna)\.md$/);
      assert.equal(location.artifactLocation!.uriBaseId, '%SRCROOT%');
      const region = location.region!;
      assert.ok(region.startLine! >= 1 && region.startColumn! >= 1 && region.endLine! >= region.startLine!);
    }
    // A mechanical fix travels as a SARIF fix, by character offset; a scaffold (“[insert date]”) does not.
    const dna = results.find((x) => x.ruleId === 'was-not-brought');
    assert.ok(dna?.fixes?.length, 'the “was not brought” fix is in the SARIF');
    const change = dna.fixes[0]!.artifactChanges[0]!;
    assert.equal(change.artifactLocation.uri, 'dna.md');
    assert.equal(change.artifactLocation.uriBaseId, '%SRCROOT%');
    const text = readFileSync(join(dir, 'dna.md'), 'utf8');
    let fixed = text;
    for (const rep of [...change.replacements].reverse()) {
      const { charOffset, charLength } = rep.deletedRegion;
      assert.ok(Number.isInteger(charOffset) && Number.isInteger(charLength));
      fixed = fixed.slice(0, charOffset!) + (rep.insertedContent?.text ?? '') + fixed.slice(charOffset! + charLength!);
    }
    assert.match(fixed, /Child A was not brought to the clinic/);
    for (const result of results) {
      for (const fix of result.fixes ?? []) for (const c of fix.artifactChanges) for (const rep of c.replacements) assert.ok(!/\[insert/.test(rep.insertedContent?.text ?? ''), 'no scaffold fixes');
    }
  });

  it('puts a file outside the working folder in SARIF as an absolute file URI', () => {
    const r = run(['--format', 'sarif', join(dir, 'tor.md')], join(root, 'examples'));
    assert.equal(r.code, 0, r.stderr);
    const log = JSON.parse(r.stdout) as Log;
    const location = log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!;
    assert.match(location.uri!, /^file:\/\/.*tor\.md$/);
    assert.equal(location.uriBaseId, undefined);
  });

  it('writes to --output instead of standard output', () => {
    const out = join(dir, 'out.json');
    const r = run(['--format', 'json', '--output', out, join(dir, 'tor.md')]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(readFileSync(out, 'utf8'))[0].reportType, 'overview');
  });

  it('lints the Markdown files in a folder', () => {
    const sub = join(dir, 'drafts');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'a.md'), COMPLETE_IMR);
    writeFileSync(join(sub, 'notes.txt'), 'not markdown');
    const r = run(['--format', 'json', sub]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file), [`${sub}/a.md`]);
  });

  it('forces a report type with --report-type', () => {
    const r = run(['--format', 'json', '--report-type', 'rapid-review', join(dir, 'imr.md')]);
    assert.equal(JSON.parse(r.stdout)[0].reportType, 'rapid-review');
  });

  for (const [name, args, pattern] of [
    ['no files', [], /No files given/],
    ['a glob that matches nothing', ['no-such-*.md'], /No files match/],
    ['a missing file', ['missing.md'], /File not found/],
    ['an unknown format', ['--format', 'xml', 'README.md'], /Unknown format/],
    ['an unknown option', ['--frobnicate', 'README.md'], /Unknown option|frobnicate/],
    ['an unknown report type', ['--report-type', 'novel', 'README.md'], /Unknown report type/],
    ['a missing --config file', ['--config', 'nope.json', 'README.md'], /Config file not found/],
  ] as const) {
    it(`exits 2 for ${name}`, () => {
      const r = run([...args]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, pattern);
    });
  }

  it('exits 2 for an unreadable file but still reports the others', () => {
    const sub = mkdtempSync(join(tmpdir(), 'crl-unreadable-'));
    writeFileSync(join(sub, 'good.md'), COMPLETE_IMR);
    symlinkSync(join(sub, 'gone.md'), join(sub, 'broken.md'));
    const r = run(['--format', 'json', join(sub, 'good.md'), join(sub, 'broken.md')], sub);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /broken\.md: cannot be read/);
    assert.equal(JSON.parse(r.stdout).length, 1);
  });

  it('reports a broken config once, with file and position, exits 2 and lints with defaults', () => {
    const sub = mkdtempSync(join(tmpdir(), 'crl-badconfig-'));
    writeFileSync(join(sub, '.casereviewrc.json'), '{\n  "rules": {\n    "tor-period": "loud"\n  }\n}\n');
    writeFileSync(join(sub, 'a.md'), COMPLETE_IMR);
    writeFileSync(join(sub, 'b.md'), COMPLETE_IMR);
    const r = run(['--format', 'json', join(sub, 'a.md'), join(sub, 'b.md')]);
    assert.equal(r.code, 2);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, /\.casereviewrc\.json:3:19: config error: rule "tor-period": level must be one of/);
    assert.equal(JSON.parse(r.stdout).length, 2);
  });

  it('merges agency chronologies into one table with merge-chronologies', () => {
    const out = join(dir, 'merged.md');
    const r = run(['merge-chronologies', 'test/fixtures/imr-health.md', 'test/fixtures/imr-police.md', 'test/fixtures/imr-social-care.md', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const table = readFileSync(out, 'utf8');
    const header = table.split('\n')[0]!.split('|').map((c) => c.trim());
    for (const column of ['Date', 'Agency', 'Source', 'Event']) assert.ok(header.includes(column), `${column} in ${header.join(', ')}`);
    assert.ok(table.trim().split('\n').length > 10);
    const again = run(['merge-chronologies', 'test/fixtures/imr-health.md', '--out', out]);
    assert.equal(again.code, 2, 'refuses to overwrite');
    assert.equal(run(['merge-chronologies']).code, 2);
  });

  it('prints the time of each stage on standard error with --timings, leaving the JSON on standard output intact', () => {
    const r = run(['--format', 'json', '--timings', 'examples/overview-report.md']);
    assert.doesNotThrow(() => JSON.parse(r.stdout), 'stdout is still the JSON report');
    const lines = r.stderr.trim().split('\n');
    assert.match(lines[0]!, /^Timings for 1 file \(milliseconds/);
    const stages = lines.slice(2, -1).map((l) => l.split(/\s{2,}/)[0]);
    for (const stage of ['parse', 'report model', 'anonymisation', 'child-focus', 'chronology-order']) assert.ok(stages.includes(stage), `${stage} in ${stages.join(', ')}`);
    const ms = lines.slice(2, -1).map((l) => Number(l.trim().split(/\s+/).at(-2)));
    assert.deepEqual(ms, [...ms].sort((a, b) => b - a), 'slowest first');
    assert.match(lines.at(-1)!, /^total\s+[\d.]+\s+100\.0%$/);
    assert.equal(run(['--format', 'json', 'examples/overview-report.md']).stderr, '', 'nothing on stderr without --timings');
  });

  it('applies the fixes with one right answer with --fix, says what it changed, and leaves template text and judgement calls alone', () => {
    const report = `---
report-type: overview
child: Child A
---
# Overview report: Child A

## Chronology

| Date | Agency | Source | Event |
| --- | --- | --- | --- |
| 03/05/2008 | Health | GP records | Child A did not attend a paediatric appointment. |
| 14/01/2008 | Health | Clinic records | Child A did not attend her eight-week immunisations. |

## Recommendations

1. The Hospital Trust will audit missed appointments as soon as possible and report to the Board.
`;
    const file = join(dir, 'to-fix.md');
    writeFileSync(file, report);
    const dry = run(['--fix-dry-run', file]);
    assert.equal(readFileSync(file, 'utf8'), report, 'a dry run writes nothing');
    assert.match(dry.stderr, /would fix \d+ problems?:/);

    const fixed = run(['--fix', file]);
    const after = readFileSync(file, 'utf8');
    assert.match(fixed.stderr, /to-fix\.md: fixed \d+ problems?:\n/);
    assert.match(fixed.stderr, /Replace with “was not brought to”/);
    assert.match(fixed.stderr, /Sort the chronology by date/);
    assert.ok(!after.includes('did not attend'), after);
    assert.ok(after.indexOf('14/01/2008') < after.indexOf('03/05/2008'), 'the chronology is in date order');
    assert.ok(after.includes('as soon as possible'), 'a deadline placeholder is the author’s to complete, not --fix’s');
    assert.ok(!after.includes('[insert'), 'no placeholders written');
    assert.doesNotMatch(fixed.stdout, /was-not-brought|chronology-order/, 'what was fixed is no longer reported');
    assert.equal(run(['--fix', file]).stderr, `${file}: nothing to fix\n`, 'a second run has nothing to do');
  });

  it('gates on identifiers with --fail-on-identifiers only when anonymisation reports something', () => {
    const r = run(['--fail-on-identifiers', join(dir, 'imr.md')]);
    const anonymisationFound = /anonymisation$/m.test(r.stdout);
    assert.equal(r.code, anonymisationFound ? 1 : 0);
  });
});
