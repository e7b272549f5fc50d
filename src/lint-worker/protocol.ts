/**
 * Messages between the editor and the lint worker thread. Everything is plain
 * data (structured clone): the document's text, the lint options, the result.
 */
import { type LintConfig, type LintResult } from '../index.js';
import type { Checklist } from '../models/checklist-model.js';
import type { ChildFocusSummary } from '../models/child-focus-model.js';
import type { Speculation } from './job-config.js';

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
  /** How long the lint and the summaries took where they ran, in ms, and whether a speculation gave them (for the start-up timeline). */
  took?: { lint: number; summaries?: number; speculated?: boolean };
}

export type WorkerRequest =
  | { type: 'lint'; id: number; key: string; job: LintJob }
  /** The document closed: drop what the worker keeps for it. */
  | { type: 'forget'; key: string }
  /** Lint a small sample report once, so that the first real lint finds the code compiled and the language model loaded. */
  | { type: 'warm-up' }
  /** Lint a document before the editor asks (see job-config.ts): the outcome answers the editor's job if that is the same. */
  | { type: 'speculate'; key: string; speculation: Speculation };

export type WorkerReply =
  /** The quick pass's findings (quick-pass.ts), before the job's result. */
  | { type: 'partial'; id: number; outcome: LintOutcome }
  /** A speculation's quick pass: the findings for the editor's job of that document when it is the same job (`fingerprint`). */
  | { type: 'speculation-partial'; key: string; fingerprint: string; outcome: LintOutcome }
  | { type: 'result'; id: number; outcome: LintOutcome }
  | { type: 'error'; id: number; error: string }
  /** Sent once, when the worker has evaluated its bundle and can take jobs. */
  | { type: 'ready' }
  /** The warm-up or speculation is done (`ms`: how long it took), or failed (which costs nothing but itself). */
  | { type: 'warmed'; ms: number };

/** What makes two jobs give the same outcome. */
export function jobFingerprint(job: LintJob): string {
  return JSON.stringify([job.text, job.filePath, job.config, job.documents, job.summaries]);
}
