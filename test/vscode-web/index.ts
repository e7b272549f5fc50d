// Entry point of the WEB editor test suite: VS Code loads this bundle
// (out/vscode-test-web/index.cjs.js, built for the browser) in its web worker
// extension host when run.mjs --web passes `extensionDevelopmentKind: web`,
// and calls the exported `run()`. There is no Node here (no fs, no process):
// Mocha's own browser build runs the suites, which are imported statically.
// Like test/vscode/index.ts it prints one line per test and then
//
//   CASE_REVIEW_VSCODE_TESTS_DONE {"passed":N,"failed":M,"pending":P}
//
// which run.mjs reads to decide its exit code.
// @ts-expect-error: Mocha's browser build (a UMD bundle) has no type declarations of its own
import mochaBrowser from 'mocha/mocha.js';
import { defineWebSuite } from './web.test.js';

const DONE_MARKER = 'CASE_REVIEW_VSCODE_TESTS_DONE';

interface BrowserMocha {
  setup(options: { ui: string; reporter: unknown; timeout: number; color: boolean; grep?: string }): void;
  run(done: (failures: number) => void): Mocha.Runner;
}

/** Mocha's browser default is its HTML reporter, which needs a DOM: this one prints nothing. */
class SilentReporter {
  constructor(_runner: Mocha.Runner) {}
}

export async function run(): Promise<void> {
  const mocha = mochaBrowser as BrowserMocha;
  mocha.setup({ ui: 'bdd', reporter: SilentReporter, timeout: 30000, color: false });
  defineWebSuite();
  console.log('[vscode-tests] running the web suite in the web worker extension host');
  const counts = { passed: 0, failed: 0, pending: 0 };
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    const title = (test: Mocha.Runnable) => test.titlePath().join(' > ');
    runner.on('pass', (test) => {
      counts.passed++;
      console.log(`  ✓ PASS ${title(test)} (${test.duration ?? 0}ms)`);
    });
    runner.on('pending', (test) => {
      counts.pending++;
      console.log(`  - PENDING ${title(test)}`);
    });
    runner.on('fail', (test, error: Error) => {
      counts.failed++;
      console.log(`  ✗ FAIL ${title(test)}\n${error?.stack ?? String(error)}`);
    });
  });
  console.log(`${DONE_MARKER} ${JSON.stringify(counts)}`);
}
