/** The “Child focus” status bar item and its breakdown in a real VS Code. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CaseReviewApi } from '../../src/extension/extension.js';
import { activateApi, closeAll, open, waitFor, waitForState } from './helpers.js';

const POLICE = Array(5)
  .fill(
    'The police attended the home three times in 2019 after calls from neighbours about shouting. Officers spoke to the mother and her partner on each occasion and recorded the incidents as verbal arguments. No referral was made to Children’s Social Care. The supervisor reviewed the logs and agreed with the grading. Officers did not check the partner’s history or record who else lived at the address.',
  )
  .join('\n\n');

const TEXT = `---
report-type: overview
child: Child E
---
# Overview Report: Child E

## Introduction

This review was commissioned after Child E was admitted to hospital.

## Analysis

Child E was seen at home by the health visitor. The health visitor did not ask who lived there. Child E said she was scared at night.

## Practice of the police

${POLICE}
`;

describe('Case Review: child focus status', function () {
  this.timeout(60000);
  let api: CaseReviewApi;

  before(async () => {
    ({ api } = await activateApi());
  });

  afterEach(closeAll);

  /** The report in an untitled document (no fixture file is edited). */
  async function openReport(): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: TEXT });
    await vscode.window.showTextDocument(document, { preview: false });
    await waitForState(api, document, (state) => state.linted);
    return document;
  }

  it('shows the share of analysis sentences about the child and the flagged sections, and hides for other files', async () => {
    await openReport();
    const status = api.childFocus();
    assert.ok(status, 'shown for a case review');
    assert.match(status.text, /^\$\(warning\) Child focus \d+%$/);
    assert.match(status.tooltip, /2 of \d+ analysis sentences \(\d+%\) are about Child E; 1 section flagged/);
    assert.equal(status.command.command, 'caseReview.showChildFocus');

    await open(api, 'README.md');
    assert.equal(api.childFocus(), undefined, 'hidden for a file that is not a case review');
  });

  it('breaks the figures down by section, and going to a section reveals its heading', async () => {
    const document = await openReport();
    const status = api.childFocus();
    assert.ok(status);
    const result = await vscode.commands.executeCommand<{
      items: { title: string; description: string; flagged: boolean }[];
      picked?: string;
    }>(status.command.command, ...(status.command.arguments ?? []), { pick: 'Practice of the police' });
    assert.ok(result);
    const police = result.items.find((i) => i.title === 'Practice of the police');
    assert.equal(police?.flagged, true);
    assert.match(police!.description, /^0 of \d+ sentences about Child E \(0%\)$/);
    assert.match(result.items.find((i) => i.title === 'Analysis')!.description, /^2 of 3 sentences about Child E/);
    assert.equal(result.picked, 'Practice of the police');
    const editor = await waitFor(
      'the editor of the report',
      () => (vscode.window.activeTextEditor?.document === document ? vscode.window.activeTextEditor : undefined),
      [vscode.window.onDidChangeActiveTextEditor],
    );
    assert.equal(document.getText(editor.selection), '## Practice of the police');
  });
});
