/**
 * “Case Review: Show Timeline” in a real VS Code: the webview draws the
 * chronology of test/fixtures/timeline/overview-child-f.md (invented, outside
 * the test workspace so that “Lint workspace” counts stay as they are), a click
 * on an event selects its row, edits and the gap setting redraw it, and the
 * drawing exports to SVG. A picture of the workbench with the timeline is saved
 * as test-results/timeline-view.png.
 */
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CaseReviewApi } from '../../src/extension/extension.js';
import type { TimelineHandle, TimelineRendered } from '../../src/extension/timeline-view.js';
import { activateApi, closeAll, openUntitled, root, waitFor, waitForState } from './helpers.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fixtureUri = () => vscode.Uri.joinPath(root(), '..', 'timeline', 'overview-child-f.md');
const LANES = ['Health visiting', 'GP', 'Police', "Children's social care", 'Health', 'Nursery'];

/** The page has drawn the current drawing: its DOM holds `events` markers for the handle's version. */
function drawn(handle: TimelineHandle, events: number): Promise<TimelineRendered> {
  return waitFor(
    `the timeline page to draw ${events} events of version ${handle.version}`,
    () =>
      handle.rendered && handle.rendered.events === events && handle.rendered.version === handle.version ? handle.rendered : undefined,
    [handle.onDidRender],
    30000,
  );
}

async function showTimeline(uri?: vscode.Uri): Promise<TimelineHandle> {
  const handle = await vscode.commands.executeCommand<TimelineHandle | undefined>('caseReview.showTimeline', uri);
  assert.ok(handle, 'the command resolves to the panel');
  return handle;
}

describe('Case Review: Show Timeline', function () {
  this.timeout(120000);
  let api: CaseReviewApi;
  const written: vscode.Uri[] = [];

  before(async () => {
    ({ api } = await activateApi());
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('caseReview').update('timelineGapWeeks', undefined, vscode.ConfigurationTarget.Global);
    await closeAll();
  });

  after(async () => {
    for (const uri of written) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('draws the chronology in agency lanes with gaps, and a click on an event selects its row', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri());
    await vscode.window.showTextDocument(document, { preview: false });
    await waitForState(api, document);
    const handle = await showTimeline();
    assert.equal(handle.uri.toString(), document.uri.toString());
    assert.equal(handle.panel.title, 'Timeline: overview-child-f.md');
    assert.deepEqual(handle.data.lanes, LANES);
    assert.equal(handle.data.gapWeeks, 6, 'the default of caseReview.timelineGapWeeks');
    assert.deepEqual(
      handle.data.gaps.map((g) => g.weeks),
      [10, 15],
    );
    for (const lane of LANES) assert.ok(handle.svg.includes(`>${lane.replace("'", '&#39;')}</text>`), lane);
    assert.match(handle.svg, /<title id="crl-title">Child F: Chronology timeline \(overview-child-f\.md\)<\/title>/);
    assert.match(handle.svg, />15 weeks<\/text>/);

    // The page's script ran under its content security policy and put every marker in the DOM.
    const rendered = await drawn(handle, 12);
    assert.equal(rendered.version, document.version);
    assert.equal(handle.panel.visible, true);
    // The page told its width and the drawing was redrawn to fit it.
    const width = await waitFor(
      'a drawing as wide as the panel',
      () => {
        const w = Number(/^<svg [^>]*? width="(\d+)"/.exec(handle.svg)?.[1]);
        return w !== 1100 ? w : undefined;
      },
      [handle.onDidRender],
    );
    assert.ok(width >= 480 && width < 1100, `${width} px`);
    await drawn(handle, 12);

    // What the page posts when the author clicks the 10/07/2019 GP event.
    const index = handle.data.events.findIndex((e) => e.label === '10/07/2019');
    assert.ok(index > 0);
    const event = handle.data.events[index]!;
    const editor = await handle.receive({ type: 'reveal', index });
    assert.ok(editor && 'selection' in editor);
    assert.equal(vscode.window.activeTextEditor?.document, document);
    const selection = vscode.window.activeTextEditor.selection;
    assert.equal(selection.start.line, event.line - 1);
    assert.equal(selection.start.character, 0);
    const selected = document.getText(selection);
    assert.ok(selected.startsWith('| 10/07/2019 | GP | GP records | Child F'), selected);
    assert.ok(selected.endsWith('| Yes |'), selected);
    assert.equal(handle.panel.visible, true, 'the timeline stays beside the report');

    // A message the page never sends changes nothing.
    assert.equal(await handle.receive({ type: 'reveal', index: 999 }), undefined);
    assert.equal(await handle.receive({ type: 'write', path: '/tmp/x' }), undefined);
    assert.deepEqual(vscode.window.activeTextEditor.selection, selection);

    // A panel left open by an earlier suite (Problems) would cover the picture.
    await vscode.commands.executeCommand('workbench.action.closePanel');
    // …and so would a notification left by an earlier suite (Export to Word).
    await vscode.commands.executeCommand('notifications.clearAll');
    await pause(1500);
    console.log('CASE_REVIEW_SCREENSHOT timeline-view');
    await pause(2500);
    assert.equal(document.isDirty, false, 'looking changed nothing');
  });

  it('redraws when the report is edited and when caseReview.timelineGapWeeks changes', async () => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri()));
    const document = await openUntitled(api, text);
    const handle = await showTimeline(document.uri);
    await drawn(handle, 12);

    const row = '| 20/01/2020 | Housing | Tenancy file | Visit about rent arrears; Child F seen in the kitchen. | Yes |\n';
    const after = text.indexOf('| 17/03/2020 |');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, document.positionAt(after), row);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await drawn(handle, 13);
    assert.deepEqual(handle.data.lanes, [...LANES, 'Housing']);
    assert.ok(handle.svg.includes('>Housing</text>'));
    // The new row splits the 15-week gap in two: 6 weeks 6 days (over 6 weeks) and 8 weeks 1 day.
    assert.deepEqual(
      handle.data.gaps.map((g) => g.days),
      [73, 48, 57],
    );
    assert.match(handle.svg, />6 weeks 6 days<\/text>/);

    await vscode.workspace.getConfiguration('caseReview').update('timelineGapWeeks', 9, vscode.ConfigurationTarget.Global);
    await waitFor('gaps over 9 weeks', () => (handle.data.gapWeeks === 9 ? handle.data : undefined), [handle.onDidRender]);
    await drawn(handle, 13);
    assert.deepEqual(
      handle.data.gaps.map((g) => g.weeks),
      [10],
    );
    assert.match(handle.svg, /1 gap longer than 9 weeks/);
  });

  it('exports the drawing as a standalone SVG file where asked', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri());
    await vscode.window.showTextDocument(document, { preview: false });
    const handle = await showTimeline(document.uri);
    const target = vscode.Uri.file(path.join(os.tmpdir(), `case-review-timeline-${process.pid}-${Date.now()}.svg`));
    written.push(target);
    const saved = await vscode.commands.executeCommand<vscode.Uri | undefined>('caseReview.exportTimelineSvg', { target });
    assert.equal(saved?.toString(), target.toString());
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), svg.slice(0, 80));
    assert.ok(svg.trimEnd().endsWith('</svg>'));
    assert.equal((svg.match(/class="crl-event"/g) ?? []).length, 12);
    assert.equal((svg.match(/class="crl-lane"/g) ?? []).length, 6);
    assert.ok(!svg.includes('tabindex') && !svg.includes('<script'), 'the file is a picture, not the interactive page');
    assert.deepEqual(handle.data.gaps.length, 2);

    // Without a panel, for a given report.
    handle.panel.dispose();
    const second = vscode.Uri.file(path.join(os.tmpdir(), `case-review-timeline-${process.pid}-${Date.now()}-2.svg`));
    written.push(second);
    assert.equal(
      (
        await vscode.commands.executeCommand<vscode.Uri | undefined>('caseReview.exportTimelineSvg', { target: second, uri: document.uri })
      )?.toString(),
      second.toString(),
    );
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(second)), svg);
    assert.equal(document.isDirty, false);
  });

  it('asks for a report when no Markdown editor is open', async () => {
    await closeAll();
    assert.equal(await vscode.commands.executeCommand('caseReview.showTimeline'), undefined);
  });
});
