/** “Case Review: New Report…” in a real VS Code, with its answers passed in instead of typed. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CaseReviewApi } from '../../src/extension/extension.js';
import { activateApi, closeAll, fixture, waitForState } from './helpers.js';

describe('Case Review: New Report…', function () {
  this.timeout(60000);
  let api: CaseReviewApi;

  before(async () => {
    ({ api } = await activateApi());
  });

  afterEach(closeAll);

  it('creates an IMR from the answers, with its front matter and the profile’s headings, and lints it', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('caseReview.newReport', {
      reportType: 'imr',
      child: 'Child K',
      agency: 'Northshire Health Visiting Service',
      periodStart: '01/02/2020',
      periodEnd: '30/11/2021',
      independence: 'no involvement with the family or line management of the practitioners',
      interactive: false,
    });
    assert.ok(document, 'a document is created');
    assert.equal(document.uri.scheme, 'untitled');
    assert.equal(document.languageId, 'markdown');
    assert.equal(vscode.window.activeTextEditor?.document, document, 'and shown');
    const text = document.getText();
    assert.ok(
      text.startsWith(
        '---\nreport-type: imr\nchild: Child K\nagency: Northshire Health Visiting Service\nperiod-start: 01/02/2020\nperiod-end: 30/11/2021\n',
      ),
      text.slice(0, 300),
    );
    const headings = text.split('\n').filter((l) => l.startsWith('#'));
    assert.equal(headings[0], '# Individual Management Review: Northshire Health Visiting Service');
    assert.ok(headings.includes('## Introduction'), headings.join(' | '));
    assert.ok(
      headings.some((h) => /chronology/i.test(h)),
      'a chronology section',
    );
    assert.match(text, /no involvement with the family or line management of the practitioners/);
    const state = await waitForState(api, document);
    assert.equal(state.linted, true);
    assert.equal(state.reportType, 'imr');
  });

  it('writes the period dates as dd/MM/yyyy, and creates nothing for an impossible date or an end before the start', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('caseReview.newReport', {
      reportType: 'imr',
      child: 'Child K',
      agency: 'Northshire Police',
      periodStart: '1 February 2020',
      periodEnd: '30.11.21',
      interactive: false,
    });
    assert.ok(document);
    assert.match(document.getText(), /\nperiod-start: 01\/02\/2020\nperiod-end: 30\/11\/2021\n/);
    await closeAll();
    for (const [periodStart, periodEnd] of [
      ['31/02/2020', '30/11/2021'],
      ['01/02/2020', 'banana'],
      ['30/11/2021', '01/02/2020'],
    ]) {
      const none = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('caseReview.newReport', {
        reportType: 'imr',
        child: 'Child K',
        agency: 'Northshire Police',
        periodStart,
        periodEnd,
        interactive: false,
      });
      assert.equal(none, undefined, `${periodStart} to ${periodEnd}`);
    }
  });

  it('offers the board’s own report types from the nearest .casereviewrc', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('caseReview.newReport', {
      reportType: 'multi-agency-audit',
      child: 'Child L',
      folder: fixture('board'),
      interactive: false,
    });
    assert.ok(document);
    const text = document.getText();
    assert.match(text, /^---\nreport-type: multi-agency-audit\nchild: Child L\n/);
    const headings = text.split('\n').filter((l) => l.startsWith('#'));
    assert.equal(headings[0], '# Multi-Agency Case Audit: Child L');
    assert.deepEqual(headings.slice(1, 4), ['## Core data', '## Introduction', '## Audit scope']);
    // Untitled but placed in the board's folder: its .casereviewrc applies before the report is ever saved.
    assert.equal(document.uri.scheme, 'untitled');
    assert.equal(document.uri.path, fixture('board/multi-agency-audit-child-l.md').path);
    const state = await waitForState(api, document, (s) => s.linted);
    assert.equal(state.reportType, 'multi-agency-audit');
    assert.ok(state.configFile?.includes('.casereviewrc'), state.configFile);
    const checklist = api.checklist.sections(document);
    assert.ok(
      checklist.some((node) => node.section.title === 'Audit scope'),
      checklist.map((n) => n.section.title).join(' | '),
    );
  });
});
