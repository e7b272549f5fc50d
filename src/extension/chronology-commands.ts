/**
 * Chronology commands:
 *
 * - “Case Review: Normalise Chronology Dates”: rewrites every chronology row's
 *   date in the active (or given) report in one format (caseReview.chronologyDateFormat,
 *   default dd/mm/yyyy), keeping uncertainty markers, times and ranges.
 *   Arguments (optional): the document's URI, then a format. Resolves to the number of dates changed.
 *
 * - “Case Review: Merge Agency Chronologies”: merges the chronologies of IMRs
 *   into one integrated chronology in a new untitled document. Arguments
 *   (optional): `{ files?: (Uri | string)[]; all?: boolean; dateFormat?: string }`
 *   — without files a quick pick offers the workspace's IMRs (all when `all`).
 *   Resolves to the new document, or undefined when nothing was merged.
 */
import * as vscode from 'vscode';
import { dateFormatError, mergeChronologies, type MergeInput, normaliseChronologyDates } from '../index.js';
import type { LintController } from './linter.js';
import { MARKDOWN } from './linter.js';
import { reportOf } from '../models/report-model.js';

export const NORMALISE_DATES_COMMAND = 'caseReview.normaliseChronologyDates';
export const MERGE_CHRONOLOGIES_COMMAND = 'caseReview.mergeChronologies';
export const DEFAULT_DATE_FORMAT = 'dd/MM/yyyy';

const decoder = new TextDecoder('utf-8');

function dateFormat(scope?: vscode.Uri): string {
  const value = vscode.workspace.getConfiguration('caseReview', scope).get<string>('chronologyDateFormat');
  return typeof value === 'string' && value.trim() ? value.trim() : DEFAULT_DATE_FORMAT;
}

const toUri = (value: unknown): vscode.Uri | undefined =>
  value instanceof vscode.Uri ? value : typeof value === 'string' && value ? vscode.Uri.parse(value) : undefined;

export async function normaliseDates(controller: LintController, uriArg?: unknown, formatArg?: unknown): Promise<number> {
  const uri = toUri(uriArg) ?? vscode.window.activeTextEditor?.document.uri;
  const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!document || document.languageId !== MARKDOWN) {
    void vscode.window.showInformationMessage('Case Review: open a report with a chronology first.');
    return 0;
  }
  const format = typeof formatArg === 'string' && formatArg.trim() ? formatArg.trim() : dateFormat(document.uri);
  const formatProblem = dateFormatError(format);
  if (formatProblem) {
    void vscode.window.showErrorMessage(`Case Review: no dates changed: ${formatProblem}`);
    return 0;
  }
  const text = document.getText();
  const config = controller.entryFor(document)?.config ?? {};
  const edits = normaliseChronologyDates(reportOf(text, config), format);
  if (edits.length === 0) {
    void vscode.window.showInformationMessage(`Case Review: every chronology date is already written as ${format} (or none can be read).`);
    return 0;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text);
  if (!(await vscode.workspace.applyEdit(edit))) return 0;
  return edits.length;
}

/** The workspace's Markdown files that are IMRs (by front matter, config or headings), with their text. */
async function findImrs(controller: LintController): Promise<{ uri: vscode.Uri; text: string }[]> {
  const files = await vscode.workspace.findFiles('**/*.{md,markdown}', '{**/node_modules/**,**/.git/**}');
  const imrs: { uri: vscode.Uri; text: string }[] = [];
  for (const uri of files.sort((a, b) => a.toString().localeCompare(b.toString()))) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    let text: string;
    try {
      text = open ? open.getText() : decoder.decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      continue;
    }
    const state = open ? await controller.lintDocument(open) : await controller.lintFile(uri, text);
    if (state?.linted && state.reportType === 'imr') imrs.push({ uri, text });
  }
  return imrs;
}

async function readInput(uri: vscode.Uri): Promise<MergeInput> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const text = open ? open.getText() : decoder.decode(await vscode.workspace.fs.readFile(uri));
  return { path: vscode.workspace.asRelativePath(uri, false), text };
}

export async function mergeAgencyChronologies(
  controller: LintController,
  args: { files?: (vscode.Uri | string)[]; all?: boolean; dateFormat?: string } = {},
): Promise<vscode.TextDocument | undefined> {
  let uris = (args.files ?? []).map(toUri).filter((u): u is vscode.Uri => u !== undefined);
  if (uris.length === 0) {
    const imrs = await findImrs(controller);
    if (imrs.length === 0) {
      void vscode.window.showInformationMessage('Case Review: no individual management reviews (IMRs) found in the workspace.');
      return undefined;
    }
    if (args.all) uris = imrs.map((i) => i.uri);
    else {
      const picked = await vscode.window.showQuickPick(
        imrs.map((i) => ({ label: vscode.workspace.asRelativePath(i.uri, false), picked: true, uri: i.uri })),
        {
          title: 'Case Review: merge agency chronologies',
          placeHolder: 'Choose the IMRs whose chronologies to merge',
          canPickMany: true,
          ignoreFocusOut: true,
        },
      );
      if (!picked || picked.length === 0) return undefined;
      uris = picked.map((p) => p.uri);
    }
  }
  const inputs = await Promise.all(uris.map(readInput));
  const format = args.dateFormat ?? dateFormat(uris[0]);
  const formatProblem = dateFormatError(format);
  if (formatProblem) {
    void vscode.window.showErrorMessage(`Case Review: the chronologies were not merged: ${formatProblem}`);
    return undefined;
  }
  const result = mergeChronologies(inputs, { dateFormat: format });
  if (result.rows === 0) {
    void vscode.window.showWarningMessage(`Case Review: no chronology rows found in ${inputs.map((i) => i.path).join(', ')}.`);
    return undefined;
  }
  const sources = inputs.map((i) => `- ${i.path}`).join('\n');
  const warnings =
    result.warnings.length > 0
      ? `\n<!-- Merge warnings:\n${result.warnings.map((w) => `  - ${w.replace(/--/g, '—')}`).join('\n')}\n-->\n`
      : '';
  const content = `## Integrated chronology\n\nMerged from the chronologies of:\n\n${sources}\n\n${result.markdown}${warnings}`;
  const document = await vscode.workspace.openTextDocument({ language: MARKDOWN, content });
  await vscode.window.showTextDocument(document, { preview: false });
  const clusters = result.sameDayClusters;
  void vscode.window.showInformationMessage(
    `Case Review: merged ${result.rows} entries from ${inputs.length} chronolog${inputs.length === 1 ? 'y' : 'ies'}${clusters > 0 ? `; ${clusters} possible same event${clusters === 1 ? '' : 's'} marked` : ''}.`,
  );
  return document;
}

export function registerChronologyCommands(context: vscode.ExtensionContext, controller: LintController): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(NORMALISE_DATES_COMMAND, (uri?: unknown, format?: unknown) => normaliseDates(controller, uri, format)),
    vscode.commands.registerCommand(MERGE_CHRONOLOGIES_COMMAND, (args?: unknown) =>
      mergeAgencyChronologies(
        controller,
        args && typeof args === 'object' && !(args instanceof vscode.Uri) ? (args as { files?: vscode.Uri[] }) : {},
      ),
    ),
  );
}
