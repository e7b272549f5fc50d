/**
 * Third-party notices made at build time (issue 18): every package esbuild put into a shipped
 * bundle has its entry in dist/THIRD-PARTY-NOTICES.md with its licence text, and the .vsix and
 * the npm package ship the file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error -- a build script in plain JavaScript (esbuild.js runs it), without type declarations
import { bundledPackageFolders, packageFolderOf, readPackage } from '../../scripts/third-party-notices.mjs';
import { root } from '../support/cli.js';

const NOTICES = join(root, 'dist/THIRD-PARTY-NOTICES.md');
const PACKAGES = join(root, 'out/bundle-packages.json');

interface PackageInfo {
  name: string;
  version: string;
  files: { name: string; text: string }[];
}

describe('third-party notices', function () {
  this.timeout(120000);

  before(() => {
    if (!existsSync(NOTICES) || !existsSync(PACKAGES)) spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
  });

  it('finds the package of each bundled file from the metafile, nested and scoped packages too', () => {
    assert.equal(packageFolderOf('node_modules/unified/lib/index.js'), 'node_modules/unified');
    assert.equal(packageFolderOf('node_modules/@scope/pkg/dist/a.js'), 'node_modules/@scope/pkg');
    assert.equal(packageFolderOf('node_modules/docx/node_modules/nanoid/index.js'), 'node_modules/docx/node_modules/nanoid');
    assert.equal(packageFolderOf('src/engine/lint.ts'), undefined);
    assert.equal(packageFolderOf('lazy-compromise:compromise'), undefined);
    const metafile = {
      inputs: {},
      outputs: {
        'dist/a.cjs': {
          bytes: 1,
          inputs: {
            'src/a.ts': { bytesInOutput: 1 },
            'node_modules/yaml/dist/index.js': { bytesInOutput: 1 },
            'node_modules/yaml/dist/doc.js': { bytesInOutput: 1 },
          },
        },
      },
    };
    assert.deepEqual(bundledPackageFolders(metafile, 'dist/a.cjs'), ['node_modules/yaml']);
  });

  it('has an entry with the licence text for every package in every shipped bundle', () => {
    const notices = readFileSync(NOTICES, 'utf8');
    const bundles = JSON.parse(readFileSync(PACKAGES, 'utf8')) as Record<string, string[]>;
    // Every bundle in dist/ is listed, the extension's, the web extension's and the command line's among them.
    const shipped = readdirSync(join(root, 'dist'))
      .filter((f) => /\.c?js$/.test(f))
      .map((f) => `dist/${f}`)
      .sort();
    assert.deepEqual(Object.keys(bundles).sort(), shipped);
    for (const bundle of [
      'dist/extension.cjs',
      'dist/browser.js',
      'dist/cli.cjs',
      'dist/lint-worker.cjs',
      'dist/engine.cjs',
      'dist/remark-preset.cjs',
    ])
      assert.ok(bundle in bundles, bundle);
    assert.ok(bundles['dist/cli.cjs']!.includes('node_modules/picocolors'), 'the CLI bundles picocolors');
    let checked = 0;
    for (const [bundle, folders] of Object.entries(bundles)) {
      assert.ok(notices.includes(`| \`${bundle}\` | ${folders.length} |`), `${bundle} in the table`);
      for (const folder of folders) {
        const pkg = readPackage(folder, root) as PackageInfo;
        const heading = `\n## ${pkg.name} ${pkg.version}\n`;
        const at = notices.indexOf(heading);
        assert.ok(at >= 0, `no entry for ${pkg.name} ${pkg.version} (${bundle})`);
        const next = notices.indexOf('\n## ', at + heading.length);
        const entry = notices.slice(at, next < 0 ? undefined : next);
        assert.ok(pkg.files.length > 0, `${pkg.name} ships no licence file: add its notice by hand`);
        for (const file of pkg.files) assert.ok(entry.includes(file.text), `${pkg.name}: ${file.name} is not in its entry`);
        assert.ok(
          entry.split('\n').some((line) => line.startsWith('In: ') && line.includes(`\`${bundle}\``)),
          `${pkg.name}'s entry names ${bundle}`,
        );
        checked++;
      }
    }
    assert.ok(checked > 50, `${checked} package entries checked`);
    // The word lists' SCOWL copyright, which the hand-written notices used to carry.
    assert.match(notices, /Copyright 2000-2016 by Kevin Atkinson/);
  });

  it('ships the notices in the .vsix and the npm package', () => {
    const vscodeignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(vscodeignore.includes('!dist/THIRD-PARTY-NOTICES.md'), '.vscodeignore lets the notices in');
    const npmignore = readFileSync(join(root, '.npmignore'), 'utf8').split('\n');
    assert.ok(npmignore.includes('!/dist/THIRD-PARTY-NOTICES.md'), '.npmignore lets the notices in');
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    assert.equal(packed.status, 0, packed.stderr);
    const files = (JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    assert.ok(files.includes('dist/THIRD-PARTY-NOTICES.md'), files.join(', '));
    assert.ok(!files.some((f) => f.endsWith('.map') || f.endsWith('.LEGAL.txt')), 'no source maps or stray licence comment files');
  });
});
