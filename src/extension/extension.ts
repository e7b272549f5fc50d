/**
 * VS Code extension entry point. Activates on Markdown only, reads text only
 * (works in untrusted and virtual workspaces), never uses the network: the lint
 * engine runs in-process and the rule documentation ships with the extension.
 */
import * as vscode from 'vscode';
import { startupTimeline, type StartupTimeline } from '../models/startup-timeline.js';
import { registerChecklist, type ChecklistProvider } from './checklist-view.js';
import { registerChronologyCommands } from './chronology-commands.js';
import { ChildFocusStatus } from './child-focus-status.js';
import { CaseReviewCodeActions } from './code-actions.js';
import { registerCommands } from './commands.js';
import { registerExportCommand } from './export-command.js';
import { registerPseudonymCommand } from './pseudonym-command.js';
import { ConfigLookup, type IsFileNow } from './config-lookup.js';
import { LintController, MARKDOWN, type LintState } from './linter.js';
import { Overrides } from './overrides.js';
import { registerNewReport } from './new-report.js';
import { registerChooseChecks } from './choose-checks.js';
import { ReportTypeStatus } from './status-bar.js';
import { InProcessLintRunner, type LintRunner } from '../lint-worker/runner.js';
import { registerTimelineView } from './timeline-view.js';

export const CONFIG_GLOB = '**/.casereviewrc*';

/** What the extension exports (for other extensions and the extension-host tests). */
export interface CaseReviewApi {
  /** Fires after each lint decision for a document (linted or not). */
  onDidLint: vscode.Event<LintState>;
  /** What the extension made of a document at its latest lint. */
  stateOf(uri: vscode.Uri): LintState | undefined;
  /** Lint an open document now (no throttle); undefined when the result was discarded as stale. */
  lint(document: vscode.TextDocument): Promise<LintState | undefined>;
  /** The status bar item for the active editor: text, tooltip and click command; undefined when hidden. */
  statusBar(): { text: string; tooltip: string; command: vscode.Command } | undefined;
  /** The “Report Checklist” view's data provider (sections of the active report). */
  checklist: ChecklistProvider;
  /** The “Child focus” status bar item for the active editor; undefined when hidden. */
  childFocus(): { text: string; tooltip: string; command: vscode.Command } | undefined;
  /** Where lints run: whether the worker thread is in use and how many lints it has completed. */
  lintWorker(): { inUse: boolean; completed: number };
  /** When activation and the first lint's steps happened (extension host's performance.now(), ms); for the editor tests. */
  startupTimings(): ReturnType<StartupTimeline['snapshot']>;
}

/** URIs shown in an editor tab (text or the changed side of a diff). */
function shownUris(): Set<string> {
  const uris = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputText) uris.add(tab.input.uri.toString());
      else if (tab.input instanceof vscode.TabInputTextDiff) uris.add(tab.input.modified.toString());
    }
  }
  return uris;
}

/** Documents in the order to lint them: the active editor's, then the other visible ones, then the rest (lints run one at a time). */
function shownFirst(documents: readonly vscode.TextDocument[]): vscode.TextDocument[] {
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  const visible = new Set(vscode.window.visibleTextEditors.map((editor) => editor.document.uri.toString()));
  const rank = (document: vscode.TextDocument) => (document.uri.toString() === active ? 0 : visible.has(document.uri.toString()) ? 1 : 2);
  return [...documents].sort((a, b) => rank(a) - rank(b));
}

/** A lint runner that may use a worker thread (desktop.ts); in process otherwise. */
export interface ExtensionLintRunner extends LintRunner {
  readonly usesWorker: boolean;
  readonly completedInWorker: number;
  /** Start what lints need (the worker thread) before the first job. */
  start?(): void;
}

/**
 * What only a Node extension host can do (desktop.ts, the `main` entry, passes them);
 * the web build (browser.ts) passes none of it.
 */
export interface NodeFeatures {
  /** The “lint workspace” task, which runs the bundled CLI in a process. */
  registerLintTask?(context: vscode.ExtensionContext): void;
  /** Whether a file exists, at once (Node's file system, `file:` URIs only): for finding config files. */
  isFileNow?: IsFileNow;
  /** Lints in a worker thread so that a long one never blocks the extension host. */
  createLintRunner?(context: vscode.ExtensionContext, log: (line: string) => void, timeline: StartupTimeline): ExtensionLintRunner;
}

/** The extension without the Node-only features (what the web build runs). */
export function activate(context: vscode.ExtensionContext): CaseReviewApi {
  return activateWith(context, {});
}

class InProcessRunner extends InProcessLintRunner implements ExtensionLintRunner {
  readonly usesWorker = false;
  readonly completedInWorker = 0;
}

export function activateWith(context: vscode.ExtensionContext, node: NodeFeatures): CaseReviewApi {
  startupTimeline.mark('activate-start');
  const output = vscode.window.createOutputChannel('Case Review Lint');
  const runner: ExtensionLintRunner =
    node.createLintRunner?.(context, (line) => output.appendLine(`[${new Date().toISOString()}] ${line}`), startupTimeline) ??
    new InProcessRunner();
  // The worker loads its bundle on its own thread while the rest of activation and the first document's settings are read.
  runner.start?.();
  const overrides = new Overrides(context.workspaceState);
  const lookup = new ConfigLookup(node.isFileNow);
  const controller = new LintController(context.extensionUri, lookup, overrides, output, runner, startupTimeline);
  const isShown = (uri: vscode.Uri) => shownUris().has(uri.toString());
  const relintAll = () => void controller.relintAll(isShown);

  const status = new ReportTypeStatus(controller);
  context.subscriptions.push(output, overrides, controller, status);
  registerCommands(context, controller, overrides);
  registerPseudonymCommand(context);
  registerNewReport(context, controller);
  registerChooseChecks(context);
  registerChronologyCommands(context, controller);
  node.registerLintTask?.(context);
  registerExportCommand(context, controller, output);
  registerTimelineView(context, controller);
  const checklist = registerChecklist(context, controller);
  const childFocus = new ChildFocusStatus(controller);
  context.subscriptions.push(childFocus);

  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      { language: MARKDOWN },
      new CaseReviewCodeActions(controller),
      CaseReviewCodeActions.metadata,
    ),

    vscode.workspace.onDidOpenTextDocument((document) => void controller.lintDocument(document)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) controller.schedule(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => controller.clear(document.uri)),
    // Documents opened by extensions outlive their tabs: clear a file's diagnostics when its last tab closes.
    vscode.window.tabGroups.onDidChangeTabs((event) => {
      if (event.closed.length === 0) return;
      const shown = shownUris();
      for (const tab of event.closed) {
        const uri =
          tab.input instanceof vscode.TabInputText
            ? tab.input.uri
            : tab.input instanceof vscode.TabInputTextDiff
              ? tab.input.modified
              : undefined;
        if (uri && !shown.has(uri.toString())) controller.clear(uri);
      }
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      // A file shown again after its tab closed.
      if (editor && !controller.stateOf(editor.document.uri)) void controller.lintDocument(editor.document);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('caseReview')) relintAll();
    }),
  );

  // Config files: re-read and relint when one is created, changed or deleted.
  const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
  const configChanged = (uri: vscode.Uri, deleted = false) => {
    lookup.invalidate();
    if (deleted) controller.configDiagnostics.delete(uri);
    else void lookup.load(uri);
    relintAll();
  };
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate((uri) => configChanged(uri)),
    watcher.onDidChange((uri) => configChanged(uri)),
    watcher.onDidDelete((uri) => configChanged(uri, true)),
  );

  // Check the workspace's config files once, so a broken one shows up in Problems even before a report uses it.
  void vscode.workspace.findFiles(CONFIG_GLOB, '**/node_modules/**', 50).then(
    (files) => files.forEach((file) => void lookup.load(file)),
    () => undefined,
  );

  for (const document of shownFirst(vscode.workspace.textDocuments)) void controller.lintDocument(document);

  startupTimeline.mark('activate-end');
  return {
    onDidLint: controller.onDidLint,
    stateOf: (uri) => controller.stateOf(uri),
    lint: (document) => controller.lintDocument(document),
    statusBar: () => {
      status.update();
      return status.snapshot();
    },
    checklist,
    childFocus: () => {
      childFocus.update();
      return childFocus.snapshot();
    },
    lintWorker: () => ({ inUse: runner.usesWorker, completed: runner.completedInWorker }),
    startupTimings: () => startupTimeline.snapshot(),
  };
}

export function deactivate(): void {
  // Everything is disposed through the extension context's subscriptions.
}
