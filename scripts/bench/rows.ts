/**
 * Row scaling and start-up (issue 20): whole-process runs of the CLI on long chronologies
 * (scripts/bench/chronology.ts) and on a one-line file, alternating the CLIs given so that
 * load on the machine falls on each alike; medians of wall-clock and CPU time, peak memory,
 * and the CLI's own `--timings` (parse and the slowest rules) from one extra run per size.
 *
 *   node --import tsx scripts/bench/rows.ts [--runs 5] [--rows 1000,2000,4000,10000] [--cli dist/cli.cjs] [--cli other/cli.cjs] [--startup-only] [--files report.md]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chronologyReport, raggedChronology } from './chronology.js';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    rows: { type: 'string', default: '1000,2000,4000,10000' },
    cli: { type: 'string', multiple: true },
    'startup-only': { type: 'boolean', default: false },
    'no-ragged': { type: 'boolean', default: false },
    files: { type: 'string', multiple: true },
  },
});
const runs = Number(values.runs);
const clis = (values.cli ?? ['dist/cli.cjs']).map((c) => resolve(c));
const work = mkdtempSync(join(tmpdir(), 'crl-rows-'));
const rssFile = join(work, 'rss.txt');
const preload = join(root, 'scripts/bench/report-rss.cjs');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Sample {
  wall: number;
  cpu: number;
  rss: number;
}

function once(cli: string, args: string[]): Sample {
  writeFileSync(rssFile, '');
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--require', preload, cli, ...args], {
    cwd: work,
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const wall = performance.now() - started;
  if (r.status === null || r.status > 1) throw new Error(`${cli} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  const [rss, cpu] = readFileSync(rssFile, 'utf8').trim().split(' ').map(Number);
  return { wall, cpu: cpu!, rss: rss! / 1024 };
}

/** `runs` alternating runs of every CLI on one file (after one warm-up each). */
function compare(file: string, extra: string[] = []): Sample[][] {
  const samples: Sample[][] = clis.map(() => []);
  clis.forEach((cli) => once(cli, ['--format', 'json', ...extra, file]));
  for (let i = 0; i < runs; i++) clis.forEach((cli, c) => samples[c]!.push(once(cli, ['--format', 'json', ...extra, file])));
  return samples;
}

function timings(cli: string, file: string): string {
  const r = spawnSync(process.execPath, [cli, '--format', 'json', '--timings', file], {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  return r.stderr
    .split('\n')
    .slice(2, 6)
    .map((l) =>
      l
        .trim()
        .replace(/\s+/g, ' ')
        .replace(/ [\d.]+%$/, ''),
    )
    .filter(Boolean)
    .map((l) => `${l.replace(/ ([\d.]+)$/, (_, ms) => ` ${Math.round(Number(ms))}`)} ms`)
    .join(', ');
}

const fmt = (s: Sample[]) =>
  `${(median(s.map((x) => x.wall)) / 1000).toFixed(2)} s (${(median(s.map((x) => x.cpu)) / 1000).toFixed(2)} s), ${median(s.map((x) => x.rss)).toFixed(0)} MB`;

console.log(
  `${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, load at start ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}`,
);
console.log(`CLIs: ${clis.join(', ')}; ${runs} runs each, alternating, medians: wall (CPU), peak RSS\n`);

const oneLine = join(work, 'one-line.md');
writeFileSync(oneLine, '# Report\n');
const startup = compare(oneLine);
console.log(`| one-line file | ${startup.map(fmt).join(' | ')} |`);

for (const file of values.files ?? []) {
  const s = compare(resolve(file));
  console.log(`| ${file} | ${s.map(fmt).join(' | ')} | ${clis.map((cli) => timings(cli, resolve(file))).join(' | ')} |`);
}

if (!values['startup-only']) {
  for (const n of values.rows!.split(',').map(Number)) {
    const inputs: [string, string][] = [[`chronology, ${n} rows`, chronologyReport(n)]];
    if (!values['no-ragged']) inputs.push([`ragged two-column, ${n} rows`, raggedChronology(n)]);
    for (const [name, text] of inputs) {
      const file = join(work, `${name.replace(/\W+/g, '-')}.md`);
      writeFileSync(file, text);
      const s = compare(file);
      console.log(
        `| ${name} (${(text.length / 1024).toFixed(0)} KB) | ${s.map(fmt).join(' | ')} | ${clis.map((cli) => timings(cli, file)).join(' | ')} |`,
      );
    }
  }
}
console.log(
  `\nload at end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}`,
);
rmSync(work, { recursive: true, force: true });
