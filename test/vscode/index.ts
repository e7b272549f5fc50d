// Entry point of the editor test suite: VS Code loads this file (bundled to
// out/vscode-test/index.cjs) in the extension host because it is passed as
// `extensionTestsPath`, and calls the exported `run()`.
//
// It runs every bundled suite file `*.test.cjs` that sits next to it with Mocha
// (bdd: describe/it), prints one line per test result and finally the marker
//
//   CASE_REVIEW_VSCODE_TESTS_DONE {"passed":N,"failed":M,"pending":P}
//
// which scripts/vscode-test/run.mjs reads to decide its exit code. run()
// resolves even when tests fail (the marker carries the verdict) and rejects
// only when Mocha cannot load or start the suite.
//
// Only strings are logged: VS Code forwards the extension host's console to
// the workbench and drops calls whose first argument is not a string.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export const DONE_MARKER = 'CASE_REVIEW_VSCODE_TESTS_DONE';
/** Runs first (see first-lint.test.ts). */
const FIRST = 'first-lint.test.cjs';

interface Counts {
  passed: number;
  failed: number;
  pending: number;
}

/** Mocha's Base reporter only collects stats; it prints nothing itself. */
class SilentReporter extends Mocha.reporters.Base {}

/** "outer suite > inner suite > test" */
function fullTitle(runnable: Mocha.Runnable): string {
  return runnable.titlePath().join(' > ');
}

export async function run(): Promise<void> {
  // The bundle is CommonJS, so __dirname is the folder holding index.cjs and
  // the other bundled suite files.
  const testsRoot = __dirname;
  const files = fs
    .readdirSync(testsRoot)
    .filter((name) => name.endsWith('.test.cjs'))
    .sort()
    // The first lint is measured in a fresh window: its file runs before any other wakes the extension.
    .sort((a, b) => Number(b === FIRST) - Number(a === FIRST))
    .map((name) => path.join(testsRoot, name));
  if (files.length === 0) {
    throw new Error(`no *.test.cjs suite files found in ${testsRoot}`);
  }

  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    // Editor tests open documents and wait for diagnostics: be generous.
    timeout: Number(process.env.CASE_REVIEW_VSCODE_TEST_TIMEOUT_MS ?? 20000),
    // Optional filter, passed through by run.mjs --grep.
    grep: process.env.CASE_REVIEW_VSCODE_TEST_GREP || undefined,
    // Results are printed by the listeners below as one plain console.log
    // line each (no colours, no partial-line writes), so they reach the
    // workbench console intact; hence a reporter that prints nothing.
    reporter: SilentReporter,
  });
  for (const file of files) mocha.addFile(file);

  console.log(`[vscode-tests] running ${files.length} suite file(s): ${files.map((f) => path.basename(f)).join(', ')}`);

  const counts: Counts = { passed: 0, failed: 0, pending: 0 };
  await new Promise<void>((resolve, reject) => {
    let runner: Mocha.Runner;
    try {
      // mocha.run() require()s the suite files synchronously: a file that
      // throws while loading surfaces here and makes run() reject.
      runner = mocha.run(() => resolve());
    } catch (error) {
      reject(error);
      return;
    }
    runner.on('pass', (test) => {
      counts.passed++;
      console.log(`  ✓ PASS ${fullTitle(test)} (${test.duration ?? 0}ms)`);
    });
    runner.on('pending', (test) => {
      counts.pending++;
      console.log(`  - PENDING ${fullTitle(test)}`);
    });
    // Also fires for failing hooks (before/after…), which then count as failures.
    runner.on('fail', (test, error: Error) => {
      counts.failed++;
      console.log(`  ✗ FAIL ${fullTitle(test)}\n${error?.stack ?? String(error)}`);
    });
  });

  console.log(`${DONE_MARKER} ${JSON.stringify(counts)}`);
}
