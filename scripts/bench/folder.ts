/**
 * The benchmark's folder of reports (issue 20): our whole CLI on a folder of synthetic reports,
 * one file at a time in process (`--jobs 1`) and on two worker threads (`--jobs 2`), the two
 * alternating run by run; plus what a worker thread costs before it lints at full speed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { syntheticReport } from './synthetic-report.js';

/** Report sizes boards write, in turn: an IMR of 5,000 words to an overview report of 30,000. */
export const FOLDER_SIZES = [5000, 10000, 15000, 20000, 30000];

export interface Timing {
  /** Medians over the timed runs: wall clock and CPU time (all threads), seconds; peak resident memory, MB. */
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
}

export interface FolderBench {
  reports: number;
  words: number;
  bytes: number;
  runs: number;
  /** By thread count. */
  times: Record<number, Timing>;
  /** Both settings printed the same JSON. */
  sameOutput: boolean;
  /** Load average (1 min) before and after the runs. */
  load: [number, number];
  /** A worker thread's start (loading dist/cli-worker.cjs, of `workerBytes`), median ms of CPU time. */
  workerStartMs: number;
  workerBytes: number;
  cores: number;
  /** In a fresh process, the folder's reports one after another: CPU time (all threads) of the first half and of the second, median s. */
  firstHalfSeconds: number;
  secondHalfSeconds: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Write `count` reports of FOLDER_SIZES in turn, each with its own seed and sentences of its own, into `dir`. */
function writeFolder(dir: string, count: number): { words: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  let words = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const report = syntheticReport(FOLDER_SIZES[i % FOLDER_SIZES.length]!, 1000 + i, { datedSentences: true });
    writeFileSync(join(dir, `report-${String(i + 1).padStart(3, '0')}.md`), report.text);
    words += report.words;
    bytes += Buffer.byteLength(report.text);
  }
  return { words, bytes };
}

/**
 * CPU time of a worker thread's start until it says it is ready (this process waits meanwhile, so its CPU time is the
 * worker's). Without this process's `--import tsx`, which a worker would otherwise inherit, as the CLI's do not have it.
 */
async function workerStart(script: string): Promise<number> {
  const started = process.cpuUsage();
  const worker = new Worker(script, { execArgv: [] });
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const used = process.cpuUsage(started);
  await worker.terminate();
  return (used.user + used.system) / 1000;
}

/**
 * In a fresh process, the folder's reports linted one after another (the engine bundle): the CPU time of all threads
 * for the first half of the reports and for the second (the same sizes in the same turn), seconds.
 */
function halves(root: string, dir: string, count: number): [number, number] {
  const files = Array.from({ length: count }, (_, i) => join(dir, `report-${String(i + 1).padStart(3, '0')}.md`));
  const script = `const e = require(${JSON.stringify(join(root, 'dist/engine.cjs'))}); const fs = require('fs');
const files = ${JSON.stringify(files)}; const half = Math.floor(files.length / 2); const sums = [0, 0];
files.forEach((f, i) => { const t = fs.readFileSync(f, 'utf8'); const s = process.cpuUsage(); e.lintText(t, { filePath: f }); const u = process.cpuUsage(s); if (i < 2 * half) sums[i < half ? 0 : 1] += (u.user + u.system) / 1e6; });
console.log(sums.join(' '));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`halves: ${r.stderr.slice(0, 500)}`);
  const [first, second] = r.stdout.trim().split(' ').map(Number);
  return [first!, second!];
}

export async function benchFolder(options: {
  root: string;
  work: string;
  runs: number;
  count: number;
  preload: string;
}): Promise<FolderBench> {
  const { root, work, runs, count, preload } = options;
  const dir = join(work, 'folder');
  const { words, bytes } = writeFolder(dir, count);
  const cli = join(root, 'dist/cli.cjs');
  const settings = [1, 2];
  const rss = Object.fromEntries(settings.map((jobs) => [jobs, join(work, `folder-rss-${jobs}.txt`)]));
  const walls: Record<number, number[]> = Object.fromEntries(settings.map((jobs) => [jobs, []]));
  const outputs: Record<number, string> = {};
  for (const jobs of settings) writeFileSync(rss[jobs]!, '');
  const loadBefore = loadavg()[0]!;
  // One warm-up round, then `runs` timed rounds; the order of the two settings swaps each round.
  for (let round = 0; round <= runs; round++) {
    for (const jobs of round % 2 ? [...settings].reverse() : settings) {
      const started = performance.now();
      const r = spawnSync(process.execPath, ['--require', preload, cli, '--format', 'json', '--jobs', String(jobs), dir], {
        cwd: work,
        env: { ...process.env, BENCH_RSS_FILE: rss[jobs] },
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
      });
      const seconds = (performance.now() - started) / 1000;
      if (r.status === null || r.status > 1) throw new Error(`--jobs ${jobs} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
      if (round === 0) outputs[jobs] = r.stdout;
      else walls[jobs]!.push(seconds);
    }
  }
  const loadAfter = loadavg()[0]!;
  const times: Record<number, Timing> = {};
  for (const jobs of settings) {
    const lines = readFileSync(rss[jobs]!, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(' ').map(Number));
    times[jobs] = {
      seconds: median(walls[jobs]!),
      cpuSeconds: median(lines.map((l) => (l[1] ?? 0) / 1000)),
      peakMb: median(lines.map((l) => l[0]! / 1024)),
    };
  }
  const starts: number[] = [];
  for (let i = 0; i < runs; i++) starts.push(await workerStart(join(root, 'dist/cli-worker.cjs')));
  const firsts: number[] = [];
  const seconds: number[] = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const [first, second] = halves(root, dir, count);
    firsts.push(first);
    seconds.push(second);
  }
  return {
    reports: count,
    words,
    bytes,
    runs,
    times,
    sameOutput: outputs[1] === outputs[2] && outputs[1]!.length > 0,
    load: [loadBefore, loadAfter],
    workerStartMs: median(starts),
    workerBytes: statSync(join(root, 'dist/cli-worker.cjs')).size,
    cores: availableParallelism(),
    firstHalfSeconds: median(firsts),
    secondHalfSeconds: median(seconds),
  };
}

/** The issue's target line for the folder. */
export function folderTarget(f: FolderBench): string {
  const speedUp = f.times[1]!.seconds / f.times[2]!.seconds;
  return `- Folder of ${f.reports} reports at least 1.7× faster on 2 workers than on 1: ${speedUp.toFixed(2)}×, ${speedUp >= 1.7 ? 'met' : '**not met**'} (load average ${f.load[0].toFixed(1)} before the runs, ${f.load[1].toFixed(1)} after).`;
}

/** The docs/performance.md section. */
export function folderSection(f: FolderBench): string {
  const one = f.times[1]!;
  const two = f.times[2]!;
  const row = (label: string, t: Timing) =>
    `| ${label} | ${t.seconds.toFixed(2)} s (${t.cpuSeconds.toFixed(2)} s) | ${(t.cpuSeconds / t.seconds).toFixed(2)} | ${t.peakMb.toFixed(0)} MB | ${(one.seconds / t.seconds).toFixed(2)}× |`;
  const half = Math.floor(f.reports / 2);
  return `## A folder of reports

\`case-review-lint --format json --jobs N\` on a folder of ${f.reports} synthetic overview reports (${FOLDER_SIZES.map((s) => s.toLocaleString('en-GB')).join(', ')} words in
turn, each with a seed of its own and a date in each sentence, so that, like reports by different authors, they share
few sentences: ${f.words.toLocaleString('en-GB')} words, ${(f.bytes / 1024 / 1024).toFixed(1)} MB), whole process, median of ${f.runs} runs after one warm-up,
the two settings alternating run by run; wall clock, CPU time of all threads in brackets, the cores the process had on
average (CPU time ÷ wall clock), peak memory of the process. Both settings printed ${f.sameOutput ? 'the same JSON, byte for byte' : '**different JSON**'}.

| Threads | Wall clock (CPU) | Cores used | Peak memory | Speed-up |
| --- | --- | --- | --- | --- |
${row('1 (`--jobs 1`, in process)', one)}
${row('2 (`--jobs 2`, two worker threads)', two)}

Load average (1 min) ${f.load[0].toFixed(1)} before these runs and ${f.load[1].toFixed(1)} after, on ${f.cores} cores. The kernel shares the CPU
between sessions (autogroup scheduling), not between threads: while other sessions are busy, a process with two threads
gets no more CPU than one with one (the cores-used column), and the second thread only adds its own costs (below). The
speed-up is a figure for an idle machine.

What a second thread costs: each thread (V8 isolate) loads, compiles and optimises the lint's code for itself. Starting a
worker (loading its ${(f.workerBytes / 1024 / 1024).toFixed(1)} MB bundle) took ${f.workerStartMs.toFixed(0)} ms of CPU time; then a fresh thread lints slowly until the
optimising compiler has seen enough of the code: in a fresh process the folder's first ${half} reports took
${f.firstHalfSeconds.toFixed(1)} s of CPU time and the next ${half} (the same sizes) ${f.secondHalfSeconds.toFixed(1)} s. Each worker pays that warm-up again on its
share of the files, which is why two threads used ${(two.cpuSeconds - one.cpuSeconds).toFixed(1)} s more CPU time than one: on two idle cores they can
at best take about half of ${two.cpuSeconds.toFixed(1)} s, ${(one.cpuSeconds / (two.cpuSeconds / 2)).toFixed(2)}× the one thread's CPU time of ${one.cpuSeconds.toFixed(1)} s. V8 flags that tier up
sooner (\`--interrupt-budget\`, \`--maglev\`, \`--always-sparkplug\`) or a larger young generation did not shorten it measurably here.
Hence the default: without \`--jobs\`, files that add up to less than 200 KB are linted in process, one at a time.

How (src/cli/pool.ts, src/cli/lint-file.ts): the worker threads (dist/cli-worker.cjs, the engine without the command
line) start loading first; meanwhile the main thread reads each file and finds its config in command-line order (so
config errors are said once, where they always were, and an executive summary's overview report is read from disk
beside it). Then each worker takes one file at a time, the longest first, so that the last lint to finish is a short
one; the results are put back in command-line order before anything is printed. A file whose worker throws or runs out
of memory is reported, not linted, and a new worker takes the rest; if no worker can start, the files are linted in
process. \`--fix\` lints one file at a time (it writes files back, and a summary may read an overview that another
file's fix changes).
`;
}
