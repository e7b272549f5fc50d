/**
 * “Case Review: Export to Word”: the active (or given) report as a .docx file,
 * built by the same code as `case-review-lint export` (src/export/docx/) and
 * refused by the same publication gate (src/export/gate.ts): a report whose
 * front matter says `publication: public` is not exported while the
 * anonymisation rule finds errors in it.
 *
 * Arguments (all optional): the report's URI (the active editor's otherwise;
 * the Explorer's context menu passes the clicked file), then the .docx URI to
 * write (without it a save dialog asks, proposing the report's name with
 * .docx next to it). The text exported is the editor's, unsaved edits
 * included. Writes with vscode.workspace.fs only, so it works in virtual
 * workspaces and the web extension too. Resolves to an ExportOutcome (for
 * tests and other extensions).
 */
import * as vscode from 'vscode';
import { type LintConfig } from '../index.js';
import { GATE_ADVICE, gateLines, gateRefuses, publicationGate } from '../export/gate.js';
import type { LintController } from './linter.js';
import { filePathOf, MARKDOWN, readSettings } from './linter.js';
import { combineConfig, configFromSettings } from '../models/settings.js';

export const EXPORT_TO_WORD_COMMAND = 'caseReview.exportToWord';

export type ExportOutcome =
  | { status: 'written'; target: string; title: string; warnings: string[] }
  | { status: 'refused'; errors: string[] }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

const toUri = (value: unknown): vscode.Uri | undefined =>
  value instanceof vscode.Uri ? value : typeof value === 'string' && value ? vscode.Uri.parse(value) : undefined;

const decoder = new TextDecoder('utf-8');

/** The name of a URI's last path segment, without its extension. */
function baseName(uri: vscode.Uri): string {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Where the save dialog starts: the report's folder and name with .docx (untitled: the first workspace folder). */
export function defaultTarget(source: vscode.Uri): vscode.Uri | undefined {
  if (source.scheme === 'untitled') {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = baseName(source).replace(/[\\/:*?"<>|]/g, '-') || 'report';
    return folder ? vscode.Uri.joinPath(folder, `${name}.docx`) : undefined;
  }
  return vscode.Uri.joinPath(source, '..', `${baseName(source)}.docx`);
}

/** The configuration the report was linted with; for a file not linted (yet), settings plus its .casereviewrc. */
async function configFor(
  controller: LintController,
  document: vscode.TextDocument | undefined,
  uri: vscode.Uri,
): Promise<Partial<LintConfig>> {
  const entry = document && controller.entryFor(document);
  if (entry) return entry.config;
  const found = await controller.lookup.forDocument(uri);
  return combineConfig(configFromSettings(readSettings(uri)).config, found?.parsed.config, {});
}

const line = (m: { line: number; column: number; message: string }) => `${m.line}:${m.column} ${m.message}`;

export async function exportToWord(
  controller: LintController,
  output: vscode.OutputChannel,
  sourceArg?: unknown,
  targetArg?: unknown,
): Promise<ExportOutcome> {
  const source = toUri(sourceArg) ?? vscode.window.activeTextEditor?.document.uri;
  if (!source) {
    void vscode.window.showInformationMessage('Case Review: open a report (a Markdown file) to export it to Word.');
    return { status: 'cancelled' };
  }
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.toString());
  if (document && document.languageId !== MARKDOWN) {
    void vscode.window.showInformationMessage(
      `Case Review: only Markdown reports can be exported to Word; ${vscode.workspace.asRelativePath(source, false)} is ${document.languageId}.`,
    );
    return { status: 'cancelled' };
  }
  const name = vscode.workspace.asRelativePath(source, false);
  let text: string;
  try {
    text = document ? document.getText() : decoder.decode(await vscode.workspace.fs.readFile(source));
  } catch (error) {
    const message = `Case Review: cannot read ${name}: ${error instanceof Error ? error.message : String(error)}`;
    void vscode.window.showErrorMessage(message);
    return { status: 'failed', message };
  }
  const config = await configFor(controller, document, source);

  // The publication gate: nothing is written while a public report still identifies the family,
  // whatever comments, front matter, settings or .casereviewrc switch off.
  const gate = publicationGate(text, { filePath: filePathOf(source), config, configSource: 'the settings or .casereviewrc' });
  if (gateRefuses(gate, 'export')) {
    const errors = gateLines(gate, 'export').map(line);
    const count = errors.length === 1 ? '1 problem' : `${errors.length} problems`;
    output.appendLine(
      `Export to Word refused for ${name}: its front matter says “publication: public” and the check for names and identifiers found ${count}:`,
    );
    for (const error of errors) output.appendLine(`  ${name}:${error}`);
    output.appendLine(GATE_ADVICE);
    const shown = errors.slice(0, 3).join('; ') + (errors.length > 3 ? `; and ${errors.length - 3} more` : '');
    void vscode.window
      .showErrorMessage(
        `Case Review: not exporting ${name}: it is marked “publication: public” and the check for names and identifiers found ${count} (${shown}). Replace each with a pseudonym or a role, or list a name published on purpose under “publication-exceptions:” with its reason, then export again. Nothing was written.`,
        'Show Problems',
      )
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
    return { status: 'refused', errors };
  }

  const target =
    toUri(targetArg) ??
    (await vscode.window.showSaveDialog({
      title: `Export ${name} to Word`,
      defaultUri: defaultTarget(source),
      filters: { 'Word document': ['docx'] },
      saveLabel: 'Export',
    }));
  if (!target) return { status: 'cancelled' };
  if (target.toString() === source.toString()) {
    const message = 'Case Review: choose a .docx file to export to, not the report itself.';
    void vscode.window.showErrorMessage(message);
    return { status: 'failed', message };
  }

  const warnings: string[] = [];
  warnings.push(...gate.prompts.map(line));
  try {
    const title = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Case Review: exporting ${name} to Word` },
      async () => {
        // The Word writer is loaded on first export, not at activation (it is a large library).
        const { buildDocx, packDocx } = await import('../export/docx/index.js');
        const built = buildDocx(text, { config });
        warnings.push(...built.warnings.map(line));
        const bytes = await packDocx(built.document);
        await vscode.workspace.fs.writeFile(target, bytes);
        return built.title;
      },
    );
    const targetName = vscode.workspace.asRelativePath(target, false);
    if (warnings.length > 0) {
      output.appendLine(`Export to Word of ${name} to ${targetName}: ${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`);
      for (const warning of warnings) output.appendLine(`  ${warning}`);
    }
    void offerToOpen(
      target,
      `Case Review: exported ${name} to ${targetName} (“${title}”)${warnings.length > 0 ? `, with ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (see Output › Case Review Lint)` : ''}.`,
      warnings.length > 0 ? output : undefined,
    );
    return { status: 'written', target: target.toString(), title, warnings };
  } catch (error) {
    const message = `Case Review: could not export ${name} to Word: ${error instanceof Error ? error.message : String(error)}`;
    output.appendLine(message);
    void vscode.window.showErrorMessage(message);
    return { status: 'failed', message };
  }
}

/** The success message, with “Open” (in Word or the system's default app; desktop only) and “Reveal”. */
async function offerToOpen(target: vscode.Uri, message: string, output: vscode.OutputChannel | undefined): Promise<void> {
  const local = target.scheme === 'file' && vscode.env.uiKind === vscode.UIKind.Desktop;
  const actions = [...(local ? ['Open', 'Reveal'] : ['Reveal in Explorer']), ...(output ? ['Show Warnings'] : [])];
  const choice = await vscode.window.showInformationMessage(message, ...actions);
  if (choice === 'Open') await vscode.env.openExternal(target);
  else if (choice === 'Reveal') await vscode.commands.executeCommand('revealFileInOS', target);
  else if (choice === 'Reveal in Explorer') await vscode.commands.executeCommand('revealInExplorer', target);
  else if (choice === 'Show Warnings') output?.show(true);
}

export function registerExportCommand(context: vscode.ExtensionContext, controller: LintController, output: vscode.OutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(EXPORT_TO_WORD_COMMAND, (source?: unknown, target?: unknown) =>
      exportToWord(controller, output, source, target),
    ),
  );
}
