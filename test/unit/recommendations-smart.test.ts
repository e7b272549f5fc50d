/**
 * Judging each recommendation's SMART elements (primer §4) once, with the right
 * rule: owner, deadline, measure and main action; the editor data; and agreement
 * with a hand-labelled set of recommendations.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rules } from '../../lint-rules/index.js';
import { lintText } from '../../src/index.js';
import {
  analyseRecommendation,
  findNonDates,
  findOwners,
  findRecommendations,
  findTimeBounds,
} from '../../src/engine/recommendations/index.js';
import type { RuleSetting } from '../../src/engine/types.js';
import { flagged, ids, lintWith, rec, REC_RULES, reportOf } from '../support/recommendations.js';
import { insertionOf, lintWithRule } from './helpers.js';
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
    assert.equal(
      flagged(
        'recommendation-owner',
        '## Recommendations\n\nThe LSCB should ensure the following:\n\n- that a protocol on pre-birth assessment is agreed by April 2012.\n',
      ),
      false,
    );
    assert.equal(
      flagged(
        'recommendation-owner',
        '## Recommendations\n\nThe panel makes the following recommendation:\n\n- that a protocol on pre-birth assessment is agreed.\n',
      ),
      true,
    );
    assert.equal(
      flagged(
        'recommendation-owner',
        '## Recommendations\n\n### Children’s Social Care\n\n1. Managers should check that the child has been seen alone.\n',
      ),
      false,
    );
    assert.equal(
      flagged(
        'recommendation-owner',
        '## Recommendations\n\n### Multi-agency recommendations\n\n1. Information about adults moving into a household should be shared.\n',
      ),
      true,
    );
  });

  it('extends the owners with `extraOwners` and with the `agencies` setting', () => {
    const md = rec('Northshire Learning Collaborative should publish a briefing on unseen men.');
    assert.equal(flagged('recommendation-owner', md), true);
    assert.equal(flagged('recommendation-owner', md, { extraOwners: ['Northshire Learning Collaborative'] }), false);
    const config = {
      agencies: ['Northshire Learning Collaborative'],
      rules: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.id === 'recommendation-owner' ? 'on' : 'off'])) as Record<
        string,
        RuleSetting
      >,
    };
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
    assert.equal(
      flagged(
        'recommendation-deadline',
        '## Recommendations\n\nAll of these recommendations should be implemented within six months of publication.\n\n1. The Trust will amend its procedure.\n',
      ),
      false,
    );
    assert.equal(
      flagged(
        'recommendation-deadline',
        '## Recommendations\n\n| No. | Recommendation | Lead | Timescale |\n| --- | --- | --- | --- |\n| 1 | The escalation policy should be re-launched. | Board Manager | June 2014 |\n',
      ),
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
    assert.deepEqual(
      findNonDates('ASAP and then annually').map((n) => n.kind),
      ['vague', 'frequency'],
    );
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
    const md = rec(
      'The Housing Department will notify Children’s Social Care of every eviction of a family with children, and report the numbers to the Board.',
    );
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
    assert.equal(
      data.scaffold,
      'Lead: [named agency or role]; by: [insert date]; measure: [how success will be evidenced, e.g. an audit reported to the Board]',
    );
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

describe('agreement with hand-labelled recommendations (owner and deadline)', () => {
  interface Item {
    id: number;
    split: 'development' | 'held-out';
    markdown: string;
    owner: boolean;
    deadline: boolean;
  }
  const fixture = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/recommendations-labelled.json'), 'utf8')) as {
    items: Item[];
  };

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
