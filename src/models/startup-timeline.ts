/**
 * When the extension's start-up steps happened, on the extension host's
 * `performance.now()` clock (the clock the editor tests read too): bundle
 * evaluated, activate() entered and returned, lint worker started, and the
 * steps of the first lint. Each step keeps its first time only. The editor test
 * test/vscode/first-lint.test.ts reads them through the extension's API to
 * write down where the time to the first diagnostics goes
 * (docs/editor-performance.md). No VS Code or Node imports: the web build has it too.
 */

/** The steps, in the order they normally happen. */
export type StartupStep =
  /** The extension's bundle began to evaluate (after the host read and compiled it). */
  | 'bundle-evaluating'
  /** The bundle is evaluated (then VS Code makes the extension's context and calls activate()). */
  | 'bundle-evaluated'
  | 'activate-start'
  | 'activate-end'
  /** `new Worker(dist/lint-worker.cjs)` called. */
  | 'worker-start'
  /** The worker thread evaluated its bundle and is ready for jobs. */
  | 'worker-ready'
  /** The quick pass of the worker's speculation came (src/lint-worker/quick-pass.ts, worker-loop.ts). */
  | 'speculation-quick-pass'
  /** The worker linted its warm-up sample (src/lint-worker/warm-up.ts), or its speculation whole. */
  | 'worker-warmed'
  /** The first lint of a document was asked for. */
  | 'first-lint-requested'
  /** Settings, config file and referenced documents read for it. */
  | 'first-lint-prepared'
  /** Decided that it is a case review; the job goes to the runner. */
  | 'first-lint-sent'
  /** The runner gave back the first findings. */
  | 'first-lint-result'
  /** The first diagnostics were published (a quick pass's, quick-pass.ts, or the whole lint's). */
  | 'first-diagnostics'
  /** The first whole lint's diagnostics were published. */
  | 'first-complete-diagnostics'
  /** The first checklist and child-focus summaries arrived. */
  | 'first-summaries';

const now = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());

export class StartupTimeline {
  private readonly times = new Map<StartupStep, number>();
  /** Durations measured elsewhere (inside the worker thread), in ms. */
  private readonly durations = new Map<string, number>();
  /** How the start went (was the first lint's outcome the worker's speculation?). */
  private readonly facts = new Map<string, boolean>();

  /** Record a step (only its first time counts). */
  mark(step: StartupStep, at = now()): void {
    if (!this.times.has(step)) this.times.set(step, at);
  }

  has(step: StartupStep): boolean {
    return this.times.has(step);
  }

  /** Record a duration measured elsewhere (only its first value counts). */
  took(what: string, ms: number): void {
    if (!this.durations.has(what)) this.durations.set(what, ms);
  }

  /** Record a fact (only its first value counts). */
  note(what: string, value: boolean): void {
    if (!this.facts.has(what)) this.facts.set(what, value);
  }

  /** The steps, durations and facts so far, as plain data (ms, rounded to 0.1). */
  snapshot(): { steps: Partial<Record<StartupStep, number>>; durations: Record<string, number>; facts: Record<string, boolean> } {
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      steps: Object.fromEntries([...this.times].map(([step, at]) => [step, round(at)])),
      durations: Object.fromEntries([...this.durations].map(([what, ms]) => [what, round(ms)])),
      facts: Object.fromEntries(this.facts),
    };
  }
}

/** The extension host's one timeline (the bundle holds one extension). */
export const startupTimeline = new StartupTimeline();
startupTimeline.mark('bundle-evaluating');
