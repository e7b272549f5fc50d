/** Shared helpers of the editor test suites (bundled into each suite file). */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CaseReviewApi } from '../../src/extension/extension.js';
import type { LintState } from '../../src/extension/linter.js';

export const EXTENSION_ID = 'case-review-lint.case-review-lint';
export const SOURCE = 'case-review';
export const WAIT_MS = 15000;

export async function activateApi(): Promise<{ api: CaseReviewApi; extension: vscode.Extension<CaseReviewApi> }> {
  const extension = vscode.extensions.getExtension<CaseReviewApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return { api: await extension.activate(), extension };
}

export function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri;
}

export const fixture = (relative: string) => vscode.Uri.joinPath(root(), ...relative.split('/'));
export const readFixture = async (relative: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture(relative)));

/** Resolve with `check()`'s value once it is defined: checked now and after each of the events. */
export function waitFor<T>(what: string, check: () => T | undefined, events: vscode.Event<unknown>[], timeoutMs = WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const done = (fn: () => void) => {
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      fn();
    };
    const attempt = () => {
      let value: T | undefined;
      try {
        value = check();
      } catch (error) {
        done(() => reject(error));
        return true;
      }
      if (value !== undefined) {
        done(() => resolve(value as T));
        return true;
      }
      return false;
    };
    const timer = setTimeout(() => done(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
    if (attempt()) return;
    for (const event of events) subscriptions.push(event(() => void attempt()));
  });
}

export const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
export const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
export const find = (uri: vscode.Uri, ruleId: string, includes = '') =>
  ours(uri).find((d) => codeOf(d) === ruleId && d.message.includes(includes));

/** The extension's verdict on the document's current version. */
export function waitForState(
  api: CaseReviewApi,
  document: vscode.TextDocument,
  ok: (state: LintState) => boolean = () => true,
): Promise<LintState> {
  return waitFor(
    `a lint of ${vscode.workspace.asRelativePath(document.uri)} v${document.version}`,
    () => {
      const state = api.stateOf(document.uri);
      return state && state.version === document.version && ok(state) ? state : undefined;
    },
    [api.onDidLint],
  );
}

export async function open(api: CaseReviewApi, relative: string): Promise<{ document: vscode.TextDocument; state: LintState }> {
  const document = await vscode.workspace.openTextDocument(fixture(relative));
  await vscode.window.showTextDocument(document, { preview: false });
  return { document, state: await waitForState(api, document) };
}

export async function setText(api: CaseReviewApi, document: vscode.TextDocument, text: string): Promise<LintState> {
  if (document.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
    assert.ok(await vscode.workspace.applyEdit(edit));
  }
  return waitForState(api, document);
}

/** Revert edited files (closing a dirty editor would save it in the headless workbench), then close every editor. */
export async function closeAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && document.uri.scheme === 'file') {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      assert.equal(document.isDirty, false, `${document.uri.toString()} reverted`);
    }
    if (document.isDirty && document.uri.scheme === 'untitled') {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function codeActions(document: vscode.TextDocument, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (
    (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, kind, 100)) ?? []
  );
}

export async function applyAction(
  api: CaseReviewApi,
  document: vscode.TextDocument,
  action: vscode.CodeAction | undefined,
): Promise<LintState> {
  assert.ok(action, 'the code action is offered');
  assert.ok(action.edit, `“${action.title}” carries an edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  return waitForState(api, document);
}

/** A report in an untitled Markdown document (so no fixture file is ever edited), once linted. */
export async function openUntitled(api: CaseReviewApi, content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(document, { preview: false });
  await waitForState(api, document, (state) => state.linted);
  return document;
}
