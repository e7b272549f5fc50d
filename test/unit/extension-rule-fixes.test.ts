/** Fixes that rules report with their messages (typed fixes), applied to text: what the editor offers, no VS Code needed. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { applyChanges, fixesOf, lintText, type LintMessage } from '../../src/index.js';

const TEXT = readFileSync(new URL('../fixtures/vscode-workspace/reviews/fixes-child-e.md', import.meta.url), 'utf8');
const lint = (text: string): LintMessage[] => lintText(text, {}).messages;

function fixFor(text: string, ruleId: string, includes: string, title: RegExp) {
  const message = lint(text).find((m) => m.ruleId === ruleId && m.message.includes(includes));
  assert.ok(message, `${ruleId} reports “${includes}”`);
  const fix = fixesOf(message, text).find((f) => title.test(f.title));
  assert.ok(
    fix,
    `a fix titled ${title} among ${fixesOf(message, text)
      .map((f) => f.title)
      .join(' | ')}`,
  );
  return fix;
}

describe('fixes reported by the rules', () => {
  it('chronology-order: replaces the table with its rows in date order', () => {
    const fix = fixFor(TEXT, 'chronology-order', '12 April 2019', /^Sort the chronology by date$/);
    const after = applyChanges(TEXT, fix.changes);
    assert.ok(after.indexOf('| 12 April 2019') < after.indexOf('| 20 May 2019'));
    assert.equal(lint(after).filter((m) => m.ruleId === 'chronology-order').length, 0);
  });

  it('action-plan-coverage: adds a pre-filled row for the recommendation', () => {
    const fix = fixFor(TEXT, 'action-plan-coverage', 'Recommendation 1 ', /^Add an action plan row for recommendation 1$/);
    const after = applyChanges(TEXT, fix.changes);
    assert.equal(lint(after).filter((m) => m.ruleId === 'action-plan-coverage' && m.message.includes('Recommendation 1 ')).length, 0);
  });

  it('household-members: adds the person to the family composition', () => {
    const fix = fixFor(TEXT, 'household-members', 'Mr G', /^Add “Mr G” to the family composition$/);
    const after = applyChanges(TEXT, fix.changes);
    assert.equal(lint(after).filter((m) => m.ruleId === 'household-members' && m.message.includes('Mr G')).length, 0);
  });

  it('recommendation-measure: appends the SMART scaffold', () => {
    const fix = fixFor(TEXT, 'recommendation-measure', 'Recommendation 1 ', /^Add the missing SMART parts \(by, measure\)$/);
    const after = applyChanges(TEXT, fix.changes);
    assert.equal(lint(after).filter((m) => m.ruleId === 'recommendation-measure').length, 0);
  });
});
