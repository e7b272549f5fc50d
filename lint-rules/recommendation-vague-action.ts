import { defineRule } from '../src/engine/rule.js';
import {
  analyseRecommendation,
  findRecommendations,
  recommendationData,
  recommendationFixes,
} from '../src/engine/recommendations/index.js';
import { quote } from '../src/engine/text.js';

export interface Options {
  extraVagueVerbs: string[];
}

export default defineRule<Options>(
  {
    id: 'recommendation-vague-action',
    summary: 'The main action of each recommendation is a concrete change.',
    description:
      'Finds the main action of each recommendation — the verb after “should/must/will/is to”, after the ' +
      'owner in “That the Trust reviews…”, after “Hospital Trust:”, or first in an imperative — and points ' +
      'at it when it is a vague verb: consider (and “consideration should be given”), review, look at, ' +
      'explore, remind, raise awareness, disseminate or share the learning, reflect on, emphasise or ' +
      'reiterate, or ensure when what it ensures is itself vague (“ensure that staff are aware”). When the ' +
      'action names only a means (“use safeguarding training to re-emphasise …”), the verb after “to” is ' +
      'judged. Recommendations labelled with letters and roman numerals (“A i.”, “ii.”, “B.”) are read too, ' +
      'and a bare “ii.” after “B i.” is B ii. Review, look at and reflect are left alone when the result is ' +
      'stated (“review and amend…”, “review … so that …”). Verbs are data ' +
      '(`src/data/recommendation-vague-verbs.json`, extendable with `extraVagueVerbs`). Only the main ' +
      'action is judged, so “The Trust will amend its procedure and review compliance” is not flagged.',
    why:
      'SMART recommendations are Specific: a concrete change, not “review procedures” or “raise awareness”; ' +
      'vague actions (consider, review, look at, explore, remind staff, raise awareness, disseminate, ' +
      'reflect on, ensure without saying what will be true) are a known weak pattern. Primer §4.',
    primer: '§4 Recommendations: SMART, few, and tied to findings',
    defaultSeverity: 'warning',
    fixable: false,
    options: [
      { name: 'extraVagueVerbs', type: 'string[]', default: [], description: 'More verbs or verb phrases to treat as vague main actions.' },
    ],
    defaults: { extraVagueVerbs: [] },
    examples: [
      {
        title: 'Concrete changes are left alone, and a review with its result stated',
        markdown: `## Recommendations

1. The Hospital Trust will change its missed-appointment procedure so that two missed appointments trigger a call to the health visitor.
2. Children's Social Care should review and amend its pre-birth assessment procedure by June 2013.
3. The CCG should ensure that every GP practice has a named safeguarding lead.
`,
        flags: [],
      },
      {
        title: 'Vague verbs are pointed at',
        markdown: `## Recommendations

1. Agencies should consider reviewing their procedures for missed appointments.
2. Consideration should be given to a protocol for unborn babies.
3. The children's centre should ensure that staff are aware of the escalation policy.
4. Remind all staff of the importance of recording fathers' details.
`,
        flags: [
          { line: 3, column: 20, message: '“consider”' },
          { line: 4, column: 4, message: '“Consideration”' },
          { line: 5, column: 33, message: '“ensure”' },
          { line: 6, column: 4, message: '“Remind”' },
        ],
      },
      {
        title: 'A means with a vague aim (“use training to re-emphasise …”) and letter labels',
        markdown: `## Recommendations

A i. The Hospital Trust should use its safeguarding training to re-emphasise the escalation policy.

ii. The Hospital Trust should use its record system to require a named adult for every child on a plan.
`,
        flags: [{ line: 3, column: 65, message: '“re-emphasise” in recommendation A i' }],
      },
    ],
  },
  ({ report, options, flag }) => {
    for (const rec of findRecommendations(report)) {
      const analysis = analyseRecommendation(report, rec, options);
      const action = analysis.vagueAction;
      if (!action) continue;
      flag({
        start: action.start,
        end: action.end,
        message: `The action ${quote(action.text)} in recommendation ${rec.number} is vague. Write ${action.instead}.`,
        data: { ...recommendationData(report, rec, analysis), vagueVerb: action.verb },
        fixes: recommendationFixes(report, rec, analysis),
      });
    }
  },
);
