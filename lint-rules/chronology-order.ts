import { defineRule } from '../src/engine/rule.js';
import type { Fix } from '../src/engine/fixes.js';
import { checkOrder, findChronologies, rewriteTableRows, type ChronologyRow } from '../src/engine/chronology/index.js';

function dated(row: ChronologyRow): string {
  return row.date ? row.date.text.trim() : 'undated';
}

export default defineRule(
  {
    id: 'chronology-order',
    summary: 'Chronology rows are in date order.',
    description: `Compares the dates of a chronology’s rows (tables found as in \`chronology-columns\`, dates read as in \`chronology-date\`), and on the same day their times (from the date cell or a Time column; a row without a time keeps the time of the row above on that day). Only the rows that are out of place are reported — those outside the longest run of rows already in date order — so one misplaced row gives one message, not one for every row after it; consecutive misplaced rows that belong in the same place give one message. A month or year given without a day (“March 2007”) is reported only when it cannot fall between its neighbours. Rows with an uncertain date (“?12/03/2007”, “c. June 2007”), no date or an impossible date are never reported: they keep their place after the row they follow.

Each message offers a fix, “Sort the chronology by date”, that replaces the whole table with its rows sorted by date — a stable sort, uncertain and undated rows moving with the row above them; it is the one right answer, so Fix all and the command line's \`--fix\` apply it. Each row’s line is kept exactly as written (cell widths, alignment row, blockquote prefix); only the order of the lines changes.`,
    why:
      'Entries in a chronology are in date order, and the date is when the event happened, not when it was ' +
      'recorded; an entry out of order hides the sequence that the analysis depends on (who knew what, and ' +
      'when). Primer §7.',
    primer: '§7 Chronologies',
    defaultSeverity: 'warning',
    fixable: true,
    options: [],
    defaults: {},
    examples: [
      {
        title: 'Rows in date order (times on the same day, an uncertain row and a month) are left alone',
        markdown: `## Chronology

| Date | Time | Source | Event |
| --- | --- | --- | --- |
| 03/08/2007 | 09:00 | HV notes | New birth visit. |
| 03/08/2007 | 14:30 | GP records | Mother phoned the surgery. |
| ?01/08/2007 | | Mother's account | Mr B moved in. |
| September 2007 | | School records | Sibling started nursery. |
| 12/10/2007 – 15/10/2007 | | Ward notes | Child A admitted. |
`,
        flags: [],
      },
      {
        title: 'One row out of place is reported once, not every row after it',
        markdown: `## Chronology

| Date | Source | Event |
| --- | --- | --- |
| 03/08/2007 | HV notes | New birth visit. |
| 14/11/2007 | GP records | Eight-week check. |
| 10/08/2007 | HV notes | Second visit. |
| 20/08/2007 | HV notes | Third visit. |
| 02/09/2007 | Police log | Domestic abuse incident. |
`,
        flags: [{ line: 6, message: 'move it to the end' }],
      },
      {
        title: 'Two swapped rows: the later one is reported',
        markdown: `## Chronology

| Date | Source | Event |
| --- | --- | --- |
| 03/08/2007 | HV notes | New birth visit. |
| 20/08/2007 | HV notes | Third visit. |
| 10/08/2007 | HV notes | Second visit. |
`,
        flags: [{ line: 7, message: 'before the entry dated 20/08/2007' }],
      },
      {
        title: 'Times on the same day count',
        markdown: `## Chronology

| Date | Source | Event |
| --- | --- | --- |
| 09/08/2007 22:10 | Police log | Officers attended the home. |
| 09/08/2007 21:40 | Police log | 999 call from a neighbour. |
`,
        flags: [{ line: 6, message: '21:40' }],
      },
    ],
  },
  ({ report, flag }) => {
    for (const chronology of findChronologies(report)) {
      if (chronology.columns.date === undefined) continue;
      const { problems, sorted, changed } = checkOrder(chronology.rows);
      if (problems.length === 0) continue;
      const sortedTable = changed ? rewriteTableRows(report.text, chronology, sorted) : undefined;
      const sortFix: Fix | undefined = sortedTable
        ? { title: 'Sort the chronology by date', changes: [sortedTable], preferred: true, mechanical: true }
        : undefined;
      for (const problem of problems) {
        const first = problem.rows[0]!;
        const last = problem.rows[problem.rows.length - 1]!;
        const what =
          problem.rows.length === 1
            ? `entry dated ${dated(first)}`
            : `${problem.rows.length} entries dated ${dated(first)} to ${dated(last)}`;
        const pronoun = problem.rows.length === 1 ? 'it' : 'them';
        const target = problem.before ?? problem.after;
        const move = problem.before
          ? `Move ${pronoun} before the entry dated ${dated(problem.before)} (line ${report.toPoint(problem.before.start).line})`
          : problem.after
            ? `Move ${pronoun} to the end, after the entry dated ${dated(problem.after)} (line ${report.toPoint(problem.after.start).line})`
            : `Put ${pronoun} in date order`;
        flag({
          start: first.start,
          end: last.end,
          message: `The ${what} ${problem.rows.length === 1 ? 'is' : 'are'} out of date order. ${move}.`,
          data: {
            rows: problem.rows.map((r) => r.index),
            ...(target ? { targetRow: target.index } : {}),
          },
          ...(sortFix ? { fixes: [sortFix] } : {}),
        });
      }
    }
  },
);
