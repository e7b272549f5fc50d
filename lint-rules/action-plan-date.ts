import { defineRule } from '../src/engine/rule.js';
import { PLACEHOLDER_NOTE } from '../src/engine/placeholders.js';
import { planColumnCells } from '../src/engine/action-plan-cells.js';
import { findNonDates, findTimeBounds, isNonCommittal, reportDateKey, saysCompleted } from '../src/engine/recommendations/index.js';
import { quote } from '../src/engine/text.js';

const FORMS = 'such as “31/03/2013”, “March 2013”, “Q3 2013” or “2013/14”';

export default defineRule(
  {
    id: 'action-plan-date',
    summary: 'Every action plan row has a real target date after the report’s date.',
    description:
      'In each action plan’s target date column (“Target date”, “Timescale”, “By when”, “Deadline”…), flags ' +
      'an empty cell; a non-committal one (“ongoing”, “TBC”, “ASAP”, “immediate”, “annually”); one that ' +
      'does not read as a date, month, quarter, financial year, year or period; an impossible date ' +
      '(“31/02/2013”); and a date that falls before the report’s own date (front matter `report-date`, else ' +
      '`date`) unless the row’s status or date says the action is completed. Dates are UK day-first. “As ' +
      'above” takes the row above. Tables without a date column are left to action-plan-columns.' +
      PLACEHOLDER_NOTE,
    why:
      'Every action names one date; a date already past when the report is signed off, or one that cannot ' +
      'be read, cannot be monitored. Primer §8 (and §4 “Time-bound”).',
    primer: '§8 Action plans',
    defaultSeverity: 'warning',
    fixable: true,
    options: [],
    defaults: {},
    examples: [
      {
        title: 'Dates, quarters, financial years and completed past actions are left alone',
        markdown: `---
report-date: 2012-05-01
---

## Action plan

| Ref | Action | Lead | Target date | Measure | Status |
| --- | --- | --- | --- | --- | --- |
| 1 | Amend the procedure | Named Nurse | 31/03/2013 | Audit of 20 cases | Amber |
| 2 | Train ward staff | Named Nurse | Q3 2012/13 | 90% trained | Red |
| 3 | Issue a briefing | Board Manager | March 2012 | Briefing issued to 200 staff | Completed |
`,
        flags: [],
      },
      {
        title: 'Non-committal, unreadable, impossible and past dates',
        markdown: `---
report-date: 2012-05-01
---

## Action plan

| Ref | Action | Lead | Target date | Measure |
| --- | --- | --- | --- | --- |
| 1 | Amend the procedure | Named Nurse | Ongoing | Audit of 20 cases |
| 2 | Train ward staff | Named Nurse | when the new manager starts | 90% trained |
| 3 | Issue a briefing | Board Manager | 31/02/2013 | Briefing issued |
| 4 | Audit referrals | Designated Nurse | January 2012 | Audit report to the Board |
`,
        flags: [
          { line: 9, column: 43, message: '“Ongoing”' },
          { line: 10, column: 40, message: 'does not read as a date' },
          { line: 11, column: 42, message: 'not a real calendar date' },
          { line: 12, column: 44, message: 'before the report' },
        ],
      },
    ],
  },
  ({ report, flag }) => {
    const reportDate = reportDateKey(report);
    for (const { row, cell, span } of planColumnCells(report, 'date')) {
      const text = cell.text;
      if (!text) {
        flag({
          start: span.start,
          end: span.end,
          message: `This action has no target date. Add the date by which it will be done, ${FORMS}.`,
          expected: ['[insert date]'],
        });
        continue;
      }
      const status = row.cells.status?.text ?? '';
      const done = saysCompleted(status) || saysCompleted(text);
      const bounds = findTimeBounds(text, { cell: true });
      if (bounds.length === 0) {
        if (done) continue;
        const nonCommittal = isNonCommittal(text, 'date') || findNonDates(text).length > 0;
        flag({
          start: span.start,
          end: span.end,
          message: nonCommittal
            ? `${quote(text)} is not a target date. Give the date by which the action will be done, ${FORMS}.`
            : `The target date ${quote(text)} does not read as a date. Write a date, month, quarter or period, ${FORMS}.`,
          expected: ['[insert date]'],
        });
        continue;
      }
      const invalid = bounds.find((b) => b.date && !b.date.valid);
      if (invalid) {
        flag({
          start: span.start,
          end: span.end,
          message: `The target date ${quote(invalid.text)} is not a real calendar date. Check the day and the month.`,
          expected: ['[insert date]'],
        });
        continue;
      }
      const latest = Math.max(...bounds.map((b) => b.endKey ?? Number.POSITIVE_INFINITY));
      if (reportDate && Number.isFinite(latest) && latest < reportDate.key && !done) {
        flag({
          start: span.start,
          end: span.end,
          message: `The target date ${quote(text)} is before the report’s date (${reportDate.text}). Give a later date, or mark the action as completed.`,
        });
      }
    }
  },
);
