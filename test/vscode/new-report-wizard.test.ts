/**
 * “Case Review: New Report…” as an author meets it: one question a step in the quick
 * input, with the step counter and a Back button; dates checked as they are typed and
 * written one way; the end of the period after its start; the report date asked; the
 * child never left empty. The steps are driven through the real quick input (its
 * objects, and the workbench's accept and back commands).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ShownStep } from '../../src/extension/new-report.js';
import { activateApi, closeAll, WAIT_MS } from './helpers.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The steps as the wizard shows them, one at a time. */
function stepQueue() {
  const shown: ShownStep[] = [];
  let waiting: ((step: ShownStep) => void) | undefined;
  return {
    onDidShowStep(step: ShownStep) {
      if (waiting) {
        const resolve = waiting;
        waiting = undefined;
        resolve(step);
      } else shown.push(step);
    },
    next(what: string): Promise<ShownStep> {
      const step = shown.shift();
      if (step) return Promise.resolve(step);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for the step “${what}”`)), WAIT_MS);
        waiting = (s) => {
          clearTimeout(timer);
          resolve(s);
        };
      });
    },
    get pending() {
      return shown.length;
    },
  };
}

const accept = async () => {
  // Let the quick input's own update (debounced in the extension host) reach the workbench first.
  await pause(300);
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
};

function message(step: ShownStep): { text: string; severity?: vscode.InputBoxValidationSeverity } | undefined {
  const value = (step.input as vscode.InputBox).validationMessage;
  return value === undefined ? undefined : typeof value === 'string' ? { text: value } : { text: value.message, severity: value.severity };
}

async function typeAndAccept(step: ShownStep, value: string): Promise<void> {
  assert.ok(step.type, `step “${step.id}” is a box to type in`);
  step.type(value);
  await accept();
}

describe('Case Review: New Report… wizard', function () {
  this.timeout(90000);

  before(async () => {
    await activateApi();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await closeAll();
  });

  it('asks step by step with a counter and a way back, checks dates as typed, and writes them one way (screenshot: test-results/new-report-date-check.png)', async () => {
    const steps = stepQueue();
    const created = vscode.commands.executeCommand<vscode.TextDocument | undefined>('caseReview.newReport', {
      onDidShowStep: steps.onDidShowStep,
    });

    const type = await steps.next('report type');
    assert.deepEqual([type.id, type.step, type.totalSteps], ['reportType', 1, 6]);
    assert.deepEqual(type.input.buttons, [], 'no way back from the first step');
    const pick = type.input as vscode.QuickPick<vscode.QuickPickItem>;
    const overview = pick.items.find((item) => item.description === 'overview');
    assert.ok(overview, pick.items.map((i) => i.description).join(', '));
    pick.activeItems = [overview];
    await accept();

    const child = await steps.next('child');
    assert.deepEqual([child.id, child.step, child.totalSteps], ['child', 2, 6]);
    assert.deepEqual(child.input.buttons, [vscode.QuickInputButtons.Back]);
    assert.equal((child.input as vscode.InputBox).value, '', 'nothing filled in for the author');
    // An empty child is refused, with a message; the wizard stays on the step.
    await typeAndAccept(child, '');
    await pause(700);
    assert.match(message(child)?.text ?? '', /^Type the child’s pseudonym, such as “Child D”/);
    assert.equal(message(child)?.severity, vscode.InputBoxValidationSeverity.Error);
    assert.equal(steps.pending, 0, 'no next step');
    await typeAndAccept(child, 'Child M');

    const start = await steps.next('period start');
    assert.deepEqual([start.id, start.step], ['periodStart', 3]);
    start.type!('1 March 2007');
    assert.deepEqual(message(start), { text: 'Will be written as 01/03/2007.', severity: vscode.InputBoxValidationSeverity.Info });
    await accept();

    const end = await steps.next('period end');
    assert.deepEqual([end.id, end.step], ['periodEnd', 4]);
    end.type!('31/02/2008');
    assert.deepEqual(message(end), {
      text: '“31/02/2008” is not a real date: February 2008 has 29 days. Type it day first, such as 01/03/2007 or 1 March 2007.',
      severity: vscode.InputBoxValidationSeverity.Error,
    });
    await vscode.commands.executeCommand('notifications.clearAll');
    await pause(1500);
    console.log('CASE_REVIEW_SCREENSHOT new-report-date-check');
    await pause(2500);
    end.type!('28/02/2006');
    assert.equal(
      message(end)?.text,
      'The review period cannot end on 28/02/2006 when it starts on 01/03/2007. Type a date after the start.',
    );
    await accept();
    await pause(700);
    assert.equal(steps.pending, 0, 'an end before the start is not accepted');

    // Back to the start: its answer is kept, written one way.
    await pause(300);
    await vscode.commands.executeCommand('workbench.action.quickInputBack');
    const startAgain = await steps.next('period start, again');
    assert.deepEqual([startAgain.id, startAgain.step], ['periodStart', 3]);
    assert.equal((startAgain.input as vscode.InputBox).value, '01/03/2007');
    await accept();
    const endAgain = await steps.next('period end, again');
    await typeAndAccept(endAgain, '31 August 2008');

    const reportDate = await steps.next('report date');
    assert.deepEqual([reportDate.id, reportDate.step, reportDate.totalSteps], ['reportDate', 5, 6]);
    await typeAndAccept(reportDate, '15.1.09');
    const independence = await steps.next('independence');
    assert.deepEqual([independence.id, independence.step], ['independence', 6]);
    await typeAndAccept(independence, '');

    const document = await created;
    assert.ok(document, 'a report is created');
    assert.match(
      document.getText(),
      /^---\nreport-type: overview\nchild: Child M\nperiod-start: 01\/03\/2007\nperiod-end: 31\/08\/2008\nreport-date: 15\/01\/2009\n---\n/,
    );
  });

  it('asks for the agency of an IMR (seven steps), and creates nothing when closed', async () => {
    const steps = stepQueue();
    const created = vscode.commands.executeCommand<vscode.TextDocument | undefined>('caseReview.newReport', {
      reportType: 'imr',
      onDidShowStep: steps.onDidShowStep,
    });
    const child = await steps.next('child');
    assert.deepEqual([child.id, child.step, child.totalSteps], ['child', 1, 6], 'the type given: one step fewer');
    await typeAndAccept(child, 'Child N');
    const agency = await steps.next('agency');
    assert.deepEqual([agency.id, agency.step], ['agency', 2]);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await created, undefined);
    assert.ok(!vscode.workspace.textDocuments.some((d) => /imr-child-n/.test(d.uri.path)), 'no report opened');
  });
});
