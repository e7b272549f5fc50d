/**
 * Code actions for case-review diagnostics, a short menu whatever the number of
 * findings at the spot: the fixes each rule reported with its message (typed
 * fixes, src/engine/fixes.ts), at most one “Fix all … in this file”, one “Turn off
 * this check…” and one “Explain this check” (both open their choices in a quick
 * pick, see check-menu.ts). Also `source.fixAll.caseReview` for `editor.codeActionsOnSave`.
 * A fix that leaves placeholders for the author goes in as a snippet, with tab
 * stops on them (fix-snippet.ts).
 */
import * as vscode from 'vscode';
import { type AppliedFix, type Fix, fixAll, fixesOf, type LintMessage, mechanicalFix, minimalChange, type TextChange } from '../index.js';
import { sameProblem } from './diagnostics.js';
import type { LintController, LintEntry } from './linter.js';
import { disableFileFix, disableLineFix } from '../models/suppress.js';
import { nameFixOf } from '../models/pseudonym.js';
import { REPLACE_NAME_COMMAND } from './pseudonym-command.js';
import type { TextIndex } from '../models/positions.js';
import { snippetOf, wantsSnippet } from '../models/fix-snippet.js';
import { EXPLAIN_CHECK_COMMAND, TURN_OFF_CHECK_COMMAND, type TurnOffTarget } from './check-menu.js';

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

/**
 * A fix that leaves work for the author, as snippet edits: applied in the editor, its
 * first placeholder (or prompt line) is selected and Tab moves to the next; tab stops
 * are numbered through the changes in document order. Elsewhere it goes in as text.
 */
function toSnippetEdit(uri: vscode.Uri, changes: readonly TextChange[], index: TextIndex): vscode.WorkspaceEdit {
  const edits: vscode.SnippetTextEdit[] = [];
  let next = 1;
  for (const change of [...changes].sort((a, b) => a.start - b.start)) {
    const start = index.positionAt(change.start);
    const end = index.positionAt(change.end);
    const { snippet, stops } = snippetOf(change.text, next);
    next += stops;
    const edit = vscode.SnippetTextEdit.replace(
      new vscode.Range(start.line, start.character, end.line, end.character),
      new vscode.SnippetString(snippet),
    );
    // The text is inserted exactly as the rule wrote it (no re-indenting of its lines).
    edit.keepWhitespace = true;
    edits.push(edit);
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(uri, edits);
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

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    // Asked on every cursor move: never lint here; while a newer lint is on its way there is nothing to offer.
    const entry = this.controller.latestEntry(document);
    if (!entry) return [];
    const only = context.only;
    const actions: vscode.CodeAction[] = [];
    if (only && (only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(only)) && this.hasMechanical(entry)) {
      // Asked for source.fixAll (on save, or from the source action menu).
      actions.push(
        new FixAllAction('Fix all case review problems that have one right fix', FIX_ALL_KIND, document, entry.version, undefined),
      );
    }
    if (only && !only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(only)) return actions;

    // A calm menu: the fixes for the problems here first, then at most one “Fix all”,
    // one “Turn off this check…” and one “Explain this check” (each opens its choices).
    const fixes: vscode.CodeAction[] = [];
    let fixAllAction: vscode.CodeAction | undefined;
    const targets: TurnOffTarget[] = [];
    const diagnostics: vscode.Diagnostic[] = [];
    const seenFixes = new Set<string>();
    for (const { message, diagnostic } of this.problemsAt(entry, context)) {
      diagnostics.push(diagnostic);
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
      if (targets.some((t) => t.ruleId === message.ruleId)) continue;
      targets.push({ ruleId: message.ruleId, line: disableLineFix(message, entry.text), file: disableFileFix(message, entry.text) });
      if (!fixAllAction) {
        const fixable = entry.result.messages.filter((m) => m.ruleId === message.ruleId && mechanicalFix(m, entry.text));
        if (fixable.length >= 2) {
          fixAllAction = new FixAllAction(
            `Fix all ${fixable.length} problems like this in this file`,
            vscode.CodeActionKind.QuickFix,
            document,
            entry.version,
            message.ruleId,
          );
          fixAllAction.diagnostics = [diagnostic];
        }
      }
    }
    if (targets.length === 0) return [...actions, ...fixes];
    const rest: vscode.CodeAction[] = fixAllAction ? [fixAllAction] : [];
    const turnOff = new vscode.CodeAction('Turn off this check…', vscode.CodeActionKind.QuickFix);
    turnOff.command = { command: TURN_OFF_CHECK_COMMAND, title: turnOff.title, arguments: [document.uri, entry.version, targets] };
    turnOff.diagnostics = diagnostics;
    const ruleIds = targets.map((t) => t.ruleId);
    const explain = new vscode.CodeAction(
      ruleIds.length === 1 ? 'Explain this check' : 'Explain this check…',
      vscode.CodeActionKind.QuickFix,
    );
    explain.command = { command: EXPLAIN_CHECK_COMMAND, title: explain.title, arguments: [ruleIds.length === 1 ? ruleIds[0] : ruleIds] };
    explain.diagnostics = diagnostics;
    return [...actions, ...fixes, ...rest, turnOff, explain];
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
    action.edit = wantsSnippet(
      fix,
      fix.changes.map((c) => c.text),
    )
      ? toSnippetEdit(document.uri, fix.changes, entry.index)
      : toEdit(document.uri, fix.changes, entry.index);
    action.diagnostics = [diagnostic];
    if (fix.preferred) action.isPreferred = true;
    return action;
  }
}
