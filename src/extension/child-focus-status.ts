/**
 * “Child focus” status bar item for the active report: the share of its
 * analysis sentences about the child and how many sections child-focus flags
 * (child-focus-model.ts). A click shows the breakdown by section in a quick
 * pick; choosing a section reveals its heading.
 *
 * Command `caseReview.showChildFocus` (uri?, options?: { pick?: string }): with
 * `pick` (a section title) no quick pick is shown and that section is revealed.
 * Resolves to `{ items, picked }` (the breakdown, and the title chosen).
 */
import * as vscode from 'vscode';
import { childFocusSummary, type ChildFocusItem, type ChildFocusSummary } from '../models/child-focus-model.js';
import { REVEAL_SECTION_COMMAND } from './checklist-view.js';
import type { LintController } from './linter.js';

export const SHOW_CHILD_FOCUS_COMMAND = 'caseReview.showChildFocus';

export class ChildFocusStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('caseReview.childFocus', vscode.StatusBarAlignment.Right, 99);
  private readonly subscriptions: vscode.Disposable[] = [];
  private cache: { uri: string; version: number; summary: ChildFocusSummary | undefined } | undefined;
  private visible = false;

  constructor(private readonly controller: LintController) {
    this.item.name = 'Case Review: child focus';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      controller.onDidLint((state) => {
        if (state.uri === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
      vscode.commands.registerCommand(SHOW_CHILD_FOCUS_COMMAND, (uri?: unknown, options?: { pick?: string }) => this.show(uri, options)),
    );
    this.update();
  }

  /** The summary of a document's latest lint (cached per version); undefined when it is not a linted case review. */
  summaryOf(document: vscode.TextDocument): ChildFocusSummary | undefined {
    if (!this.controller.stateOf(document.uri)?.linted) return undefined;
    const entry = this.controller.latestEntry(document);
    // While a newer lint is on its way, keep showing the last summary of this document.
    if (!entry) return this.cache?.uri === document.uri.toString() ? this.cache.summary : undefined;
    const key = document.uri.toString();
    if (this.cache?.uri === key && this.cache.version === entry.version) return this.cache.summary;
    let summary: ChildFocusSummary | undefined;
    try {
      summary = entry.childFocus ?? childFocusSummary(entry.text, entry.config, entry.result.messages);
    } catch {
      summary = undefined;
    }
    this.cache = { uri: key, version: entry.version, summary };
    return summary;
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const summary = document && this.summaryOf(document);
    if (!document || !summary) {
      this.item.hide();
      this.visible = false;
      return;
    }
    this.item.text = summary.text;
    this.item.tooltip = summary.tooltip;
    this.item.backgroundColor = summary.flaggedSections > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.command = { command: SHOW_CHILD_FOCUS_COMMAND, title: 'Show child focus by section', arguments: [document.uri] };
    this.item.show();
    this.visible = true;
  }

  /** What the item shows now (for the extension's API and tests); undefined when hidden. */
  snapshot(): { text: string; tooltip: string; command: vscode.Command } | undefined {
    if (!this.visible) return undefined;
    return { text: this.item.text, tooltip: String(this.item.tooltip ?? ''), command: this.item.command as vscode.Command };
  }

  private async show(uriArg: unknown, options: { pick?: string } = {}): Promise<{ items: ChildFocusItem[]; picked?: string } | undefined> {
    const uri =
      uriArg instanceof vscode.Uri
        ? uriArg
        : typeof uriArg === 'string'
          ? vscode.Uri.parse(uriArg)
          : vscode.window.activeTextEditor?.document.uri;
    const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const summary = document && this.summaryOf(document);
    if (!document || !summary) {
      void vscode.window.showInformationMessage('Case Review: open a case review report to see its child focus.');
      return undefined;
    }
    let chosen: ChildFocusItem | undefined;
    if (options.pick !== undefined) chosen = summary.items.find((i) => i.title === options.pick);
    else {
      const picked = await vscode.window.showQuickPick(
        summary.items.map((item) => ({
          label: `${item.flagged ? '$(warning) ' : ''}${'  '.repeat(Math.max(0, item.level - 2))}${item.title}`,
          description: item.description,
          detail: item.flagged ? `Flagged by child-focus: ${item.detail}` : item.detail,
          item,
        })),
        {
          title: `Case Review: child focus — ${withoutClickHint(summary.tooltip.replace(/^Case Review Lint: /, ''))}`,
          placeHolder: 'Choose a section to go to it',
          matchOnDescription: true,
        },
      );
      chosen = picked?.item;
    }
    if (chosen) await vscode.commands.executeCommand(REVEAL_SECTION_COMMAND, document.uri, chosen.start, chosen.headingEnd);
    return { items: summary.items, picked: chosen?.title };
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}

/** The tooltip without its trailing “ Click for …” hint (a plain search: no backtracking on long text). */
function withoutClickHint(tooltip: string): string {
  const at = tooltip.indexOf(' Click for ');
  return at === -1 ? tooltip : tooltip.slice(0, at);
}
