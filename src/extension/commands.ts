/** The extension's commands (all in the “Case Review” category). */
import * as vscode from 'vscode';
import { rules } from '../index.js';
import { computeFixAllEdit, fixAllSummary, OPEN_RULE_DOC_COMMAND } from './code-actions.js';
import { checkName, registerCheckMenu } from './check-menu.js';
import type { LintController } from './linter.js';
import { MARKDOWN, readSettings } from './linter.js';
import type { Overrides } from './overrides.js';
import { combineConfig, configFromSettings } from '../models/settings.js';
import { NOT_A_CASE_REVIEW, reportTypeChoices } from '../models/when-to-lint.js';

export const TREAT_AS_COMMAND = 'caseReview.treatAs';
export const LINT_WORKSPACE_COMMAND = 'caseReview.lintWorkspace';
export const FIX_ALL_COMMAND = 'caseReview.fixAll';
export { OPEN_RULE_DOC_COMMAND };

/** Choice values for “Treat this file as…” besides report type ids. */
export const AUTOMATIC = 'auto';

export interface WorkspaceLintSummary {
  /** Markdown files found. */
  files: number;
  /** Files taken as case reviews and linted. */
  caseReviews: number;
  problems: number;
  cancelled: boolean;
}

export function registerCommands(context: vscode.ExtensionContext, controller: LintController, overrides: Overrides): void {
  const toUri = (arg: unknown): vscode.Uri | undefined =>
    arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : vscode.window.activeTextEditor?.document.uri;

  registerCheckMenu(context, (ruleId) => vscode.commands.executeCommand(OPEN_RULE_DOC_COMMAND, ruleId));
  context.subscriptions.push(
    /**
     * Treat a file as a report type, as not a case review, or go back to automatic.
     * Arguments (optional): the file's URI, then the choice (`auto`, `none` or a report type id);
     * without a choice a quick pick asks. Resolves to the choice made, or undefined when dismissed.
     */
    vscode.commands.registerCommand(TREAT_AS_COMMAND, async (uriArg?: unknown, choiceArg?: unknown) => {
      const uri = toUri(uriArg);
      if (!uri) {
        void vscode.window.showInformationMessage('Case Review: open a Markdown file first.');
        return undefined;
      }
      let choice = typeof choiceArg === 'string' ? choiceArg : undefined;
      if (choice === undefined) choice = await pickReportType(controller, overrides, uri);
      if (choice === undefined) return undefined;
      await overrides.set(uri, choice === AUTOMATIC ? undefined : choice);
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (document) await controller.lintDocument(document);
      return choice;
    }),

    vscode.commands.registerCommand(LINT_WORKSPACE_COMMAND, (options?: { cancellation?: vscode.CancellationToken }) =>
      lintWorkspace(controller, options?.cancellation),
    ),

    /** Apply every mechanical fix in the active (or given) file; resolves to the number of problems fixed. */
    vscode.commands.registerCommand(FIX_ALL_COMMAND, async (uriArg?: unknown) => {
      const uri = toUri(uriArg);
      const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (!document || document.languageId !== MARKDOWN) return 0;
      const computed = computeFixAllEdit(controller, document);
      if (!computed) {
        void vscode.window.showInformationMessage('Case Review: nothing in this file has one right fix.');
        return 0;
      }
      await vscode.workspace.applyEdit(computed.edit);
      void vscode.window.showInformationMessage(fixAllSummary(computed.applied));
      return computed.fixed;
    }),

    /** Open a rule's bundled documentation (offline); without an id a quick pick lists the rules. */
    vscode.commands.registerCommand(OPEN_RULE_DOC_COMMAND, async (ruleArg?: unknown) => {
      let ruleId = typeof ruleArg === 'string' ? ruleArg : undefined;
      if (!ruleId) {
        const picked = await vscode.window.showQuickPick(
          rules.map((r) => ({ label: checkName(r.meta.id), description: r.meta.id, ruleId: r.meta.id })),
          { title: 'Case Review: explain a check', placeHolder: 'Choose a check', matchOnDescription: true },
        );
        ruleId = picked?.ruleId;
      }
      if (!ruleId) return undefined;
      const uri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        void vscode.window.showWarningMessage(`Case Review: no documentation found for rule “${ruleId}”.`);
        return undefined;
      }
      const commands = await vscode.commands.getCommands(true);
      if (commands.includes('markdown.showPreview')) await vscode.commands.executeCommand('markdown.showPreview', uri);
      else await vscode.commands.executeCommand('vscode.open', uri);
      return uri;
    }),
  );
}

async function pickReportType(controller: LintController, overrides: Overrides, uri: vscode.Uri): Promise<string | undefined> {
  const current = overrides.get(uri);
  const state = controller.stateOf(uri);
  const found = await controller.lookup.forDocument(uri);
  const config = combineConfig(configFromSettings(readSettings(uri)).config, found?.parsed.config, {});
  type Item = vscode.QuickPickItem & { choice?: string };
  const items: Item[] = [
    {
      label: '$(sync) Decide automatically',
      description: current === undefined ? 'current' : undefined,
      detail: 'Front matter report-type, a .casereviewrc, or headings that match a report profile (caseReview.enable)',
      choice: AUTOMATIC,
    },
    { label: 'Report types', kind: vscode.QuickPickItemKind.Separator },
    ...reportTypeChoices(config).map((t) => ({
      label: t.title,
      description: [
        t.id,
        current === t.id ? 'current' : state?.linted && current === undefined && state.reportType === t.id ? 'detected' : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
      choice: t.id,
    })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    {
      label: '$(circle-slash) Not a case review',
      description: current === NOT_A_CASE_REVIEW ? 'current' : undefined,
      detail: 'Do not lint this file',
      choice: NOT_A_CASE_REVIEW,
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `Case Review: treat ${vscode.workspace.asRelativePath(uri, false)} as…`,
    placeHolder: state ? `Now: ${state.description}` : 'Choose a report type',
  });
  return picked?.choice;
}

const decoder = new TextDecoder('utf-8');

/** Lint every Markdown file in the workspace, with a cancellable progress notification. */
export async function lintWorkspace(
  controller: LintController,
  extraCancellation?: vscode.CancellationToken,
): Promise<WorkspaceLintSummary> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Case Review: linting the workspace', cancellable: true },
    async (progress, token) => {
      const cancelled = () => token.isCancellationRequested || extraCancellation?.isCancellationRequested === true;
      const summary: WorkspaceLintSummary = { files: 0, caseReviews: 0, problems: 0, cancelled: false };
      const files = cancelled()
        ? []
        : await vscode.workspace.findFiles('**/*.{md,markdown}', '{**/node_modules/**,**/.git/**}', undefined, token);
      summary.files = files.length;
      for (const uri of files.sort((a, b) => a.toString().localeCompare(b.toString()))) {
        if (cancelled()) break;
        progress.report({ message: vscode.workspace.asRelativePath(uri, false), increment: 100 / files.length });
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        let state;
        if (open) state = await controller.lintDocument(open);
        else {
          try {
            state = await controller.lintFile(uri, decoder.decode(await vscode.workspace.fs.readFile(uri)));
          } catch {
            continue;
          }
        }
        if (state?.linted) {
          summary.caseReviews++;
          summary.problems += state.problems;
        }
        // Let the cancel button (and typing) get a turn between files.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      summary.cancelled = cancelled();
      const text = `Case Review: ${summary.cancelled ? 'stopped after' : 'linted'} ${summary.caseReviews} case review${summary.caseReviews === 1 ? '' : 's'} of ${summary.files} Markdown file${summary.files === 1 ? '' : 's'}, ${summary.problems} problem${summary.problems === 1 ? '' : 's'}.`;
      void vscode.window.showInformationMessage(text);
      return summary;
    },
  );
}
