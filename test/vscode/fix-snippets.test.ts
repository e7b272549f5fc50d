/** Quick fixes that leave placeholders go in as snippets: the first placeholder is selected, Tab moves to the next. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CaseReviewApi } from '../../src/extension/extension.js';
import { activateApi, closeAll, codeActions, find, openUntitled, readFixture, waitFor } from './helpers.js';

describe('Case Review quick fixes with placeholders', function () {
  this.timeout(60000);
  let api: CaseReviewApi;

  before(async () => {
    ({ api } = await activateApi());
  });

  afterEach(closeAll);

  it('selects the first placeholder the fix wrote, and Tab goes to the next', async () => {
    const document = await openUntitled(api, await readFixture('reviews/fixes-child-e.md'));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document, document);
    const diagnostic = find(document.uri, 'recommendation-measure', 'Recommendation 1 ');
    assert.ok(diagnostic);
    const action = (await codeActions(document, diagnostic.range)).find((a) => a.title === 'Add the missing SMART parts (by, measure)');
    assert.ok(action?.edit, 'the SMART scaffold is offered');
    // (A snippet edit is not listed by WorkspaceEdit.entries(): what it does is checked in the editor.)
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    const selected = await waitFor(
      'the first placeholder selected',
      () => {
        const text = document.getText(editor.selection);
        return text === '[insert date]' ? text : undefined;
      },
      [vscode.window.onDidChangeTextEditorSelection],
    );
    assert.equal(selected, '[insert date]');
    assert.match(
      document.getText(new vscode.Range(editor.selection.start.line, 0, editor.selection.start.line + 1, 0)),
      /men in the household\. by: \[insert date\]; measure: \[.*\]\.\n$/,
    );

    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.match(document.getText(editor.selection), /^\[how success will be evidenced/);
    // Typing over the placeholder replaces it.
    await vscode.commands.executeCommand('type', { text: 'an audit of 20 cases in March 2013' });
    assert.match(document.lineAt(editor.selection.start.line).text, /measure: an audit of 20 cases in March 2013\.$/);
  });
});
