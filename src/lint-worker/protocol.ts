/**
 * Messages between the editor and the lint worker thread. Everything is plain
 * data (structured clone): the document's text, the lint options, the result.
 */
import type { LintConfig, LintResult } from '../engine/index.js';
import type { Checklist } from '../extension/checklist-model.js';
import type { ChildFocusSummary } from '../extension/child-focus-model.js';

export interface LintJob {
  /** The document's text. */
  text: string;
  filePath?: string;
  config: Partial<LintConfig>;
  /** Texts of documents the report refers to (see EngineSettings.documents). */
  documents?: Record<string, string>;
  /** Also compute the Report checklist and the child-focus summary (from the same parse). */
  summaries?: boolean;
}

/** A lint's result, with the summaries the editor shows when they were asked for. */
export interface LintOutcome {
  result: LintResult;
  checklist?: Checklist;
  childFocus?: ChildFocusSummary;
}

export type WorkerRequest =
  | { type: 'lint'; id: number; key: string; job: LintJob }
  /** The document closed: drop what the worker keeps for it. */
  | { type: 'forget'; key: string };

export type WorkerReply = { type: 'result'; id: number; outcome: LintOutcome } | { type: 'error'; id: number; error: string };
