/**
 * Entry point of the desktop extension (package.json `main`, bundled to
 * dist/extension.cjs): the extension of extension.ts plus what needs Node —
 * lints in a worker thread (dist/lint-worker.cjs, started as this bundle begins
 * to evaluate: lint-worker-prestart.ts), config files looked for through Node's
 * file system, and the “lint workspace” task, which runs the bundled CLI. The web
 * build (browser.ts) leaves these out. See docs/editor-performance.md.
 */
// First, in this order (imports evaluate in order): note when the bundle starts to evaluate, start the lint worker.
import { startupTimeline } from '../models/startup-timeline.js';
import { prestartedLintWorker } from './lint-worker-prestart.js';
import { statSync } from 'node:fs';
import * as vscode from 'vscode';
import { WorkerLintRunner } from '../lint-worker/worker-runner.js';
import { activateWith, type CaseReviewApi } from './extension.js';
import { registerLintTask } from './lint-task.js';

export type { CaseReviewApi } from './extension.js';

// Runs after every import above has been evaluated.
startupTimeline.mark('bundle-evaluated');

export function activate(context: vscode.ExtensionContext): CaseReviewApi {
  return activateWith(context, {
    registerLintTask,
    isFileNow,
    createLintRunner: (ctx, log, timeline) => {
      if (prestartedLintWorker.problem) log(`lint worker: could not start it early (${prestartedLintWorker.problem})`);
      const script = vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'lint-worker.cjs').fsPath;
      return new WorkerLintRunner({ script, prestarted: prestartedLintWorker, onProblem: log, timeline });
    },
  });
}

/** Whether a local file exists (a file that cannot be looked at counts as absent, as with vscode.workspace.fs.stat). */
function isFileNow(uri: vscode.Uri): boolean | undefined {
  if (uri.scheme !== 'file') return undefined;
  try {
    return statSync(uri.fsPath, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

export function deactivate(): void {
  // Everything is disposed through the extension context's subscriptions.
}
