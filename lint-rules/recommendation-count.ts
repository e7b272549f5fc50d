import { defineRule } from '../src/engine/rule.js';
import { findRecommendations, recommendationSections } from '../src/engine/recommendations/index.js';

export interface Options {
  max: number;
}

export default defineRule<Options>(
  {
    id: 'recommendation-count',
    summary: 'A report makes few recommendations (at most 10 by default).',
    description:
      'Counts the recommendations in the report (list items with their sub-points count once, as do ' +
      'numbered paragraphs and table rows under any Recommendations heading) and reports at the first ' +
      'Recommendations heading when there are more than `max` (default 10).',
    why:
      'Studies found averages near 47 recommendations per review and some above 100; boards are advised to ' +
      'keep to a few that matter, and a threshold (default 10) flags a long list. Primer §4.',
    primer: '§4 Recommendations: SMART, few, and tied to findings',
    defaultSeverity: 'warning',
    fixable: false,
    options: [{ name: 'max', type: 'number', default: 10, description: 'Most recommendations a report may make before the rule reports.' }],
    defaults: { max: 10 },
    examples: [
      {
        title: 'Three recommendations are left alone',
        markdown: `## Recommendations\n\n1. The LSCB will publish guidance by June 2013.\n2. The Trust will audit 20 cases by March 2013.\n3. The Police will revise the notification form by May 2013.\n`,
        flags: [],
      },
      {
        title: 'More than `max` recommendations',
        markdown: `## Recommendations\n\n1. The LSCB will publish guidance by June 2013.\n2. The Trust will audit 20 cases by March 2013.\n3. The Police will revise the notification form by May 2013.\n`,
        options: { max: 2 },
        flags: [{ line: 1, column: 1, message: '3 recommendations' }],
      },
    ],
  },
  ({ report, options, flag }) => {
    const recs = findRecommendations(report);
    const max = Number(options.max);
    if (!Number.isFinite(max) || recs.length <= max) return;
    const section = recommendationSections(report)[0] ?? recs[0]!.section;
    flag({
      start: section.start,
      end: section.heading.position?.end.offset ?? section.start,
      message: `This report has ${recs.length} recommendations, more than ${max}. Keep the few that matter most and follow from the findings.`,
      data: { count: recs.length, max, recommendations: recs.map((r) => ({ number: r.number, start: r.start, end: r.end })) },
    });
  },
);
