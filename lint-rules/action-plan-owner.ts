import { defineRule } from '../src/engine/rule.js';
import { planColumnCells } from '../src/engine/action-plan-cells.js';
import { isNonCommittal } from '../src/engine/recommendations.js';
import { quote } from '../src/engine/text.js';

export default defineRule(
  {
    id: 'action-plan-owner',
    summary: 'Every action plan row names one lead.',
    description:
      'In each action plan’s lead column (“Lead”, “Lead agency/officer”, “Responsible”, “Owner”…), flags an empty cell and a non-committal one: “TBC”, “TBA”, “N/A”, “-”, “all agencies”, “partner agencies”, “everyone”, “all staff”, “ongoing” (list in `src/data/action-plan-columns.json`). “As above” and ditto marks take the lead of the row above. Tables without a lead column are left to action-plan-columns.',
    why: 'Every action names one lead; “all agencies” owns nothing. Primer §8 (and §4 “Assigned”).',
    primer: '§8 Action plans',
    defaultSeverity: 'warning',
    fixable: false,
    options: [],
    defaults: {},
    examples: [
      {
        title: 'Named leads and “as above” are left alone',
        markdown: `## Action plan

| Ref | Action | Lead | Target date | Measure |
| --- | --- | --- | --- | --- |
| 1 | Amend the procedure | Named Nurse, Hospital Trust | 31/03/2013 | Audit of 20 cases |
| 1 | Train ward staff | As above | 30/06/2013 | 90% of staff trained |
`,
        flags: [],
      },
      {
        title: 'Empty and non-committal leads',
        markdown: `## Action plan

| Ref | Action | Lead | Target date | Measure |
| --- | --- | --- | --- | --- |
| 1 | Amend the procedure | TBC | 31/03/2013 | Audit of 20 cases |
| 2 | Re-launch the escalation policy | All agencies | 30/06/2013 | Audit of escalations |
| 3 | Publish guidance on unseen men |  | 30/09/2013 | Survey of practitioners |
`,
        flags: [
          { line: 5, column: 29, message: '“TBC”' },
          { line: 6, column: 41, message: '“All agencies”' },
          { line: 7, message: 'empty lead' },
        ],
      },
    ],
  },
  ({ report, flag }) => {
    for (const { cell, span } of planColumnCells(report, 'lead')) {
      if (!cell.text) {
        flag({ start: span.start, end: span.end, message: 'Unexpected empty lead in the action plan, expected one named agency or officer who leads this action' });
      } else if (isNonCommittal(cell.text, 'lead')) {
        flag({ start: span.start, end: span.end, message: `Unexpected ${quote(cell.text)} as the lead in the action plan, expected one named agency or officer who leads this action` });
      }
    }
  },
);
