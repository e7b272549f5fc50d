/**
 * The first lint in a fresh window (issues 16 and 20): the example report is
 * opened before anything else has woken the extension (index.ts runs this file
 * first), the status bar says it is being checked, and its diagnostics arrive.
 *
 * How long that took is written to test-results/first-lint.json and printed,
 * with the extension's own start-up timeline (bundle evaluated, activate(),
 * worker started and ready, the first lint's steps; all on the extension host's
 * performance.now() clock, the one this test reads): the figures in
 * docs/editor-performance.md come from there. The time is recorded, never
 * asserted (timing asserts are not allowed in tests).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CaseReviewApi } from '../../src/extension/extension.js';
import { closeAll, EXTENSION_ID, ours, root, WAIT_MS, waitForState } from './helpers.js';

const repo = () => vscode.Uri.joinPath(root(), '..', '..', '..');
const round = (ms: number) => Math.round(ms);

/** Resolves with the performance.now() time at which our diagnostics for `uri` first appear. */
function firstDiagnostics(uri: vscode.Uri, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (ours(uri).length === 0) return;
      const at = performance.now();
      listener.dispose();
      clearTimeout(timer);
      resolve(at);
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no diagnostics for ${uri.path} within ${timeoutMs} ms`));
    }, timeoutMs);
    check();
  });
}

describe('Case Review: the first lint after opening a report', function () {
  this.timeout(120000);
  after(closeAll);

  it('says “Checking report…” until the example’s first diagnostics arrive, and writes down how long they took (test-results/first-lint.json)', async () => {
    const extension = vscode.extensions.getExtension<CaseReviewApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const cold = !extension.isActive;
    const uri = vscode.Uri.joinPath(repo(), 'examples', 'overview-report.md');
    assert.equal(ours(uri).length, 0, 'no diagnostics for the example before it is opened');

    const arrived = firstDiagnostics(uri, Math.max(WAIT_MS, 60000));
    const opening = performance.now();
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    const shown = performance.now();

    // Until the first result, the status bar says the report is being checked.
    const api = await extension.activate();
    const checking = api.stateOf(uri) === undefined ? api.statusBar() : undefined;
    if (api.stateOf(uri) === undefined) {
      assert.ok(checking, 'the status bar item is shown while the report is checked');
      assert.match(checking.text, /^\$\(sync~spin\) Checking report…$/);
    }

    const diagnosticsAt = await arrived;
    // The first may be a quick pass's (without the checks that need the language model), then the whole lint's.
    const diagnostics = ours(uri);
    assert.ok(diagnostics.length > 0, 'the example has findings');
    const state = await waitForState(api, document);
    assert.ok(state.linted, 'the example is linted as a case review');
    assert.equal(state.reportType, 'overview');
    assert.equal(ours(uri).length, state.problems, 'then all the findings');
    assert.ok(diagnostics.length <= state.problems);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const done = api.statusBar();
    assert.ok(done && !done.text.includes('sync~spin'), `the status bar no longer says checking: ${done?.text}`);

    const timeline = api.startupTimings();
    const since = (at: number | undefined) => (at === undefined ? undefined : round(at - opening));
    const figures = {
      what: 'the example report (examples/overview-report.md) opened in a fresh window; ms from openTextDocument',
      coldStart: cold,
      checkingShown: checking !== undefined,
      openToShownMs: round(shown - opening),
      openToFirstDiagnosticsMs: round(diagnosticsAt - opening),
      firstDiagnostics: diagnostics.length,
      openToCompleteDiagnosticsMs: since(timeline.steps['first-complete-diagnostics']),
      diagnostics: state.problems,
      stepsSinceOpenMs: Object.fromEntries(Object.entries(timeline.steps).map(([step, at]) => [step, since(at)])),
      activationMs:
        timeline.steps['activate-start'] !== undefined && timeline.steps['activate-end'] !== undefined
          ? round(timeline.steps['activate-end'] - timeline.steps['activate-start'])
          : undefined,
      durationsMs: Object.fromEntries(Object.entries(timeline.durations).map(([what, ms]) => [what, round(ms)])),
      facts: timeline.facts,
      extensionHostUptimeAtOpenMs: round(opening),
    };
    const file = path.join(repo().fsPath, 'test-results', 'first-lint.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`[first-lint] ${JSON.stringify(figures)}`);
  });
});
