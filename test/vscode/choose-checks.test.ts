/** “Case Review: Choose Checks…”: every check by its plain name, ticked when it runs; the choice written to settings. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CheckItem } from '../../src/extension/choose-checks.js';
import { activateApi, WAIT_MS } from './helpers.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const config = () => vscode.workspace.getConfiguration('caseReview');

describe('Case Review: Choose Checks…', function () {
  this.timeout(60000);

  before(async () => {
    await activateApi();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await config().update('rules', undefined, vscode.ConfigurationTarget.Global);
  });

  it('lists each check by name with its state, and writes the author’s choice to their settings (screenshot: test-results/choose-checks.png)', async () => {
    await config().update('rules', { 'tor-vague-language': 'off', 'tor-questions': 'info' }, vscode.ConfigurationTarget.Global);
    let shown: (pick: vscode.QuickPick<CheckItem>) => void = () => undefined;
    const picked = new Promise<vscode.QuickPick<CheckItem>>((resolve, reject) => {
      shown = resolve;
      setTimeout(() => reject(new Error('the list was not shown')), WAIT_MS);
    });
    const done = vscode.commands.executeCommand<Record<string, unknown> | undefined>('caseReview.chooseChecks', {
      target: 'user',
      onDidShow: (p: vscode.QuickPick<CheckItem>) => shown(p),
    });
    const pick = await picked;

    assert.equal(pick.canSelectMany, true);
    assert.ok(pick.items.length >= 30, `${pick.items.length} checks`);
    for (const item of pick.items) assert.doesNotMatch(item.label, /^[a-z]+(?:-[a-z]+)+$/, 'a plain name, not a rule id');
    const byId = (id: string) => pick.items.find((item) => item.ruleId === id)!;
    assert.equal(byId('tor-vague-language').label, 'The terms of reference avoid over-general wording');
    assert.equal(byId('tor-vague-language').description, 'off');
    assert.equal(byId('tor-questions').description, 'on, shown as information');
    const ticked = new Set(pick.selectedItems.map((item) => item.ruleId));
    assert.equal(ticked.has('tor-vague-language'), false, 'a check turned off is not ticked');
    assert.equal(ticked.has('tor-questions'), true);
    assert.equal(ticked.size, pick.items.length - 1);

    await vscode.commands.executeCommand('notifications.clearAll');
    await pause(1500);
    console.log('CASE_REVIEW_SCREENSHOT choose-checks');
    await pause(2500);

    // Untick one check, tick the one that was off, and accept.
    pick.selectedItems = pick.items.filter((item) => item.ruleId !== 'acronym-first-use');
    await pause(300);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const written = await done;
    assert.deepEqual(written, { 'tor-questions': 'info', 'acronym-first-use': 'off' });
    assert.deepEqual(config().inspect('rules')?.globalValue, { 'tor-questions': 'info', 'acronym-first-use': 'off' });
    assert.equal(config().inspect('rules')?.workspaceValue, undefined, 'the workspace’s settings are left alone');
  });
});
