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
import { quote } from '../src/engine/text.js';

export interface Options {
  extraNonDates: string[];
}

const EXAMPLES = 'such as “by 31 March 2013” or “within six months of publication”';

export default defineRule<Options>(
  {
    id: 'recommendation-deadline',
    summary: 'Each recommendation has a time bound.',
    description:
      `Looks in each recommendation (and its heading, intro sentence or the table’s target date column) for a time bound: a date in UK form (“31/03/2013”, “31 March 2013”), a month and year, a quarter (“Q3 2012”, “quarter 2 of 2013/14”), a financial year (“2010/11”), a season or year with “by/in/before/from”, “by the end of the financial year”, “at its next meeting”, “before the next inspection”, “within the next twelve months”, “within six months (of the publication of this report)”, or a “Timescale:” label. Dates after “issued”, “introduced”, “since” and the like are history, not deadlines, and a period counted from an event of the case (“within 48 hours of discharge”, “within ten working days of their first appointment”) is a practice standard, not a deadline. When there is no time bound the message points at any non-date standing in for one (“as soon as possible”, “urgently”, “in due course”, “ongoing”, “immediately”; list in \`src/data/recommendation-timing.json\`, extendable with \`extraNonDates\`) and offers “by [insert date]” in its place; a frequency (“annually”, “quarterly”) is pointed at without a replacement. Otherwise the recommendation’s first line is flagged and a scaffold is offered to append.` +
      PLACEHOLDER_NOTE,
    why:
      'SMART recommendations are Time-bound: a date or a period relative to a known event; “as soon as ' +
      'possible”, “in due course” and “ongoing” are known weak patterns. Primer §4.',
    primer: '§4 Recommendations: SMART, few, and tied to findings',
    defaultSeverity: 'warning',
    fixable: true,
    options: [
      {
        name: 'extraNonDates',
        type: 'string[]',
        default: [],
        description: 'More phrases that stand in for a date without being one (pointed at and offered a date placeholder).',
      },
    ],
    defaults: { extraNonDates: [] },
    examples: [
      {
        title: 'Dates, quarters, financial years and periods from a known event are left alone',
        markdown: `## Recommendations

1. The Hospital Trust will change its procedure by 31 March 2012.
2. The Named Nurse will audit compliance in Q3 2013.
3. The LSCB will include the findings in its annual report for 2013/14.
4. The Youth Offending Service should, within six months of this report, introduce a screening tool.
`,
        flags: [],
      },
      {
        title: 'Non-dates and missing dates are flagged',
        markdown: `## Recommendations

1. The Local Authority should revise its private fostering policy as soon as possible.
2. The LSCB should publish guidance on unseen men.
3. The Hospital Trust should send discharge summaries to the GP within 48 hours of discharge.
4. The Board should receive a report on the hub annually.
`,
        flags: [
          { line: 3, column: 67, message: '“as soon as possible”' },
          { line: 4, column: 4, message: 'has no deadline' },
          { line: 5, column: 4, message: 'has no deadline' },
          { line: 6, column: 49, message: 'how often' },
        ],
      },
      {
        title: 'A history date is not a deadline',
        markdown: `## Recommendations

1. Children's Social Care should apply the procedures issued in April 2010 to pre-birth assessments.
`,
        flags: [{ line: 3, message: 'has no deadline' }],
      },
    ],
  },
  ({ report, options, flag }) => {
    for (const rec of findRecommendations(report)) {
      const analysis = analyseRecommendation(report, rec, options);
      // A deadline written as a placeholder is missing, but its placeholder is reported already (template-placeholder).
      if (analysis.deadline || analysis.placeholders.deadline) continue;
      const n = rec.number;
      const data = recommendationData(report, rec, analysis);
      const nonDate = analysis.nonDates.find((d) => d.kind === 'vague') ?? analysis.nonDates[0];
      if (nonDate?.inCell && inActionPlanTable(report, rec)) continue;
      if (nonDate && nonDate.kind === 'vague') {
        flag({
          start: nonDate.start,
          end: nonDate.end,
          message: `Recommendation ${n} has no deadline: ${quote(nonDate.text)} sets no date. Add a date, or a period after a known event, ${EXAMPLES}.`,
          expected: [nonDate.inCell ? '[insert date]' : 'by [insert date]'],
          data,
          fixes: recommendationFixes(report, rec, analysis, true),
        });
      } else if (nonDate) {
        flag({
          start: nonDate.start,
          end: nonDate.end,
          message: `Recommendation ${n} says how often (${quote(nonDate.text)}) but not by when. Add the date by which it will be in place as well, ${EXAMPLES}.`,
          data,
          fixes: recommendationFixes(report, rec, analysis),
        });
      } else {
        if (rec.table && rec.table.columns.date !== undefined && inActionPlanTable(report, rec)) continue;
        const line = firstLine(report, rec);
        flag({
          start: line.start,
          end: line.end,
          message: `Recommendation ${n} has no deadline. Add a date, or a period after a known event, ${EXAMPLES}.`,
          data,
          fixes: recommendationFixes(report, rec, analysis),
        });
      }
    }
  },
);
