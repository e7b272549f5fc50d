/**
 * An executive summary checked against the overview report its front matter
 * names (`overview:`): the editor reads the overview (its unsaved text when it
 * is open), and relints the summary when the overview is edited, saved or
 * changed on disk. The reports are written into referenced-documents/ of the test
 * workspace and deleted afterwards, so no fixture file is ever edited. The folders
 * are committed (.gitkeep) rather than created here: the workspace's file watcher
 * can miss a folder created inside a folder it has only just seen (inotify), and
 * then every file written in it.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CaseReviewApi } from '../../src/extension/extension.js';
import { activateApi, closeAll, codeOf, fixture, ours, waitFor, waitForState } from './helpers.js';

const FOLDER = 'referenced-documents';
/** Files this suite wrote, deleted after it. */
const written = new Set<string>();
const AGREED = 'The Health Visiting Service will ask at every contact who lives in the household.';
const REWORDED = 'The Health Visiting Service should consider asking who lives in the household.';

const RECOMMENDATION_1 =
  "1. Eastmoor Constabulary will share every domestic abuse notification with Children's Social Care within one working day.";
const ACTION_PLAN = `## Action plan

| Recommendation | Action | Lead | Target date |
| --- | --- | --- | --- |
| 1 | Share notifications daily | Head of Public Protection, Eastmoor Constabulary | June 2013 |
| 2 | Add the household question | Head of Health Visiting | April 2013 |
`;

const overview = (recommendation2: string) => `---
report-type: overview
child: Child F
---
# Overview report: Child F

## Recommendations

${RECOMMENDATION_1}
2. ${recommendation2}

${ACTION_PLAN}`;

const summary = (overviewPath: string) => `---
report-type: executive-summary
child: Child F
overview: ${overviewPath}
---
# Executive summary: Child F

## Panel membership

- Independent Chair, Eastmoor Safeguarding Children Partnership
- Head of Safeguarding, Eastmoor Hospital Trust

## Recommendations

${RECOMMENDATION_1}
2. ${REWORDED}

${ACTION_PLAN}`;

const write = (relative: string, text: string) => {
  written.add(relative);
  return vscode.workspace.fs.writeFile(fixture(`${FOLDER}/${relative}`), new TextEncoder().encode(text));
};
const consistency = (uri: vscode.Uri, includes: string) =>
  ours(uri).find((d) => codeOf(d) === 'summary-consistency' && d.message.includes(includes));
const reworded = (uri: vscode.Uri) => consistency(uri, 'is reworded from recommendation');

function until(what: string, check: () => boolean): Promise<true> {
  return waitFor(what, () => (check() ? true : undefined), [vscode.languages.onDidChangeDiagnostics]);
}

async function openSummary(api: CaseReviewApi, relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixture(`${FOLDER}/${relative}`));
  await vscode.window.showTextDocument(document, { preview: false });
  const state = await waitForState(api, document);
  assert.equal(state.reportType, 'executive-summary');
  return document;
}

describe('Case Review: executive summary checked against its overview report', function () {
  this.timeout(60000);
  let api: CaseReviewApi;

  before(async () => {
    api = (await activateApi()).api;
    await write('summary/executive-summary.md', summary('../overview.md'));
  });

  afterEach(async () => {
    await closeAll();
  });

  after(async () => {
    for (const relative of written)
      await vscode.workspace.fs
        .delete(fixture(`${FOLDER}/${relative}`), { recursive: true, useTrash: false })
        .then(undefined, () => undefined);
  });

  it('reads the overview named in the front matter, and relints the summary as the overview is edited and reverted', async () => {
    const overviewUri = fixture(`${FOLDER}/overview.md`);
    await write('overview.md', overview(AGREED));
    const document = await openSummary(api, 'summary/executive-summary.md');
    const found = await waitFor('the reworded recommendation', () => reworded(document.uri), [vscode.languages.onDidChangeDiagnostics]);
    assert.match(found.message, new RegExp(`Give it as the overview report does: “${AGREED.slice(0, 30)}`));
    assert.equal(found.range.start.line, 15, 'on recommendation 2 of the summary');
    assert.equal(consistency(document.uri, 'could not'), undefined, 'the comparison ran');

    // Type in the overview (not saved): the summary is relinted against the unsaved text.
    const open = await vscode.workspace.openTextDocument(overviewUri);
    await vscode.window.showTextDocument(open, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    const line = open
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('2. '));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(overviewUri, new vscode.Range(line, 3, line, open.lineAt(line).text.length), REWORDED);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(open.isDirty, true);
    await until('the reworded recommendation to go once the overview agrees', () => reworded(document.uri) === undefined);
    assert.deepEqual(
      ours(document.uri)
        .filter((d) => codeOf(d) === 'summary-consistency')
        .map((d) => d.message),
      [],
      'summary and overview agree',
    );
    console.log('CASE_REVIEW_SCREENSHOT summary-consistency-agreed');

    assert.equal(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(overviewUri)),
      overview(AGREED),
      'the overview file was not changed',
    );

    // Revert the overview and close it: the summary is compared with the text on disk again.
    // (revertAndCloseActiveEditor: after other suites, files.revert + closeAllEditors was seen to save the file.)
    await vscode.window.showTextDocument(open);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor('the reworded recommendation after the revert', () => reworded(document.uri), [vscode.languages.onDidChangeDiagnostics]);
    await closeAll();
    assert.equal(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(overviewUri)),
      overview(AGREED),
      'the overview file was not changed',
    );
  });

  it('relints the summary when the overview changes on disk', async () => {
    await write('overview.md', overview(AGREED));
    const document = await openSummary(api, 'summary/executive-summary.md');
    await waitFor('the reworded recommendation', () => reworded(document.uri), [vscode.languages.onDidChangeDiagnostics]);
    await write('overview.md', overview(REWORDED));
    await until('the finding to go after the overview was saved with the summary’s wording', () => reworded(document.uri) === undefined);
    await write('overview.md', overview(AGREED));
    await waitFor('the finding back after the overview changed again', () => reworded(document.uri), [
      vscode.languages.onDidChangeDiagnostics,
    ]);
  });

  it('says why it could not compare: no file at that path, until the overview is created', async () => {
    await write('summary/missing-overview.md', summary('overveiw.md'));
    const document = await openSummary(api, 'summary/missing-overview.md');
    const info = await waitFor('the could-not-read info', () => consistency(document.uri, 'could not be read'), [
      vscode.languages.onDidChangeDiagnostics,
    ]);
    assert.equal(info.severity, vscode.DiagnosticSeverity.Information);
    assert.match(
      info.message,
      /could not be read, so recommendations and the action plan were not compared\. Check `overview: overveiw\.md` in the front matter \(no file at that path\)/,
    );
    assert.equal(info.range.start.line, 3, 'on the overview: line');

    await write('summary/overveiw.md', overview(AGREED));
    await waitFor(
      'the comparison once the file exists',
      () => (consistency(document.uri, 'could not') ? undefined : reworded(document.uri)),
      [vscode.languages.onDidChangeDiagnostics],
    );
  });

  it('compares as soon as the overview is created from the editor, even in a folder made just before', async () => {
    written.add('made-now');
    await write('summary/made-now-summary.md', summary('../made-now/overview.md'));
    const document = await openSummary(api, 'summary/made-now-summary.md');
    await waitFor('the could-not-read info', () => consistency(document.uri, 'could not be read'), [
      vscode.languages.onDidChangeDiagnostics,
    ]);
    // A file operation of the editor (as the Explorer's New File or Save As), in a folder that did not exist.
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(fixture(`${FOLDER}/made-now/overview.md`), { contents: new TextEncoder().encode(overview(AGREED)) });
    assert.ok(await vscode.workspace.applyEdit(edit));
    const found = await waitFor(
      'the comparison once the file exists',
      () => (consistency(document.uri, 'could not') ? undefined : reworded(document.uri)),
      [vscode.languages.onDidChangeDiagnostics],
    );
    assert.equal(found.range.start.line, 15, 'on recommendation 2 of the summary');
  });

  it('does not read an overview outside the workspace folder', async () => {
    await write('summary/outside.md', summary('../../../referenced-outside.md'));
    const document = await openSummary(api, 'summary/outside.md');
    const info = await waitFor('the outside-the-workspace info', () => consistency(document.uri, 'could not be read'), [
      vscode.languages.onDidChangeDiagnostics,
    ]);
    assert.match(info.message, /outside the workspace folder/);
  });
});
