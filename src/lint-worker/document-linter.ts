/**
 * Lints successive versions of open documents, keeping one incremental parser
 * per document so that after a small edit only the changed piece is parsed again.
 * Used inside the worker thread and, where there are no workers, in process.
 */
import { IncrementalParser, lintText, type LintResult } from '../engine/index.js';
import type { LintJob } from './protocol.js';

/** How many documents keep a parser (least recently linted dropped first). */
const MAX_DOCUMENTS = 16;

export class DocumentLinter {
  private readonly parsers = new Map<string, IncrementalParser>();

  lint(key: string, job: LintJob): LintResult {
    let parser = this.parsers.get(key);
    if (parser) this.parsers.delete(key);
    else parser = new IncrementalParser();
    this.parsers.set(key, parser);
    while (this.parsers.size > MAX_DOCUMENTS) this.parsers.delete(this.parsers.keys().next().value!);
    const config = job.documents ? { ...job.config, documents: job.documents } : job.config;
    return lintText(job.text, { filePath: job.filePath, config, parser });
  }

  forget(key: string): void {
    this.parsers.delete(key);
  }
}
