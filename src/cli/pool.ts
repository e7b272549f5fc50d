/**
 * A pool of worker threads for the command line's `--jobs`: the workers start loading first, then
 * each takes one job at a time, the next taken from the caller's list only when a worker is free
 * (so a long job does not hold up others queued behind it).
 *
 * A job whose worker throws or dies (out of memory, say) is handed to `failed` and a new worker
 * takes the rest; a worker that cannot start at all rejects the pool with {@link PoolStartError},
 * and the caller does what is left in process.
 *
 * Node-only (worker_threads). The worker side is {@link serveJobs}.
 */
import { Worker, parentPort } from 'node:worker_threads';

interface Request<J> {
  id: number;
  job: J;
}

type Reply<O> = { id: number; outcome: O } | { id: number; error: string } | { ready: true };

/** No worker thread could be started (the worker script is missing or does not load). */
export class PoolStartError extends Error {
  override readonly name = 'PoolStartError';
}

export interface PoolOptions<J, O> {
  /** The worker script (a bundle that calls {@link serveJobs}). */
  script: string;
  /** How many workers at most. */
  size: number;
  /** The jobs, taken one at a time as workers become free; an exception here stops the pool and rejects it. */
  jobs: Iterator<J>;
  /** A job's outcome from its worker. */
  done(job: J, outcome: O): void;
  /** A job whose worker threw (the message) or stopped. */
  failed(job: J, reason: string): void;
}

/** Run every job on the pool's workers; resolves, when all are done and the workers are stopped, to how many workers did a job. */
export function runInWorkers<J, O>(options: PoolOptions<J, O>): Promise<number> {
  return new Promise((resolve, reject) => {
    const workers = new Set<Worker>();
    const running = new Map<Worker, Request<J>>();
    /** Workers that have loaded their script: a later failure is the job's, not the start's. */
    const started = new Set<Worker>();
    /** Workers that answered a job. */
    const working = new Set<Worker>();
    let nextId = 0;
    let exhausted = false;
    let settled = false;

    const stopAll = () => {
      const all = [...workers];
      workers.clear();
      return Promise.all(all.map((w) => w.terminate()));
    };
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      void stopAll().then(
        () => (error === undefined ? resolve(working.size) : reject(error)),
        () => (error === undefined ? resolve(working.size) : reject(error)),
      );
    };
    const take = (): J | undefined => {
      if (exhausted || settled) return undefined;
      try {
        const next = options.jobs.next();
        if (next.done) exhausted = true;
        return next.done ? undefined : next.value;
      } catch (error) {
        exhausted = true;
        finish(error);
        return undefined;
      }
    };
    /** Give a free worker the next job, or let it go when there is none. */
    const feed = (worker: Worker, job = take()) => {
      if (job === undefined) {
        workers.delete(worker);
        void worker.terminate();
        if (running.size === 0) finish();
        return;
      }
      const request: Request<J> = { id: nextId++, job };
      running.set(worker, request);
      worker.postMessage(request);
    };
    const lost = (worker: Worker, reason: string) => {
      if (!workers.delete(worker)) return; // already let go, or its error came before its exit
      const request = running.get(worker);
      running.delete(worker);
      if (settled) return;
      if (!started.has(worker)) {
        finish(new PoolStartError(reason));
        return;
      }
      try {
        if (request) options.failed(request.job, reason);
      } catch (error) {
        finish(error);
        return;
      }
      const job = take();
      if (job !== undefined) feed(start(), job);
      else if (running.size === 0) finish();
    };
    const start = (): Worker => {
      const worker = new Worker(options.script);
      workers.add(worker);
      worker.on('message', (reply: Reply<O>) => {
        if ('ready' in reply) {
          started.add(worker);
          return;
        }
        const request = running.get(worker);
        if (!request || reply.id !== request.id || settled) return;
        running.delete(worker);
        working.add(worker);
        try {
          if ('error' in reply) options.failed(request.job, reply.error);
          else options.done(request.job, reply.outcome);
        } catch (error) {
          finish(error);
          return;
        }
        feed(worker);
      });
      worker.on('error', (error: Error & { code?: string }) =>
        lost(worker, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it ran out of memory' : error.message),
      );
      worker.on('exit', (code) => lost(worker, `its worker thread stopped (exit code ${code})`));
      return worker;
    };

    // Start every worker before taking the first job: they load while the caller prepares its jobs.
    const fresh = Array.from({ length: Math.max(1, options.size) }, () => start());
    for (const worker of fresh) feed(worker);
  });
}

/** Why a job failed, from what it threw: “an error stopped it: …”. */
export function thrownReason(error: unknown): string {
  return `an error stopped it: ${error instanceof Error ? error.message : String(error)}`;
}

/** The worker side: answer each job with `handle`'s outcome, or with the message of what it threw. */
export function serveJobs<J, O>(handle: (job: J) => O): void {
  if (!parentPort) throw new Error('serveJobs runs in a worker thread');
  const port = parentPort;
  port.postMessage({ ready: true } satisfies Reply<O>);
  port.on('message', ({ id, job }: Request<J>) => {
    let reply: Reply<O>;
    try {
      reply = { id, outcome: handle(job) };
    } catch (error) {
      reply = { id, error: thrownReason(error) };
    }
    port.postMessage(reply);
  });
}
