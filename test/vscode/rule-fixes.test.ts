/** Quick fixes of the chronology, recommendation, action plan, family and acronym rules, in a real VS Code. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CaseReviewApi } from '../../src/extension/extension.js';
import { activateApi, applyAction, closeAll, codeActions, codeOf, find, openUntitled, ours, readFixture } from './helpers.js';

describe('Case Review quick fixes for the report rules', function () {
  this.timeout(60000);
  const path = 'reviews/fixes-child-e.md';
  let api: CaseReviewApi;
  let onDisk = '';
  let document: vscode.TextDocument;

  before(async () => {
    ({ api } = await activateApi());
    onDisk = await readFixture(path);
  });

  // The fixture's text in an untitled document: the fixes never touch the file.
  beforeEach(async () => {
    document = await openUntitled(api, onDisk);
  });

  afterEach(closeAll);

  after(async () => {
    assert.equal(await readFixture(path), onDisk, `${path} is unchanged on disk`);
  });

  async function fix(ruleId: string, includes: string, title: string): Promise<void> {
    const diagnostic = find(document.uri, ruleId, includes);
    assert.ok(diagnostic, `${ruleId} reports “${includes}”`);
    const actions = await codeActions(document, diagnostic.range);
    const action = actions.find((a) => a.title === title);
    assert.ok(action, `“${title}” among ${actions.map((a) => a.title).join(' | ')}`);
    await applyAction(api, document, action);
  }

  it('a recommendation with several findings has a short quick-fix menu: its fixes, then one “Turn off” and one “Explain” (screenshot: test-results/quick-fix-menu-recommendation.png)', async () => {
    const text = document.getText();
    const at = text.indexOf('review its procedures for assessing men');
    const position = document.positionAt(at);
    const here = ours(document.uri).filter((d) => d.range.contains(position));
    assert.ok(new Set(here.map(codeOf)).size >= 3, `several checks report recommendation 1: ${here.map(codeOf).join(', ')}`);
    const actions = await codeActions(document, new vscode.Range(position, position));
    const titles = actions.map((a) => a.title);
    console.log(`quick-fix menu on recommendation 1: ${titles.length} entries for ${here.length} findings: ${titles.join(' | ')}`);
    assert.ok(titles.length <= 6, `at most 6 entries: ${titles.join(' | ')}`);
    assert.equal(titles.filter((t) => /^Turn off/.test(t)).length, 1);
    assert.equal(titles.filter((t) => /^Explain/.test(t)).length, 1);
    assert.ok(titles.filter((t) => /^Fix all/.test(t)).length <= 1);
    assert.ok(
      !titles.some((t) => /[a-z]+-[a-z]+-?[a-z]*\b/.test(t) && /(?:recommendation|action-plan|template)-/.test(t)),
      'no rule ids in titles',
    );
    assert.match(titles[0]!, /^Add /, 'the fixes come first');
    assert.match(titles[titles.length - 1]!, /^Explain this check/);
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    console.log('CASE_REVIEW_SCREENSHOT quick-fix-menu-recommendation');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await vscode.commands.executeCommand('hideCodeActionWidget');
  });

  it('chronology-order: sorts the chronology table by date', async () => {
    await fix('chronology-order', '12 April 2019', 'Sort the chronology by date');
    const text = document.getText();
    const chronology = text.slice(text.indexOf('## Integrated chronology'), text.indexOf('## Analysis'));
    const lines = chronology.split('\n').filter((l) => /^\| \d/.test(l));
    assert.deepEqual(
      lines.map((l) => l.split('|')[1]!.trim()),
      ['3 March 2019', '12 April 2019', '20 May 2019'],
    );
    assert.equal(find(document.uri, 'chronology-order'), undefined);
  });

  it('action-plan-coverage: adds the pre-filled action row for a recommendation', async () => {
    await fix('action-plan-coverage', 'Recommendation 1 ', 'Add an action plan row for recommendation 1');
    const text = document.getText();
    const plan = text.slice(text.indexOf('## Action plan'));
    assert.match(plan, /\n\| 1 \|/, 'a row referring to recommendation 1');
    assert.equal(find(document.uri, 'action-plan-coverage', 'Recommendation 1 '), undefined);
  });

  it('household-members: adds the person to the family composition', async () => {
    await fix('household-members', 'Mr G', 'Add “Mr G” to the family composition');
    const text = document.getText();
    const composition = text.slice(text.indexOf('## Family composition'), text.indexOf('## Integrated chronology'));
    assert.match(composition, /\| Mr G \|/);
    assert.equal(find(document.uri, 'household-members', 'Mr G'), undefined);
  });

  it('recommendation rules: append the SMART scaffold to the recommendation', async () => {
    const line = find(document.uri, 'recommendation-measure', 'Recommendation 1 ')!.range;
    const offered = (await codeActions(document, line)).filter((a) => a.title.startsWith('Add the missing SMART parts'));
    assert.equal(offered.length, 1, 'offered once although several rules report the recommendation');
    await fix('recommendation-measure', 'Recommendation 1 ', 'Add the missing SMART parts (by, measure)');
    const written = document
      .getText()
      .split('\n')
      .find((l) => l.startsWith('1. '));
    assert.match(written ?? '', /men in the household\. by: \[insert date\]; measure: \[.*\]\.$/);
    assert.equal(find(document.uri, 'recommendation-measure'), undefined);
  });

  it('recommendation-deadline: replaces a non-date with a date placeholder', async () => {
    await fix('recommendation-deadline', '“as soon as possible”', 'Replace with “by [insert date]”');
    assert.ok(document.getText().includes('at every home visit by [insert date], with an audit'));
    assert.equal(find(document.uri, 'recommendation-deadline', 'as soon as possible'), undefined);
  });

  it('acronym-first-use: spells the acronym out at its first use', async () => {
    await fix('acronym-first-use', '“MARAC”', 'Replace with “Multi-Agency Risk Assessment Conference (MARAC)”');
    assert.ok(document.getText().includes('The Multi-Agency Risk Assessment Conference (MARAC) heard the case'));
    assert.equal(ours(document.uri).filter((d) => codeOf(d) === 'acronym-first-use' && d.message.includes('MARAC')).length, 0);
  });
});
