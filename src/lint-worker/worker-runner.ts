/**
 * Runs lint jobs in a worker thread, one at a time, newest first per document:
 *
 * - a job for a document replaces that document's job still waiting to be sent
 *   (the replaced one resolves to `undefined`: cancelled, never linted);
 * - a job already running finishes (JavaScript cannot be interrupted midway),
 *   and the editor's stale guard drops its result if the document moved on;
 * - if the worker cannot start, crashes or rejects a job, the job is linted in
 *   process instead and the failure is reported through `onProblem`; after
 *   three crashes the runner stays in process.
 *
 * Node-only (worker_threads); the browser build lints in process.
 */
import { Worker } from 'node:worker_threads';
import type { LintJob, LintOutcome, WorkerReply, WorkerRequest } from './protocol.js';
import { InProcessLintRunner, type LintRunner } from './runner.js';

interface Pending {
  id: number;
  key: string;
  job: LintJob;
  resolve(outcome: LintOutcome | undefined): void;
  reject(error: unknown): void;
}

export interface WorkerRunnerOptions {
  /** The worker script (dist/lint-worker.cjs). */
  script: string | URL;
  /** Extra `execArgv` for the worker (tests run the TypeScript source through tsx). */
  execArgv?: string[];
  onProblem?: (message: string) => void;
}

const MAX_CRASHES = 3;

export class WorkerLintRunner implements LintRunner {
  private worker: Worker | undefined;
  private crashes = 0;
  private nextId = 1;
  private running: Pending | undefined;
  /** Waiting jobs, at most one per document, in arrival order. */
  private readonly waiting = new Map<string, Pending>();
  private readonly fallback = new InProcessLintRunner();
  private disposed = false;

  constructor(private readonly options: WorkerRunnerOptions) {}

  /** Lints completed in the worker thread (not in process). */
  completedInWorker = 0;

  /** Is a worker thread in use (false after repeated crashes)? */
  get usesWorker(): boolean {
    return this.crashes < MAX_CRASHES;
  }

  lint(key: string, job: LintJob): Promise<LintOutcome | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    if (!this.usesWorker) return this.fallback.lint(key, job);
    return new Promise((resolve, reject) => {
      const replaced = this.waiting.get(key);
      if (replaced) {
        this.waiting.delete(key);
        replaced.resolve(undefined);
      }
      this.waiting.set(key, { id: this.nextId++, key, job, resolve, reject });
      this.pump();
    });
  }

  forget(key: string): void {
    const waiting = this.waiting.get(key);
    if (waiting) {
      this.waiting.delete(key);
      waiting.resolve(undefined);
    }
    this.fallback.forget(key);
    this.post({ type: 'forget', key });
  }

  dispose(): void {
    this.disposed = true;
    for (const pending of this.waiting.values()) pending.resolve(undefined);
    this.waiting.clear();
    this.running?.resolve(undefined);
    this.running = undefined;
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const next = this.waiting.values().next();
    if (next.done) return;
    const pending = next.value;
    this.waiting.delete(pending.key);
    if (!this.usesWorker) {
      this.fallback.lint(pending.key, pending.job).then(pending.resolve, pending.reject);
      return;
    }
    this.running = pending;
    const sent = this.post({ type: 'lint', id: pending.id, key: pending.key, job: pending.job });
    if (!sent) {
      this.running = undefined;
      this.lintInProcess(pending);
      this.pump();
    }
  }

  private lintInProcess(pending: Pending): void {
    this.fallback.lint(pending.key, pending.job).then(pending.resolve, pending.reject);
  }

  /** Send a request, starting the worker if needed; false when that failed. */
  private post(request: WorkerRequest): boolean {
    if (!this.usesWorker) return false;
    try {
      this.ensureWorker().postMessage(request);
      return true;
    } catch (error) {
      this.problem(`lint worker: could not send a job (${error instanceof Error ? error.message : String(error)}); linting in process`);
      return false;
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.script, { execArgv: this.options.execArgv });
    worker.on('message', (reply: WorkerReply) => this.onReply(reply));
    worker.on('error', (error) => this.onCrash(worker, `lint worker failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => this.onCrash(worker, `lint worker exited (code ${code})`));
    this.worker = worker;
    return worker;
  }

  private onReply(reply: WorkerReply): void {
    const pending = this.running;
    if (!pending || pending.id !== reply.id) return;
    this.running = undefined;
    if (reply.type === 'result') {
      this.completedInWorker++;
      pending.resolve(reply.outcome);
    }
    else {
      this.problem(`lint worker: ${reply.error}; linting in process`);
      this.lintInProcess(pending);
    }
    this.pump();
  }

  private onCrash(worker: Worker, message: string): void {
    if (this.worker !== worker || this.disposed) return;
    this.worker = undefined;
    this.crashes++;
    this.problem(this.usesWorker ? message : `${message}; from now on linting in process`);
    const pending = this.running;
    this.running = undefined;
    if (pending) this.lintInProcess(pending);
    this.pump();
  }

  private problem(message: string): void {
    this.options.onProblem?.(message);
  }
}
