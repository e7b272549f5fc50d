/**
 * Messages between the editor and the lint worker thread. Everything is plain
 * data (structured clone): the document's text, the lint options, the result.
 */
import type { LintConfig, LintResult } from '../engine/index.js';

export interface LintJob {
  /** The document's text. */
  text: string;
  filePath?: string;
  config: Partial<LintConfig>;
  /** Texts of documents the report refers to (see EngineSettings.documents). */
  documents?: Record<string, string>;
}

export type WorkerRequest =
  | { type: 'lint'; id: number; key: string; job: LintJob }
  /** The document closed: drop what the worker keeps for it. */
  | { type: 'forget'; key: string };

export type WorkerReply = { type: 'result'; id: number; result: LintResult } | { type: 'error'; id: number; error: string };
