/**
 * `npm run accuracy [paths…] [--list] [--markdown]`: lint labelled fixtures and print,
 * per rule, findings, right, wrong, debatable, precision and recall (labels.ts says
 * how a fixture is labelled). Paths are files or folders of `.md` files; the default
 * is the committed fixtures, test/fixtures/accuracy.
 *
 * Study files (the real-report excerpts kept outside the repository, whose front
 * matter has `source-url:`) are linted as the report type their `document:` names,
 * with a heading for their `part:` when they start without one.
 *
 * Study files are labelled in side files, one folder per judge, so that several people
 * can judge different rules at once: `.study/labels/<judge>/<path in .study>.labels`
 * holds label lines (`flag RULE "text"`, `maybe RULE "text"`).
 *
 * --list      every finding with its verdict, and every miss, per file
 * --markdown  the table as Markdown (for docs/accuracy.md)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { LabelError } from './labels.js';
import { precision, recall, scoreFixture, tally, type FixtureScore } from './score.js';
import { studyText } from './study.js';

const args = process.argv.slice(2);
const list = args.includes('--list');
const markdown = args.includes('--markdown');
const paths = args.filter((a) => !a.startsWith('--'));

function markdownFiles(path: string): string[] {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .sort()
      .flatMap((name) => markdownFiles(join(path, name)));
  }
  return path.endsWith('.md') ? [path] : [];
}

const files = (paths.length > 0 ? paths : ['test/fixtures/accuracy']).flatMap(markdownFiles);
if (files.length === 0) {
  console.error('No Markdown fixtures found in ' + (paths.join(', ') || 'test/fixtures/accuracy') + '.');
  process.exit(2);
}

/** Label lines kept beside a study file (see above), as accuracy blocks. */
function sideLabels(file: string): string {
  const absolute = resolve(file);
  const at = absolute.lastIndexOf(`${sep}.study${sep}`);
  if (at < 0) return '';
  const root = absolute.slice(0, at + '/.study'.length);
  const inStudy = absolute.slice(root.length + 1);
  const labelsRoot = join(root, 'labels');
  if (!existsSync(labelsRoot)) return '';
  return readdirSync(labelsRoot)
    .map((judge) => join(labelsRoot, judge, `${inStudy}.labels`))
    .filter((path) => existsSync(path))
    .map((path) => `\n<!-- accuracy\n${readFileSync(path, 'utf8')}\n-->\n`)
    .join('');
}

const scores: FixtureScore[] = [];
let failed = false;
for (const file of files) {
  const raw = readFileSync(file, 'utf8');
  try {
    scores.push(scoreFixture(relative(process.cwd(), file), studyText(raw) + sideLabels(file)));
  } catch (error) {
    if (!(error instanceof LabelError)) throw error;
    console.error(`${file}: ${error.message}`);
    failed = true;
  }
}

if (list) {
  for (const score of scores) {
    const lines = [
      ...score.findings.map(
        (f) =>
          `  ${f.verdict.padEnd(9)} ${f.message.ruleId} ${f.message.line}:${f.message.column} “${f.covered.replace(/\s+/g, ' ').slice(0, 80)}” — ${f.message.message.slice(0, 160)}`,
      ),
      ...score.missed.map((l) => `  missed    ${l.ruleId} “${l.text}”`),
    ];
    if (lines.length > 0) console.log(`${score.path}\n${lines.join('\n')}`);
  }
  console.log('');
}

const fmt = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(2));
const rows = [...tally(scores)].map(([ruleId, t]) => [
  ruleId,
  t.findings,
  t.right,
  t.wrong,
  t.debatable,
  fmt(precision(t)),
  t.expected,
  t.missed,
  fmt(recall(t)),
]);
const totals = rows.reduce(
  (sum, r) =>
    sum.map((v, i) => (i >= 1 && i <= 4 ? (v as number) + (r[i] as number) : i === 6 || i === 7 ? (v as number) + (r[i] as number) : v)),
  ['all rules', 0, 0, 0, 0, '', 0, 0, ''] as (string | number)[],
);
const all = {
  findings: totals[1] as number,
  right: totals[2] as number,
  wrong: totals[3] as number,
  debatable: totals[4] as number,
  expected: totals[6] as number,
  missed: totals[7] as number,
};
totals[5] = fmt(precision(all));
totals[8] = fmt(recall(all));
const header = ['rule', 'findings', 'right', 'wrong', 'debatable', 'precision', 'expected', 'missed', 'recall'];
const words = scores.reduce((n, s) => n + s.words, 0);

if (markdown) {
  console.log(`| ${header.join(' | ')} |\n| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
  for (const r of [...rows, totals]) console.log(`| ${r.join(' | ')} |`);
} else {
  const widths = header.map((h, i) => Math.max(h.length, ...[...rows, totals].map((r) => String(r[i]).length)));
  const line = (r: (string | number)[]) =>
    r.map((v, i) => (i === 0 ? String(v).padEnd(widths[i]!) : String(v).padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log(line(totals));
}
console.log(
  `\n${scores.length} files, ${words} words; ${((all.findings / Math.max(1, words)) * 1000).toFixed(1)} findings per 1,000 words.`,
);
if (failed) process.exit(2);
