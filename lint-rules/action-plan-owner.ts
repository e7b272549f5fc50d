import { defineRule } from '../src/engine/rule.js';
import { PLACEHOLDER_NOTE } from '../src/engine/placeholders.js';
import { planColumnCells } from '../src/engine/action-plan-cells.js';
import { findOwners, isNonCommittal } from '../src/engine/recommendations/index.js';
import { normalizePhrase, quote } from '../src/engine/text.js';

/**
 * The different bodies a lead cell names in separate entries (split at “;” and line
 * breaks), when there are two or more: “Named Nurse, the Trust; Head of Service,
 * Children's Social Care”. One entry naming an officer and their body is one lead.
 */
function separateLeads(source: string): string[] {
  const entries = source.split(/;|<br\s*\/?>|\n/i).filter((e) => e.trim());
  if (entries.length < 2) return [];
  const bodies: string[] = [];
  for (const entry of entries) {
    const body = findOwners(entry).find((o) => o.kind === 'body');
    if (!body) return [];
    bodies.push(body.text.replace(/\s+/g, ' ').trim());
  }
  const distinct = [...new Map(bodies.map((b) => [normalizePhrase(b), b])).values()];
  return distinct.length >= 2 ? distinct : [];
}

export default defineRule(
  {
    id: 'action-plan-owner',
    summary: 'Every action plan row names one lead.',
    description:
      'In each action plan’s lead column (“Lead”, “Lead agency/officer”, “Responsible”, “Owner”…), flags an ' +
      'empty cell and a non-committal one: “TBC”, “TBA”, “N/A”, “-”, “all agencies”, “partner agencies”, ' +
      '“everyone”, “all staff”, “ongoing” (list in `src/data/action-plan-columns.json`). “As above” and ' +
      'ditto marks take the lead of the row above. A cell that names two or more organisations in separate ' +
      'entries (split at “;” or a line break: “Head of Quality, the Trust; Chief Nurse, the CCG”) is ' +
      'flagged too: one action, one lead. A template’s guidance row (cells that ask what to write, “Who ' +
      'will lead?”) and a row that only heads a group of actions (“Record keeping”) are not actions. Tables ' +
      'without a lead column are left to action-plan-columns.' +
      PLACEHOLDER_NOTE,
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
          { line: 7, message: 'no lead' },
        ],
      },
      {
        title: 'A template’s guidance row (what to write in each column) and a row heading a group of actions are ' + 'not actions',
        markdown: `## Action plan

| Recommendation | Action | Lead | Target date | Measure of success |
| --- | --- | --- | --- | --- |
| What does the review recommend? | What will be done? |  |  | How will we know it worked? |
| Record keeping |  |  |  |  |
| 1. Record the household’s adults | Add a field to the record | Named Nurse, Hospital Trust | 31/03/2013 | Audit of 20 records |
`,
        flags: [],
      },
      {
        title: 'Two leads of two organisations in one cell',
        markdown: `## Action plan

| Ref | Action | Lead | Target date | Measure |
| --- | --- | --- | --- | --- |
| 1 | Rewrite the referral protocol | Head of Quality, Northshire Hospital Trust; Chief Nurse, Northshire Clinical Commissioning Group | 31/03/2013 | Audit of 20 referrals |
`,
        flags: [{ line: 5, column: 39, message: 'two leads' }],
      },
    ],
  },
  ({ report, flag }) => {
    for (const { cell, raw, span } of planColumnCells(report, 'lead')) {
      if (!cell.text) {
        flag({ start: span.start, end: span.end, message: 'This action has no lead. Name the one agency or officer who leads it.' });
      } else if (isNonCommittal(cell.text, 'lead')) {
        flag({
          start: span.start,
          end: span.end,
          message: `${quote(cell.text)} does not name a lead. Name the one agency or officer who leads this action.`,
        });
      } else if (cell === raw) {
        const leads = separateLeads(span.text);
        if (leads.length > 0) {
          const list = `${leads.slice(0, -1).join(', ')} and ${leads[leads.length - 1]}`;
          flag({
            start: span.start,
            end: span.end,
            message: `This action has ${leads.length === 2 ? 'two' : leads.length} leads (${list}). Name one agency or officer to lead it, and list the others as partners in the action.`,
            data: { leads },
          });
        }
      }
    }
  },
);
