/**
 * The npm package (issue 18, item 5): `npm pack` gives a small package without source maps,
 * src/ or tests, which installs offline into a scratch folder (everything is bundled, so it has
 * no dependencies) and whose `case-review-lint` lints the example report; the engine export
 * loads and its type declarations type-check in a consumer.
 */
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function sh(command: string, args: string[], options: SpawnSyncOptions) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  return { code: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
}

describe('npm package', function () {
  this.timeout(600000);
  let work: string;
  let tarball: string;
  let files: { path: string; size: number }[];

  before(() => {
    if (!existsSync(join(root, 'dist/cli.cjs')) || !existsSync(join(root, 'dist/engine.cjs'))) {
      assert.equal(sh(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' }).code, 0);
    }
    // The declarations are made as `npm pack` would make them (its prepack script), built here because
    // the pack below skips scripts so as not to rebuild bundles other tests are using.
    assert.equal(sh(process.execPath, ['scripts/build-types.mjs'], { cwd: root, stdio: 'inherit' }).code, 0);
    work = mkdtempSync(join(tmpdir(), 'crl-pack-'));
    const pack = sh(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: root });
    assert.equal(pack.code, 0, pack.stderr);
    const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string; size: number }[] }[];
    tarball = join(work, info!.filename);
    files = info!.files;
  });

  it('is under 3 MB, holds no source maps, sources or tests, and holds what it needs', () => {
    const size = statSync(tarball).size;
    assert.ok(size < 3 * 1024 * 1024, `the package is ${(size / 1024 / 1024).toFixed(2)} MB`);
    const paths = files.map((f) => f.path);
    assert.deepEqual(
      paths.filter((p) => p.endsWith('.map')),
      [],
      'no source maps',
    );
    assert.deepEqual(
      paths.filter((p) => /^(src|test|lint-rules|scripts|\.ci|\.study|out|node_modules)\//.test(p)),
      [],
      'no sources, tests or tooling',
    );
    for (const needed of [
      'package.json',
      'dist/cli.cjs',
      'dist/cli-worker.cjs',
      'dist/engine.cjs',
      'dist/remark-preset.cjs',
      'dist/types/src/index.d.ts',
      'dist/types/package.json',
      'docs/rules/was-not-brought.md',
      'schemas/casereviewrc.schema.json',
      'examples/overview-report.md',
      'LICENSE',
      'THIRD-PARTY-NOTICES.md',
      'dist/THIRD-PARTY-NOTICES.md',
      'README.md',
      'CHANGELOG.md',
    ]) {
      assert.ok(paths.includes(needed), `the package holds ${needed}`);
    }
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.notEqual(manifest.private, true, 'the package can be published');
    // vsce refuses a package.json "files" list beside a .vscodeignore; .npmignore says what npm ships.
    assert.equal(manifest.files, undefined);
    assert.ok(existsSync(join(root, '.vscodeignore')));
  });

  it('installs offline into a scratch folder and lints the example report with its case-review-lint', () => {
    const scratch = join(work, 'scratch');
    mkdirSync(scratch, { recursive: true });
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', version: '1.0.0', private: true }));
    const install = sh(npm, ['install', tarball, '--offline', '--no-audit', '--no-fund'], { cwd: scratch });
    assert.equal(install.code, 0, install.stderr);
    const installed = join(scratch, 'node_modules/case-review-lint');
    const example = join(installed, 'examples/overview-report.md');

    // Through npx, as the README says, and without the network.
    const version = sh(npx, ['--offline', 'case-review-lint', '--version'], { cwd: scratch });
    assert.equal(version.code, 0, version.stderr);
    assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version);

    const lint = sh(npx, ['--offline', 'case-review-lint', '--format', 'json', example], { cwd: scratch });
    assert.ok(lint.code === 0 || lint.code === 1, `exit ${lint.code}: ${lint.stderr}`);
    const out = JSON.parse(lint.stdout) as { reportType: string; messages: { ruleId: string; url: string }[] }[];
    assert.equal(out.length, 1);
    assert.equal(out[0]!.reportType, 'overview');
    assert.ok(out[0]!.messages.length > 0, 'the example has deliberate faults');
    for (const m of out[0]!.messages) {
      // Each message links to the rule doc inside the installed package.
      const doc = new URL(m.url);
      assert.ok(doc.pathname.includes('/node_modules/case-review-lint/docs/rules/'), m.url);
      assert.ok(existsSync(doc), `${m.url} exists`);
    }

    // Several files at a time on worker threads (--jobs), with the worker bundle from the package.
    const copy = join(scratch, 'copy-of-example.md');
    writeFileSync(copy, readFileSync(example, 'utf8'));
    const pooled = sh(npx, ['--offline', 'case-review-lint', '--format', 'json', '--jobs', '2', '--timings', example, copy], {
      cwd: scratch,
    });
    assert.ok(pooled.code === 0 || pooled.code === 1, `exit ${pooled.code}: ${pooled.stderr}`);
    assert.match(pooled.stderr, /^Timings for 2 files on 2 threads/);
    const [first, second] = JSON.parse(pooled.stdout) as { messages: unknown[] }[];
    assert.deepEqual(second!.messages.length, first!.messages.length);
    assert.deepEqual(first, out[0]);

    // The engine export and the remark preset load from the installed package.
    const engine = sh(
      process.execPath,
      [
        '-e',
        "const e = require('case-review-lint'); const r = e.lintText('# Overview report\\n', { filePath: 'a.md' }); console.log(r.reportType, e.rules.length)",
      ],
      { cwd: scratch },
    );
    assert.equal(engine.code, 0, engine.stderr);
    assert.match(engine.stdout, /^overview \d+$/m);
    const preset = sh(process.execPath, ['-e', "console.log(typeof require('case-review-lint/remark-preset').default)"], { cwd: scratch });
    assert.equal(preset.code, 0, preset.stderr);

    // The declarations type-check in a CommonJS and an ES module consumer (skipLibCheck, as most projects set:
    // the parts of the API that expose syntax trees refer to the types of unified, vfile and mdast).
    writeFileSync(
      join(scratch, 'consumer.cts'),
      "import { lintText, rules, type LintResult } from 'case-review-lint';\nconst r: LintResult = lintText('# x\\n', { filePath: 'a.md' });\nexport const n: number = r.messages.length + rules.length;\n",
    );
    writeFileSync(
      join(scratch, 'consumer.mts'),
      "import { lintText, type LintMessage } from 'case-review-lint';\nexport const m: LintMessage[] = lintText('# x\\n', { filePath: 'a.md' }).messages;\n",
    );
    const tsc = sh(
      process.execPath,
      [
        join(root, 'node_modules/typescript/bin/tsc'),
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--skipLibCheck',
        '--types',
        'node',
        '--typeRoots',
        join(root, 'node_modules/@types'),
        'consumer.cts',
        'consumer.mts',
      ],
      { cwd: scratch },
    );
    assert.equal(tsc.code, 0, tsc.stdout + tsc.stderr);
  });
});
