/**
 * The worker pool of the command line's `--jobs` (src/cli/pool.ts), with a small worker built here
 * from the source: jobs are taken only as workers become free, a job whose worker throws or stops
 * is reported and the others still run, and a worker that cannot start rejects the pool.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { PoolStartError, runInWorkers } from '../../src/cli/pool.js';

const root = resolve(import.meta.dirname, '../..');

/** Upper-cases each job; "exit" stops its worker thread, "throw" throws. */
const WORKER = `
import { serveJobs } from ${JSON.stringify(resolve(root, 'src/cli/pool.ts'))};
serveJobs<string, string>((job) => {
  if (job === 'exit') process.exit(3);
  if (job === 'throw') throw new Error('boom');
  return job.toUpperCase();
});
`;

describe('the worker pool of --jobs', function () {
  this.timeout(60000);
  const tmp = mkdtempSync(join(tmpdir(), 'crl-pool-'));
  const script = join(tmp, 'worker.cjs');
  const broken = join(tmp, 'broken.cjs');

  before(async () => {
    writeFileSync(join(tmp, 'worker.ts'), WORKER);
    await esbuild.build({
      entryPoints: [join(tmp, 'worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: script,
      logLevel: 'error',
    });
    writeFileSync(broken, "throw new Error('cannot load');\n");
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  /** The jobs as an iterator that counts how many were taken. */
  function counted(jobs: string[]) {
    const state = { taken: 0 };
    function* iterate() {
      for (const job of jobs) {
        state.taken++;
        yield job;
      }
    }
    return { state, jobs: iterate() };
  }

  it('runs every job, taking the next only when a worker is free, and reports those whose worker threw or stopped', async () => {
    const { state, jobs } = counted(['a', 'b', 'exit', 'c', 'throw', 'd']);
    const done: Record<string, string> = {};
    const failed: Record<string, string> = {};
    const takenAtFirstOutcome: number[] = [];
    const started = await runInWorkers<string, string>({
      script,
      size: 2,
      jobs,
      done: (job, outcome) => {
        if (takenAtFirstOutcome.length === 0) takenAtFirstOutcome.push(state.taken);
        done[job] = outcome;
      },
      failed: (job, reason) => void (failed[job] = reason),
    });
    assert.deepEqual(done, { a: 'A', b: 'B', c: 'C', d: 'D' });
    assert.deepEqual(Object.keys(failed).sort(), ['exit', 'throw']);
    assert.match(failed['exit']!, /^its worker thread stopped \(exit code 3\)$/);
    assert.equal(failed['throw'], 'an error stopped it: boom');
    assert.deepEqual(takenAtFirstOutcome, [2], 'one job per worker until one is free');
    assert.ok(started >= 2);
  });

  it('starts a new worker for the jobs left when one stops', async () => {
    const done: string[] = [];
    const started = await runInWorkers<string, string>({
      script,
      size: 1,
      jobs: ['exit', 'a'][Symbol.iterator](),
      done: (_job, outcome) => done.push(outcome),
      failed: () => {},
    });
    assert.deepEqual(done, ['A'], 'a new worker did the job after the one that stopped');
    assert.equal(started, 1, 'the worker that stopped did no job');
  });

  it('resolves to how many workers did a job', async () => {
    const one = await runInWorkers<string, string>({ script, size: 4, jobs: ['x'][Symbol.iterator](), done: () => {}, failed: () => {} });
    assert.equal(one, 1);
    const none = await runInWorkers<string, string>({ script, size: 4, jobs: [][Symbol.iterator](), done: () => {}, failed: () => {} });
    assert.equal(none, 0);
  });

  it('rejects with what the list of jobs threw (a usage error), stopping the workers', async () => {
    function* jobs() {
      yield 'a';
      throw new Error('Unknown report type');
    }
    await assert.rejects(
      runInWorkers<string, string>({ script, size: 2, jobs: jobs(), done: () => {}, failed: () => {} }),
      /Unknown report type/,
    );
  });

  it('rejects with PoolStartError when no worker can load its script, leaving the jobs to the caller', async () => {
    const done: string[] = [];
    await assert.rejects(
      runInWorkers<string, string>({
        script: broken,
        size: 2,
        jobs: ['a', 'b', 'c'][Symbol.iterator](),
        done: (job) => done.push(job),
        failed: (job) => done.push(job),
      }),
      (error: unknown) => error instanceof PoolStartError && /cannot load/.test(error.message),
    );
    assert.deepEqual(done, []);
  });
});
