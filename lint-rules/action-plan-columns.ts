import { defineRule } from '../src/engine/rule.js';
import { COLUMN_NAMES, REQUIRED_COLUMNS, findActionPlans, type ColumnId } from '../src/engine/recommendations/index.js';

export default defineRule(
  {
    id: 'action-plan-columns',
    summary: 'An action plan table has reference, action, lead, target date and measure columns.',
    description:
      'Finds action plans — every table under a heading that means Action plan (“Action plan”, “Improvement ' +
      'plan”, “Implementation plan”), and any table elsewhere whose header has action-plan columns (action ' +
      'and lead, with a date, measure or recommendation column) — and maps header cells to columns by ' +
      'synonyms (`src/data/action-plan-columns.json`: “Ref”, “Rec no”, “Lead agency/officer”, “Timescale”, ' +
      '“By when”, “Outcome sought”, “Evidence”…). A column that records when an action was completed and ' +
      'its outcome (“Date of completion and outcome”) is a status column, not the measure of success. One ' +
      'message per table lists the missing columns among recommendation reference (a “Recommendation” ' +
      'column counts), action, lead, target date and measure of success.',
    why:
      'An action plan has one row per action: which recommendation it serves, what, who leads, by when, and ' +
      'how success is measured. Primer §8.',
    primer: '§8 Action plans',
    defaultSeverity: 'warning',
    fixable: false,
    options: [],
    defaults: {},
    examples: [
      {
        title: 'A complete header is left alone, with synonyms',
        markdown: `## Action plan

| Rec no | Action | Lead agency/officer | Timescale | Evidence of impact | RAG |
| --- | --- | --- | --- | --- | --- |
| 1 | Amend the missed appointment procedure | Named Nurse, Hospital Trust | 31/03/2013 | Audit of 20 cases | Amber |
`,
        flags: [],
      },
      {
        title: 'Missing lead and measure columns',
        markdown: `## Action plan

| Recommendation | Action | Target date |
| --- | --- | --- |
| 1 | Amend the missed appointment procedure | 31/03/2013 |
`,
        flags: [{ line: 3, column: 1, message: 'lead agency or officer and measure of success' }],
      },
    ],
  },
  ({ report, flag }) => {
    for (const plan of findActionPlans(report)) {
      const has = (c: ColumnId) => plan.columns[c] !== undefined || (c === 'reference' && plan.columns.recommendation !== undefined);
      const missing = REQUIRED_COLUMNS.filter((c) => !has(c));
      if (missing.length === 0) continue;
      const names = missing.map((c) => COLUMN_NAMES[c]);
      const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
      const headerRow = plan.table.node.children[0];
      flag({
        start: plan.table.start,
        end: headerRow?.position?.end.offset ?? plan.table.start,
        message: `This action plan has no ${list} column${names.length === 1 ? '' : 's'}. Add ${names.length === 1 ? 'it' : 'them'}: each action needs a recommendation reference, a lead, a target date and a measure of success.`,
        data: { missingColumns: missing, tableStart: plan.table.start },
      });
    }
  },
);
