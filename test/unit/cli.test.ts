/** The command-line tool, run as a real process from its bundle: exit codes, formats, errors. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from 'sarif';
import { rules } from '../../lint-rules/index.js';
import { cli, ensureBuilt, root, run } from '../support/cli.js';

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
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'crl-cli-'));
    writeFileSync(join(dir, 'imr.md'), COMPLETE_IMR);
    writeFileSync(
      join(dir, 'tor.md'),
      '# Overview report\n\n## Terms of reference\n\nAll relevant agencies will contribute [insert date].\n',
    );
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
        assert.deepEqual(
          keys.filter((k) => k !== 'expected'),
          required,
        );
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
    assert.deepEqual(
      driverRules.map((d) => d.id),
      rules.map((x) => x.meta.id),
    );
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
    assert.equal(
      new URL(base.uri).pathname.replace(/\/$/, ''),
      realpathSync(dir)
        .replace(/\\/g, '/')
        .replace(/^(?=[A-Za-z]:)/, '/'),
    );
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
      for (const fix of result.fixes ?? [])
        for (const c of fix.artifactChanges)
          for (const rep of c.replacements) assert.ok(!/\[insert/.test(rep.insertedContent?.text ?? ''), 'no scaffold fixes');
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
    assert.deepEqual(
      (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file),
      [`${sub}/a.md`],
    );
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
    const r = run([
      'merge-chronologies',
      'test/fixtures/imr-health.md',
      'test/fixtures/imr-police.md',
      'test/fixtures/imr-social-care.md',
      '--out',
      out,
    ]);
    assert.equal(r.code, 0, r.stderr);
    const table = readFileSync(out, 'utf8');
    const header = table
      .split('\n')[0]!
      .split('|')
      .map((c) => c.trim());
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
    for (const stage of ['parse', 'report model', 'anonymisation', 'child-focus', 'chronology-order'])
      assert.ok(stages.includes(stage), `${stage} in ${stages.join(', ')}`);
    const ms = lines.slice(2, -1).map((l) => Number(l.trim().split(/\s+/).at(-2)));
    assert.deepEqual(
      ms,
      [...ms].sort((a, b) => b - a),
      'slowest first',
    );
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

/** Issue 18 (items 1 and 3): what a board's CI expects of a linter, as markdownlint-cli2, remark-cli and Vale do it. */
describe('case-review-lint in a board’s CI: file selection, stdin, --quiet, --max-warnings, colour', function () {
  this.timeout(60000);
  const README_TEXT = '# my-tool\n\nA command line tool.\n\n## Installation\n\nnpm install my-tool\n\n## Usage\n\nRun it.\n';
  const runIn = (args: string[], cwd: string, extra: { input?: string; env?: NodeJS.ProcessEnv } = {}) => {
    const env = { ...process.env, ...extra.env };
    for (const key of ['NO_COLOR', 'FORCE_COLOR']) if (!extra.env || !(key in extra.env)) delete env[key];
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', input: extra.input, env });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const linted = (stdout: string) => (JSON.parse(stdout) as { file: string }[]).map((f) => f.file.replace(/\\/g, '/')).sort();
  let repo: string;

  before(() => {
    ensureBuilt();
    // A board's repository: drafts, an old folder, a README and rule notes that are not case reviews.
    repo = mkdtempSync(join(tmpdir(), 'crl-ci-'));
    mkdirSync(join(repo, 'drafts/old'), { recursive: true });
    mkdirSync(join(repo, 'notes'), { recursive: true });
    writeFileSync(join(repo, 'README.md'), README_TEXT);
    writeFileSync(join(repo, 'notes/meeting.md'), '# Panel meeting notes\n\nWe met on Tuesday.\n');
    writeFileSync(join(repo, 'drafts/imr.md'), COMPLETE_IMR);
    writeFileSync(
      join(repo, 'drafts/tor.md'),
      '---\nreport-type: overview\n---\n# Overview report\n\n## Terms of reference\n\nAll relevant agencies will contribute [insert date].\n',
    );
    writeFileSync(join(repo, 'drafts/old/2019.md'), COMPLETE_IMR);
  });

  it('lints only the files that look like case reviews in a folder, counts the others, and lints them all with --all', () => {
    const r = runIn(['--format', 'json', '.'], repo);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(linted(r.stdout), ['drafts/imr.md', 'drafts/old/2019.md', 'drafts/tor.md']);
    const text = runIn(['.'], repo);
    assert.match(text.stdout, /in 3 files; 2 files left out as not case reviews \(--all lints them\)\n$/);
    const all = runIn(['--format', 'json', '--all', '.'], repo);
    assert.deepEqual(linted(all.stdout), ['README.md', 'drafts/imr.md', 'drafts/old/2019.md', 'drafts/tor.md', 'notes/meeting.md']);
    // A file named on the command line is linted whatever it looks like.
    assert.deepEqual(linted(runIn(['--format', 'json', 'README.md'], repo).stdout), ['README.md']);
    // So is every file under a .casereviewrc, which says the folder holds case reviews.
    writeFileSync(join(repo, 'notes/.casereviewrc.json'), '{}');
    try {
      assert.deepEqual(linted(runIn(['--format', 'json', 'notes'], repo).stdout), ['notes/meeting.md']);
    } finally {
      rmSync(join(repo, 'notes/.casereviewrc.json'));
    }
  });

  it('leaves out what .casereviewignore (gitignore syntax) and !globs name, and counts them', () => {
    writeFileSync(join(repo, '.casereviewignore'), '# archived\ndrafts/old/\n');
    try {
      const r = runIn(['--format', 'json', 'drafts'], repo);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(linted(r.stdout), ['drafts/imr.md', 'drafts/tor.md']);
      assert.match(runIn(['drafts'], repo).stdout, /in 2 files; 1 file ignored\n$/);
      const negated = runIn(['--format', 'json', 'drafts/**/*.md', '!drafts/tor.md'], repo);
      assert.equal(negated.code, 0, negated.stderr);
      assert.deepEqual(linted(negated.stdout), ['drafts/imr.md']);
      const folder = runIn(['--format', 'json', '.', '!drafts'], repo);
      assert.deepEqual(linted(folder.stdout), []);
      // A file named on the command line is linted even when the ignore file names it.
      assert.deepEqual(linted(runIn(['--format', 'json', 'drafts/old/2019.md'], repo).stdout), ['drafts/old/2019.md']);
    } finally {
      writeFileSync(join(repo, '.casereviewignore'), '');
    }
  });

  it('reads standard input with “-”, finding the config and report type from --stdin-filename', () => {
    mkdirSync(join(repo, 'imrs'), { recursive: true });
    writeFileSync(join(repo, 'imrs/.casereviewrc.json'), JSON.stringify({ reportType: 'imr', rules: { 'template-placeholder': 'off' } }));
    const input = '# Review\n\n## Terms of reference\n\nAll relevant agencies will contribute [insert date].\n';
    const named = runIn(['--format', 'json', '-', '--stdin-filename', 'imrs/draft.md'], repo, { input });
    assert.equal(named.code, 0, named.stderr);
    const [result] = JSON.parse(named.stdout) as { file: string; reportType: string; messages: { ruleId: string }[] }[];
    assert.equal(result!.file, 'imrs/draft.md');
    assert.equal(result!.reportType, 'imr', 'the config beside the named file applies');
    assert.ok(!result!.messages.some((m) => m.ruleId === 'template-placeholder'), 'its rule settings apply');
    const bare = runIn(['--format', 'json', '-'], repo, { input });
    assert.equal(bare.code, 0, bare.stderr);
    const [plain] = JSON.parse(bare.stdout) as { file: string; reportType: string; messages: { ruleId: string }[] }[];
    assert.equal(plain!.file, '<stdin>');
    assert.ok(plain!.messages.some((m) => m.ruleId === 'template-placeholder'));
    assert.equal(runIn(['--fix', '-'], repo, { input }).code, 2, '--fix cannot write back to standard input');
    assert.equal(runIn(['--stdin-filename', 'a.md', 'drafts/imr.md'], repo).code, 2, '--stdin-filename without “-”');
  });

  it('prints only errors with --quiet', () => {
    const loud = runIn(['drafts/tor.md'], repo);
    assert.match(loud.stdout, /warning/);
    const quiet = runIn(['--quiet', 'drafts/tor.md'], repo);
    assert.equal(quiet.code, 0, quiet.stderr);
    assert.doesNotMatch(quiet.stdout, /\swarning\s|\sinfo\s/);
    const json = runIn(['--quiet', '--format', 'json', 'drafts/tor.md'], repo);
    for (const file of JSON.parse(json.stdout) as { messages: { severity: string }[] }[])
      for (const m of file.messages) assert.equal(m.severity, 'error');
    writeFileSync(join(repo, 'drafts/.casereviewrc.json'), JSON.stringify({ rules: { 'template-placeholder': 'error' } }));
    try {
      const errors = runIn(['--quiet', 'drafts/tor.md'], repo);
      assert.equal(errors.code, 1);
      assert.match(errors.stdout, /error\s+The placeholder/);
      assert.doesNotMatch(errors.stdout, /\swarning\s/);
    } finally {
      writeFileSync(join(repo, 'drafts/.casereviewrc.json'), '{}');
    }
  });

  it('exits 1 with more warnings than --max-warnings, and 2 for a bad number', () => {
    const json = runIn(['--format', 'json', 'drafts/tor.md'], repo);
    const warnings = (JSON.parse(json.stdout) as { messages: { severity: string }[] }[])[0]!.messages.filter(
      (m) => m.severity === 'warning',
    ).length;
    assert.ok(warnings > 0);
    const over = runIn(['--max-warnings', String(warnings - 1), 'drafts/tor.md'], repo);
    assert.equal(over.code, 1);
    assert.match(over.stderr, new RegExp(`${warnings} warnings? found; --max-warnings allows ${warnings - 1}`));
    assert.match(over.stdout, /^✖ /m, 'the summary does not say all is well');
    assert.equal(runIn(['--max-warnings', String(warnings), 'drafts/tor.md'], repo).code, 0);
    // Counted before --quiet hides them, and said on standard error.
    assert.equal(runIn(['--quiet', '--max-warnings', '0', 'drafts/tor.md'], repo).code, 1);
    for (const bad of ['-1', 'many', '1.5']) assert.equal(runIn(['--max-warnings', bad, 'drafts/tor.md'], repo).code, 2, bad);
  });

  it('colours the text report on a terminal, honouring NO_COLOR, FORCE_COLOR, --color and --no-color', () => {
    const esc = new RegExp(String.fromCharCode(27) + String.raw`\[`);
    assert.doesNotMatch(runIn(['drafts/tor.md'], repo).stdout, esc, 'not a terminal: plain');
    assert.match(runIn(['drafts/tor.md'], repo, { env: { FORCE_COLOR: '1' } }).stdout, esc);
    assert.doesNotMatch(runIn(['drafts/tor.md'], repo, { env: { FORCE_COLOR: '0' } }).stdout, esc);
    assert.doesNotMatch(runIn(['drafts/tor.md'], repo, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, esc);
    assert.match(runIn(['--color', 'drafts/tor.md'], repo, { env: { NO_COLOR: '1' } }).stdout, esc);
    assert.doesNotMatch(runIn(['--no-color', 'drafts/tor.md'], repo, { env: { FORCE_COLOR: '1' } }).stdout, esc);
    assert.doesNotMatch(runIn(['--format', 'json', 'drafts/tor.md'], repo, { env: { FORCE_COLOR: '1' } }).stdout, esc, 'never in JSON');
    // A real terminal (util-linux `script` gives the command a pseudo-terminal).
    const script = spawnSync('script', ['-qec', `"${process.execPath}" "${cli}" drafts/tor.md`, '/dev/null'], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '', FORCE_COLOR: undefined, TERM: 'xterm' },
    });
    if (script.status !== null && !script.error) {
      assert.match(script.stdout, esc, 'a terminal gets colour');
      const noColour = spawnSync('script', ['-qec', `"${process.execPath}" "${cli}" drafts/tor.md`, '/dev/null'], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', TERM: 'xterm' },
      });
      assert.doesNotMatch(noColour.stdout, esc, 'NO_COLOR on a terminal');
    }
  });

  it('never shows “✔” in the summary when the exit code is 2', () => {
    const sub = mkdtempSync(join(tmpdir(), 'crl-exit2-'));
    writeFileSync(join(sub, 'good.md'), COMPLETE_IMR);
    writeFileSync(join(sub, 'binary.md'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
    const r = runIn(['good.md', 'binary.md'], sub);
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.stdout, /✔/);
    assert.match(r.stdout, /^✖ 0 errors/m);
  });
});
