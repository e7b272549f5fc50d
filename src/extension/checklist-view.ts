/**
 * The “Report Checklist” view in the Explorer (`caseReview.checklist`): the
 * active report's profile sections with their state (checklist-model.ts).
 * Refreshes after each lint of the active document (so as the author types)
 * and when the active editor changes. Clicking a section reveals its heading;
 * clicking a missing one inserts it (heading, numbered like its neighbours, and
 * prompt) where the profile puts it. A missing required section is red, a missing
 * expected one yellow, a missing optional one grey. The view's message gives the
 * report's issue count, which adds up with the sections' counts.
 */
import * as vscode from 'vscode';
import {
  computeChecklist,
  describeChecklist,
  describeSection,
  type Checklist,
  type ChecklistSection,
  type SectionState,
} from '../models/checklist-model.js';
import type { LintController } from './linter.js';
import { missingSectionInsert } from '../index.js';
import { reportOf } from '../models/report-model.js';

export const CHECKLIST_VIEW = 'caseReview.checklist';
export const REVEAL_SECTION_COMMAND = 'caseReview.revealSection';
export const INSERT_SECTION_COMMAND = 'caseReview.insertSection';

/** A missing section's mark by its status: only a required one is red; an optional one is grey. */
const MISSING_ICONS: Record<ChecklistSection['status'], vscode.ThemeIcon> = {
  required: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  expected: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  optional: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('disabledForeground')),
};

const ICONS: Record<SectionState, vscode.ThemeIcon> = {
  missing: MISSING_ICONS.required,
  empty: new vscode.ThemeIcon('circle-large-outline'),
  prompts: new vscode.ThemeIcon('edit', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  attention: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
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
  private cache: { uri: string; version: number; nodes: ChecklistNode[]; checklist?: Checklist } | undefined;
  /** Set by registerChecklist: the view whose message shows the report's issue count. */
  view: vscode.TreeView<ChecklistNode> | undefined;

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
    let checklist: Checklist | undefined;
    try {
      checklist = entry.checklist ?? computeChecklist(entry.text, entry.config, entry.result.messages);
      nodes = checklist.sections.map((section) => ({ uri: document.uri, section }));
    } catch {
      // An unexpected report shape costs the checklist only.
    }
    this.cache = { uri: key, version: entry.version, nodes, checklist };
    return nodes;
  }

  getChildren(element?: ChecklistNode): ChecklistNode[] {
    if (element) return [];
    const nodes = this.sections();
    if (this.view) this.view.message = nodes.length > 0 && this.cache?.checklist ? describeChecklist(this.cache.checklist) : undefined;
    return nodes;
  }

  /** The checklist shown for the active report (with its totals), if any. */
  checklist(): Checklist | undefined {
    return this.sections().length > 0 ? this.cache?.checklist : undefined;
  }

  getTreeItem(node: ChecklistNode): vscode.TreeItem {
    const { section } = node;
    const item = new vscode.TreeItem(section.headings[0] ?? section.title, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.uri.toString()}#${section.id}`;
    item.description = describeSection(section);
    item.iconPath = section.state === 'missing' ? MISSING_ICONS[section.status] : ICONS[section.state];
    item.contextValue = `caseReview.section.${section.state}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${section.title}** (${section.status})\n\n`);
    tooltip.appendText(describeSection(section));
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: `${section.title}: ${describeSection(section)}` };
    if (section.heading) {
      item.command = {
        command: REVEAL_SECTION_COMMAND,
        title: 'Reveal section',
        arguments: [node.uri, section.heading.start, section.heading.end],
      };
    } else if (section.state === 'missing') {
      item.command = { command: INSERT_SECTION_COMMAND, title: `Insert “${section.title}”`, arguments: [node.uri, section.id] };
      tooltip.appendMarkdown('\n\nClick to insert this section with its prompt.');
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
  provider.view = view;
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
    /**
     * Insert a missing profile section (heading, numbered like its neighbours, and prompt) where the
     * profile puts it, and select its prompt. Resolves to the inserted heading's range, or undefined.
     */
    vscode.commands.registerCommand(INSERT_SECTION_COMMAND, async (uriArg: vscode.Uri | string, sectionId: string) => {
      const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg;
      const document = await vscode.workspace.openTextDocument(uri);
      const entry = controller.latestEntry(document);
      if (!entry || entry.version !== document.version) return undefined;
      const report = reportOf(entry.text, entry.config);
      if (report.sectionsFor(sectionId).some((s) => !s.isTitle)) return undefined;
      const insert = missingSectionInsert(report, sectionId);
      if (!insert) return undefined;
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, document.positionAt(insert.offset), insert.text);
      if (!(await vscode.workspace.applyEdit(edit))) return undefined;
      const headingAt = insert.offset + insert.text.search(/#/);
      const lineEnd = insert.text.indexOf('\n', headingAt - insert.offset);
      const range = new vscode.Range(
        document.positionAt(headingAt),
        document.positionAt(insert.offset + (lineEnd === -1 ? insert.text.length : lineEnd)),
      );
      const prompt = insert.text.indexOf('> Prompt:');
      const selection =
        prompt >= 0
          ? new vscode.Range(
              document.positionAt(insert.offset + prompt),
              document.positionAt(insert.offset + insert.text.indexOf('\n', prompt)),
            )
          : range;
      const editor = await vscode.window.showTextDocument(document, { selection, preserveFocus: false });
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return range;
    }),
  );
  return provider;
}
