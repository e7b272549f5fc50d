/**
 * Linting off the extension host's thread (issue 9): lints run in the worker
 * thread, the checklist and child-focus summary come with them, and after a burst
 * of edits the published problems are those of the final text (older jobs are
 * cancelled or their results dropped as stale).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateApi, closeAll, codeOf, openUntitled, ours, root, waitForState } from './helpers.js';

const example = async () =>
  new TextDecoder().decode(
    await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root(), '..', '..', '..', 'examples', 'overview-report.md')),
  );
const snapshot = (uri: vscode.Uri) =>
  ours(uri)
    .map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character} ${d.message}`)
    .sort();

describe('Case Review: linting in a worker thread', function () {
  this.timeout(120000);
  after(closeAll);

  it('lints open reports in the worker thread', async () => {
    const { api } = await activateApi();
    const before = api.lintWorker().completed;
    const document = await openUntitled(api, await example());
    assert.ok(api.stateOf(document.uri)?.linted);
    const worker = api.lintWorker();
    assert.equal(worker.inUse, true, 'the worker thread is in use (it did not fail over to in-process linting)');
    assert.ok(worker.completed > before, `the worker completed the lint (${before} → ${worker.completed})`);
  });

  it('after a burst of edits publishes exactly the findings of the final text', async () => {
    const { api } = await activateApi();
    const document = await openUntitled(api, await example());
    // Five edits without waiting: each schedules a lint; all but the last are cancelled or dropped.
    for (let i = 0; i < 5; i++) {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(
        document.uri,
        new vscode.Position(document.lineCount, 0),
        `\nAgencies should consider reviewing procedures as appropriate (${i}).\n`,
      );
      assert.ok(await vscode.workspace.applyEdit(edit));
    }
    const state = await waitForState(api, document, (s) => s.linted);
    const published = snapshot(document.uri);
    assert.equal(state.problems, published.length);
    // A fresh lint of the final text finds exactly what was published.
    assert.ok(await api.lint(document));
    assert.deepEqual(snapshot(document.uri), published);
  });
});
