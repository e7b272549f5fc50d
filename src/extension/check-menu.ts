/**
 * The two quiet entries of the quick-fix menu, whatever the number of findings
 * at the spot: “Turn off this check…” (for this line, for this file, or in
 * settings for every report) and “Explain this check” (the rule's help). Each
 * opens its choices in a quick pick, so the menu itself stays short.
 */
import * as vscode from 'vscode';
import { type Fix, rules } from '../index.js';

export const TURN_OFF_CHECK_COMMAND = 'caseReview.turnOffCheck';
export const EXPLAIN_CHECK_COMMAND = 'caseReview.explainCheck';

/** What “Turn off” can do for one check found at the spot. */
export interface TurnOffTarget {
  ruleId: string;
  /** The inline comment for the problem's line, when one can go there (not in front matter). */
  line?: Fix;
  /** The inline comment for the whole file, unless one already covers the check. */
  file?: Fix;
}

export type TurnOffScope = 'line' | 'file' | 'settings';

/** A check's name for an author: its one-line summary, without the full stop. */
export function checkName(ruleId: string): string {
  const summary = rules.find((r) => r.meta.id === ruleId)?.meta.summary;
  return summary ? summary.replace(/\.$/, '') : ruleId;
}

interface TurnOffItem extends vscode.QuickPickItem {
  ruleId?: string;
  scope?: TurnOffScope;
}

/** The quick pick's items: for each check, its name, then the three places it can be turned off. */
export function turnOffItems(targets: readonly TurnOffTarget[]): TurnOffItem[] {
  const items: TurnOffItem[] = [];
  for (const target of targets) {
    if (targets.length > 1) items.push({ label: checkName(target.ruleId), kind: vscode.QuickPickItemKind.Separator });
    const about = targets.length > 1 ? undefined : checkName(target.ruleId);
    if (target.line)
      items.push({
        label: 'For this line',
        description: about,
        detail: 'Adds a comment to the report that hides this finding.',
        ruleId: target.ruleId,
        scope: 'line',
      });
    if (target.file)
      items.push({
        label: 'For this file',
        description: about,
        detail: 'Adds a comment at the top of this report; other reports are still checked.',
        ruleId: target.ruleId,
        scope: 'file',
      });
    items.push({
      label: 'In settings, for all reports',
      description: about,
      detail: 'Switches the check off in your settings (Case Review: Rules). Nothing is added to the report.',
      ruleId: target.ruleId,
      scope: 'settings',
    });
  }
  return items;
}

function toEdit(document: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const change of fix.changes)
    edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.text);
  return edit;
}

/**
 * Register the two commands. Arguments of “turn off”: the document's URI, the version
 * the choices were computed for, the targets, and (optional, for scripts and tests) the
 * choice `{ ruleId, scope }`; without it a quick pick asks. Resolves to the choice made.
 * “Explain”: one rule id or several (a quick pick asks which).
 */
export function registerCheckMenu(context: vscode.ExtensionContext, openRuleDoc: (ruleId: string) => Thenable<unknown>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      TURN_OFF_CHECK_COMMAND,
      async (uri: vscode.Uri, version: number, targets: TurnOffTarget[], choice?: { ruleId: string; scope: TurnOffScope }) => {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (!document || !Array.isArray(targets) || targets.length === 0) return undefined;
        if (!choice) {
          const picked = await vscode.window.showQuickPick(turnOffItems(targets), {
            title:
              targets.length > 1
                ? 'Case Review: turn off which check, and where?'
                : `Case Review: turn off “${checkName(targets[0]!.ruleId)}”`,
            placeHolder: 'Where should this check stop reporting?',
          });
          if (!picked?.ruleId || !picked.scope) return undefined;
          choice = { ruleId: picked.ruleId, scope: picked.scope };
        }
        const target = targets.find((t) => t.ruleId === choice.ruleId);
        if (!target) return undefined;
        if (choice.scope === 'settings') {
          const config = vscode.workspace.getConfiguration('caseReview', uri);
          const current = config.get<Record<string, unknown>>('rules') ?? {};
          await config.update('rules', { ...current, [choice.ruleId]: 'off' }, vscode.ConfigurationTarget.Global);
          void vscode.window.showInformationMessage(
            `Case Review: “${checkName(choice.ruleId)}” is now off for all your reports. Turn it back on in Settings, under Case Review: Rules.`,
          );
          return choice;
        }
        const fix = choice.scope === 'line' ? target.line : target.file;
        if (!fix) return undefined;
        if (document.version !== version) {
          void vscode.window.showWarningMessage('Case Review: the report changed; open the quick fixes again to turn the check off.');
          return undefined;
        }
        return (await vscode.workspace.applyEdit(toEdit(document, fix))) ? choice : undefined;
      },
    ),
    vscode.commands.registerCommand(EXPLAIN_CHECK_COMMAND, async (ruleIds: string | string[]) => {
      const ids = (Array.isArray(ruleIds) ? ruleIds : [ruleIds]).filter((id) => typeof id === 'string');
      let ruleId = ids.length === 1 ? ids[0] : undefined;
      if (ids.length > 1) {
        const picked = await vscode.window.showQuickPick(
          ids.map((id) => ({ label: checkName(id), ruleId: id })),
          { title: 'Case Review: explain which check?', placeHolder: 'Several checks found something here' },
        );
        ruleId = picked?.ruleId;
      }
      return ruleId ? openRuleDoc(ruleId) : undefined;
    }),
  );
}
