/** The status bar item: which report type the active Markdown file was taken as; a click changes it. */
import * as vscode from 'vscode';
import type { LintController, LintState } from './linter.js';
import { TREAT_AS_COMMAND } from './commands.js';

export class ReportTypeStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('caseReview.reportType', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly controller: LintController) {
    this.item.name = 'Case Review: report type';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      controller.onDidLint((state) => {
        if (state.uri === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
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
    const { text, tooltip } = statusText(state);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = { command: TREAT_AS_COMMAND, title: 'Treat this file as…', arguments: [document.uri] };
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}

export function statusText(state: LintState | undefined): { text: string; tooltip: string } {
  if (!state) return { text: '$(sync~spin) Case review', tooltip: 'Case Review Lint: checking this file…' };
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
