/**
 * Action plans (primer §8): finding their tables, judging each cell once with
 * the right rule, coverage of the recommendations (with the rows and sections
 * its fixes insert), and the recommendation and action plan snippets.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findActionPlans, findTimeBounds } from '../../src/engine/recommendations/index.js';
import { lintWith, PLAN_RULES, REC_RULES, reportOf } from '../support/recommendations.js';
import { insertionOf } from './helpers.js';
const PLAN = (
  rows: string,
  header = '| Rec | Action | Lead | Target date | Measure of success | RAG |\n| --- | --- | --- | --- | --- | --- |',
) =>
  `---\nreport-date: 2012-05-01\n---\n\n## Recommendations\n\n1. The Hospital Trust will amend its missed appointment procedure by March 2013 and audit 20 cases.\n2. The LSCB will publish guidance on unseen men by June 2013, with a survey of staff.\n\n## Action plan\n\n${header}\n${rows}\n`;

describe('action plans', () => {
  it('finds action plan tables by section and by header, and not chronologies', () => {
    const report = reportOf(`## Chronology

| Date | Agency | Event | Action taken |
| --- | --- | --- | --- |
| 03/08/2007 | Police | Domestic abuse call | Notification sent |

## Appendix 2

| Recommendation | Action | Lead officer | Timescale |
| --- | --- | --- | --- |
| 1 | Amend the procedure | Named Nurse | March 2013 |
`);
    const plans = findActionPlans(report);
    assert.equal(plans.length, 1);
    assert.deepEqual(Object.keys(plans[0]!.columns).sort(), ['action', 'date', 'lead', 'recommendation']);
  });

  it('leaves a complete, committed action plan alone', () => {
    const md = PLAN(
      '| R1 | Amend the procedure | Named Nurse, Hospital Trust | 31/03/2013 | Audit of 20 cases | Amber |\n|  | Train ward staff | As above | Q2 2013/14 | 90% of staff trained | Red |\n| R2 | Publish guidance | Board Manager | June 2013 | Survey of 100 staff | Green |',
    );
    assert.deepEqual(lintWith(PLAN_RULES, md), []);
  });

  it('flags each weak cell once with the right rule', () => {
    const md = PLAN(
      '| 1 | Amend the procedure | TBC | Ongoing | Audit of 20 cases | Amber |\n| 2 | Publish guidance | Board Manager | 30/02/2013 |  | Red |\n| 2 | Brief staff | All agencies | January 2012 | Completed | Amber |',
    );
    const messages = lintWith(PLAN_RULES, md);
    assert.deepEqual(
      messages.map((m) => `${m.ruleId} ${md.slice(m.startOffset, m.endOffset)}`),
      [
        'action-plan-owner TBC',
        'action-plan-date Ongoing',
        'action-plan-date 30/02/2013',
        'action-plan-measure |  |',
        'action-plan-owner All agencies',
        'action-plan-date January 2012',
        'action-plan-measure Completed',
      ].map((s) => s.replace('|  |', md.slice(messages[3]!.startOffset, messages[3]!.endOffset))),
    );
  });

  it('reads target dates as action plans write them', () => {
    for (const cell of [
      '31/03/2013',
      '31.03.13',
      'Mar-13',
      'Sept 2013',
      'Q3',
      'Q2 2013/14',
      '2013-14',
      'End of March 2013',
      '6 months',
      'Within six months of publication',
      'December 2012 - March 2013',
    ]) {
      assert.equal(findTimeBounds(cell, { cell: true }).length > 0, true, cell);
    }
    for (const cell of ['Ongoing', 'TBC', 'ASAP', 'when the new manager starts']) {
      assert.equal(findTimeBounds(cell, { cell: true }).length, 0, cell);
    }
  });

  it('excuses a past date when the row is completed', () => {
    const md = PLAN(
      '| 1 | Amend the procedure | Named Nurse | January 2012 | Audit of 20 cases | Completed |\n| 2 | Publish guidance | Board Manager | June 2013 | Survey of staff | Red |',
    );
    assert.deepEqual(lintWith(['action-plan-date'], md), []);
  });

  it('lists the missing columns once per table', () => {
    const md = PLAN(
      '| 1 | Amend the procedure | 31/03/2013 |\n| 2 | Publish guidance | 30/06/2013 |',
      '| Ref | Action | Timescale |\n| --- | --- | --- |',
    );
    const messages = lintWith(['action-plan-columns'], md);
    assert.equal(messages.length, 1);
    assert.match(messages[0]!.message, /no lead agency or officer and measure of success or evidence columns/);
    assert.deepEqual((messages[0]!.data as { missingColumns: string[] }).missingColumns, ['lead', 'measure']);
  });
});

describe('action-plan-coverage', () => {
  it('flags a recommendation with no row and offers a pre-filled row that fixes it', () => {
    const md = PLAN('| 1 | Amend the procedure | Named Nurse | 31/03/2013 | Audit of 20 cases | Amber |');
    const messages = lintWith(['action-plan-coverage'], md);
    assert.equal(messages.length, 1);
    assert.match(messages[0]!.message, /Recommendation 2 has no row/);
    const data = messages[0]!.data as { recommendation: { number: string } };
    assert.equal(data.recommendation.number, '2');
    const row = insertionOf(messages[0])!;
    assert.equal(messages[0]!.fixes?.[0]?.title, 'Add an action plan row for recommendation 2');
    assert.ok(md.slice(0, row.offset).includes('| Rec'), 'inside the action plan table');
    assert.equal(row.text, '\n| 2 | [action to deliver recommendation 2] | LSCB | June 2013 | [evidence: survey] | Not started |');
    const fixed = md.slice(0, row.offset) + row.text + md.slice(row.offset);
    assert.deepEqual(lintWith(['action-plan-coverage'], fixed), []);
  });

  it('matches rows by “R1”, “Rec 1”, sub-references, lists and repeated text', () => {
    for (const rows of [
      '| R1 | a | b | 31/03/2013 | c | Red |\n| Rec 2 | a | b | 31/03/2013 | c | Red |',
      '| 1.1 | a | b | 31/03/2013 | c | Red |\n| 2a | a | b | 31/03/2013 | c | Red |',
      '| 1, 2 | a | b | 31/03/2013 | c | Red |',
      '| 1 | a | b | 31/03/2013 | c | Red |\n| as above | a | b | 31/03/2013 | c | Red |\n| 2 | a | b | 31/03/2013 | c | Red |',
    ]) {
      assert.deepEqual(lintWith(['action-plan-coverage'], PLAN(rows)), [], rows);
    }
    const byText = PLAN(
      '| The Hospital Trust will amend its missed appointment procedure by March 2013 | a | b | 31/03/2013 | c | Red |\n| The LSCB will publish guidance on unseen men by June 2013 | a | b | 31/03/2013 | c | Red |',
      '| Recommendation | Action | Lead | Target date | Measure | RAG |\n| --- | --- | --- | --- | --- | --- |',
    );
    assert.deepEqual(lintWith(['action-plan-coverage'], byText), []);
  });

  it('flags a row for a recommendation that does not exist, at its reference', () => {
    const md = PLAN('| 1 | a | b | 31/03/2013 | c | Red |\n| 2 | a | b | 31/03/2013 | c | Red |\n| 7 | a | b | 31/03/2013 | c | Red |');
    const messages = lintWith(['action-plan-coverage'], md);
    assert.equal(messages.length, 1);
    assert.equal(md.slice(messages[0]!.startOffset, messages[0]!.endOffset), '7');
  });

  it('offers a whole action plan section when there is none, after the recommendations', () => {
    const md =
      '## Recommendations\n\n1. The Trust will amend its procedure by March 2013.\n2. The LSCB will publish guidance by June 2013.\n\n## Glossary\n\nLSCB: Local Safeguarding Children Board.\n';
    const messages = lintWith(['action-plan-coverage'], md);
    assert.equal(messages.length, 1);
    const row = insertionOf(messages[0])!;
    assert.equal(md.slice(0, row.offset).endsWith('by June 2013.\n\n'), true);
    assert.match(row.text, /^## Action plan\n\n\| Recommendation \| Action \|/);
    assert.match(row.text, /\| 1 \| \[action to deliver recommendation 1\] \| Trust \| March 2013 \|/);
    const fixed = md.slice(0, row.offset) + row.text + md.slice(row.offset);
    assert.deepEqual(lintWith(['action-plan-coverage'], fixed), []);
    assert.match(fixed, /\| 2 \| .* \|\n\n## Glossary/);
  });

  it('says nothing when the plan is elsewhere or the report type has no action plan', () => {
    const md =
      '## Recommendations\n\n1. The Trust will amend its procedure by March 2013.\n\n## Action plan\n\nThe action plan will be published separately by the Board.\n';
    assert.deepEqual(lintWith(['action-plan-coverage'], md), []);
    const rapid = '---\nreport-type: rapid-review\n---\n\n## Recommendations\n\n1. The Trust will amend its procedure by March 2013.\n';
    assert.deepEqual(lintWith(['action-plan-coverage'], rapid), []);
  });

  it('treats a recommendations table with action columns as its own action plan', () => {
    const md =
      '## Recommendations\n\n| Recommendation | Action | Lead | Target date | Measure |\n| --- | --- | --- | --- | --- |\n| The Trust should amend its procedure for missed appointments. | Amend the procedure | Named Nurse | 31/03/2013 | Audit of 20 cases |\n';
    assert.deepEqual(lintWith([...PLAN_RULES, ...REC_RULES.filter((r) => r !== 'recommendation-vague-action')], md), []);
  });
});

describe('snippets', () => {
  const snippets = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../snippets/recommendations.code-snippets'), 'utf8')) as Record<
    string,
    { scope: string; prefix: string[]; body: string[] }
  >;
  /** Expand a snippet body with its defaults ("${2:The Trust}" → "The Trust", choices → first choice). */
  const expand = (body: string[]) =>
    body
      .join('\n')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
      .replace(/\$\d+/g, '');

  it('has a SMART recommendation, an action plan table and a row with a RAG choice, for Markdown', () => {
    assert.deepEqual(Object.keys(snippets).sort(), ['Action plan row', 'Action plan table', 'SMART recommendation']);
    for (const s of Object.values(snippets)) assert.equal(s.scope, 'markdown');
    assert.ok(snippets['Action plan row']!.body.join('').includes('${6|Red,Amber,Green|}'));
  });

  it('expands to a SMART recommendation and a complete action plan that the rules accept', () => {
    const md = `## Recommendations\n\n${expand(snippets['SMART recommendation']!.body)}\n${expand(snippets['Action plan table']!.body)}\n`;
    assert.deepEqual(lintWith([...REC_RULES, ...PLAN_RULES], md), []);
  });
});
