/**
 * The “Report Checklist” view in the Explorer (`caseReview.checklist`): the
 * active report's profile sections with their state (checklist-model.ts).
 * Refreshes after each lint of the active document (so as the author types)
 * and when the active editor changes; clicking a section reveals its heading.
 */
import * as vscode from 'vscode';
import { computeChecklist, describeSection, type ChecklistSection, type SectionState } from './checklist-model.js';
import type { LintController } from './linter.js';

export const CHECKLIST_VIEW = 'caseReview.checklist';
export const REVEAL_SECTION_COMMAND = 'caseReview.revealSection';

const ICONS: Record<SectionState, vscode.ThemeIcon> = {
  missing: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  empty: new vscode.ThemeIcon('circle-large-outline'),
  prompts: new vscode.ThemeIcon('edit', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  findings: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  done: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
};

export interface ChecklistNode {
  uri: vscode.Uri;
  section: ChecklistSection;
}

export class ChecklistProvider implements vscode.TreeDataProvider<ChecklistNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ChecklistNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private cache: { uri: string; version: number; nodes: ChecklistNode[] } | undefined;

  constructor(private readonly controller: LintController) {
    this.subscriptions.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.changed.fire(undefined)),
      controller.onDidLint((state) => {
        if (state.uri === vscode.window.activeTextEditor?.document.uri.toString()) this.changed.fire(undefined);
      }),
    );
  }

  /** The checklist of the active editor's report (or of `document`); [] when it is not a linted case review. */
  sections(document = vscode.window.activeTextEditor?.document): ChecklistNode[] {
    if (!document) return [];
    const state = this.controller.stateOf(document.uri);
    if (!state?.linted) return [];
    const entry = this.controller.latestEntry(document);
    if (!entry) return this.cache?.uri === document.uri.toString() ? this.cache.nodes : [];
    const key = document.uri.toString();
    if (this.cache && this.cache.uri === key && this.cache.version === entry.version) return this.cache.nodes;
    let nodes: ChecklistNode[] = [];
    try {
      const checklist = entry.checklist ?? computeChecklist(entry.text, entry.config, entry.result.messages);
      nodes = checklist.sections.map((section) => ({ uri: document.uri, section }));
    } catch {
      // An unexpected report shape costs the checklist only.
    }
    this.cache = { uri: key, version: entry.version, nodes };
    return nodes;
  }

  getChildren(element?: ChecklistNode): ChecklistNode[] {
    return element ? [] : this.sections();
  }

  getTreeItem(node: ChecklistNode): vscode.TreeItem {
    const { section } = node;
    const item = new vscode.TreeItem(section.headings[0] ?? section.title, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.uri.toString()}#${section.id}`;
    item.description = describeSection(section);
    item.iconPath = ICONS[section.state];
    item.contextValue = `caseReview.section.${section.state}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${section.title}** (${section.status})\n\n`);
    tooltip.appendText(describeSection(section));
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: `${section.title}: ${describeSection(section)}` };
    if (section.heading) {
      item.command = { command: REVEAL_SECTION_COMMAND, title: 'Reveal section', arguments: [node.uri, section.heading.start, section.heading.end] };
    }
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

export function registerChecklist(context: vscode.ExtensionContext, controller: LintController): ChecklistProvider {
  const provider = new ChecklistProvider(controller);
  const view = vscode.window.createTreeView(CHECKLIST_VIEW, { treeDataProvider: provider, showCollapseAll: false });
  context.subscriptions.push(
    provider,
    view,
    /** Reveal and select the range [start, end) (offsets) of a document, opening it if need be. */
    vscode.commands.registerCommand(REVEAL_SECTION_COMMAND, async (uriArg: vscode.Uri | string, start: number, end: number) => {
      const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg;
      const document = await vscode.workspace.openTextDocument(uri);
      const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
      const editor = await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
      editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
      return range;
    }),
  );
  return provider;
}
