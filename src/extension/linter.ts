/**
 * The lint controller: decides which Markdown documents are case reviews, lints
 * them (throttled while typing), publishes diagnostics, discards stale results and
 * clears a document's diagnostics when it closes.
 */
import * as vscode from 'vscode';
import { documentReferences, type LintConfig, type LintResult, lintText, type ReportTypeSource } from '../index.js';
import { ConfigLookup } from './config-lookup.js';
import { configErrorDiagnostic, toDiagnostic } from './diagnostics.js';
import { Overrides } from './overrides.js';
import { TextIndex } from '../models/positions.js';
import { ReferencedDocuments, type ReferencedTexts } from './referenced-documents.js';
import { frontMatterNamesReportType } from '../models/report-front-matter.js';
import { combineConfig, configFromSettings, delaySetting, normalizeEnable, type ExtensionSettings } from '../models/settings.js';
import {
  type Classification,
  classify,
  decideLint,
  describeSource,
  NOT_A_CASE_REVIEW,
  reportTypeTitle,
  type LintReason,
} from '../models/when-to-lint.js';
import { InProcessLintRunner, type LintRunner } from '../lint-worker/runner.js';
import type { LintOutcome } from '../lint-worker/protocol.js';
import { lintConfigOf, NO_REFERENCED_TEXTS } from '../lint-worker/job-config.js';
import type { Checklist } from '../models/checklist-model.js';
import type { ChildFocusSummary } from '../models/child-focus-model.js';
import type { StartupTimeline } from '../models/startup-timeline.js';

/** What the extension made of one document, after its latest lint. */
export interface LintState {
  uri: string;
  /** Document version linted (undefined for files linted from disk). */
  version?: number;
  linted: boolean;
  reason: LintReason;
  reportType?: string;
  reportTypeTitle?: string;
  reportTypeSource?: ReportTypeSource;
  reportTypeConfidence?: number;
  /** Messages published (0 when not linted). */
  problems: number;
  /** The config file that applies, if any. */
  configFile?: string;
  /** One line for people: “Overview report (from the front matter)”. */
  description: string;
}

/** The last lint of an open document, kept for code actions. */
export interface LintEntry {
  version: number;
  text: string;
  config: Partial<LintConfig>;
  result: LintResult;
  index: TextIndex;
  /** The Report checklist and child-focus summary computed with the lint (off the main thread), when they were. */
  checklist?: Checklist;
  childFocus?: ChildFocusSummary;
}

/**
 * A lint sent before the document's config file and referenced documents are known (its first
 * lint, while they are looked for): its result is used when they change nothing.
 */
interface EarlyLint {
  config: Partial<LintConfig>;
  outcome: Promise<LintOutcome | undefined>;
  /** The quick pass's findings, once they came (shown only when the early lint fits). */
  partial?: LintOutcome;
  onPartial?: (partial: LintOutcome) => void;
}

export const MARKDOWN = 'markdown';
const SKIPPED_SCHEMES = new Set([
  'git',
  'gitfs',
  'output',
  'debug',
  'vscode-scm',
  'comment',
  'walkThroughSnippet',
  'vscode-chat-code-block',
]);

export class LintController implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('case-review');
  readonly configDiagnostics = vscode.languages.createDiagnosticCollection('case-review-config');
  /** The report type files (named by each config) whose errors are shown, to clear them on the next read. */
  private readonly profileFilesWithErrors = new Map<string, vscode.Uri[]>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generations = new Map<string, number>();
  private readonly entries = new Map<string, LintEntry>();
  private readonly states = new Map<string, LintState>();
  /** Files linted from disk by “Lint workspace” (not open): relinted when settings change. */
  private readonly fromDisk = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<LintState>();
  /** Fires after each lint decision for a document, linted or not. */
  readonly onDidLint = this.emitter.event;
  private readonly reportedProblems = new Set<string>();
  /** Open documents being linted now (a count per document: a newer lint may start before an older one ends), since when. */
  private readonly checking = new Map<string, { count: number; since: number }>();
  private readonly checkingEmitter = new vscode.EventEmitter<string>();
  /** Fires with a document's URI when a lint of it starts or ends (see `checkingSince`). */
  readonly onDidChangeChecking = this.checkingEmitter.event;
  /** Documents the reports refer to (an executive summary's overview report), read for the engine. */
  readonly referenced = new ReferencedDocuments((uri) => this.relintDependent(uri));

  constructor(
    private readonly extensionUri: vscode.Uri,
    readonly lookup: ConfigLookup,
    private readonly overrides: Overrides,
    private readonly output: vscode.OutputChannel,
    /** Where lints run: a worker thread on desktop (see extension.ts), in process otherwise. */
    private readonly runner: LintRunner = new InProcessLintRunner(),
    /** Where the first lint's steps are written down (activation and first-lint timings). */
    private readonly timeline?: StartupTimeline,
  ) {
    lookup.onDidParse((file, parsed) => {
      // A board's report type file named by the config has its errors on its own lines.
      const own = file.scheme === 'file' ? file.fsPath : file.toString();
      this.configDiagnostics.set(file, parsed.errors.filter((e) => e.file === own).map(configErrorDiagnostic));
      for (const uri of this.profileFilesWithErrors.get(file.toString()) ?? []) this.configDiagnostics.delete(uri);
      const others = [...new Set(parsed.errors.map((e) => e.file).filter((f) => f !== own))];
      this.profileFilesWithErrors.set(
        file.toString(),
        others.map((name) => {
          const uri = file.scheme === 'file' ? vscode.Uri.file(name) : vscode.Uri.parse(name);
          this.configDiagnostics.set(uri, parsed.errors.filter((e) => e.file === name).map(configErrorDiagnostic));
          return uri;
        }),
      );
      for (const error of parsed.errors) this.log(`${error.file}:${error.line}:${error.column}: ${error.message}`);
    });
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.runner.dispose();
    this.diagnostics.dispose();
    this.configDiagnostics.dispose();
    this.emitter.dispose();
    this.checkingEmitter.dispose();
    this.referenced.dispose();
  }

  /** A document an open report refers to changed: relint that report (throttled). */
  private relintDependent(uri: vscode.Uri): void {
    const key = uri.toString();
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (document && !document.isClosed && this.states.get(key)?.linted) this.schedule(document);
  }

  /** Is this a document the extension looks at at all (Markdown, not its own docs, not a git or output view)? */
  isCandidate(document: vscode.TextDocument): boolean {
    if (document.languageId !== MARKDOWN) return false;
    if (SKIPPED_SCHEMES.has(document.uri.scheme)) return false;
    return !this.isOwnFile(document.uri);
  }

  /** The extension's own rule documentation (opened by “Learn more”) is not a case review. */
  private isOwnFile(uri: vscode.Uri): boolean {
    return uri.toString().startsWith(`${vscode.Uri.joinPath(this.extensionUri, 'docs').toString()}/`);
  }

  stateOf(uri: vscode.Uri): LintState | undefined {
    return this.states.get(uri.toString());
  }

  /**
   * The latest lint of a document if it is of the document's current version; undefined while a newer lint is
   * on its way. For views and code actions: never lints on the extension host's thread.
   */
  latestEntry(document: vscode.TextDocument): LintEntry | undefined {
    const entry = this.entries.get(document.uri.toString());
    return entry && entry.version === document.version ? entry : undefined;
  }

  /** The latest lint of a document, linted again in process if the document changed since (for commands the user runs). */
  entryFor(document: vscode.TextDocument): LintEntry | undefined {
    const entry = this.entries.get(document.uri.toString());
    if (!entry) return undefined;
    if (entry.version === document.version) return entry;
    // The document changed since: lint its current text with the same configuration (no publishing).
    const text = document.getText();
    const result = lintText(text, { filePath: filePathOf(document.uri), config: entry.config });
    return { version: document.version, text, config: entry.config, result, index: new TextIndex(text) };
  }

  /** Lint a text with the configuration last used for a document (for “Fix all”). */
  lintWithConfigOf(document: vscode.TextDocument, text: string): LintResult | undefined {
    const entry = this.entries.get(document.uri.toString());
    if (!entry) return undefined;
    return lintText(text, { filePath: filePathOf(document.uri), config: entry.config });
  }

  /** Lint after the throttle delay; changes within the delay are linted together. */
  schedule(document: vscode.TextDocument): void {
    if (!this.isCandidate(document)) return;
    const key = document.uri.toString();
    if (this.timers.has(key)) return;
    const delay = delaySetting(vscode.workspace.getConfiguration('caseReview', document.uri));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) void this.lintDocument(document);
      }, delay),
    );
  }

  /** Lint an open document now. Resolves to undefined when the result was stale and discarded. */
  async lintDocument(document: vscode.TextDocument): Promise<LintState | undefined> {
    const key = document.uri.toString();
    const candidate = this.isCandidate(document);
    if (candidate) this.startChecking(key);
    try {
      return await this.lintOpenDocument(document);
    } catch (error) {
      this.log(`failed to lint ${document.uri.toString()}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    } finally {
      if (candidate) this.stopChecking(key);
    }
  }

  /** Since when (performance.now(), ms) a lint of this open document has been running; undefined when none is. */
  checkingSince(uri: vscode.Uri): number | undefined {
    return this.checking.get(uri.toString())?.since;
  }

  private startChecking(key: string): void {
    const entry = this.checking.get(key);
    if (entry) entry.count++;
    else this.checking.set(key, { count: 1, since: performance.now() });
    this.checkingEmitter.fire(key);
  }

  private stopChecking(key: string): void {
    const entry = this.checking.get(key);
    if (!entry) return;
    if (--entry.count > 0) return;
    this.checking.delete(key);
    this.checkingEmitter.fire(key);
  }

  private async lintOpenDocument(document: vscode.TextDocument): Promise<LintState | undefined> {
    if (!this.isCandidate(document)) return undefined;
    this.timeline?.mark('first-lint-requested');
    const key = document.uri.toString();
    const timer = this.timers.get(key);
    if (timer) {
      clearTimeout(timer);
      this.timers.delete(key);
    }
    this.fromDisk.delete(key);
    const generation = this.nextGeneration(key);
    const version = document.version;
    const text = document.getText();
    // A document's first lint starts at once, while its config file and referenced documents are looked for.
    const early = this.states.has(key) ? undefined : this.lintEarly(document.uri, text);
    const prepared = await this.prepare(document.uri, text, true);
    this.timeline?.mark('first-lint-prepared');
    // Discard: a newer lint started, the document changed, or it was closed meanwhile.
    if (this.generations.get(key) !== generation || document.isClosed || document.version !== version) return undefined;
    return this.finish(
      document.uri,
      text,
      version,
      prepared,
      () => this.generations.get(key) === generation && !document.isClosed && document.version === version,
      early,
    );
  }

  /**
   * Send a document's first lint before its config file and referenced documents are known, with the
   * configuration from the settings alone; `finish` uses its result when they change nothing (no config
   * file, no references), and lints again otherwise. Only for a document that is linted whatever the
   * config file says: one whose front matter names its report type, one chosen as a case review, or
   * with `caseReview.enable` set to `always`.
   */
  private lintEarly(uri: vscode.Uri, text: string): EarlyLint | undefined {
    const settings = readSettings(uri);
    const enable = normalizeEnable(settings.enable);
    const override = this.overrides.get(uri);
    if (enable === 'never' || override === NOT_A_CASE_REVIEW) return undefined;
    if (!override && enable !== 'always' && !frontMatterNamesReportType(text)) return undefined;
    if (documentReferences(text, filePathOf(uri)).length > 0) return undefined;
    const config = this.lintConfig(configFromSettings(settings).config, undefined, override, NO_REFERENCED_TEXTS);
    this.timeline?.mark('first-lint-sent');
    const early: EarlyLint = { config, outcome: Promise.resolve(undefined) };
    early.outcome = this.runner.lint(uri.toString(), { text, filePath: filePathOf(uri), config, summaries: true }, (partial) => {
      early.partial = partial;
      early.onPartial?.(partial);
    });
    // Not awaited when it does not fit: its failure then reaches no one.
    early.outcome.catch(() => undefined);
    return early;
  }

  /** The configuration a lint runs with (see job-config.ts). */
  private lintConfig(
    fromSettings: Partial<LintConfig>,
    fromFile: Partial<LintConfig> | undefined,
    reportType: string | undefined,
    referenced: ReferencedTexts,
  ): Partial<LintConfig> {
    return lintConfigOf({ fromSettings, fromFile, reportType, referenced, docsBaseUrl: this.extensionUri.toString() });
  }

  /** Lint a file's text from disk (not open in an editor), for “Lint workspace”. */
  async lintFile(uri: vscode.Uri, text: string): Promise<LintState | undefined> {
    const key = uri.toString();
    const generation = this.nextGeneration(key);
    const prepared = await this.prepare(uri, text, false);
    if (this.generations.get(key) !== generation) return undefined;
    const state = await this.finish(uri, text, undefined, prepared, () => this.generations.get(key) === generation);
    if (state?.linted) this.fromDisk.add(key);
    return state;
  }

  /** Forget a document: its diagnostics, pending lint and state. */
  clear(uri: vscode.Uri): void {
    const key = uri.toString();
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
    this.nextGeneration(key);
    this.entries.delete(key);
    this.states.delete(key);
    this.fromDisk.delete(key);
    this.runner.forget(key);
    this.diagnostics.delete(uri);
    this.referenced.forget(uri);
  }

  /** Relint every open Markdown document (and files linted from disk): after settings, config files or choices change. */
  async relintAll(isShown: (uri: vscode.Uri) => boolean): Promise<void> {
    const open = vscode.workspace.textDocuments.filter((d) => this.isCandidate(d) && (isShown(d.uri) || this.states.has(d.uri.toString())));
    const openKeys = new Set(open.map((d) => d.uri.toString()));
    const disk = [...this.fromDisk].filter((k) => !openKeys.has(k)).map((k) => vscode.Uri.parse(k));
    await Promise.all([
      ...open.map((d) => this.lintDocument(d)),
      ...disk.map(async (uri) => {
        try {
          const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
          await this.lintFile(uri, text);
        } catch {
          this.clear(uri);
        }
      }),
    ]);
  }

  private nextGeneration(key: string): number {
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    return generation;
  }

  /** Settings, config file and referenced documents for a lint; `track` relints the document when those documents change. */
  private async prepare(uri: vscode.Uri, text: string, track: boolean) {
    const settings = readSettings(uri);
    const fromSettings = configFromSettings(settings);
    for (const problem of fromSettings.problems) this.logOnce(problem);
    const [found, referenced] = await Promise.all([this.lookup.forDocument(uri), this.referenced.read(uri, filePathOf(uri), text, track)]);
    for (const [path, problem] of Object.entries(referenced.documentErrors))
      this.logOnce(`${displayPath(uri)}: cannot read the referenced document ${path}: ${problem}`);
    return { settings, fromSettings: fromSettings.config, found, override: this.overrides.get(uri), referenced };
  }

  /** Decide, lint (in the runner) and publish; undefined when `current()` says the result went stale meanwhile. */
  private async finish(
    uri: vscode.Uri,
    text: string,
    version: number | undefined,
    prepared: Awaited<ReturnType<LintController['prepare']>>,
    current: () => boolean,
    early?: EarlyLint,
  ): Promise<LintState | undefined> {
    const key = uri.toString();
    const base = combineConfig(prepared.fromSettings, prepared.found?.parsed.config, { docsBaseUrl: this.extensionUri.toString() });
    const decision = decideLint({
      enable: normalizeEnable(prepared.settings.enable),
      override: prepared.override,
      configApplies: prepared.found !== undefined,
      // A front matter that names the report type decides without parsing the document on this thread.
      classify: () => (frontMatterNamesReportType(text) ? NAMED_IN_FRONT_MATTER : classify(text, base)),
    });
    const configFile = prepared.found ? displayPath(prepared.found.file) : undefined;
    if (!decision.lint) {
      this.entries.delete(key);
      this.diagnostics.delete(uri);
      const state: LintState = {
        uri: key,
        version,
        linted: false,
        reason: decision.reason,
        problems: 0,
        configFile,
        description: notLintedText(decision.reason),
      };
      return this.record(key, state);
    }
    const config = this.lintConfig(prepared.fromSettings, prepared.found?.parsed.config, decision.reportType, prepared.referenced);
    // The early lint's result holds when no config file applies and the configuration came out the same.
    const earlyFits = early !== undefined && prepared.found === undefined && JSON.stringify(early.config) === JSON.stringify(config);
    if (!earlyFits) this.timeline?.mark('first-lint-sent');
    const index = new TextIndex(text);
    // A quick pass's findings (the worker's first lint, quick-pass.ts) are shown until the whole lint's replace them.
    const showPartial = (partial: LintOutcome) => {
      if (!current()) return;
      this.diagnostics.set(
        uri,
        partial.result.messages.map((m) => toDiagnostic(m, index)),
      );
      this.timeline?.mark('first-diagnostics');
    };
    if (earlyFits && early.partial) showPartial(early.partial);
    else if (earlyFits) early.onPartial = showPartial;
    const outcome = await (earlyFits
      ? early.outcome
      : this.runner.lint(key, { text, filePath: filePathOf(uri), config, summaries: version !== undefined }, showPartial));
    // Cancelled (a newer lint of this document replaced it) or stale (the document moved on).
    if (!outcome || !current()) return undefined;
    const { result, checklist, childFocus } = outcome;
    this.recordFirst(outcome);
    this.diagnostics.set(
      uri,
      result.messages.map((m) => toDiagnostic(m, index)),
    );
    this.timeline?.mark('first-diagnostics');
    this.timeline?.mark('first-complete-diagnostics');
    if (version !== undefined) this.entries.set(key, { version, text, config, result, index, checklist, childFocus });
    else this.entries.delete(key);
    const title = reportTypeTitle(result.reportType, config);
    const state: LintState = {
      uri: key,
      version,
      linted: true,
      reason: decision.reason,
      reportType: result.reportType,
      reportTypeTitle: title,
      reportTypeSource: result.reportTypeSource,
      reportTypeConfidence: result.reportTypeConfidence,
      problems: result.messages.length,
      configFile,
      description: `${title} (${describeSource(result.reportTypeSource, result.reportTypeConfidence)})`,
    };
    return this.record(key, state);
  }

  /** The first lint's result in the start-up timeline: when it came and how long it took where it ran. */
  private recordFirst(outcome: LintOutcome): void {
    if (!this.timeline || this.timeline.has('first-lint-result')) return;
    this.timeline.mark('first-lint-result');
    if (outcome.took) {
      this.timeline.took('first-lint', outcome.took.lint);
      if (outcome.took.summaries !== undefined) this.timeline.took('first-summaries', outcome.took.summaries);
      this.timeline.note('first-lint-was-speculated', outcome.took.speculated === true);
    }
    if (outcome.checklist || outcome.childFocus) this.timeline.mark('first-summaries');
  }

  private record(key: string, state: LintState): LintState {
    this.states.set(key, state);
    this.emitter.fire(state);
    return state;
  }

  private log(line: string): void {
    this.output.appendLine(`[${new Date().toISOString()}] ${line}`);
  }

  private logOnce(line: string): void {
    if (this.reportedProblems.has(line)) return;
    this.reportedProblems.add(line);
    this.log(line);
  }
}

/** All decideLint needs to know of a document whose front matter has a `report-type:` key (the rest is not read). */
const NAMED_IN_FRONT_MATTER: Classification = {
  hasReportTypeKey: true,
  type: '',
  source: 'front-matter',
  confidence: 1,
  matchedSections: 0,
};

function notLintedText(reason: LintReason): string {
  switch (reason) {
    case 'chosen-none':
      return 'not a case review (chosen for this file)';
    case 'never':
      return 'not linted (caseReview.enable is "never")';
    default:
      return 'not a case review (no report-type in front matter, no .casereviewrc, headings do not match a report profile)';
  }
}

export function readSettings(uri: vscode.Uri | undefined): ExtensionSettings {
  const c = vscode.workspace.getConfiguration('caseReview', uri);
  return {
    enable: normalizeEnable(c.get('enable')),
    rules: c.get<Record<string, unknown>>('rules') ?? {},
    defaultReportType: c.get<string>('defaultReportType') ?? '',
    child: c.get('child') ?? [],
    throttleMs: delaySetting(c),
  };
}

export function filePathOf(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

export function displayPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}
