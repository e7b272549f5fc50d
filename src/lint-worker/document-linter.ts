/**
 * Lints successive versions of open documents, keeping one incremental parser
 * per document so that after a small edit only the changed piece is parsed again.
 * Used inside the worker thread and, where there are no workers, in process.
 */
import { IncrementalParser, lintText } from '../index.js';
import { computeChecklist } from '../models/checklist-model.js';
import { childFocusSummary } from '../models/child-focus-model.js';
import { jobFingerprint as fingerprint, type LintJob, type LintOutcome } from './protocol.js';
import { quickPassConfig } from './quick-pass.js';

/** A summary that fails costs only that summary (the editor then shows none). */
function attempt<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}

const now = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** How many documents keep a parser (least recently linted dropped first). */
const MAX_DOCUMENTS = 16;

export class DocumentLinter {
  private readonly parsers = new Map<string, IncrementalParser>();
  /** Outcomes of speculations (see `speculate`), by document, until that document's next job. */
  private readonly speculated = new Map<string, { fingerprint: string; outcome: LintOutcome }>();

  /**
   * Lint a job before the editor sends it (the first lint of the document that woke the extension,
   * see job-config.ts) and keep the outcome: the document's next job takes it if it is the same job.
   */
  speculate(key: string, job: LintJob): void {
    const outcome = this.lint(key, job);
    this.speculated.set(key, { fingerprint: fingerprint(job), outcome });
  }

  lint(key: string, job: LintJob): LintOutcome {
    const speculated = this.speculated.get(key);
    if (speculated) {
      this.speculated.delete(key);
      if (speculated.fingerprint === fingerprint(job))
        return { ...speculated.outcome, took: { lint: 0, ...speculated.outcome.took, speculated: true } };
    }
    return this.run(key, job);
  }

  /**
   * The quick pass of a job (quick-pass.ts): its findings without the checks that need the language
   * model, and no summaries. Its parse is kept for the job itself.
   */
  quickPass(key: string, job: LintJob): LintOutcome {
    return this.run(key, { ...job, config: quickPassConfig(job.config), summaries: false });
  }

  private parserFor(key: string): IncrementalParser {
    let parser = this.parsers.get(key);
    if (parser) this.parsers.delete(key);
    else parser = new IncrementalParser();
    this.parsers.set(key, parser);
    while (this.parsers.size > MAX_DOCUMENTS) this.parsers.delete(this.parsers.keys().next().value!);
    return parser;
  }

  private run(key: string, job: LintJob): LintOutcome {
    const parser = this.parserFor(key);
    const config = job.documents ? { ...job.config, documents: job.documents } : job.config;
    const started = now();
    const result = lintText(job.text, { filePath: job.filePath, config, parser });
    const linted = now();
    if (!job.summaries) return { result, took: { lint: linted - started } };
    // The summaries get the lint's own tree (the parser's latest, with this job's settings), so they
    // reuse the report model and everything kept with it (text blocks, tables, recommendations).
    const checklist = attempt(() => computeChecklist(job.text, config, result.messages, parser.latestTree(job.text)));
    const childFocus = attempt(() => childFocusSummary(job.text, config, result.messages, parser.latestTree(job.text)));
    return { result, checklist, childFocus, took: { lint: linted - started, summaries: now() - linted } };
  }

  forget(key: string): void {
    this.parsers.delete(key);
    this.speculated.delete(key);
  }
}
