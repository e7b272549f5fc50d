// Bundles every front end with esbuild: no node_modules are needed at run time.
//   node esbuild.js            build once
//   node esbuild.js --watch    rebuild on change
import * as esbuild from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { noNodeBuiltins } from './scripts/no-node-builtins.mjs';

const watch = process.argv.includes('--watch');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  // ESM dependencies read import.meta.url, which CommonJS bundles lack: derive it from __filename.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const builds = [
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.cjs', banner: { js: `#!/usr/bin/env node\n${common.banner.js}` } },
  { ...common, entryPoints: ['src/engine/index.ts'], outfile: 'dist/engine.cjs' },
  // remark-cli loads plugins with `import()`: the CommonJS bundle must export the plugin function itself.
  {
    ...common,
    entryPoints: ['src/remark-preset.ts'],
    outfile: 'dist/remark-preset.cjs',
    footer: { js: 'module.exports = Object.assign(module.exports.default, module.exports);' },
  },
];

if (existsSync('src/extension/extension.ts')) {
  builds.push({ ...common, entryPoints: ['src/extension/desktop.ts'], outfile: 'dist/extension.cjs', external: ['vscode'] });
  // The extension's lint worker thread (src/lint-worker/worker-runner.ts starts it).
  builds.push({ ...common, entryPoints: ['src/lint-worker/worker.ts'], outfile: 'dist/lint-worker.cjs' });
}
if (existsSync('src/extension/browser.ts')) {
  builds.push({
    ...common,
    platform: 'browser',
    // Web extensions run in a web worker: no DOM. Packages' `worker` builds come before their `browser`
    // (DOM) builds; decode-named-character-reference's browser build calls document.createElement.
    conditions: ['worker'],
    // Fails the build on any import of a Node built-in (see scripts/no-node-builtins.mjs).
    plugins: [noNodeBuiltins],
    format: 'cjs',
    define: {},
    banner: {},
    target: 'es2022',
    entryPoints: ['src/extension/browser.ts'],
    // VS Code's web extension host appends .js to an entry point that lacks it: dist/browser.cjs would be fetched as browser.cjs.js.
    outfile: 'dist/browser.js',
    external: ['vscode'],
  });
}
// The web extension's test suite (run.mjs --web): a browser bundle with Mocha's browser build, named
// index.cjs.js for VS Code's web worker extension host (see webTestsPath in scripts/vscode-test/run.mjs).
if (existsSync('test/vscode-web/index.ts')) {
  builds.push({
    ...common,
    platform: 'browser',
    conditions: ['worker'],
    plugins: [noNodeBuiltins],
    define: {},
    banner: {},
    target: 'es2022',
    entryPoints: ['test/vscode-web/index.ts'],
    outfile: 'out/vscode-test-web/index.cjs.js',
    external: ['vscode'],
  });
}
// The extension-host test suite: an index plus one bundle per *.test.ts, loaded by mocha inside VS Code.
if (existsSync('test/vscode/index.ts')) {
  const suites = readdirSync('test/vscode').filter((f) => f.endsWith('.test.ts')).map((f) => `test/vscode/${f}`);
  builds.push({
    ...common,
    entryPoints: ['test/vscode/index.ts', ...suites],
    outdir: 'out/vscode-test',
    outExtension: { '.js': '.cjs' },
    external: ['vscode', 'mocha'],
  });
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
