import { defineRule } from '../src/engine/rule.js';
import { PLACEHOLDER_NOTE } from '../src/engine/placeholders.js';
import {
  analyseRecommendation,
  findRecommendations,
  inActionPlanTable,
  recommendationData,
  recommendationFixes,
} from '../src/engine/recommendations/index.js';
import { quote } from '../src/engine/text.js';

export interface Options {
  extraOwners: string[];
}

export default defineRule<Options>(
  {
    id: 'recommendation-owner',
    summary: 'Each recommendation names the agency or role that owns it.',
    description:
      'Finds the recommendations (items under any heading that means Recommendations, including ' +
      '“Multi-agency recommendations” and “Recommendations for the Hospital Trust”: list items with their ' +
      'sub-points, numbered paragraphs such as “R3” or “Recommendation 3:”, items under “Recommendation N” ' +
      'headings, and rows of a recommendations table) and looks for an accountable owner: an agency, board, ' +
      'department or named role from the gazetteer (`src/data/agencies.json`, ' +
      '`src/data/recommendation-owners.json`, `agencies` in config and the `extraOwners` option), or “the … ' +
      'Trust/Board/Service”. The owner must be where an owner stands: the subject before ' +
      '“should/must/will/is to” (or after “It is recommended that”, “That”), the agent of a passive ' +
      '(“should be revised **by the Community Health Trust**”), a “Lead:” label, a leading “Hospital Trust: ' +
      '…”, the lead column of a table, a heading such as “Recommendations for the Hospital Trust”, or an ' +
      'intro sentence such as “The LSCB should ensure the following:”. A body named only as an object ' +
      '(“training should be provided **to health visitors**”) does not count, nor does an agentless passive ' +
      '(“procedures should be reviewed”, “consideration should be given”), nor a subject that is not an ' +
      'accountable body (“all staff”, “professionals”, “all agencies”). Professional groups (“health ' +
      'visitors”, “GPs”) own what they do but not what is done to them (“health visitors should be ' +
      'trained”).' +
      PLACEHOLDER_NOTE,
    why:
      'SMART recommendations are Assigned: a named agency or role owns each one; “should be reviewed” and ' +
      '“everyone” are known weak patterns. Primer §4.',
    primer: '§4 Recommendations: SMART, few, and tied to findings',
    defaultSeverity: 'warning',
    fixable: true,
    options: [
      {
        name: 'extraOwners',
        type: 'string[]',
        default: [],
        description: 'More agency, board or role names that can own a recommendation (added to the gazetteer).',
      },
    ],
    defaults: { extraOwners: [] },
    examples: [
      {
        title: 'Owners as subject, as agent of a passive, in a heading and in a lead column are left alone',
        markdown: `## Recommendations

1. The Hospital Trust will change its missed-appointment procedure by 31 March 2012.
2. The escalation policy should be revised by the Safeguarding Children Partnership within six months.
3. It is recommended that the LSCB commissions an audit of neglect cases.

### Recommendations for the Police

4. Officers attending domestic abuse incidents should record the names of all children present.
`,
        flags: [],
      },
      {
        title: 'Agentless passives and non-owners are flagged',
        markdown: `## Recommendations

1. Procedures for missed appointments should be reviewed.
2. All staff should record the names of every adult in the household.
3. It is recommended that consideration is given to a protocol on unborn babies.
`,
        flags: [
          { line: 3, column: 4, message: 'should be reviewed” but not who' },
          { line: 4, column: 4, message: '“All staff”' },
          { line: 5, column: 4, message: 'has no owner' },
        ],
      },
      {
        title: 'A board’s own name can be added with `extraOwners`',
        markdown: `## Recommendations

1. Thameshire Learning Collaborative should publish a briefing on unseen men by June 2013.
`,
        options: { extraOwners: ['Thameshire Learning Collaborative'] },
        flags: [],
      },
    ],
  },
  ({ report, options, flag }) => {
    for (const rec of findRecommendations(report, options)) {
      const analysis = analyseRecommendation(report, rec, options);
      const problem = analysis.ownerProblem;
      // A lead written as a placeholder is missing, but its placeholder is reported already (template-placeholder).
      if (analysis.owner || !problem || analysis.placeholders.owner) continue;
      if ((problem.reason === 'empty-cell' || problem.reason === 'non-committal-cell') && inActionPlanTable(report, rec)) continue;
      const n = rec.number;
      const example = 'such as “The Hospital Trust will …” or “Lead: Designated Nurse”';
      const message =
        problem.reason === 'passive'
          ? `Recommendation ${n} says ${quote(problem.text)} but not who will do it. Name the agency or role that will act, ${example}.`
          : problem.reason === 'non-owner'
            ? `${quote(problem.text)} cannot own recommendation ${n}. Name an accountable agency, board or role, such as “Children’s Social Care” or “the Designated Nurse”.`
            : problem.reason === 'empty-cell'
              ? `Recommendation ${n} has an empty lead. Name the agency or officer that owns it.`
              : problem.reason === 'non-committal-cell'
                ? `${quote(problem.text)} does not name a lead for recommendation ${n}. Name the one agency or officer that owns it.`
                : `Recommendation ${n} has no owner. Name the agency or role that will act, ${example}.`;
      flag({
        start: problem.start,
        end: problem.end,
        message,
        data: recommendationData(report, rec, analysis),
        fixes: recommendationFixes(report, rec, analysis),
      });
    }
  },
);
