import { defineRule } from '../src/engine/rule.js';
import { PLACEHOLDER_NOTE } from '../src/engine/placeholders.js';
import { planColumnCells } from '../src/engine/action-plan-cells.js';
import { isNonCommittal } from '../src/engine/recommendations/index.js';
import { quote } from '../src/engine/text.js';

export default defineRule(
  {
    id: 'action-plan-measure',
    summary: 'Every action plan row says how success will be measured.',
    description:
      'In each action plan’s measure column (“Measure of success”, “Outcome sought”, “Evidence”, “Success ' +
      'criteria”…), flags an empty cell and one that measures nothing: “TBC”, “N/A”, “-”, “ongoing”, ' +
      '“completed”, “yes”, “in place”, “policy signed off” (list in `src/data/action-plan-columns.json`). ' +
      '“As above” takes the row above. Tables without a measure column are left to action-plan-columns.' +
      PLACEHOLDER_NOTE,
    why:
      'Each action says how success is measured, ideally an outcome for children, not just “policy signed ' +
      'off”. Primer §8 and §4 “Measurable”.',
    primer: '§8 Action plans',
    defaultSeverity: 'warning',
    fixable: false,
    options: [],
    defaults: {},
    examples: [
      {
        title: 'Evidence and outcomes are left alone',
        markdown: `## Action plan

| Ref | Action | Lead | Target date | Outcome sought |
| --- | --- | --- | --- | --- |
| 1 | Amend the procedure | Named Nurse | 31/03/2013 | Audit of 20 cases shows a call to the health visitor within two days |
`,
        flags: [],
      },
      {
        title: 'Empty and non-committal measures',
        markdown: `## Action plan

| Ref | Action | Lead | Target date | Outcome sought |
| --- | --- | --- | --- | --- |
| 1 | Amend the procedure | Named Nurse | 31/03/2013 | Policy signed off |
| 2 | Train ward staff | Named Nurse | 30/06/2013 |  |
`,
        flags: [
          { line: 5, column: 56, message: '“Policy signed off”' },
          { line: 6, message: 'no measure of success' },
        ],
      },
      {
        title: 'A column for the date of completion and its outcome is filled in afterwards: it is not the measure ' + 'of success',
        markdown: `## Action plan

| Ref | Action | Lead | Target date | Evidence of impact | Date of completion and outcome |
| --- | --- | --- | --- | --- | --- |
| 1 | Amend the procedure | Named Nurse | 31/03/2013 | Audit of 20 cases |  |
`,
        flags: [],
      },
    ],
  },
  ({ report, flag }) => {
    for (const { cell, span } of planColumnCells(report, 'measure')) {
      if (!cell.text) {
        flag({
          start: span.start,
          end: span.end,
          message:
            'This action has no measure of success. Say what will show it worked, such as an audit result, a ' +
            'figure or an outcome for children.',
        });
      } else if (isNonCommittal(cell.text, 'measure')) {
        flag({
          start: span.start,
          end: span.end,
          message: `${quote(cell.text)} does not say how success will be measured. Say what will show the action worked, such as an audit result, a figure or an outcome for children.`,
        });
      }
    }
  },
);
