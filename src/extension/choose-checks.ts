/**
 * “Case Review: Choose Checks…”: every check by its plain name in one list with
 * a tick for each that runs, so an author turns checks on and off without
 * editing settings.json. First, when a workspace is open, where the choice
 * applies: all the author's reports (user settings) or this workspace's
 * (workspace settings). The choice is written as `caseReview.rules` there; a
 * board's `.casereviewrc` and a report's own front matter still win.
 *
 * The command takes optional `ChooseChecksArgs`: `target` and `running` answer
 * both questions without asking (scripts, tests); `onDidShow` receives the list
 * once shown (the editor tests tick and accept through it).
 */
import * as vscode from 'vscode';
import { rules } from '../index.js';
import { checkName } from './check-menu.js';
import { checkRuns, chosenRules, describeCheckSetting } from '../models/settings.js';

export const CHOOSE_CHECKS_COMMAND = 'caseReview.chooseChecks';

export type ChecksTarget = 'user' | 'workspace';

export interface ChooseChecksArgs {
  target?: ChecksTarget;
  /** The ids of the checks to run; all others are turned off. */
  running?: string[];
  onDidShow?: (pick: vscode.QuickPick<CheckItem>) => void;
}

export interface CheckItem extends vscode.QuickPickItem {
  ruleId: string;
}

interface TargetItem extends vscode.QuickPickItem {
  target: ChecksTarget;
}

const SETTINGS_TARGET: Record<ChecksTarget, vscode.ConfigurationTarget> = {
  user: vscode.ConfigurationTarget.Global,
  workspace: vscode.ConfigurationTarget.Workspace,
};
const TARGET_NAME: Record<ChecksTarget, string> = { user: 'your user settings', workspace: 'this workspace’s settings' };

/** The target's own `caseReview.rules` and what applies without it. */
function rulesIn(target: ChecksTarget): { own: unknown; inherited: unknown } {
  const found = vscode.workspace.getConfiguration('caseReview').inspect<Record<string, unknown>>('rules');
  return target === 'user' ? { own: found?.globalValue, inherited: {} } : { own: found?.workspaceValue, inherited: found?.globalValue };
}

/** One item a check: its plain name, ticked when it runs, with its own setting (or where it was turned off) beside it. */
export function checkItems(target: ChecksTarget): CheckItem[] {
  const { own, inherited } = rulesIn(target);
  const ownRules = (own ?? {}) as Record<string, unknown>;
  const inheritedRules = (inherited ?? {}) as Record<string, unknown>;
  return rules.map((rule) => {
    const id = rule.meta.id;
    const value = ownRules[id] ?? inheritedRules[id];
    const from = ownRules[id] !== undefined ? '' : inheritedRules[id] !== undefined ? ' in your user settings' : '';
    const setting = describeCheckSetting(value);
    return {
      label: checkName(id),
      description: setting ? `${setting}${from}` : undefined,
      picked: checkRuns(value),
      ruleId: id,
    };
  });
}

async function askTarget(): Promise<ChecksTarget | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) return 'user';
  const items: TargetItem[] = [
    {
      label: 'All my reports',
      description: 'user settings',
      detail: 'The checks you choose apply to every report you open.',
      target: 'user',
    },
    {
      label: 'Reports in this workspace',
      description: 'workspace settings',
      detail: 'The checks you choose apply here only, for everyone who opens this folder.',
      target: 'workspace',
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Case Review: choose checks for…',
    placeHolder: 'Where should your choice apply?',
    ignoreFocusOut: true,
  });
  return picked?.target;
}

function askChecks(target: ChecksTarget, onDidShow?: (pick: vscode.QuickPick<CheckItem>) => void): Promise<string[] | undefined> {
  const pick = vscode.window.createQuickPick<CheckItem>();
  const items = checkItems(target);
  pick.title = `Case Review: checks that run (${TARGET_NAME[target]})`;
  pick.placeholder = 'Tick the checks to run; untick those to turn off';
  pick.canSelectMany = true;
  pick.matchOnDescription = true;
  pick.ignoreFocusOut = true;
  pick.items = items;
  pick.selectedItems = items.filter((item) => item.picked);
  return new Promise((resolve) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (running: string[] | undefined) => {
      for (const s of subscriptions) s.dispose();
      resolve(running);
      pick.dispose();
    };
    subscriptions.push(
      pick.onDidAccept(() => finish(pick.selectedItems.map((item) => item.ruleId))),
      pick.onDidHide(() => finish(undefined)),
    );
    pick.show();
    onDidShow?.(pick);
  });
}

/** Write the choice; resolves to the new `caseReview.rules` of the target, or undefined when cancelled. */
export async function chooseChecks(args: ChooseChecksArgs = {}): Promise<Record<string, unknown> | undefined> {
  const target = args.target ?? (await askTarget());
  if (!target) return undefined;
  if (target === 'workspace' && !vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showErrorMessage(
      'Case Review: no folder is open, so there are no workspace settings. Choose the checks for all your ' + 'reports instead.',
    );
    return undefined;
  }
  const running = args.running ?? (await askChecks(target, args.onDidShow));
  if (!running) return undefined;
  const ids = rules.map((r) => r.meta.id);
  const { own, inherited } = rulesIn(target);
  const next = chosenRules(ids, new Set(running), own, inherited);
  await vscode.workspace
    .getConfiguration('caseReview')
    .update('rules', Object.keys(next).length > 0 ? next : undefined, SETTINGS_TARGET[target]);
  const off = ids.filter((id) => !checkRuns(next[id] ?? (inherited as Record<string, unknown> | undefined)?.[id]));
  void vscode.window.showInformationMessage(
    off.length === 0
      ? `Case Review: every check runs (${TARGET_NAME[target]}). A board’s .casereviewrc file can still turn a check off.`
      : `Case Review: ${off.length} of ${ids.length} checks ${off.length === 1 ? 'is' : 'are'} off (${TARGET_NAME[target]}). A board’s .casereviewrc file can still turn a check on or off.`,
  );
  return next;
}

export function registerChooseChecks(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CHOOSE_CHECKS_COMMAND, (args?: ChooseChecksArgs) =>
      chooseChecks(args && typeof args === 'object' ? args : {}),
    ),
  );
}
