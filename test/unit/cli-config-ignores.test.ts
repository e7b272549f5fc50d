/** Issue 18: the `ignores` setting of a `.casereviewrc`, as markdownlint-cli2's `ignores`, run through the built CLI. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ensureBuilt } from '../support/cli.js';

const REPORT = '---\nreport-type: overview\n---\n# Overview report\n\n## Terms of reference\n\nAll relevant agencies will contribute.\n';

describe('the “ignores” setting of a .casereviewrc', function () {
  this.timeout(60000);
  let repo: string;
  const runIn = (args: string[], cwd: string) => {
    const env = { ...process.env };
    delete env['NO_COLOR'];
    delete env['FORCE_COLOR'];
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const linted = (stdout: string) => (JSON.parse(stdout) as { file: string }[]).map((f) => f.file.replace(/\\/g, '/')).sort();

  before(() => {
    ensureBuilt();
    repo = mkdtempSync(join(tmpdir(), 'crl-ignores-'));
    for (const folder of ['reviews/archive', 'reviews/2024', 'other']) mkdirSync(join(repo, folder), { recursive: true });
    for (const file of [
      'reviews/current.md',
      'reviews/archive/2019.md',
      'reviews/2024/draft.md',
      'reviews/2024/notes-panel.md',
      'reviews/2024/notes-keep.md',
      'other/archive.md',
    ]) {
      writeFileSync(join(repo, file), REPORT);
    }
    // Patterns relative to the config file's folder (reviews/), in .gitignore syntax, with a negation.
    writeFileSync(join(repo, 'reviews/.casereviewrc.json'), JSON.stringify({ ignores: ['archive/', '**/notes-*.md', '!notes-keep.md'] }));
  });

  after(() => rmSync(repo, { recursive: true, force: true }));

  it('leaves out, in folders and globs, the files the applying config’s “ignores” name, and counts them', () => {
    const folder = runIn(['--format', 'json', '.'], repo);
    assert.equal(folder.code, 0, folder.stderr);
    assert.deepEqual(linted(folder.stdout), [
      'other/archive.md',
      'reviews/2024/draft.md',
      'reviews/2024/notes-keep.md',
      'reviews/current.md',
    ]);
    assert.match(runIn(['.'], repo).stdout, /in 4 files; 2 files ignored\n$/);
    // The same from inside the folder, and through a glob.
    assert.deepEqual(linted(runIn(['--format', 'json', '.'], join(repo, 'reviews')).stdout), [
      '2024/draft.md',
      '2024/notes-keep.md',
      'current.md',
    ]);
    assert.deepEqual(linted(runIn(['--format', 'json', 'reviews/**/*.md'], repo).stdout), [
      'reviews/2024/draft.md',
      'reviews/2024/notes-keep.md',
      'reviews/current.md',
    ]);
  });

  it('lints a file named on the command line even when “ignores” names it', () => {
    const named = runIn(['--format', 'json', 'reviews/archive/2019.md'], repo);
    assert.equal(named.code, 0, named.stderr);
    assert.deepEqual(linted(named.stdout), ['reviews/archive/2019.md']);
  });

  it('takes the patterns from the --config file, relative to its folder, when one is given', () => {
    writeFileSync(join(repo, 'ci.casereviewrc.json'), JSON.stringify({ ignores: ['other/'] }));
    try {
      const r = runIn(['--format', 'json', '--config', 'ci.casereviewrc.json', '.'], repo);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(linted(r.stdout), [
        'reviews/2024/draft.md',
        'reviews/2024/notes-keep.md',
        'reviews/2024/notes-panel.md',
        'reviews/archive/2019.md',
        'reviews/current.md',
      ]);
    } finally {
      rmSync(join(repo, 'ci.casereviewrc.json'));
    }
  });

  it('reports an “ignores” that is not a list of patterns as a config error (exit 2)', () => {
    writeFileSync(join(repo, 'other/.casereviewrc.json'), JSON.stringify({ ignores: 'archive.md' }));
    try {
      const r = runIn(['--format', 'json', 'other'], repo);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /"ignores" must be a list of patterns in \.gitignore syntax/);
      assert.deepEqual(linted(r.stdout), ['other/archive.md'], 'linting carries on without the setting');
    } finally {
      rmSync(join(repo, 'other/.casereviewrc.json'));
    }
  });
});
