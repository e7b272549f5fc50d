/** `case-review-lint [files...]`: lint reports and print text, JSON or SARIF. */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { documentReferences, fixAll, unreadableReason, lintText, mergeConfigs, reportTypeIds, rules, ruleDocUrl, type FixAllResult } from '../../engine/index.js';
import type { LintResult } from '../../engine/types.js';
import type { CaseReviewRule } from '../../engine/rule.js';
import { ConfigResolver, loadConfigFile } from '../../node/config-files.js';
import { docsBaseUrl } from '../../node/package-root.js';
import { NotTextError, readTextFile, readTextStdin, selectFiles } from '../files.js';
import { looksLikeCaseReviewFile } from '../case-review-test.js';
import { useColour } from '../colour.js';
import { GATE_ADVICE, gateLines, gateRefuses, publicationGate } from '../../export/gate.js';
import { formatJson } from '../formatters/json.js';
import { formatSarif } from '../formatters/sarif.js';
import { formatText } from '../formatters/text.js';
import { EXIT, UsageError } from '../usage-error.js';

export const LINT_HELP = `Usage: case-review-lint [files, folders, globs, !globs or -] [options]

Lints safeguarding case review reports written in Markdown. A file named here
is always linted; in folders and globs, only Markdown files that look like
case reviews (front matter with report-type:, a .casereviewrc that applies, or
a report's headings), less those a !glob or the nearest .casereviewignore
(gitignore syntax) leaves out. "-" reads one report from standard input.

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

/** Documents a report points at (an executive summary's `overview:`), read for the rules that compare them. */
function readReferencedDocuments(text: string, file: string): { documents: Record<string, string>; documentErrors: Record<string, string> } {
  const documents: Record<string, string> = {};
  const documentErrors: Record<string, string> = {};
  for (const path of documentReferences(text, file)) {
    try {
      documents[path] = readFileSync(path, 'utf8');
    } catch (error) {
      // Not readable: the rule says it could not compare, with the reason.
      documentErrors[path] = unreadableReason(error);
    }
  }
  return { documents, documentErrors };
}

export interface CommandOutput {
  stdout: string;
  stderr: string;
  code: number;
  /** File to write stdout to instead of printing it. */
  outputFile?: string;
}

export function runLint(argv: readonly string[], version: string, extraRules: readonly CaseReviewRule<any>[] = []): CommandOutput {
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
    },
  });
  const fixing = values.fix === true || values['fix-dry-run'] === true;
  const format = values.format!;
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`Unknown format “${format}”; expected text, json or sarif.`);
  if (positionals.length === 0) throw new UsageError('No files given. Try: case-review-lint report.md');
  if (values.config) {
    const parsed = loadConfigFile(resolve(values.config));
    if (parsed.errors.some((e) => e.message.startsWith('cannot be read: ENOENT'))) throw new UsageError(`Config file not found: “${values.config}”.`);
  }
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) throw new UsageError(`--max-warnings needs a whole number of 0 or more, not “${maxWarnings}”.`);
  const readsStdin = positionals.includes('-');
  if (values['stdin-filename'] !== undefined && !readsStdin) throw new UsageError('--stdin-filename names the report read from standard input: give “-” too.');
  if (readsStdin && values.fix === true) throw new UsageError('--fix cannot write back to standard input; --fix-dry-run says what it would change.');
  const known = reportTypeIds();
  const resolver = new ConfigResolver(values.config ? resolve(values.config) : undefined);
  const selection = selectFiles(positionals.filter((p) => p !== '-'));
  const stdinName = values['stdin-filename'] ?? '<stdin>';
  const files = [...(readsStdin ? [{ path: stdinName, explicit: true, stdin: true }] : []), ...selection.files.map((f) => ({ ...f, stdin: false }))];
  /** Files found in folders or by globs that do not look like case reviews (not linted without --all). */
  let notCaseReviews = 0;
  const results: LintResult[] = [];
  const problems: string[] = [];
  /** Said on standard error without making the exit code 2 (--max-warnings). */
  const problemsNotes: string[] = [];
  /** With --fail-on-identifiers: the files whose identifiers stop the pipeline, and each finding. */
  const identifierFiles: { file: string; lines: ReturnType<typeof gateLines> }[] = [];
  /** What --fix did or would do, per file (standard error). */
  const notes: string[] = [];
  const base = docsBaseUrl();
  const timings: Record<string, number> | undefined = values.timings ? {} : undefined;
  for (const { path: file, explicit, stdin } of files) {
    let text: string;
    try {
      text = stdin ? readTextStdin() : readTextFile(file);
    } catch (error) {
      // One error for a binary or non-UTF-8 file (not linted); the other files are still linted.
      if (error instanceof NotTextError) problems.push(`${file}: not linted: ${error.message}.`);
      else problems.push(`${file}: cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const { file: configFile, parsed } = resolver.forDocument(file);
    for (const e of resolver.takeErrors(configFile)) problems.push(`${e.file}:${e.line}:${e.column}: config error: ${e.message} (linting continues with defaults for that setting)`);
    const reportType = values['report-type'];
    const types = parsed.config.profiles ? [...known, ...Object.keys(parsed.config.profiles)] : known;
    if (reportType && !types.includes(reportType)) throw new UsageError(`Unknown report type “${reportType}”; expected one of ${types.join(', ')}.`);
    const config = { ...mergeConfigs(parsed.config, { docsBaseUrl: base, ...(reportType ? { reportType } : {}) }), ...readReferencedDocuments(text, file) };
    if (!explicit && values.all !== true && !reportType && !looksLikeCaseReviewFile(text, config, configFile !== undefined)) {
      notCaseReviews++;
      continue;
    }
    if (fixing) {
      const outcome = fixAll(text, (t) => lintText(t, { filePath: file, config, extraRules }).messages, { includeScaffolds: false });
      notes.push(fixSummary(file, outcome, values.fix === true));
      if (values.fix === true && outcome.text !== text) {
        try {
          writeFileSync(file, outcome.text, 'utf8');
          text = outcome.text;
        } catch (error) {
          problems.push(`${file}: the fixes could not be written: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    const result = lintText(text, { filePath: file, config, extraRules, timings });
    results.push(result);
    if (values['fail-on-identifiers'] === true) {
      // The gate runs the identifier check itself: comments, front matter and config that switch it off do not apply.
      const gate = publicationGate(text, { filePath: file, config, configSource: configFile ? `“${configFile}”` : 'the configuration' });
      if (gateRefuses(gate, 'fail-on-identifiers')) identifierFiles.push({ file, lines: gateLines(gate, 'fail-on-identifiers') });
    }
    for (const failure of result.ruleFailures) problems.push(`${file}: rule “${failure.ruleId}” failed: ${failure.error}`);
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
  const identifierReport = identifierFiles
    .map(
      ({ file, lines }) =>
        `case-review-lint: --fail-on-identifiers: ${file} still has ${lines.length === 1 ? '1 name or identifier' : `${lines.length} names or identifiers`}:\n` +
        lines.map((m) => `  ${file}:${m.line}:${m.column}  ${m.message}\n`).join(''),
    )
    .join('') + (identifierGate ? `${GATE_ADVICE}\n` : '');
  const code = problems.length > 0 ? EXIT.usage : hasErrors || identifierGate || tooManyWarnings ? EXIT.errors : EXIT.ok;
  // --quiet: errors only, in every format (warnings were counted above for --max-warnings).
  const shown = values.quiet === true ? results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') })) : results;
  const color = useColour({ flag: values.color, env: process.env, isTTY: process.stdout.isTTY === true, toFile: values.output !== undefined });
  const stdout =
    format === 'json'
      ? formatJson(shown)
      : format === 'sarif'
        ? formatSarif(shown, sarifRules, version)
        : formatText(shown, { color, failed: code !== EXIT.ok, notCaseReviews, ignored: selection.ignored, quiet: values.quiet === true });
  const stderr =
    notes.join('') + identifierReport + [...problems, ...problemsNotes].map((p) => `case-review-lint: ${p}\n`).join('') + (timings ? formatTimings(timings, results.length) : '');
  return { stdout, stderr, code, outputFile: values.output };
}

/** What `--fix` changed (or, for a dry run, would change) in one file. */
function fixSummary(file: string, outcome: FixAllResult, written: boolean): string {
  if (outcome.fixed === 0) return `${file}: nothing to fix\n`;
  const verb = written ? 'fixed' : 'would fix';
  const lines = outcome.applied.map((a) => `  line ${a.line}: ${a.title} (${a.ruleId})\n`).join('');
  return `${file}: ${verb} ${outcome.fixed} problem${outcome.fixed === 1 ? '' : 's'}:\n${lines}`;
}

/** The `--timings` table: milliseconds per stage summed over the files, slowest first. */
function formatTimings(timings: Record<string, number>, files: number): string {
  const rows = Object.entries(timings).sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
  const width = Math.max('Stage'.length, ...rows.map(([stage]) => stage.length));
  const line = (stage: string, ms: string, share: string) => `${stage.padEnd(width)}  ${ms.padStart(10)}  ${share.padStart(6)}\n`;
  let out = `Timings for ${files} file${files === 1 ? '' : 's'} (milliseconds, summed over the files):\n`;
  out += line('Stage', 'ms', 'share');
  for (const [stage, ms] of rows) out += line(stage, ms.toFixed(1), total > 0 ? `${((ms / total) * 100).toFixed(1)}%` : '-');
  out += line('total', total.toFixed(1), total > 0 ? '100.0%' : '-');
  return out;
}
