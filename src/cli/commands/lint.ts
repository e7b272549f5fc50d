/** `case-review-lint [files...]`: lint reports and print text, JSON or SARIF. */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type AnyCaseReviewRule, type LintResult, mergeConfigs, reportTypeIds, ruleDocUrl, rules } from '../../index.js';
import { ConfigResolver, loadConfigFile } from '../../node/config-files.js';
import { docsBaseUrl, packageRoot } from '../../node/package-root.js';
import { readReferencedDocuments } from '../../node/referenced-documents.js';
import { NotTextError, readTextFile, readTextStdin, selectFiles } from '../files.js';
import { lintFile, type FileJob, type FileOutcome, type GateLine } from '../lint-file.js';
import { PoolStartError, runInWorkers, thrownReason } from '../pool.js';
import { useColour } from '../colour.js';
import { GATE_ADVICE } from '../../export/gate.js';
import { formatJson } from '../formatters/json.js';
import { formatSarif } from '../formatters/sarif.js';
import { formatText } from '../formatters/text.js';
import { EXIT, UsageError } from '../usage-error.js';

export const LINT_HELP = `Usage: case-review-lint [files, folders, globs, !globs or -] [options]

Lints safeguarding case review reports written in Markdown. A file named here
is always linted; in folders and globs, only Markdown files that look like
case reviews (front matter with report-type:, a .casereviewrc that applies, or
a report's headings), less those a !glob, the nearest .casereviewignore or
the "ignores" of the .casereviewrc that applies (gitignore syntax) leaves out.
"-" reads one report from standard input.

Options:
  --format text|json|sarif   output format (default: text)
  --report-type TYPE         treat every file as this report type
                             (${reportTypeIds().join(', ')})
  --config FILE              use this config file instead of finding .casereviewrc
  --fail-on-identifiers      exit 1 when the anonymisation rule finds anything,
                             even as a warning (a gate before publication); it
                             runs the check itself, so comments, front matter and
                             config that switch the rule off do not apply (each
                             finding they would have hidden is listed, on
                             standard error, with what would have hidden it);
                             make an exception per item with front matter
                             "pseudonyms:" or "publication-exceptions:"
                             (- text: ..., reason: ...)
  --output FILE              write the report to FILE instead of standard output
  --all                      lint every Markdown file in the folders and globs
                             given, not only those that look like case reviews
  --stdin-filename NAME      the name of the report read from standard input
                             ("-"): the config beside it applies, and the
                             output names it
  --quiet                    report errors only
  --max-warnings N           exit 1 when there are more than N warnings
  --color, --no-color        colour the text report or not (default: colour on
                             a terminal; NO_COLOR turns it off, FORCE_COLOR on)
  --fix                      apply the fixes that have one right answer (such as
                             “did not attend” → “was not brought”, a chronology
                             sorted by date) to each file, write it back, say on
                             standard error what was changed, then report what is
                             left; never inserts template text to complete
  --fix-dry-run              say what --fix would change, without writing
  --jobs N                   lint N files at a time, each on a thread of its
                             own; 1 lints one file at a time, in this process
                             (default: one per processor core for files that
                             add up to 200 KB or more, otherwise 1); --fix
                             lints one file at a time
  --timings                  also print, on standard error, the time each stage
                             took (parsing, the report model, each rule), summed
                             over the files, slowest first
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no errors, 1 errors found (or more warnings than
--max-warnings allows), 2 usage, config or file problems
(a file that cannot be read, or is binary or not UTF-8: it is not linted, the
others are), or a rule failed.
Other commands: new, merge-chronologies, export (run with --help for each).
`;

export interface CommandOutput {
  stdout: string;
  stderr: string;
  code: number;
  /** File to write stdout to instead of printing it. */
  outputFile?: string;
}

/** Lint in this process, one file at a time (the API the tests and a board's own rules use). */
export function runLint(argv: readonly string[], version: string, extraRules: readonly AnyCaseReviewRule[] = []): CommandOutput {
  const plan = planLint(argv);
  const entries: FileEntry[] = [];
  for (const entry of prepareFiles(plan, entries)) lintInProcess(entry, extraRules);
  return lintOutput(plan, entries, version, extraRules);
}

/**
 * The command: several files are linted at a time on worker threads (`--jobs`, src/cli/pool.ts),
 * with the same output, in the same order, as {@link runLint}.
 */
export async function lintCommand(argv: readonly string[], version: string): Promise<CommandOutput> {
  const plan = planLint(argv);
  const entries: FileEntry[] = [];
  const pending = prepareFiles(plan, entries);
  const size = poolSize(plan);
  const script = workerScript();
  /** How many threads linted: the workers that did, or this one. */
  let threads = 1;
  if (size > 1 && existsSync(script)) {
    const entryOf = new Map<FileJob, FileEntry>();
    /** A job's outcome or failure; its text, posted to the worker, is no longer needed here. */
    const settle = (job: FileJob, outcome: Pick<FileEntry, 'outcome' | 'failure'>) => {
      const entry = entryOf.get(job)!;
      Object.assign(entry, outcome);
      entry.job = undefined;
      entryOf.delete(job);
    };
    /**
     * Every file is read and its config found first, in command-line order, while the workers load; then
     * the longest go first, so that the last lint to finish is a short one and no thread waits long for it.
     */
    function* jobs(): Generator<FileJob> {
      const longestFirst = [...pending].sort((a, b) => b.job!.text.length - a.job!.text.length);
      for (const entry of longestFirst) {
        entryOf.set(entry.job!, entry);
        yield entry.job!;
      }
    }
    try {
      threads = await runInWorkers<FileJob, FileOutcome>({
        script,
        size,
        jobs: jobs(),
        done: (job, outcome) => settle(job, { outcome }),
        failed: (job, reason) => settle(job, { failure: reason }),
      });
    } catch (error) {
      if (!(error instanceof PoolStartError)) throw error;
    }
    // What no worker took (none could start): in process.
    for (const entry of entries) if (entry.job && !entry.outcome && entry.failure === undefined) lintInProcess(entry);
  }
  for (const entry of pending) lintInProcess(entry);
  return lintOutput(plan, entries, version, [], threads);
}

/**
 * Below this much text in all, the files are linted in process unless `--jobs` says otherwise: each worker
 * thread loads, compiles and optimises the lint's code for itself (half a second of CPU time before its first
 * lint is done, more over its first reports: docs/performance.md), more than it saves on a few short reports.
 */
const MIN_BYTES_FOR_THREADS = 200_000;

/**
 * How many files to lint at a time: `--jobs`, or one per core when there is enough to lint; one for
 * a single file, and for `--fix` (it writes files back in order, and a report may read another's text).
 */
function poolSize(plan: LintPlan): number {
  if (plan.values.fix === true || plan.files.length < 2) return 1;
  if (plan.jobs !== undefined) return Math.min(plan.files.length, plan.jobs);
  let bytes = 0;
  for (const { path, stdin } of plan.files) {
    if (stdin) continue;
    try {
      bytes += statSync(path).size;
    } catch {
      // unreadable: reported when it is read
    }
    if (bytes >= MIN_BYTES_FOR_THREADS) return Math.min(plan.files.length, availableParallelism());
  }
  return 1;
}

/** The worker threads' script: beside the CLI bundle (dist/cli-worker.cjs). */
function workerScript(): string {
  const here = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  return join(packageRoot(here), 'dist', 'cli-worker.cjs');
}

/** One file of a run, in command-line order: what reading it and finding its config said, its lint and the outcome. */
interface FileEntry {
  file: string;
  /** Problems found before its lint (it cannot be read, its config has errors), in order. */
  problems: string[];
  /** Its lint, when it could be read. */
  job?: FileJob;
  outcome?: FileOutcome;
  /** Why its lint did not finish (an error stopped it, or its worker thread did). */
  failure?: string;
}

function lintInProcess(entry: FileEntry, extraRules: readonly AnyCaseReviewRule[] = []): void {
  try {
    entry.outcome = lintFile(entry.job!, extraRules);
  } catch (error) {
    entry.failure = thrownReason(error);
  }
}

type LintPlan = ReturnType<typeof planLint>;

/** The command line, checked: options and the files to lint (a usage error otherwise). */
function planLint(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    allowNegative: true,
    strict: true,
    options: {
      format: { type: 'string', default: 'text' },
      'report-type': { type: 'string' },
      config: { type: 'string' },
      'fail-on-identifiers': { type: 'boolean', default: false },
      output: { type: 'string' },
      color: { type: 'boolean' },
      all: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      'max-warnings': { type: 'string' },
      'stdin-filename': { type: 'string' },
      timings: { type: 'boolean', default: false },
      fix: { type: 'boolean', default: false },
      'fix-dry-run': { type: 'boolean', default: false },
      jobs: { type: 'string' },
    },
  });
  const format = values.format!;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`Unknown format “${format}”; expected text, json or sarif.`);
  const jobs = values.jobs;
  if (jobs !== undefined && (!/^\d{1,6}$/.test(jobs) || Number(jobs) < 1))
    throw new UsageError(`--jobs needs a whole number of 1 or more (how many files to lint at a time), not “${jobs}”.`);
  if (positionals.length === 0) throw new UsageError('No files given. Try: case-review-lint report.md');
  if (values.config) {
    const parsed = loadConfigFile(resolve(values.config));
    if (parsed.errors.some((e) => e.message.startsWith('cannot be read: ENOENT')))
      throw new UsageError(`Config file not found: “${values.config}”.`);
  }
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings))
    throw new UsageError(`--max-warnings needs a whole number of 0 or more, not “${maxWarnings}”.`);
  const readsStdin = positionals.includes('-');
  if (values['stdin-filename'] !== undefined && !readsStdin)
    throw new UsageError('--stdin-filename names the report read from standard input: give “-” too.');
  if (readsStdin && values.fix === true)
    throw new UsageError('--fix cannot write back to standard input; --fix-dry-run says what it would change.');
  const known = reportTypeIds();
  const resolver = new ConfigResolver(values.config ? resolve(values.config) : undefined);
  const selection = selectFiles(
    positionals.filter((p) => p !== '-'),
    process.cwd(),
    resolver,
  );
  const stdinName = values['stdin-filename'] ?? '<stdin>';
  const files = [
    ...(readsStdin ? [{ path: stdinName, explicit: true, stdin: true }] : []),
    ...selection.files.map((f) => ({ ...f, stdin: false })),
  ];
  return {
    values,
    format,
    maxWarnings,
    jobs: jobs === undefined ? undefined : Number(jobs),
    known,
    resolver,
    selection,
    files,
    base: docsBaseUrl(),
  };
}

/**
 * Read each file and find its config, in command-line order (so config errors are said where they
 * always were), adding an entry for each to `entries`; yields those with a lint to do. A report
 * type no profile knows stops the run (a usage error).
 */
function* prepareFiles(plan: LintPlan, entries: FileEntry[]): Generator<FileEntry> {
  const { values, resolver, known, base } = plan;
  for (const { path: file, explicit, stdin } of plan.files) {
    const entry: FileEntry = { file, problems: [] };
    entries.push(entry);
    let text: string;
    try {
      text = stdin ? readTextStdin() : readTextFile(file);
    } catch (error) {
      // One error for a binary or non-UTF-8 file (not linted); the other files are still linted.
      if (error instanceof NotTextError) entry.problems.push(`${file}: not linted: ${error.message}.`);
      else entry.problems.push(`${file}: cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const { file: configFile, parsed } = resolver.forDocument(file);
    for (const e of resolver.takeErrors(configFile))
      entry.problems.push(`${e.file}:${e.line}:${e.column}: config error: ${e.message} (linting continues with defaults for that setting)`);
    const reportType = values['report-type'];
    const types = parsed.config.profiles ? [...known, ...Object.keys(parsed.config.profiles)] : known;
    if (reportType && !types.includes(reportType))
      throw new UsageError(`Unknown report type “${reportType}”; expected one of ${types.join(', ')}.`);
    const config = {
      ...mergeConfigs(parsed.config, { docsBaseUrl: base, ...(reportType ? { reportType } : {}) }),
      ...readReferencedDocuments(text, file),
    };
    entry.job = {
      file,
      text,
      config,
      lintAnyway: explicit || values.all === true || Boolean(reportType),
      configApplies: configFile !== undefined,
      configSource: configFile ? `“${configFile}”` : 'the configuration',
      fix: values.fix === true ? 'write' : values['fix-dry-run'] === true ? 'dry-run' : undefined,
      gate: values['fail-on-identifiers'] === true,
      timings: values.timings === true,
    };
    yield entry;
  }
}

/** The report, notes and exit code of a run, from its entries in command-line order. */
function lintOutput(
  plan: LintPlan,
  entries: readonly FileEntry[],
  version: string,
  extraRules: readonly AnyCaseReviewRule[] = [],
  threads = 1,
): CommandOutput {
  const { values, format, maxWarnings, selection, base } = plan;
  /** Files found in folders or by globs that do not look like case reviews (not linted without --all). */
  let notCaseReviews = 0;
  const results: LintResult[] = [];
  const problems: string[] = [];
  /** Said on standard error without making the exit code 2 (--max-warnings). */
  const problemsNotes: string[] = [];
  /** With --fail-on-identifiers: the files whose identifiers stop the pipeline, and each finding. */
  const identifierFiles: { file: string; lines: GateLine[] }[] = [];
  /** What --fix did or would do, per file (standard error). */
  const notes: string[] = [];
  const timings: Record<string, number> | undefined = values.timings ? {} : undefined;
  for (const { file, problems: before, outcome, failure } of entries) {
    problems.push(...before);
    if (failure !== undefined) problems.push(`${file}: not linted: ${failure}.`);
    if (!outcome) continue;
    if (!outcome.linted) {
      notCaseReviews++;
      continue;
    }
    const { result } = outcome;
    if (outcome.fixNote !== undefined) notes.push(outcome.fixNote);
    if (outcome.fixProblem !== undefined) problems.push(outcome.fixProblem);
    results.push(result);
    if (outcome.identifiers) identifierFiles.push({ file, lines: outcome.identifiers });
    if (timings && outcome.timings) for (const [stage, ms] of Object.entries(outcome.timings)) timings[stage] = (timings[stage] ?? 0) + ms;
    for (const ruleFailure of result.ruleFailures) problems.push(`${file}: rule “${ruleFailure.ruleId}” failed: ${ruleFailure.error}`);
  }
  const sarifRules = [...rules, ...extraRules].map((r) => ({
    id: r.meta.id,
    summary: r.meta.summary,
    description: r.meta.description,
    why: r.meta.why,
    primer: r.meta.primer,
    url: ruleDocUrl(r.meta.id, base),
    defaultSeverity: r.meta.defaultSeverity,
  }));
  const hasErrors = results.some((r) => r.messages.some((m) => m.severity === 'error'));
  const warnings = results.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'warning').length, 0);
  const tooManyWarnings = maxWarnings !== undefined && warnings > Number(maxWarnings);
  if (tooManyWarnings) problemsNotes.push(`${warnings} warning${warnings === 1 ? '' : 's'} found; --max-warnings allows ${maxWarnings}.`);
  const identifierGate = identifierFiles.length > 0;
  const identifierReport =
    identifierFiles
      .map(
        ({ file, lines }) =>
          `case-review-lint: --fail-on-identifiers: ${file} still has ${lines.length === 1 ? '1 name or identifier' : `${lines.length} names or identifiers`}:\n` +
          lines.map((m) => `  ${file}:${m.line}:${m.column}  ${m.message}\n`).join(''),
      )
      .join('') + (identifierGate ? `${GATE_ADVICE}\n` : '');
  const code = problems.length > 0 ? EXIT.usage : hasErrors || identifierGate || tooManyWarnings ? EXIT.errors : EXIT.ok;
  // --quiet: errors only, in every format (warnings were counted above for --max-warnings).
  const shown =
    values.quiet === true ? results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') })) : results;
  const color = useColour({
    flag: values.color,
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    toFile: values.output !== undefined,
  });
  const stdout =
    format === 'json'
      ? formatJson(shown)
      : format === 'sarif'
        ? formatSarif(shown, sarifRules, version)
        : formatText(shown, { color, failed: code !== EXIT.ok, notCaseReviews, ignored: selection.ignored, quiet: values.quiet === true });
  const stderr =
    notes.join('') +
    identifierReport +
    [...problems, ...problemsNotes].map((p) => `case-review-lint: ${p}\n`).join('') +
    (timings ? formatTimings(timings, results.length, threads) : '');
  return { stdout, stderr, code, outputFile: values.output };
}

/** The `--timings` table: milliseconds per stage summed over the files, slowest first. */
function formatTimings(timings: Record<string, number>, files: number, threads: number): string {
  const rows = Object.entries(timings).sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
  const width = Math.max('Stage'.length, ...rows.map(([stage]) => stage.length));
  const line = (stage: string, ms: string, share: string) => `${stage.padEnd(width)}  ${ms.padStart(10)}  ${share.padStart(6)}\n`;
  let out = `Timings for ${files} file${files === 1 ? '' : 's'}${threads > 1 ? ` on ${threads} threads` : ''} (milliseconds, summed over the files):\n`;
  out += line('Stage', 'ms', 'share');
  for (const [stage, ms] of rows) out += line(stage, ms.toFixed(1), total > 0 ? `${((ms / total) * 100).toFixed(1)}%` : '-');
  out += line('total', total.toFixed(1), total > 0 ? '100.0%' : '-');
  return out;
}
