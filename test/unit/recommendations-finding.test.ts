/**
 * Recommendations (primer §4): finding them in a report (list items, numbered
 * paragraphs, headings, tables; sections that also mean something else),
 * counting them, and the recommendation and action plan rules on odd documents.
 */
import assert from 'node:assert/strict';
import { rules } from '../../lint-rules/index.js';
import { lintText } from '../../src/index.js';
import {
  findActionPlans,
  findRecommendations,
  matchLabel,
  plainText,
  recommendationKey,
  referencesIn,
} from '../../src/engine/recommendations/index.js';
import type { RuleSetting } from '../../src/engine/types.js';
import { PLAN_RULES, REC_RULES, reportOf } from '../support/recommendations.js';
import { lintWithRule } from './helpers.js';
describe('recommendations: finding them', () => {
  it('reads list items, with nested sub-points belonging to one recommendation', () => {
    const report = reportOf(`# Serious Case Review: Child A

## Recommendations

The panel makes the following recommendations:

1. The LSCB should ensure that:
   - all agencies have a policy on hostile and uncooperative families;
   - training on the policy reaches front-line staff.
2. The Hospital Trust will amend its discharge procedure by June 2013.
`);
    const recs = findRecommendations(report);
    assert.deepEqual(
      recs.map((r) => r.number),
      ['1', '2'],
    );
    assert.match(recs[0]!.text, /front-line staff/);
    assert.equal(recs[0]!.numbered, true);
  });

  it('reads numbered paragraphs in every common style, with continuation paragraphs', () => {
    const report = reportOf(`## Recommendations

R1 The Police should record the names of all children present at domestic abuse incidents by May 2013.

This follows from finding 2: officers rarely recorded who was in the household.

**Recommendation 2:** The CCG will commission training for GP practices in 2015/16.

6.3 The Board will receive an audit of 30 cases at its meeting in July 2013.
`);
    const recs = findRecommendations(report);
    assert.deepEqual(
      recs.map((r) => [r.number, r.id]),
      [
        ['R1', '1'],
        ['2', '2'],
        ['6.3', '6.3'],
      ],
    );
    assert.match(report.text.slice(recs[0]!.start, recs[0]!.end), /finding 2/);
  });

  it('reads sections such as “Multi-agency recommendations” and “Recommendations for the Hospital Trust”, and skips an action plan subsection', () => {
    const report = reportOf(`## Recommendations

### Multi-agency recommendations

1. The LSCB will publish guidance on unseen men by December 2016.

### Recommendations for the Hospital Trust

1. Staff in the Emergency Department should check the child protection information system for every child under two.

### Action plan

| Recommendation | Action | Lead | Target date | Measure |
| --- | --- | --- | --- | --- |
| 1 | Publish guidance | Board Manager | 31/12/2016 | Survey of staff |
`);
    const recs = findRecommendations(report);
    assert.equal(recs.length, 2);
    assert.equal(recs[1]!.heading.title, 'Recommendations for the Hospital Trust');
    assert.equal(recs[1]!.contextOwner?.via, 'heading');
    assert.equal(findActionPlans(report).length, 1);
  });

  it('reads items under “Recommendation N” headings and rows of a recommendations table', () => {
    const headings = findRecommendations(
      reportOf(`## Recommendations

### Recommendation 1

The Trust should revise its policy by March 2013.

### Recommendation 2

The Police should audit 20 notifications by June 2013.
`),
    );
    assert.deepEqual(
      headings.map((r) => r.number),
      ['1', '2'],
    );
    const table = findRecommendations(
      reportOf(`## Recommendations

| No. | Recommendation | Lead agency | Timescale |
| --- | --- | --- | --- |
| 1 | A protocol for the joint assessment of unborn babies should be agreed. | Midwifery Service | June 2012 |
| 2 | Training on neglect should be provided to all staff. | All agencies | Ongoing |
`),
    );
    assert.deepEqual(
      table.map((r) => [r.number, r.kind]),
      [
        ['1', 'table-row'],
        ['2', 'table-row'],
      ],
    );
  });

  it('does not take findings, intro sentences or prose about the recommendations as recommendations', () => {
    const recs = findRecommendations(
      reportOf(`## Findings and recommendations

Finding 1: agencies did not know who lived in the household.

Recommendation 1: The LSCB will publish guidance on unseen men by December 2016.

Finding 2: the child was not seen alone.

Recommendation 2: Children's Social Care will see every child on a plan alone at each visit, from April 2013.
`),
    );
    assert.deepEqual(
      recs.map((r) => r.number),
      ['1', '2'],
    );
    const prose = findRecommendations(
      reportOf(`## Recommendations

The recommendations below should be read with the findings in section 8.

- The Hospital Trust will amend its procedure by March 2013.
`),
    );
    assert.equal(prose.length, 1);
  });

  it('finds no recommendations where there is no Recommendations heading', () => {
    assert.equal(findRecommendations(reportOf('## Analysis\n\nThe Trust should have referred Child A.\n')).length, 0);
  });

  it('parses labels and keys', () => {
    assert.equal(matchLabel(plainText('**Recommendation 5:** The CCG'))?.number, '5');
    assert.equal(matchLabel('R3 Procedures')?.number, 'R3');
    assert.equal(matchLabel('Finding 2: the child')?.kind, 'other');
    assert.equal(matchLabel('The Trust should'), undefined);
    assert.equal(recommendationKey('Recommendation 3'), '3');
    assert.equal(recommendationKey('R12.'), '12');
    assert.equal(recommendationKey('MA2'), 'MA2');
    assert.deepEqual(referencesIn('Recs 1, 2 and 4'), ['1', '2', '4']);
    assert.deepEqual(referencesIn('R3 (2012)'), ['3']);
  });
});

describe('recommendation-count', () => {
  const many = (n: number) =>
    `## Recommendations\n\n${Array.from({ length: n }, (_, i) => `${i + 1}. The LSCB will publish guidance note ${i + 1} by June 2013.`).join('\n')}\n`;
  it('leaves ten alone and flags eleven at the Recommendations heading', () => {
    assert.deepEqual(lintWithRule('recommendation-count', many(10)), []);
    const messages = lintWithRule('recommendation-count', many(11));
    assert.equal(messages.length, 1);
    assert.equal(messages[0]!.line, 1);
    assert.match(messages[0]!.message, /11 recommendations, more than 10/);
    assert.equal((messages[0]!.data as { count: number }).count, 11);
  });
  it('counts sub-points once and obeys `max`', () => {
    const md =
      '## Recommendations\n\n1. The LSCB should ensure that:\n   - a) guidance is issued;\n   - b) training follows.\n2. The Trust will audit 20 cases by June 2013.\n';
    assert.deepEqual(lintWithRule('recommendation-count', md, { max: 2 }), []);
    assert.equal(lintWithRule('recommendation-count', md, { max: 1 }).length, 1);
  });
});

describe('recommendations: sections that also mean something else', () => {
  it('takes only items that read like recommendations under “Lessons and recommendations”', () => {
    const recs = findRecommendations(
      reportOf(`## Lessons learned and recommendations

- Practitioners did not see Child A alone at any home visit.
- The GP was not told that Mother's partner had moved in.
- The Hospital Trust will require every home visit record to say whether the child was seen alone, from April 2013.
`),
    );
    assert.deepEqual(
      recs.map((r) => r.text.slice(0, 18)),
      ['The Hospital Trust'],
    );
  });

  it('does not read hindsight about the past (“should have”) as a recommendation', () => {
    const recs = findRecommendations(
      reportOf(`## Recommendations

The health visitor should have asked who was living in the household.

The Health Visiting Service will add a question about every adult in the household to the new birth visit record by June 2013.
`),
    );
    assert.equal(recs.length, 1);
    assert.match(recs[0]!.text, /^The Health Visiting Service/);
  });
});

describe('recommendation and action plan rules on odd documents', () => {
  const odd = [
    '## Recommendations\n',
    '## Recommendations\n\n**Recommendation 1**\n',
    '## Recommendations\n\n### Recommendation 1\n\n### Recommendation 2\n\nThe Trust will act.\n',
    '## Recommendations\n\n| Recommendation | Lead |\n| --- | --- |\n',
    '## Recommendations\n\n| Recommendation | Lead |\n| --- | --- |\n|  |  |\n| 1 |  |\n',
    '## Recommendations\n\n1.\n2. \n- \n',
    '## Recommendations\n\n<!-- to do -->\n\n```\n1. The Trust should\n```\n',
    '## Recommendations\n\n1. a\n   1. b\n      1. c\n         1. d should\n',
    '## Action plan\n\n| Rec | Action | Lead | Target date | Measure |\n| --- | --- | --- | --- | --- |\n| 99 | x | | 31/13/2013 | |\n',
    '---\nreport-date: not a date\n---\n\n## Action plan\n\n| Action | Lead | Target date |\n| --- | --- | --- |\n| x | y | 2012 |\n',
    `## Recommendations\n\n1. ${'The Trust should, '.repeat(400)}review.\n`,
  ];
  for (const [i, md] of odd.entries()) {
    it(`runs without failing on odd document ${i + 1}`, () => {
      const result = lintText(md, {
        config: {
          rules: Object.fromEntries(
            rules.map((r) => [r.meta.id, [...REC_RULES, ...PLAN_RULES, 'recommendation-count'].includes(r.meta.id) ? 'on' : 'off']),
          ) as Record<string, RuleSetting>,
        },
      });
      assert.deepEqual(result.ruleFailures, []);
      for (const m of result.messages) assert.match(m.message, /^[^.]+\. \S/s, 'a plain message: the problem, then what to write');
    });
  }
});
