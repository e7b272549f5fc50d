/**
 * “Case Review: New Report…”: a quick pick of report types (built-in, plus the
 * board's own from the nearest `.casereviewrc`), a few input boxes, then a new
 * Markdown document from the report type's prompted template.
 *
 * The command takes an optional `NewReportArgs`: every answer given there is
 * not asked for (the tests, and other extensions, run it without any prompt by
 * passing `interactive: false`).
 */
import * as vscode from 'vscode';
import { dateEndKey, dateKey, normaliseTypedDate, parseDate } from '../engine/dates.js';
import { renderTemplate, type TemplateAnswers } from '../engine/templates.js';
import type { Profile } from '../engine/index.js';
import { resolveProfiles } from '../engine/index.js';
import type { LintController } from './linter.js';
import { readSettings } from './linter.js';
import { combineConfig, configFromSettings } from './settings.js';

export const NEW_REPORT_COMMAND = 'caseReview.newReport';

export interface NewReportArgs {
  reportType?: string;
  /** The child's pseudonym; several separated by commas. */
  child?: string | string[];
  agency?: string;
  periodStart?: string;
  periodEnd?: string;
  author?: string;
  independence?: string;
  /** Write the report to this file (refused when it exists); an untitled document otherwise. */
  file?: vscode.Uri | string;
  /** The folder whose `.casereviewrc` supplies the board's report types (default: the active file's, or the first workspace folder). */
  folder?: vscode.Uri | string;
  /** false: ask nothing, leave unanswered fields to the template's placeholders. */
  interactive?: boolean;
}

const asUri = (value: vscode.Uri | string | undefined): vscode.Uri | undefined =>
  value instanceof vscode.Uri ? value : typeof value === 'string' && value ? (/^[a-z][\w+.-]*:/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value)) : undefined;

/** The report types offered: built-in profiles as changed or added by the applicable config. */
export async function profilesFor(controller: LintController, folder: vscode.Uri | undefined): Promise<Profile[]> {
  if (!folder) return resolveProfiles();
  const probe = vscode.Uri.joinPath(folder, 'new-report.md');
  const found = await controller.lookup.forDocument(probe);
  const config = combineConfig(configFromSettings(readSettings(probe)).config, found?.parsed.config, {});
  return resolveProfiles(config.profiles ?? {});
}

function defaultFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme !== 'untitled') return vscode.Uri.joinPath(active, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** The input box's check of a typed date: why it cannot be used, or undefined (empty is fine: written later). */
function dateInputProblem(value: string): string | undefined {
  if (!value.trim()) return undefined;
  const result = normaliseTypedDate(value.trim());
  return 'error' in result ? `${result.error[0]!.toUpperCase()}${result.error.slice(1)}. Write it day first, such as 01/03/2007.` : undefined;
}

/** A date answer written as dd/MM/yyyy; null (with an error shown) when it cannot be used, or was cancelled. */
function typedDate(answer: string | undefined | null, label: string): string | undefined | null {
  if (answer === null || answer === undefined) return answer;
  const result = normaliseTypedDate(answer);
  if ('date' in result) return result.date;
  void vscode.window.showErrorMessage(`Case Review: the ${label} ${result.error}. Write it day first, such as 01/03/2007.`);
  return null;
}

async function ask(interactive: boolean, given: string | undefined, options: vscode.InputBoxOptions): Promise<string | undefined | null> {
  if (given !== undefined) return given;
  if (!interactive) return undefined;
  const answer = await vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
  return answer === undefined ? null : answer.trim() || undefined; // null: cancelled
}

/** A file name in `folder` (from `stem`, made safe) that no file has yet, e.g. `imr-child-d.md`, `imr-child-d-2.md`. */
async function freeName(folder: vscode.Uri, stem: string): Promise<vscode.Uri | undefined> {
  const dashed = stem.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  let from = 0;
  let to = dashed.length;
  while (from < to && dashed[from] === '-') from++;
  while (to > from && dashed[to - 1] === '-') to--;
  const safe = dashed.slice(from, to) || 'report';
  for (let n = 1; n < 100; n++) {
    const candidate = vscode.Uri.joinPath(folder, `${safe}${n === 1 ? '' : `-${n}`}.md`);
    const open = vscode.workspace.textDocuments.some((d) => d.uri.path === candidate.path);
    if (open) continue;
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
  return undefined;
}

/** Run the command: resolves to the new document, or undefined when the author cancelled. */
export async function newReport(controller: LintController, args: NewReportArgs = {}): Promise<vscode.TextDocument | undefined> {
  const interactive = args.interactive !== false;
  const folder = asUri(args.folder) ?? defaultFolder();
  const profiles = await profilesFor(controller, folder);
  let profile = args.reportType ? profiles.find((p) => p.id === args.reportType) : undefined;
  if (args.reportType && !profile) {
    void vscode.window.showErrorMessage(`Case Review: unknown report type “${args.reportType}”.`);
    return undefined;
  }
  if (!profile) {
    if (!interactive) profile = profiles.find((p) => p.id === 'overview') ?? profiles[0];
    else {
      const builtIn = new Set(resolveProfiles().map((p) => p.id));
      const picked = await vscode.window.showQuickPick(
        profiles.map((p) => ({ label: p.title, description: builtIn.has(p.id) ? p.id : `${p.id} · board`, detail: `${p.sections.length} sections`, profile: p })),
        { title: 'Case Review: new report', placeHolder: 'Choose the report type', ignoreFocusOut: true },
      );
      profile = picked?.profile;
    }
  }
  if (!profile) return undefined;

  const childGiven = Array.isArray(args.child) ? args.child.join(', ') : args.child;
  const child = await ask(interactive, childGiven, { title: 'Child’s pseudonym', prompt: 'The child (or children, separated by commas) under review, as named in the report', placeHolder: 'Child D' });
  if (child === null) return undefined;
  let agency: string | undefined | null;
  if (profile.id === 'imr' || args.agency !== undefined) {
    agency = await ask(interactive, args.agency, { title: 'Agency', prompt: 'The agency whose involvement this management review covers', placeHolder: 'Northshire Children’s Social Care' });
    if (agency === null) return undefined;
  }
  const periodStart = typedDate(await ask(interactive, args.periodStart, { title: 'Period under review: start', prompt: 'The first date the review covers, day first', placeHolder: 'DD/MM/YYYY', validateInput: dateInputProblem }), 'period start');
  if (periodStart === null) return undefined;
  const periodEnd = typedDate(await ask(interactive, args.periodEnd, { title: 'Period under review: end', prompt: 'The last date the review covers, day first', placeHolder: 'DD/MM/YYYY', validateInput: dateInputProblem }), 'period end');
  if (periodEnd === null) return undefined;
  if (periodStart && periodEnd && dateKey(parseDate(periodStart)!) > dateEndKey(parseDate(periodEnd)!)) {
    void vscode.window.showErrorMessage(`Case Review: the period end ${periodEnd} is before its start ${periodStart}. Check the dates.`);
    return undefined;
  }
  const independence = await ask(interactive, args.independence, {
    title: 'Author’s independence',
    prompt: 'How the author is independent of the case and its line management (leave empty to write it later)',
    placeHolder: 'independent reviewer, no previous involvement with the family or the agencies',
  });
  if (independence === null) return undefined;

  const answers: TemplateAnswers = {
    child: child ? child.split(',').map((c) => c.trim()).filter(Boolean) : undefined,
    agency: agency ?? undefined,
    periodStart,
    periodEnd,
    author: args.author,
    independence,
  };
  const content = renderTemplate(profile, answers);
  const file = asUri(args.file);
  let document: vscode.TextDocument;
  if (file) {
    try {
      await vscode.workspace.fs.stat(file);
      void vscode.window.showErrorMessage(`Case Review: ${vscode.workspace.asRelativePath(file, false)} already exists.`);
      return undefined;
    } catch {
      // does not exist: good
    }
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(content));
    document = await vscode.workspace.openTextDocument(file);
  } else {
    // Untitled, but placed in the folder it will be saved to, so that the folder's .casereviewrc applies at once.
    const place = folder && (await freeName(folder, `${profile.id}${child ? `-${child.split(',')[0]!.trim()}` : ''}`));
    document = place
      ? await vscode.workspace.openTextDocument(place.with({ scheme: 'untitled' }))
      : await vscode.workspace.openTextDocument({ language: 'markdown', content });
    if (place) await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  }
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  // A placed untitled document starts empty; one that takes the name of one just closed can come back with that one's backed-up text.
  if (!file && document.getText() !== content) {
    await editor.edit((b) => b.replace(new vscode.Range(0, 0, document.lineCount, 0), content));
  }
  return document;
}

export function registerNewReport(context: vscode.ExtensionContext, controller: LintController): void {
  context.subscriptions.push(vscode.commands.registerCommand(NEW_REPORT_COMMAND, (args?: NewReportArgs | vscode.Uri) =>
      newReport(controller, args instanceof vscode.Uri ? { folder: args } : args && typeof args === 'object' ? args : {}),
    ));
}
