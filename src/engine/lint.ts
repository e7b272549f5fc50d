/** Linting one document: parse, run the preset, convert messages to the public shape. */
import type { Root } from 'mdast';
import { reportParser } from './markdown-syntax.js';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { LintConfig, LintMessage, LintResult, MessageData, Severity } from './types.js';
import type { Fix } from './fixes.js';
import { caseReviewPreset } from './preset.js';
import { getReport } from './report.js';
import { completeConfig } from './settings.js';
import { offsetOfLine } from './text.js';
import { SOURCE, type AnyCaseReviewRule } from './rule.js';
import type { IncrementalParser } from './incremental-parse.js';

/**
 * A unified processor running `ruleSet` (handed in by the front end: the engine owns no rules;
 * src/index.ts hands it the built-in ones), then `extraRules` (a board's own rules).
 */
export function createProcessor(
  config: Partial<LintConfig>,
  ruleSet: readonly AnyCaseReviewRule[],
  extraRules: readonly AnyCaseReviewRule[] = [],
) {
  return reportParser()
    .use(caseReviewPreset, { ...config, ruleSet, extraRules })
    .freeze();
}

function severityOf(message: VFileMessage): Severity {
  if (message.fatal === true) return 'error';
  if (message.fatal === false) return 'warning';
  return 'info';
}

/** Convert one vfile message to the CLI's JSON shape (plus offsets and editor data). */
export function toLintMessage(message: VFileMessage, toOffset: (line: number, column: number) => number): LintMessage {
  const place = message.place;
  const start = place && 'start' in place ? place.start : place;
  const end = place && 'end' in place ? place.end : start;
  const line = start?.line ?? 1;
  const column = start?.column ?? 1;
  const endLine = end?.line ?? line;
  const endColumn = end?.column ?? column;
  const result: LintMessage = {
    ruleId: message.ruleId ?? 'unknown',
    severity: severityOf(message),
    line,
    column,
    endLine,
    endColumn,
    startOffset: start?.offset ?? toOffset(line, column),
    endOffset: end?.offset ?? toOffset(endLine, endColumn),
    message: message.reason,
    url: message.url ?? '',
  };
  if (message.expected && message.expected.length > 0) result.expected = [...message.expected];
  const data = (message as VFileMessage & { data?: MessageData }).data;
  if (data) result.data = data;
  const fixes = (message as VFileMessage & { fixes?: Fix[] }).fixes;
  if (fixes) result.fixes = fixes;
  return result;
}

export interface LintOptions {
  /** The rules to run, in order (the front ends hand in the built-in set: src/index.ts). */
  ruleSet: readonly AnyCaseReviewRule[];
  /** Path shown in results and used to resolve relative references. */
  filePath?: string;
  config?: Partial<LintConfig>;
  /** Additional rules written with defineRule. */
  extraRules?: readonly AnyCaseReviewRule[];
  /**
   * Reuse the parse of unchanged pieces from this document's previous lint (the
   * editor keeps one per open document). Gives the same result as a fresh parse.
   */
  parser?: IncrementalParser;
  /**
   * Milliseconds per stage are added to it: `parse`, `report model` (front matter, type,
   * outline; shared by the rules) and each rule by id (pass one object to several lints
   * for their sums). For the benchmark and `--timings`.
   */
  timings?: Record<string, number>;
}

/** Lint a document's text. Never throws for any input text. */
export function lintText(text: string, options: LintOptions): LintResult {
  const config = completeConfig(options.config);
  const processor = createProcessor(config, options.ruleSet, options.extraRules);
  const file = new VFile({ value: text, path: options.filePath });
  const timings = options.timings;
  let started = timings ? performance.now() : 0;
  const tree = options.parser ? options.parser.parse(text) : (processor.parse(file) as Root);
  if (timings) {
    timings['parse'] = (timings['parse'] ?? 0) + performance.now() - started;
    started = performance.now();
    getReport(tree, file, config);
    timings['report model'] = (timings['report model'] ?? 0) + performance.now() - started;
    file.data.caseReviewRuleTimings = timings;
  }
  processor.runSync(tree, file);
  const report = getReport(tree, file, config);
  const messages = file.messages
    .filter((m) => m.source === SOURCE)
    .map((m) => toLintMessage(m, (line, column) => offsetOf(text, line, column)))
    .sort((a, b) => a.startOffset - b.startOffset || a.ruleId.localeCompare(b.ruleId));
  return {
    file: options.filePath ?? '',
    reportType: report.type,
    reportTypeSource: report.typeSource,
    reportTypeConfidence: report.typeConfidence,
    messages,
    ruleFailures: messages
      .filter((m) => m.data && typeof m.data.ruleFailure === 'string')
      .map((m) => ({ ruleId: m.ruleId, error: String(m.data!.ruleFailure) })),
  };
}

function offsetOf(text: string, line: number, column: number): number {
  return Math.min(text.length, offsetOfLine(text, line) + column - 1);
}
