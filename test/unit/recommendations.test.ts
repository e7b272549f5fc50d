/**
 * Recommendations and action plans (primer §4 and §8): finding them, judging
 * each SMART element once with the right rule, action plan cells and coverage,
 * the editor data, and agreement with a hand-labelled set of recommendations.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { rules } from '../../lint-rules/index.js';
import { lintText } from '../../src/engine/lint.js';
import { buildReport, type Report } from '../../src/engine/report.js';
import {
  analyseRecommendation,
  findActionPlans,
  findNonDates,
  findOwners,
  findRecommendations,
  findTimeBounds,
  matchLabel,
  plainText,
  recommendationKey,
  referencesIn,
} from '../../src/engine/recommendations.js';
import { DEFAULT_SETTINGS } from '../../src/engine/settings.js';
import type { LintMessage, RuleSetting } from '../../src/engine/types.js';
import { lintWithRule, insertionOf } from './helpers.js';

const REC_RULES = ['recommendation-owner', 'recommendation-deadline', 'recommendation-measure', 'recommendation-vague-action'];
const PLAN_RULES = ['action-plan-columns', 'action-plan-owner', 'action-plan-date', 'action-plan-measure', 'action-plan-coverage'];

function reportOf(markdown: string): Report {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(markdown) as Root;
  return buildReport(tree, markdown, DEFAULT_SETTINGS);
}

/** Lint with only the given rules switched on. */
function lintWith(ids: string[], markdown: string, options: Record<string, Record<string, unknown>> = {}): LintMessage[] {
  const settings: Record<string, RuleSetting> = {};
  for (const rule of rules) settings[rule.meta.id] = ids.includes(rule.meta.id) ? ['on', options[rule.meta.id] ?? {}] : 'off';
  return lintText(markdown, { config: { rules: settings } }).messages;
}

function ids(messages: LintMessage[]): string[] {
  return messages.map((m) => m.ruleId).sort();
}

function flagged(ruleId: string, markdown: string, options?: Record<string, unknown>): boolean {
  return lintWithRule(ruleId, markdown, options).length > 0;
}

const rec = (text: string) => `## Recommendations\n\n1. ${text}\n`;

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

describe('recommendation-owner', () => {
  const owned = [
    'The Hospital Trust should revise its missed appointments policy by March 2012.',
    'The procedure should be revised by the Community Health Trust within three months.',
    'Consideration should be given by the Police to changing the notification form.',
    'Given the findings about the household, the LSCB should commission a short piece of work on unseen men.',
    'Before the next Ofsted inspection, Children’s Social Care must audit all child in need cases open for over a year.',
    'The Head Teacher of each primary school should report to the governing body on attendance below 90 per cent.',
    'Health visitors should see every child on their caseload alone at least once a year.',
    'Offender managers should check with children’s social care whether a child lives at a proposed release address.',
    'The designated safeguarding lead in each school should keep a chronology of welfare concerns.',
    'The CCG and NHS England should jointly commission training on fabricated or induced illness.',
    'West Borough Council Housing Department should notify Children’s Social Care of every eviction of a family.',
    'The service will provide refresher training on the neglect assessment tool.',
    'The domestic abuse pathway should be revised to include routine enquiry. Lead: Head of Midwifery.',
    'Hospital Trust: send every paediatric discharge summary to the GP and health visitor.',
    'The Public Protection Unit’s triage procedure should be amended to include every child present.',
  ];
  for (const text of owned) {
    it(`leaves alone: ${text.slice(0, 70)}`, () => {
      assert.deepEqual(lintWithRule('recommendation-owner', rec(text)), []);
    });
  }

  const unowned: [string, string][] = [
    ['Procedures for children who are not brought to appointments should be reviewed.', 'should be reviewed'],
    ['All staff should be reminded of the importance of recording fathers’ details.', '“All staff”'],
    ['Everyone working with children should know the signs of neglect.', '“Everyone”'],
    ['Professionals should challenge parents’ accounts of injuries.', '“Professionals”'],
    ['Agencies should consider reviewing their procedures for missed appointments.', '“Agencies”'],
    ['Practitioners across all agencies should use the term “was not brought”.', '“Practitioners”'],
    ['Police officers should be trained to recognise coercive control.', 'should be trained'],
    ['Schools should be reminded to follow up unexplained absences on the first day.', 'should be reminded'],
    ['A multi-agency training programme should be commissioned, with attendance reported to the Partnership.', 'should be commissioned'],
    ['National guidance on parenting assessments should be sought from the Department for Education.', 'should be sought'],
    ['Routine enquiry about domestic abuse is to be introduced in the Emergency Department.', 'is to be introduced'],
    ['Review the escalation policy and re-launch it with a briefing.', 'has no owner'],
  ];
  for (const [text, words] of unowned) {
    it(`flags once: ${text.slice(0, 70)}`, () => {
      const messages = lintWithRule('recommendation-owner', rec(text));
      assert.equal(messages.length, 1, JSON.stringify(messages.map((m) => m.message)));
      assert.ok(messages[0]!.message.includes(words), messages[0]!.message);
    });
  }

  it('takes the owner from an intro sentence, a heading or a lead column', () => {
    assert.equal(flagged('recommendation-owner', '## Recommendations\n\nThe LSCB should ensure the following:\n\n- that a protocol on pre-birth assessment is agreed by April 2012.\n'), false);
    assert.equal(flagged('recommendation-owner', '## Recommendations\n\nThe panel makes the following recommendation:\n\n- that a protocol on pre-birth assessment is agreed.\n'), true);
    assert.equal(flagged('recommendation-owner', '## Recommendations\n\n### Children’s Social Care\n\n1. Managers should check that the child has been seen alone.\n'), false);
    assert.equal(flagged('recommendation-owner', '## Recommendations\n\n### Multi-agency recommendations\n\n1. Information about adults moving into a household should be shared.\n'), true);
  });

  it('extends the owners with `extraOwners` and with the `agencies` setting', () => {
    const md = rec('Northshire Learning Collaborative should publish a briefing on unseen men.');
    assert.equal(flagged('recommendation-owner', md), true);
    assert.equal(flagged('recommendation-owner', md, { extraOwners: ['Northshire Learning Collaborative'] }), false);
    const config = { agencies: ['Northshire Learning Collaborative'], rules: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.id === 'recommendation-owner' ? 'on' : 'off'])) as Record<string, RuleSetting> };
    assert.deepEqual(lintText(md, { config }).messages, []);
  });

  it('does not count a bracketed placeholder after “Lead:” as an owner, and reports it once (as a placeholder)', () => {
    const md = rec('Procedures should be revised. Lead: [named agency or role].');
    const report = reportOf(md);
    const analysis = analyseRecommendation(report, findRecommendations(report)[0]!);
    assert.equal(analysis.owner, undefined);
    assert.equal(analysis.placeholders.owner?.text, '[named agency or role]');
    assert.equal(flagged('template-placeholder', md), true);
    assert.equal(flagged('recommendation-owner', md), false);
  });

  it('names owners, with professional groups told apart from bodies', () => {
    const hits = findOwners('The Hospital Trust and health visitors and the Designated Nurse');
    assert.deepEqual(
      hits.map((h) => [h.text, h.kind]),
      [
        ['Hospital Trust', 'body'],
        ['health visitors', 'group'],
        ['Designated Nurse', 'role'],
      ],
    );
  });
});

describe('recommendation-deadline', () => {
  const bounded = [
    'The Trust will change the procedure by 31 March 2012.',
    'The Trust will change the procedure by 31/03/2012.',
    'The Named Nurse will audit compliance in Q3 2013.',
    'The Police should complete this by the end of quarter 2 of 2013/14.',
    'The CCG will deliver training in 2015/16.',
    'The Partnership will report in spring 2021.',
    'The Youth Offending Service should introduce screening within six months of this report.',
    'The LSCB will write to partners by the end of the financial year.',
    'The Board will receive the audit at its next meeting.',
    'The Partnership will commission an evaluation within the next twelve months.',
    'The Board’s programme will include a module on disguised compliance from the next financial year.',
    'The LSCB should publish guidance before the end of the year.',
    'The Trust should revise the pathway. Timescale: six months.',
    'Children’s Social Care and the Police should agree a new protocol in 2014.',
  ];
  for (const text of bounded) {
    it(`leaves alone: ${text.slice(0, 70)}`, () => {
      assert.deepEqual(lintWithRule('recommendation-deadline', rec(text)), []);
    });
  }

  const unbounded: [string, string, string | undefined][] = [
    ['The Local Authority should revise its private fostering policy as soon as possible.', '“as soon as possible”', 'by [insert date]'],
    ['The LSCB should publish the learning in due course.', '“in due course”', 'by [insert date]'],
    ['The Trust should review its policy urgently.', '“urgently”', 'by [insert date]'],
    ['The Partnership will monitor referrals on an ongoing basis.', '“on an ongoing basis”', 'by [insert date]'],
    ['The Board should receive a report annually.', 'how often (“annually”)', undefined],
    ['The Trust should send discharge summaries within 48 hours of discharge.', 'has no deadline', undefined],
    ['The YOS should assess speech and language within ten working days of the first appointment.', 'has no deadline', undefined],
    ['Professionals should follow the procedures issued in April 2010.', 'has no deadline', undefined],
    ['Every child on a plan should have a lead professional recorded by the first core group meeting.', 'has no deadline', undefined],
    ['Children’s Social Care should complete every pre-birth assessment by 28 weeks of pregnancy.', 'has no deadline', undefined],
  ];
  for (const [text, words, expected] of unbounded) {
    it(`flags once: ${text.slice(0, 70)}`, () => {
      const messages = lintWithRule('recommendation-deadline', rec(text));
      assert.equal(messages.length, 1, JSON.stringify(messages.map((m) => m.message)));
      assert.ok(messages[0]!.message.includes(words), messages[0]!.message);
      assert.deepEqual(messages[0]!.expected, expected ? [expected] : undefined);
    });
  }

  it('points at the non-date so the editor can replace it', () => {
    const md = rec('The Local Authority should revise its policy as soon as possible.');
    const [message] = lintWithRule('recommendation-deadline', md);
    assert.equal(md.slice(message!.startOffset, message!.endOffset), 'as soon as possible');
  });

  it('takes a blanket timescale from the section, and a date column', () => {
    assert.equal(flagged('recommendation-deadline', '## Recommendations\n\nAll of these recommendations should be implemented within six months of publication.\n\n1. The Trust will amend its procedure.\n'), false);
    assert.equal(
      flagged('recommendation-deadline', '## Recommendations\n\n| No. | Recommendation | Lead | Timescale |\n| --- | --- | --- | --- |\n| 1 | The escalation policy should be re-launched. | Board Manager | June 2014 |\n'),
      false,
    );
  });

  it('extends the non-dates with `extraNonDates`', () => {
    const md = rec('The Trust should amend the policy when capacity allows.');
    const [plain] = lintWithRule('recommendation-deadline', md);
    assert.match(plain!.message, /has no deadline/);
    const [extended] = lintWithRule('recommendation-deadline', md, { extraNonDates: ['when capacity allows'] });
    assert.match(extended!.message, /“when capacity allows”/);
  });

  it('reads time bounds of every kind', () => {
    const kinds = (text: string) => findTimeBounds(text).map((b) => b.kind);
    assert.deepEqual(kinds('by Q4 2014/15'), ['quarter']);
    assert.deepEqual(kinds('for 2013/14.'), ['financial-year']);
    assert.deepEqual(kinds('in autumn term 2013'), ['season']);
    assert.deepEqual(kinds('by 2013'), ['year']);
    assert.deepEqual(kinds('by April'), ['month']);
    assert.deepEqual(kinds('in May the trust'), ['month']);
    assert.deepEqual(kinds('the trust may decide'), []);
    assert.deepEqual(kinds('within 24 hours'), []);
    assert.deepEqual(kinds('since March 2010'), []);
    assert.deepEqual(kinds('between March 2008 and August 2008'), []);
    assert.deepEqual(findNonDates('ASAP and then annually').map((n) => n.kind), ['vague', 'frequency']);
  });
});

describe('recommendation-measure', () => {
  it('leaves alone audits, figures, reports to the Board and outcomes', () => {
    for (const text of [
      'The safeguarding lead will audit 20 cases by March 2013.',
      'The Constabulary will train response officers by 2017, with 95% trained.',
      'The Trust will report compliance to the Board in June 2013.',
      'The LSCB will evaluate the impact of the neglect strategy on children by 2021.',
      'The LSCB should seek assurance that every GP practice has a safeguarding lead by June 2013.',
    ]) {
      assert.deepEqual(lintWithRule('recommendation-measure', rec(text)), [], text);
    }
  });

  it('flags a recommendation with no measure, at its first line', () => {
    const md = rec('The LSCB should publish practice guidance on unseen men by December 2016.');
    const messages = lintWithRule('recommendation-measure', md);
    assert.equal(messages.length, 1);
    assert.equal(messages[0]!.line, 3);
    assert.match(messages[0]!.message, /how success will be measured/);
  });

  it('extends the measures with `extraMeasures`', () => {
    const md = rec('The LSCB should publish guidance on unseen men by December 2016, checked by peer review.');
    assert.equal(flagged('recommendation-measure', md), true);
    assert.equal(flagged('recommendation-measure', md, { extraMeasures: ['peer review'] }), false);
  });
});

describe('recommendation-vague-action', () => {
  const vague: [string, string][] = [
    ['The Trust should consider introducing a flag for missed appointments.', 'consider'],
    ['Consideration should be given to a protocol for unborn babies.', 'Consideration'],
    ['The Local Authority should review its private fostering policy.', 'review'],
    ['Procedures for missed appointments should be reviewed.', 'reviewed'],
    ['The Hospital Trust should explore ways of improving communication with midwives.', 'explore'],
    ['All staff should be reminded to record fathers’ details.', 'reminded'],
    ['The LSCB should raise awareness of disguised compliance.', 'raise awareness'],
    ['Lessons from this review should be disseminated widely.', 'disseminated'],
    ['The Trust should reflect on the learning from this case.', 'reflect on'],
    ['The children’s centre should ensure that staff are aware of the escalation policy.', 'ensure'],
    ['That the LSCB reviews its threshold document.', 'reviews'],
    ['Hospital Trust: look at the discharge process for babies.', 'look at'],
  ];
  for (const [text, verb] of vague) {
    it(`points at “${verb}” in: ${text.slice(0, 60)}`, () => {
      const md = rec(text);
      const messages = lintWithRule('recommendation-vague-action', md);
      assert.equal(messages.length, 1, JSON.stringify(messages.map((m) => m.message)));
      assert.equal(md.slice(messages[0]!.startOffset, messages[0]!.endOffset), verb);
    });
  }

  for (const text of [
    'Children’s Social Care should review and amend its pre-birth procedure by June 2013.',
    'The Trust should review its discharge procedure so that health visitors are told of every discharge.',
    'The CCG should ensure that every GP practice has a named safeguarding lead.',
    'The Hospital Trust will change its procedure and review compliance after six months.',
    'The LSCB will publish guidance on unseen men and then consider a training programme.',
  ]) {
    it(`leaves alone: ${text.slice(0, 70)}`, () => {
      assert.deepEqual(lintWithRule('recommendation-vague-action', rec(text)), []);
    });
  }

  it('extends the verbs with `extraVagueVerbs`', () => {
    const md = rec('The LSCB should promote the escalation policy.');
    assert.equal(flagged('recommendation-vague-action', md), false);
    assert.equal(flagged('recommendation-vague-action', md, { extraVagueVerbs: ['promote'] }), true);
  });
});

describe('each SMART weakness is flagged once, by the right rule', () => {
  it('leaves the primer’s strong example alone', () => {
    const md = rec(
      'The Hospital Trust will change its missed-appointment procedure so that two consecutive missed paediatric appointments for a child under five trigger a call to the health visitor within two working days; the safeguarding lead will audit 20 cases by 31 March 2012 and report compliance to the Board.',
    );
    assert.deepEqual(lintWith(REC_RULES, md), []);
  });

  it('flags the primer’s weak example once for each element', () => {
    const md = rec('Agencies should consider reviewing their procedures for missed appointments.');
    assert.deepEqual(ids(lintWith(REC_RULES, md)), [...REC_RULES].sort());
  });

  it('gives a named department with no date exactly one deadline warning', () => {
    const md = rec('The Housing Department will notify Children’s Social Care of every eviction of a family with children, and report the numbers to the Board.');
    assert.deepEqual(ids(lintWith(REC_RULES, md)), ['recommendation-deadline']);
  });

  it('gives a dated, measured agentless passive exactly one owner warning', () => {
    const md = rec('A protocol for examining siblings of an injured child should be agreed by June 2013 and audited after six months.');
    assert.deepEqual(ids(lintWith(REC_RULES, md)), ['recommendation-owner']);
  });

  it('leaves a set of strong recommendations in board styles alone', () => {
    const md = `# Overview report: Child B

## Recommendations

### Multi-agency recommendations

1. The Safeguarding Children Partnership will publish practice guidance on “unseen men” by December 2016, and its Learning and Improvement Sub-group will audit 30 cases in 2017/18 to show whether the men in a child’s household are recorded.

2. It is recommended that the LSCB commissions a multi-agency audit of children subject to a plan for more than 18 months, and reports the findings to the Board by September 2013.

### Recommendations for the Hospital Trust

3. Staff in the Emergency Department will check the child protection information system for every child under two who attends with an injury, from April 2013; compliance will be audited quarterly and reported to the Safeguarding Committee.

R4 That the Director of Children’s Services reports to the Board by March 2013 on caseload figures for each team.
`;
    assert.deepEqual(lintWith(REC_RULES, md), []);
    assert.equal(findRecommendations(reportOf(md)).length, 4);
  });
});

describe('recommendation editor data', () => {
  it('carries the recommendation, a SMART scaffold of the missing elements and an insertion', () => {
    const md = rec('Procedures for missed appointments should be revised.');
    const [message] = lintWithRule('recommendation-deadline', md);
    const data = message!.data as { recommendation: { number: string; start: number; end: number }; scaffold: string };
    const insert = insertionOf(message)!;
    assert.equal(message!.fixes?.[0]?.title, 'Add the missing SMART parts (lead, by, measure)');
    assert.equal(message!.fixes?.[0]?.scaffold, true);
    assert.equal(data.recommendation.number, '1');
    assert.ok(md.slice(data.recommendation.start, data.recommendation.end).includes('Procedures for missed appointments'));
    assert.equal(data.scaffold, 'Lead: [named agency or role]; by: [insert date]; measure: [how success will be evidenced, e.g. an audit reported to the Board]');
    assert.equal(md.slice(insert.offset - 8, insert.offset), 'revised.');
    const fixed = md.slice(0, insert.offset) + insert.text + md.slice(insert.offset);
    assert.match(fixed, /should be revised\. Lead: \[named agency or role\]; by: \[insert date\]; measure: .*\.\n$/);
  });

  it('leaves out of the scaffold the elements already present', () => {
    const md = rec('The Hospital Trust will audit 20 cases of missed appointments.');
    const [message] = lintWithRule('recommendation-deadline', md);
    assert.equal((message!.data as { scaffold: string }).scaffold, 'by: [insert date]');
  });

  it('puts the owner, deadline and measure found into `smart`', () => {
    const report = reportOf(rec('The Named Nurse will audit compliance in Q3 2013.'));
    const [r] = findRecommendations(report);
    const analysis = analyseRecommendation(report, r!);
    assert.equal(analysis.owner?.text, 'Named Nurse');
    assert.equal(analysis.deadline?.text, 'Q3 2013');
    assert.equal(analysis.measure?.text, 'audit');
  });
});

describe('recommendation-count', () => {
  const many = (n: number) => `## Recommendations\n\n${Array.from({ length: n }, (_, i) => `${i + 1}. The LSCB will publish guidance note ${i + 1} by June 2013.`).join('\n')}\n`;
  it('leaves ten alone and flags eleven at the Recommendations heading', () => {
    assert.deepEqual(lintWithRule('recommendation-count', many(10)), []);
    const messages = lintWithRule('recommendation-count', many(11));
    assert.equal(messages.length, 1);
    assert.equal(messages[0]!.line, 1);
    assert.match(messages[0]!.message, /11 recommendations, more than 10/);
    assert.equal((messages[0]!.data as { count: number }).count, 11);
  });
  it('counts sub-points once and obeys `max`', () => {
    const md = '## Recommendations\n\n1. The LSCB should ensure that:\n   - a) guidance is issued;\n   - b) training follows.\n2. The Trust will audit 20 cases by June 2013.\n';
    assert.deepEqual(lintWithRule('recommendation-count', md, { max: 2 }), []);
    assert.equal(lintWithRule('recommendation-count', md, { max: 1 }).length, 1);
  });
});

const PLAN = (rows: string, header = '| Rec | Action | Lead | Target date | Measure of success | RAG |\n| --- | --- | --- | --- | --- | --- |') =>
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
    for (const cell of ['31/03/2013', '31.03.13', 'Mar-13', 'Sept 2013', 'Q3', 'Q2 2013/14', '2013-14', 'End of March 2013', '6 months', 'Within six months of publication', 'December 2012 - March 2013']) {
      assert.equal(findTimeBounds(cell, { cell: true }).length > 0, true, cell);
    }
    for (const cell of ['Ongoing', 'TBC', 'ASAP', 'when the new manager starts']) {
      assert.equal(findTimeBounds(cell, { cell: true }).length, 0, cell);
    }
  });

  it('excuses a past date when the row is completed', () => {
    const md = PLAN('| 1 | Amend the procedure | Named Nurse | January 2012 | Audit of 20 cases | Completed |\n| 2 | Publish guidance | Board Manager | June 2013 | Survey of staff | Red |');
    assert.deepEqual(lintWith(['action-plan-date'], md), []);
  });

  it('lists the missing columns once per table', () => {
    const md = PLAN('| 1 | Amend the procedure | 31/03/2013 |\n| 2 | Publish guidance | 30/06/2013 |', '| Ref | Action | Timescale |\n| --- | --- | --- |');
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
    const md = '## Recommendations\n\n1. The Trust will amend its procedure by March 2013.\n2. The LSCB will publish guidance by June 2013.\n\n## Glossary\n\nLSCB: Local Safeguarding Children Board.\n';
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
    const md = '## Recommendations\n\n1. The Trust will amend its procedure by March 2013.\n\n## Action plan\n\nThe action plan will be published separately by the Board.\n';
    assert.deepEqual(lintWith(['action-plan-coverage'], md), []);
    const rapid = '---\nreport-type: rapid-review\n---\n\n## Recommendations\n\n1. The Trust will amend its procedure by March 2013.\n';
    assert.deepEqual(lintWith(['action-plan-coverage'], rapid), []);
  });

  it('treats a recommendations table with action columns as its own action plan', () => {
    const md = '## Recommendations\n\n| Recommendation | Action | Lead | Target date | Measure |\n| --- | --- | --- | --- | --- |\n| The Trust should amend its procedure for missed appointments. | Amend the procedure | Named Nurse | 31/03/2013 | Audit of 20 cases |\n';
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

describe('agreement with hand-labelled recommendations (owner and deadline)', () => {
  interface Item {
    id: number;
    split: 'development' | 'held-out';
    markdown: string;
    owner: boolean;
    deadline: boolean;
  }
  const fixture = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/recommendations-labelled.json'), 'utf8')) as { items: Item[] };

  it('has at least 80 labelled items, split into a development half and a held-out half', () => {
    assert.ok(fixture.items.length >= 80);
    assert.ok(fixture.items.filter((i) => i.split === 'held-out').length >= 40);
    assert.ok(fixture.items.filter((i) => i.split === 'development').length >= 40);
  });

  for (const split of ['development', 'held-out'] as const) {
    it(`agrees at least 90% on the ${split} half`, () => {
      const items = fixture.items.filter((i) => i.split === split);
      let owner = 0;
      let deadline = 0;
      for (const item of items) {
        assert.equal(findRecommendations(reportOf(item.markdown)).length, 1, `item ${item.id} holds one recommendation`);
        if ((lintWithRule('recommendation-owner', item.markdown).length === 0) === item.owner) owner++;
        if ((lintWithRule('recommendation-deadline', item.markdown).length === 0) === item.deadline) deadline++;
      }
      const ownerAgreement = owner / items.length;
      const deadlineAgreement = deadline / items.length;
      assert.ok(ownerAgreement >= 0.9, `owner agreement ${ownerAgreement.toFixed(3)}`);
      assert.ok(deadlineAgreement >= 0.9, `deadline agreement ${deadlineAgreement.toFixed(3)}`);
    });
  }
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
      const result = lintText(md, { config: { rules: Object.fromEntries(rules.map((r) => [r.meta.id, [...REC_RULES, ...PLAN_RULES, 'recommendation-count'].includes(r.meta.id) ? 'on' : 'off'])) as Record<string, RuleSetting> } });
      assert.deepEqual(result.ruleFailures, []);
      for (const m of result.messages) assert.match(m.message, /^[^.]+\. \S/s, 'a plain message: the problem, then what to write');
    });
  }
});
