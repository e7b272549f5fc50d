/**
 * Code actions for case-review diagnostics: the fixes each rule reported with its
 * message (typed fixes, src/engine/fixes.ts), “Fix all of this rule in the file”, disabling the rule for the line
 * or the file, and “Learn more”. Also `source.fixAll.caseReview` for
 * `editor.codeActionsOnSave`.
 */
import * as vscode from 'vscode';
import { fixAll, fixesOf, mechanicalFix, minimalChange, type AppliedFix, type Fix, type LintMessage, type TextChange } from '../engine/index.js';
import { sameProblem } from './diagnostics.js';
import type { LintController, LintEntry } from './linter.js';
import { disableFileFix, disableLineFix } from './suppress.js';
import { nameFixOf } from './pseudonym.js';
import { REPLACE_NAME_COMMAND } from './pseudonym-command.js';
import type { TextIndex } from './positions.js';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('caseReview');
export const OPEN_RULE_DOC_COMMAND = 'caseReview.openRuleDoc';

/** “Fix all”: the edit is computed when the action is chosen (it relints the text several times). */
class FixAllAction extends vscode.CodeAction {
  constructor(
    title: string,
    kind: vscode.CodeActionKind,
    readonly document: vscode.TextDocument,
    readonly version: number,
    readonly ruleId: string | undefined,
  ) {
    super(title, kind);
  }
}

function toEdit(uri: vscode.Uri, changes: readonly TextChange[], index: TextIndex): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of changes) {
    const start = index.positionAt(change.start);
    const end = index.positionAt(change.end);
    edit.replace(uri, new vscode.Range(start.line, start.character, end.line, end.character), change.text);
  }
  return edit;
}

/** The edit that applies every mechanical fix (of one rule, or all rules) to the document, if any. */
export function computeFixAllEdit(
  controller: LintController,
  document: vscode.TextDocument,
  ruleId?: string,
): { edit: vscode.WorkspaceEdit; fixed: number; applied: AppliedFix[] } | undefined {
  const entry = controller.entryFor(document);
  if (!entry) return undefined;
  const result = fixAll(entry.text, (text) => controller.lintWithConfigOf(document, text)?.messages ?? [], { ruleId });
  const change = minimalChange(entry.text, result.text);
  if (!change || result.fixed === 0) return undefined;
  return { edit: toEdit(document.uri, [change], entry.index), fixed: result.fixed, applied: result.applied };
}

/** What Fix all did, for the author: each kind of change with how many times it was made. */
export function fixAllSummary(applied: readonly AppliedFix[]): string {
  const counts = new Map<string, number>();
  for (const a of applied) counts.set(a.title, (counts.get(a.title) ?? 0) + 1);
  const parts = [...counts].map(([title, n]) => (n > 1 ? `${title} (${n} times)` : title));
  return `Case Review: fixed ${applied.length} problem${applied.length === 1 ? '' : 's'}: ${parts.join('; ')}. Undo puts them back.`;
}

export class CaseReviewCodeActions implements vscode.CodeActionProvider<vscode.CodeAction> {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly controller: LintController) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    // Asked on every cursor move: never lint here; while a newer lint is on its way there is nothing to offer.
    const entry = this.controller.latestEntry(document);
    if (!entry) return [];
    const only = context.only;
    const actions: vscode.CodeAction[] = [];
    if (only && (only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(only)) && this.hasMechanical(entry)) {
      // Asked for source.fixAll (on save, or from the source action menu).
      actions.push(new FixAllAction('Fix all case review problems that have one right fix', FIX_ALL_KIND, document, entry.version, undefined));
    }
    if (only && !only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(only)) return actions;

    const fixes: vscode.CodeAction[] = [];
    const fixAlls: vscode.CodeAction[] = [];
    const disables: vscode.CodeAction[] = [];
    const docs: vscode.CodeAction[] = [];
    const seenRules = new Set<string>();
    const seenFixes = new Set<string>();
    for (const { message, diagnostic } of this.problemsAt(entry, context)) {
      for (const fix of fixesOf(message, entry.text)) {
        // Several rules can offer the same fix for one place (the SMART scaffold of a recommendation): offer it once.
        const key = `${fix.title}\u0000${JSON.stringify(fix.changes)}`;
        if (seenFixes.has(key)) continue;
        seenFixes.add(key);
        fixes.push(this.action(fix, document, entry, diagnostic));
      }
      const name = nameFixOf(message);
      if (name) {
        const replace = new vscode.CodeAction(`Replace “${name.name}” everywhere with a pseudonym…`, vscode.CodeActionKind.QuickFix);
        replace.command = { command: REPLACE_NAME_COMMAND, title: replace.title, arguments: [document.uri, entry.version, name] };
        replace.diagnostics = [diagnostic];
        replace.isPreferred = true;
        fixes.push(replace);
      }
      const line = disableLineFix(message, entry.text);
      if (line) disables.push(this.action(line, document, entry, diagnostic));
      if (seenRules.has(message.ruleId)) continue;
      seenRules.add(message.ruleId);
      const fixable = entry.result.messages.filter((m) => m.ruleId === message.ruleId && mechanicalFix(m, entry.text));
      if (fixable.length >= 2) {
        const all = new FixAllAction(`Fix all ${fixable.length} ${message.ruleId} problems in this file`, vscode.CodeActionKind.QuickFix, document, entry.version, message.ruleId);
        all.diagnostics = [diagnostic];
        fixAlls.push(all);
      }
      const file = disableFileFix(message, entry.text);
      if (file) disables.push(this.action(file, document, entry, diagnostic));
      const learn = new vscode.CodeAction(`Learn more about ${message.ruleId}`, vscode.CodeActionKind.QuickFix);
      learn.command = { command: OPEN_RULE_DOC_COMMAND, title: learn.title, arguments: [message.ruleId] };
      learn.diagnostics = [diagnostic];
      docs.push(learn);
    }
    return [...actions, ...fixes, ...fixAlls, ...disables, ...docs];
  }

  resolveCodeAction(action: vscode.CodeAction): vscode.CodeAction {
    if (!(action instanceof FixAllAction)) return action;
    if (action.document.isClosed || action.document.version !== action.version) return action;
    const computed = computeFixAllEdit(this.controller, action.document, action.ruleId);
    if (computed) action.edit = computed.edit;
    return action;
  }

  private hasMechanical(entry: LintEntry): boolean {
    return entry.result.messages.some((m) => mechanicalFix(m, entry.text, false));
  }

  /** Our messages at the range, paired with the diagnostics VS Code passed for them. */
  private problemsAt(entry: LintEntry, context: vscode.CodeActionContext): { message: LintMessage; diagnostic: vscode.Diagnostic }[] {
    const pairs: { message: LintMessage; diagnostic: vscode.Diagnostic }[] = [];
    for (const diagnostic of context.diagnostics) {
      const message = entry.result.messages.find((m) => sameProblem(diagnostic, m, entry.index));
      if (message) pairs.push({ message, diagnostic });
    }
    return pairs;
  }

  private action(fix: Fix, document: vscode.TextDocument, entry: LintEntry, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.edit = toEdit(document.uri, fix.changes, entry.index);
    action.diagnostics = [diagnostic];
    if (fix.preferred) action.isPreferred = true;
    return action;
  }
}
