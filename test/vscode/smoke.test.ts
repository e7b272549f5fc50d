// Smoke test for the editor test harness (scripts/vscode-test/run.mjs): proves
// that the suite runs inside a real extension host with the `vscode` API, the
// requested workspace folder open, and the extension under test loadable.
//
// run.mjs passes these to the extension host through the environment:
//   CASE_REVIEW_TEST_WORKSPACE     absolute path of the opened folder
//   CASE_REVIEW_TEST_EXTENSION_ID  "publisher.name" of the extension under test
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

describe('editor test harness (smoke)', () => {
  it('runs inside VS Code 1.x', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
  });

  it('has the requested workspace folder open', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, 'exactly one workspace folder is open');
    const expected = process.env.CASE_REVIEW_TEST_WORKSPACE;
    assert.ok(expected, 'CASE_REVIEW_TEST_WORKSPACE is set by the runner');
    assert.equal(path.resolve(folders[0]!.uri.fsPath), path.resolve(expected));
  });

  it('opens a Markdown document in an editor', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '# Smoke test\n\nHello from the harness.\n',
    });
    const editor = await vscode.window.showTextDocument(document);
    assert.equal(editor.document.languageId, 'markdown');
    assert.equal(vscode.window.activeTextEditor?.document, document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('loads and activates the extension under test', async () => {
    const id = process.env.CASE_REVIEW_TEST_EXTENSION_ID;
    assert.ok(id, 'CASE_REVIEW_TEST_EXTENSION_ID is set by the runner');
    const extension = vscode.extensions.getExtension(id);
    assert.ok(extension, `extension ${id} is installed`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
