import { defineRule } from '../src/engine/rule.js';
import { PLACEHOLDER_NOTE } from '../src/engine/placeholders.js';
import {
  analyseRecommendation,
  findRecommendations,
  firstLine,
  inActionPlanTable,
  recommendationData,
  recommendationFixes,
} from '../src/engine/recommendations/index.js';

export interface Options {
  extraMeasures: string[];
}

export default defineRule<Options>(
  {
    id: 'recommendation-measure',
    summary: 'Each recommendation says how its success will be evidenced.',
    description:
      'Looks in each recommendation (and the measure or outcome column of a recommendations table) for how ' +
      'success will be evidenced: an audit or dip sample, compliance, a target, a figure or percentage, a ' +
      'number of cases, evaluation or impact, an outcome for children, monitoring, assurance, or a report ' +
      'back to the Board (`src/data/recommendation-measures.json`, extendable with `extraMeasures`). A ' +
      'recommendation with none of these is flagged at its first line and offered a measure to append.' +
      PLACEHOLDER_NOTE,
    why:
      'SMART recommendations are Measurable: what evidence will show the change worked, ideally an outcome ' +
      'for children rather than “policy signed off”; “no measure of impact” is a known weak pattern. Primer ' +
      '§4.',
    primer: '§4 Recommendations: SMART, few, and tied to findings',
    defaultSeverity: 'warning',
    fixable: true,
    options: [
      {
        name: 'extraMeasures',
        type: 'string[]',
        default: [],
        description: 'More words or phrases that say how success will be evidenced.',
      },
    ],
    defaults: { extraMeasures: [] },
    examples: [
      {
        title: 'An audit, a report to the Board or a figure is a measure',
        markdown: `## Recommendations

1. The safeguarding lead will audit 20 cases by 31 March 2012 and report compliance to the Board.
2. The Constabulary should train response officers by the end of 2017, with 95% of officers trained.
`,
        flags: [],
      },
      {
        title: 'No measure at all',
        markdown: `## Recommendations

1. The LSCB should publish practice guidance on unseen men by December 2016.
`,
        flags: [{ line: 3, column: 4, message: 'how success will be measured' }],
      },
    ],
  },
  ({ report, options, flag }) => {
    for (const rec of findRecommendations(report)) {
      const analysis = analyseRecommendation(report, rec, options);
      // A measure written as a placeholder is missing, but its placeholder is reported already (template-placeholder).
      if (analysis.measure || analysis.placeholders.measure) continue;
      if (rec.table && rec.table.columns.measure !== undefined && inActionPlanTable(report, rec)) continue;
      const line = firstLine(report, rec);
      flag({
        start: line.start,
        end: line.end,
        message: `Recommendation ${rec.number} does not say how success will be measured. Add what will show it worked: an audit, a target or figure, a report back to the Board, or an outcome for children.`,
        data: recommendationData(report, rec, analysis),
        fixes: recommendationFixes(report, rec, analysis),
      });
    }
  },
);
