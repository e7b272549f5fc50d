/**
 * How the editor runs lint jobs: `LintRunner`. `InProcessLintRunner` lints on the
 * calling thread (the browser build, tests, and the fallback when the worker
 * thread cannot run); `WorkerLintRunner` (worker-runner.ts, Node only) lints in a
 * worker thread.
 */
import { DocumentLinter } from './document-linter.js';
import type { LintJob, LintOutcome } from './protocol.js';
export interface LintRunner {
  /**
   * Lint a document's text; undefined when a newer job for the same document replaced this one first.
   * `onPartial` may get findings of a quick first pass before (quick-pass.ts; the worker thread's first lint only).
   */
  lint(key: string, job: LintJob, onPartial?: (outcome: LintOutcome) => void): Promise<LintOutcome | undefined>;
  /** The document closed: cancel its waiting job and drop its cached parse. */
  forget(key: string): void;
  dispose(): void;
}

/** Lints on the calling thread (browser, tests, fallback). */
export class InProcessLintRunner implements LintRunner {
  private readonly linter = new DocumentLinter();

  lint(key: string, job: LintJob): Promise<LintOutcome | undefined> {
    try {
      return Promise.resolve(this.linter.lint(key, job));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  forget(key: string): void {
    this.linter.forget(key);
  }

  dispose(): void {}
}
