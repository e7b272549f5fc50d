/**
 * The status bar item: which report type the active Markdown file was taken as; a click changes it.
 * Until a file's first result, and while a lint runs longer than {@link LONG_LINT_MS}, it says
 * “Checking report…” with a spinning icon.
 */
import * as vscode from 'vscode';
import type { LintController, LintState } from './linter.js';
import { TREAT_AS_COMMAND } from './commands.js';

/** A relint that takes longer than this shows “Checking report…” (shorter ones, while typing, would only flicker). */
export const LONG_LINT_MS = 600;

export class ReportTypeStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('caseReview.reportType', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private longLintTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly controller: LintController) {
    this.item.name = 'Case Review: report type';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      controller.onDidLint((state) => {
        if (state.uri === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
      controller.onDidChangeChecking((uri) => {
        if (uri === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
    );
    this.update();
  }

  private visible = false;

  /** What the item shows now (for the extension's API and tests); undefined when hidden. */
  snapshot(): { text: string; tooltip: string; command: vscode.Command } | undefined {
    if (!this.visible) return undefined;
    return { text: this.item.text, tooltip: String(this.item.tooltip ?? ''), command: this.item.command as vscode.Command };
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.controller.isCandidate(document)) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const state = this.controller.stateOf(document.uri);
    const { text, tooltip } = statusText(state, this.longLint(document.uri));
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = { command: TREAT_AS_COMMAND, title: 'Treat this file as…', arguments: [document.uri] };
    this.item.show();
    this.visible = true;
  }

  /** Has a lint of this document been running for {@link LONG_LINT_MS} or more? If one runs, look again when it would be. */
  private longLint(uri: vscode.Uri): boolean {
    if (this.longLintTimer) clearTimeout(this.longLintTimer);
    this.longLintTimer = undefined;
    const since = this.controller.checkingSince(uri);
    if (since === undefined) return false;
    const left = since + LONG_LINT_MS - performance.now();
    if (left <= 0) return true;
    this.longLintTimer = setTimeout(() => this.update(), left);
    return false;
  }

  dispose(): void {
    if (this.longLintTimer) clearTimeout(this.longLintTimer);
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}

const CHECKING = '$(sync~spin) Checking report…';

export function statusText(state: LintState | undefined, longLint = false): { text: string; tooltip: string } {
  if (!state) return { text: CHECKING, tooltip: 'Case Review Lint is checking this file. What it finds will show in the Problems panel.' };
  if (longLint && state.linted)
    return { text: CHECKING, tooltip: `Case Review Lint is checking your latest changes to this ${state.reportTypeTitle ?? 'report'}.` };
  if (!state.linted) {
    return {
      text: '$(circle-slash) Not a case review',
      tooltip: `Case Review Lint: ${state.description}. Click to treat this file as a case review.`,
    };
  }
  const problems = state.problems === 1 ? '1 problem' : `${state.problems} problems`;
  return {
    text: `$(checklist) ${state.reportTypeTitle ?? state.reportType ?? 'Case review'}`,
    tooltip: `Case Review Lint: taken as ${state.description}; ${problems}${state.configFile ? `; config ${state.configFile}` : ''}. Click to change.`,
  };
}
