/**
 * Starts the lint worker thread (dist/lint-worker.cjs, next to this bundle) the
 * moment the desktop extension's bundle begins to evaluate: desktop.ts imports
 * this module first, and modules evaluate in import order. On a cold start the
 * extension host then spends seconds evaluating this bundle; meanwhile the worker
 * loads its own and lints, on its own thread, the report whose opening woke the
 * extension (a speculation: the editor's first job for it takes the outcome if
 * nothing changes it, see src/lint-worker/job-config.ts), or else a small sample
 * report to warm up (src/lint-worker/warm-up.ts). desktop.ts hands the worker to
 * the lint runner at activation. See docs/editor-performance.md.
 *
 * Imports no part of the lint engine (it would be evaluated first), and never
 * throws: whatever fails here only costs the head start.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vscode from 'vscode';
import type { Speculation } from '../lint-worker/job-config.js';
import type { WorkerRequest } from '../lint-worker/protocol.js';
import { PrestartedWorker } from '../lint-worker/prestarted-worker.js';
import { frontMatterNamesReportType } from '../models/report-front-matter.js';
import { startupTimeline } from '../models/startup-timeline.js';

/** The report to lint ahead: the active editor's, else the last opened, whose front matter names a report type. */
function reportToLintAhead(): vscode.TextDocument | undefined {
  const isReport = (d: vscode.TextDocument) =>
    d.languageId === 'markdown' && d.uri.scheme === 'file' && frontMatterNamesReportType(d.getText());
  const active = vscode.window.activeTextEditor?.document;
  if (active && isReport(active)) return active;
  return [...vscode.workspace.textDocuments].reverse().find(isReport);
}

/** The worker's first request: the speculation, or the warm-up. */
function firstRequest(bundle: string): WorkerRequest {
  try {
    const report = reportToLintAhead();
    if (!report) return { type: 'warm-up' };
    const section = vscode.workspace.getConfiguration('caseReview', report.uri);
    if (section.get('enable') === 'never') return { type: 'warm-up' };
    // The extension's folder, as context.extensionUri will give it (dist/extension.cjs is in its dist folder).
    const extensionUri = vscode.Uri.file(dirname(dirname(bundle)));
    return {
      type: 'speculate',
      key: report.uri.toString(),
      speculation: {
        text: report.getText(),
        filePath: report.uri.fsPath,
        // Plain data: the values VS Code gives cannot be sent to a worker as they are.
        settings: JSON.parse(
          JSON.stringify({ rules: section.get('rules'), defaultReportType: section.get('defaultReportType'), child: section.get('child') }),
        ) as Speculation['settings'],
        docsBaseUrl: extensionUri.toString(),
      },
    };
  } catch {
    return { type: 'warm-up' };
  }
}

function prestart(): PrestartedWorker {
  const bundle = fileURLToPath(import.meta.url);
  startupTimeline.mark('worker-start');
  const first = firstRequest(bundle);
  startupTimeline.note('report-linted-ahead', first.type === 'speculate');
  return new PrestartedWorker(join(dirname(bundle), 'lint-worker.cjs'), first);
}

export const prestartedLintWorker = prestart();
