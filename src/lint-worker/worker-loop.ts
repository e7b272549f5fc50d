/**
 * What the lint worker thread does with each request (worker.ts wires it to the
 * thread's port; tests drive it directly). One request at a time, in order:
 *
 * - `lint`: the result, preceded by a `partial` (the quick pass, quick-pass.ts)
 *   while no whole lint has run in this thread yet;
 * - `speculate`: lints ahead the job the editor is expected to send
 *   (job-config.ts). While the thread is cold, its quick pass runs at once (its
 *   findings go to the editor as a `speculation-partial`, for that job) and its
 *   whole lint when the thread is next idle, or at once when the job comes;
 *   a job it was not made for drops it;
 * - `warm-up`: lints the sample report (warm-up.ts);
 * - `forget`: drops what is kept for a closed document.
 *
 * `warmed` says when a warm-up or a speculation is done, for the editor's start-up timeline.
 */
import { DocumentLinter } from './document-linter.js';
import { speculativeJob, type Speculation } from './job-config.js';
import { jobFingerprint, type LintJob, type WorkerReply, type WorkerRequest } from './protocol.js';
import { warmUp } from './warm-up.js';

const now = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** Run `task` when the thread is next idle; returns a function that cancels it. */
export type Later = (task: () => void) => () => void;

interface WaitingSpeculation {
  key: string;
  job: LintJob;
  fingerprint: string;
  started: number;
  cancel: () => void;
}

export class WorkerLoop {
  private readonly linter = new DocumentLinter();
  /** No whole lint has run in this thread yet (the next one gets a quick pass first). */
  private cold = true;
  private waiting: WaitingSpeculation | undefined;

  constructor(
    private readonly post: (reply: WorkerReply) => void,
    private readonly later: Later,
  ) {}

  handle(request: WorkerRequest): void {
    switch (request.type) {
      case 'forget':
        if (this.waiting?.key === request.key) this.dropSpeculation();
        this.linter.forget(request.key);
        return;
      case 'warm-up':
        this.post({ type: 'warmed', ms: warmUp(this.linter) });
        this.cold = false;
        return;
      case 'speculate':
        this.speculate(request.key, request.speculation);
        return;
      case 'lint':
        this.lint(request.id, request.key, request.job);
        return;
    }
  }

  private speculate(key: string, speculation: Speculation): void {
    const started = now();
    try {
      const job = speculativeJob(speculation);
      if (!this.cold) {
        this.linter.speculate(key, job);
        this.post({ type: 'warmed', ms: now() - started });
        return;
      }
      const fingerprint = jobFingerprint(job);
      this.post({ type: 'speculation-partial', key, fingerprint, outcome: this.linter.quickPass(key, job) });
      this.waiting = { key, job, fingerprint, started, cancel: this.later(() => this.finishSpeculation()) };
    } catch {
      // Only the speculation is lost: the editor's job is linted as usual.
      this.post({ type: 'warmed', ms: now() - started });
    }
  }

  /** The waiting speculation's whole lint, now (the thread is idle, or a job needs it). */
  private finishSpeculation(): void {
    const waiting = this.dropSpeculation();
    if (!waiting) return;
    try {
      this.linter.speculate(waiting.key, waiting.job);
      this.cold = false;
    } catch {
      // As above.
    }
    this.post({ type: 'warmed', ms: now() - waiting.started });
  }

  private dropSpeculation(): WaitingSpeculation | undefined {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.cancel();
    return waiting;
  }

  private lint(id: number, key: string, job: LintJob): void {
    try {
      const waiting = this.waiting;
      // The speculation's whole lint now, for its job (whose quick pass the editor has had); not for another.
      if (waiting && waiting.key === key && waiting.fingerprint === jobFingerprint(job)) this.finishSpeculation();
      else this.dropSpeculation();
      if (this.cold) this.post({ type: 'partial', id, outcome: this.linter.quickPass(key, job) });
      const outcome = this.linter.lint(key, job);
      this.cold = false;
      this.post({ type: 'result', id, outcome });
    } catch (error) {
      this.post({ type: 'error', id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
}
