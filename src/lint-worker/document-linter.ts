/**
 * Lints successive versions of open documents, keeping one incremental parser
 * per document so that after a small edit only the changed piece is parsed again.
 * Used inside the worker thread and, where there are no workers, in process.
 */
import { IncrementalParser, lintText } from '../engine/index.js';
import { computeChecklist } from '../extension/checklist-model.js';
import { childFocusSummary } from '../extension/child-focus-model.js';
import type { LintJob, LintOutcome } from './protocol.js';

/** A summary that fails costs only that summary (the editor then shows none). */
function attempt<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}

/** How many documents keep a parser (least recently linted dropped first). */
const MAX_DOCUMENTS = 16;

export class DocumentLinter {
  private readonly parsers = new Map<string, IncrementalParser>();

  lint(key: string, job: LintJob): LintOutcome {
    let parser = this.parsers.get(key);
    if (parser) this.parsers.delete(key);
    else parser = new IncrementalParser();
    this.parsers.set(key, parser);
    while (this.parsers.size > MAX_DOCUMENTS) this.parsers.delete(this.parsers.keys().next().value!);
    const config = job.documents ? { ...job.config, documents: job.documents } : job.config;
    const result = lintText(job.text, { filePath: job.filePath, config, parser });
    if (!job.summaries) return { result };
    // The summaries get the lint's own tree (the parser's latest, with this job's settings), so they
    // reuse the report model and everything kept with it (text blocks, tables, recommendations).
    return {
      result,
      checklist: attempt(() => computeChecklist(job.text, config, result.messages, parser!.latestTree(job.text))),
      childFocus: attempt(() => childFocusSummary(job.text, config, result.messages, parser!.latestTree(job.text))),
    };
  }

  forget(key: string): void {
    this.parsers.delete(key);
  }
}
