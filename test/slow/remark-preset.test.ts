/** remark-cli with `.remarkrc` → case-review-lint/remark-preset agrees with our CLI (issue 11). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Finding, findingKey, makeRemarkProject, OVERVIEW, SUMMARY } from '../support/remark-project.js';

const root = resolve(import.meta.dirname, '../..');

describe('remark preset', function () {
  this.timeout(180000);

  it('remark-cli and our CLI report the same findings on the example report', () => {
    if (!existsSync(join(root, 'dist/remark-preset.cjs'))) spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
    // A project that has installed case-review-lint, as a board's would.
    const project = mkdtempSync(join(tmpdir(), 'crl-remark-'));
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(root, join(project, 'node_modules', 'case-review-lint'));
    copyFileSync(join(root, 'examples/overview-report.md'), join(project, 'report.md'));
    writeFileSync(join(project, '.remarkrc.json'), JSON.stringify({ plugins: ['case-review-lint/remark-preset'] }));

    const remark = spawnSync(process.execPath, [join(root, 'node_modules/remark-cli/cli.js'), '--no-stdout', '--no-color', 'report.md'], {
      cwd: project,
      encoding: 'utf8',
    });
    const fromRemark = remark.stderr
      .split('\n')
      .map((line) => /^(\d+):(\d+)-(\d+):(\d+)\s+(error|warning|info)\s+.*?\s([a-z]+(?:-[a-z]+)*)\s+case-review-lint\s*$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => `${m[1]}:${m[2]}-${m[3]}:${m[4]} ${m[5]} ${m[6]}`)
      .sort();

    const ours = spawnSync(process.execPath, [join(root, 'dist/cli.cjs'), '--format', 'json', 'report.md'], {
      cwd: project,
      encoding: 'utf8',
    });
    const fromCli = (JSON.parse(ours.stdout)[0].messages as Finding[]).map(findingKey).sort();

    assert.ok(fromCli.length >= 5, `our CLI found ${fromCli.length} findings`);
    assert.deepEqual(fromRemark, fromCli, remark.stderr.slice(0, 2000));
  });

  it('remark-cli and our CLI agree on a folder with a sub-folder config and an executive summary with its overview', () => {
    if (!existsSync(join(root, 'dist/remark-preset.cjs'))) spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
    const project = makeRemarkProject();
    mkdirSync(join(project, 'node_modules'));
    symlinkSync(root, join(project, 'node_modules', 'case-review-lint'));
    writeFileSync(join(project, '.remarkrc.json'), JSON.stringify({ plugins: ['case-review-lint/remark-preset'] }));

    const remark = spawnSync(process.execPath, [join(root, 'node_modules/remark-cli/cli.js'), '--no-stdout', '--no-color', '.'], {
      cwd: project,
      encoding: 'utf8',
    });
    // remark-cli's report: a file's path on a line of its own, then its findings.
    const fromRemark = new Map<string, string[]>();
    let current: string[] | undefined;
    for (const line of remark.stderr.split('\n')) {
      if (/^\S+\.md$/.test(line.trim()) && !/^\d/.test(line)) fromRemark.set(line.trim(), (current = []));
      const m = /^(\d+):(\d+)-(\d+):(\d+)\s+(error|warning|info)\s+.*?\s([a-z]+(?:-[a-z]+)*)\s+case-review-lint\s*$/.exec(line);
      if (m && current)
        current.push(findingKey({ line: +m[1]!, column: +m[2]!, endLine: +m[3]!, endColumn: +m[4]!, severity: m[5]!, ruleId: m[6]! }));
    }

    const ours = spawnSync(process.execPath, [join(root, 'dist/cli.cjs'), '--format', 'json', '.'], { cwd: project, encoding: 'utf8' });
    const fromCli = new Map(
      (JSON.parse(ours.stdout) as { file: string; messages: Parameters<typeof findingKey>[0][] }[]).map((r) => [
        r.file,
        r.messages.map(findingKey).sort(),
      ]),
    );

    assert.deepEqual([...fromCli.keys()].sort(), [OVERVIEW, SUMMARY]);
    for (const path of [OVERVIEW, SUMMARY])
      assert.deepEqual((fromRemark.get(path) ?? []).sort(), fromCli.get(path), `${path}\n${remark.stderr.slice(0, 3000)}`);
    const summary = fromCli.get(SUMMARY)!;
    assert.equal(summary.filter((f) => f.endsWith(' summary-consistency')).length, 6, 'the summary is compared with its overview');
    assert.ok(!summary.some((f) => f.endsWith(' was-not-brought')), 'the sub-folder config turns was-not-brought off');
  });
});
