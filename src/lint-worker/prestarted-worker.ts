/**
 * A lint worker thread started before its runner exists: the desktop extension
 * starts it the moment its bundle begins to evaluate (see
 * src/extension/lint-worker-prestart.ts), so that the worker loads its own
 * bundle and warms up (warm-up.ts) while the extension host is still loading the
 * extension. What the worker says until its runner takes it over (ready,
 * warmed, an error, its exit) is kept and handed over with it.
 *
 * Imports nothing but Node's worker_threads (and types): whatever this module
 * imports is evaluated before it can start the worker.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerRequest } from './protocol.js';

/** The listeners a runner attaches to its worker; a kept message comes with the time it arrived (performance.now()). */
export interface WorkerListeners {
  message(message: unknown, arrived?: number): void;
  error(error: Error): void;
  exit(code: number): void;
}

type Kept = ['message', unknown, number] | ['error', Error] | ['exit', number];

const now = (): number => performance.now();

export class PrestartedWorker {
  private readonly worker: Worker | undefined;
  private readonly kept: Kept[] = [];
  private readonly keepers: WorkerListeners = {
    message: (message) => this.kept.push(['message', message, now()]),
    error: (error) => this.kept.push(['error', error]),
    exit: (code) => this.kept.push(['exit', code]),
  };
  private taken = false;
  /** Why the worker could not be started, if it could not. */
  readonly problem: string | undefined;

  /** Start the worker and send it its first request (a warm-up or a speculation). */
  constructor(script: string | URL, first: WorkerRequest) {
    try {
      const worker = new Worker(script);
      worker.on('message', this.keepers.message);
      worker.on('error', this.keepers.error);
      worker.on('exit', this.keepers.exit);
      this.worker = worker;
      worker.postMessage(first);
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  /**
   * Take the worker, once: `adopt` gets it and gives back its listeners; what the worker said
   * so far goes to them at once (in order), what it says from then on goes to them directly.
   * Undefined if the worker could not start or was already taken.
   */
  take(adopt: (worker: Worker) => WorkerListeners): Worker | undefined {
    if (this.taken || !this.worker) return undefined;
    this.taken = true;
    const worker = this.worker;
    const listeners = adopt(worker);
    worker.off('message', this.keepers.message);
    worker.off('error', this.keepers.error);
    worker.off('exit', this.keepers.exit);
    worker.on('message', listeners.message);
    worker.on('error', listeners.error);
    worker.on('exit', listeners.exit);
    for (const kept of this.kept.splice(0)) {
      if (kept[0] === 'message') listeners.message(kept[1], kept[2]);
      else if (kept[0] === 'error') listeners.error(kept[1]);
      else listeners.exit(kept[1]);
    }
    return worker;
  }
}
