/**
 * Runs lint jobs in a worker thread, one at a time, newest first per document:
 *
 * - a job for a document replaces that document's job still waiting to be sent
 *   (the replaced one resolves to `undefined`: cancelled, never linted);
 * - a job already running finishes (JavaScript cannot be interrupted midway),
 *   and the editor's stale guard drops its result if the document moved on;
 * - if the worker cannot start, crashes or rejects a job, the job is linted in
 *   process instead and the failure is reported through `onProblem`; after
 *   three crashes the runner stays in process;
 * - the worker may be one started before the runner (`prestarted`: the desktop
 *   extension starts it as its bundle loads), else it is started by the first
 *   job or by `start()`, which also has it warm up;
 * - while the worker's first lint runs, `onPartial` gets the findings of its
 *   quick first pass (quick-pass.ts), or of the quick pass of a speculation
 *   that was this very job (worker-loop.ts).
 *
 * Node-only (worker_threads); the browser build lints in process.
 */
import { Worker } from 'node:worker_threads';
import type { PrestartedWorker, WorkerListeners } from './prestarted-worker.js';
import { jobFingerprint, type LintJob, type LintOutcome, type WorkerReply, type WorkerRequest } from './protocol.js';
import { InProcessLintRunner, type LintRunner } from './runner.js';

interface Pending {
  id: number;
  key: string;
  job: LintJob;
  onPartial?: (outcome: LintOutcome) => void;
  resolve(outcome: LintOutcome | undefined): void;
  reject(error: unknown): void;
}

export interface WorkerRunnerOptions {
  /** The worker script (dist/lint-worker.cjs). */
  script: string | URL;
  /** Extra `execArgv` for the worker (tests run the TypeScript source through tsx). */
  execArgv?: string[];
  onProblem?: (message: string) => void;
  /** A worker already started (and warming up) for this runner: used instead of starting one, the first time. */
  prestarted?: PrestartedWorker;
  /** Where the worker's start-up goes: when it is started, ready for jobs and warmed up, and how long the warm-up took. */
  timeline?: {
    mark(step: 'worker-start' | 'worker-ready' | 'speculation-quick-pass' | 'worker-warmed', at?: number): void;
    took(what: 'warm-up-or-speculation', ms: number): void;
    note(what: 'prestarted-worker-used', value: boolean): void;
  };
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
  /** Quick passes of the worker's speculations, by document, until that document's first job. */
  private readonly speculationPartials = new Map<string, { fingerprint: string; outcome: LintOutcome }>();
  private disposed = false;

  constructor(private readonly options: WorkerRunnerOptions) {}

  /** Lints completed in the worker thread (not in process). */
  completedInWorker = 0;

  /** Is a worker thread in use (false after repeated crashes)? */
  get usesWorker(): boolean {
    return this.crashes < MAX_CRASHES;
  }

  /**
   * Start the worker thread now, before the first job, and have it warm up (warm-up.ts): it then
   * loads its bundle and compiles the lint while the editor is still busy with other things.
   */
  start(): void {
    if (this.disposed || !this.usesWorker || this.worker) return;
    try {
      this.ensureWorker(true);
    } catch (error) {
      this.problem(`lint worker: could not start (${error instanceof Error ? error.message : String(error)}); linting in process`);
    }
  }

  lint(key: string, job: LintJob, onPartial?: (outcome: LintOutcome) => void): Promise<LintOutcome | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    const speculated = this.speculationPartials.get(key);
    this.speculationPartials.delete(key);
    // The worker's speculation was this job: its quick pass is this job's (its whole lint answers the job, worker-loop.ts).
    if (speculated && onPartial && speculated.fingerprint === jobFingerprint(job)) queueMicrotask(() => onPartial(speculated.outcome));
    if (!this.usesWorker) return this.fallback.lint(key, job);
    return new Promise((resolve, reject) => {
      const replaced = this.waiting.get(key);
      if (replaced) {
        this.waiting.delete(key);
        replaced.resolve(undefined);
      }
      this.waiting.set(key, { id: this.nextId++, key, job, onPartial, resolve, reject });
      this.pump();
    });
  }

  forget(key: string): void {
    this.speculationPartials.delete(key);
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

  /** The worker: the prestarted one the first time (if any), else a new one, asked to warm up with `warmUp`. */
  private ensureWorker(warmUp = false): Worker {
    if (this.worker) return this.worker;
    // A prestarted worker was asked to warm up when it started. (It may have failed before it was taken: then start another.)
    const prestarted = this.options.prestarted?.take((worker) => this.adopt(worker));
    this.options.timeline?.note('prestarted-worker-used', prestarted !== undefined && this.worker === prestarted);
    if (prestarted && this.worker === prestarted) return prestarted;
    if (!this.usesWorker) throw new Error('the lint worker failed too often');
    this.options.timeline?.mark('worker-start');
    const worker = new Worker(this.options.script, { execArgv: this.options.execArgv });
    const listeners = this.adopt(worker);
    worker.on('message', listeners.message);
    worker.on('error', listeners.error);
    worker.on('exit', listeners.exit);
    if (warmUp) worker.postMessage({ type: 'warm-up' } satisfies WorkerRequest);
    return worker;
  }

  /** Make `worker` this runner's worker; returns the listeners to attach to it. */
  private adopt(worker: Worker): WorkerListeners {
    this.worker = worker;
    return {
      message: (reply, arrived) => this.onReply(reply as WorkerReply, arrived),
      error: (error) => this.onCrash(worker, `lint worker failed: ${error.stack ?? error.message}`),
      exit: (code) => this.onCrash(worker, `lint worker exited (code ${code})`),
    };
  }

  /** `arrived`: when a reply kept by the prestarted worker came (the timeline's times are the replies' own). */
  private onReply(reply: WorkerReply, arrived?: number): void {
    if (reply.type === 'ready') {
      this.options.timeline?.mark('worker-ready', arrived);
      return;
    }
    if (reply.type === 'speculation-partial') {
      this.options.timeline?.mark('speculation-quick-pass', arrived);
      // For the document's job if it is already asked for (sent or waiting), else kept for it.
      const asked = [this.running, this.waiting.get(reply.key)].find(
        (p) => p?.key === reply.key && jobFingerprint(p.job) === reply.fingerprint,
      );
      if (asked) asked.onPartial?.(reply.outcome);
      else this.speculationPartials.set(reply.key, { fingerprint: reply.fingerprint, outcome: reply.outcome });
      return;
    }
    if (reply.type === 'warmed') {
      this.options.timeline?.mark('worker-warmed', arrived);
      this.options.timeline?.took('warm-up-or-speculation', reply.ms);
      return;
    }
    const pending = this.running;
    if (!pending || pending.id !== reply.id) return;
    if (reply.type === 'partial') {
      pending.onPartial?.(reply.outcome);
      return;
    }
    this.running = undefined;
    if (reply.type === 'result') {
      this.completedInWorker++;
      pending.resolve(reply.outcome);
    } else {
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
