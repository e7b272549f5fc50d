/** “Normalise Chronology Dates” and “Merge Agency Chronologies” in a real VS Code. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CaseReviewApi } from '../../src/extension/extension.js';
import { activateApi, closeAll, fixture, openUntitled, readFixture, waitForState } from './helpers.js';

describe('Case Review: chronology commands', function () {
  this.timeout(60000);
  const police = 'imrs/imr-police.md';
  let api: CaseReviewApi;
  let onDisk = '';

  before(async () => {
    ({ api } = await activateApi());
    onDisk = await readFixture(police);
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('caseReview').update('chronologyDateFormat', undefined, vscode.ConfigurationTarget.Global);
    await closeAll();
  });

  after(async () => {
    assert.equal(await readFixture(police), onDisk, `${police} is unchanged on disk`);
  });

  const dates = (text: string) =>
    text
      .split('\n')
      .filter((l) => /^\| [^-D]/.test(l))
      .map((l) => l.split('|')[1]!.trim());

  it('normalise every chronology date to dd/MM/yyyy by default', async () => {
    const document = await openUntitled(api, onDisk);
    assert.deepEqual(dates(document.getText()), ['14/03/2019', '2 June 2019', '2019-07-20']);
    const changed = await vscode.commands.executeCommand<number>('caseReview.normaliseChronologyDates');
    assert.equal(changed, 2);
    assert.deepEqual(dates(document.getText()), ['14/03/2019', '02/06/2019', '20/07/2019']);
    await waitForState(api, document);
  });

  it('normalise to the format in caseReview.chronologyDateFormat', async () => {
    await vscode.workspace.getConfiguration('caseReview').update('chronologyDateFormat', 'd MMMM yyyy', vscode.ConfigurationTarget.Global);
    const document = await openUntitled(api, onDisk);
    const changed = await vscode.commands.executeCommand<number>('caseReview.normaliseChronologyDates', document.uri);
    assert.equal(changed, 2);
    assert.deepEqual(dates(document.getText()), ['14 March 2019', '2 June 2019', '20 July 2019']);
  });

  it('normalise with Unicode tokens (dd/MM/yyyy, the older dd/mm/yyyy too), and change nothing for a format that is not one', async () => {
    const document = await openUntitled(api, onDisk);
    assert.equal(await vscode.commands.executeCommand<number>('caseReview.normaliseChronologyDates', document.uri, 'banana'), 0);
    assert.deepEqual(dates(document.getText()), ['14/03/2019', '2 June 2019', '2019-07-20'], 'nothing rewritten as “banana”');
    assert.equal(await vscode.commands.executeCommand<number>('caseReview.normaliseChronologyDates', document.uri, 'yyyy-MM-dd'), 2);
    assert.deepEqual(dates(document.getText()), ['2019-03-14', '2019-06-02', '2019-07-20']);
    assert.equal(await vscode.commands.executeCommand<number>('caseReview.normaliseChronologyDates', document.uri, 'dd/mm/yyyy'), 3);
    assert.deepEqual(dates(document.getText()), ['14/03/2019', '02/06/2019', '20/07/2019']);
    const none = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('caseReview.mergeChronologies', {
      files: [fixture('imrs/imr-police.md'), fixture('imrs/imr-health.md')],
      dateFormat: 'banana',
    });
    assert.equal(none, undefined);
  });

  it('merge the chronologies of the chosen IMRs into a new document, in date order with the agency of each row', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('caseReview.mergeChronologies', {
      files: [fixture('imrs/imr-police.md'), fixture('imrs/imr-health.md')],
    });
    assert.ok(document);
    assert.equal(document.uri.scheme, 'untitled');
    assert.equal(vscode.window.activeTextEditor?.document, document);
    const text = document.getText();
    assert.match(text, /^## Integrated chronology\n/);
    assert.match(text, /\| Date \| Agency \| Source \| Event \|/);
    assert.deepEqual(dates(text), ['03/03/2019', '14/03/2019', '02/06/2019', '02/06/2019', '20/07/2019', '01/08/2019']);
    assert.match(text, /\| 14\/03\/2019 \| Eastvale Police \|/);
    assert.match(text, /Possible same event \[1\]/);
  });

  it('merge all the IMRs of the workspace when asked for all', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('caseReview.mergeChronologies', { all: true });
    assert.ok(document);
    const text = document.getText();
    for (const path of ['imrs/imr-health.md', 'imrs/imr-police.md', 'reviews/imr-by-headings.md'])
      assert.ok(text.includes(`- ${path}`), path);
    assert.equal(dates(text).length, 7);
  });
});
