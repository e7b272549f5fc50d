/**
 * The lint of one file, once it is read and its config found: whether it is a case review,
 * `--fix`, the lint itself and the `--fail-on-identifiers` gate. The same function runs in
 * process and in the worker threads of `--jobs` (src/cli/lint-worker-entry.ts), so a job
 * and its outcome are plain data that can be posted between threads.
 */
import { writeFileSync } from 'node:fs';
import { type AnyCaseReviewRule, fixAll, type FixAllResult, type LintConfig, type LintResult, lintText } from '../index.js';
import { gateLines, gateRefuses, publicationGate } from '../export/gate.js';
import { looksLikeCaseReviewFile } from './case-review-test.js';

export interface FileJob {
  file: string;
  text: string;
  /** The merged config, with the documents the report points at (an executive summary's overview report). */
  config: Partial<LintConfig>;
  /** Lint it whatever it looks like: named on the command line, `--all` or `--report-type`. */
  lintAnyway: boolean;
  /** A `.casereviewrc*` applies to the file. */
  configApplies: boolean;
  /** How the config is named in the gate's notes (“the configuration” when no file applies). */
  configSource: string;
  /** `--fix` (write the file back) or `--fix-dry-run`. */
  fix?: 'write' | 'dry-run';
  /** `--fail-on-identifiers`. */
  gate: boolean;
  /** `--timings`: milliseconds per stage of this file's lint. */
  timings: boolean;
}

export type GateLine = ReturnType<typeof gateLines>[number];

export type FileOutcome =
  /** Found in a folder or by a glob, and not a case review (not linted without `--all`). */
  | { linted: false }
  | {
      linted: true;
      result: LintResult;
      /** What `--fix` changed or would change (standard error). */
      fixNote?: string;
      /** The fixes could not be written back. */
      fixProblem?: string;
      /** `--fail-on-identifiers`: the names and identifiers that stop the pipeline. */
      identifiers?: GateLine[];
      timings?: Record<string, number>;
    };

export function lintFile(job: FileJob, extraRules: readonly AnyCaseReviewRule[] = []): FileOutcome {
  const { file, config } = job;
  let text = job.text;
  if (!job.lintAnyway && !looksLikeCaseReviewFile(text, config, job.configApplies)) return { linted: false };
  let fixNote: string | undefined;
  let fixProblem: string | undefined;
  if (job.fix) {
    const outcome = fixAll(text, (t) => lintText(t, { filePath: file, config, extraRules }).messages, { includeScaffolds: false });
    fixNote = fixSummary(file, outcome, job.fix === 'write');
    if (job.fix === 'write' && outcome.text !== text) {
      try {
        writeFileSync(file, outcome.text, 'utf8');
        text = outcome.text;
      } catch (error) {
        fixProblem = `${file}: the fixes could not be written: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
  }
  const timings: Record<string, number> | undefined = job.timings ? {} : undefined;
  const result = lintText(text, { filePath: file, config, extraRules, timings });
  let identifiers: GateLine[] | undefined;
  if (job.gate) {
    // The gate runs the identifier check itself: comments, front matter and config that switch it off do not apply.
    const gate = publicationGate(text, { filePath: file, config, configSource: job.configSource });
    if (gateRefuses(gate, 'fail-on-identifiers')) identifiers = gateLines(gate, 'fail-on-identifiers');
  }
  return { linted: true, result, fixNote, fixProblem, identifiers, timings };
}

/** What `--fix` changed (or, for a dry run, would change) in one file. */
function fixSummary(file: string, outcome: FixAllResult, written: boolean): string {
  if (outcome.fixed === 0) return `${file}: nothing to fix\n`;
  const verb = written ? 'fixed' : 'would fix';
  const lines = outcome.applied.map((a) => `  line ${a.line}: ${a.title} (${a.ruleId})\n`).join('');
  return `${file}: ${verb} ${outcome.fixed} problem${outcome.fixed === 1 ? '' : 's'}:\n${lines}`;
}
