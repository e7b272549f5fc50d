import { defineRule } from '../src/engine/rule.js';
import { childContactMatch, COLUMN_TITLES, findChronologies, isBlankCell } from '../src/engine/chronology/index.js';
import { quote } from '../src/engine/text.js';

const SUGGESTIONS = ['Not recorded', 'Yes – seen alone', 'Yes – seen with parent', 'No – not seen', 'No – not brought'];

export default defineRule(
  {
    id: 'chronology-child-seen',
    summary: 'Chronology rows about contacts with the child say whether the child was seen.',
    description:
      'In a chronology table that has a column for whether the child was seen or for the child’s views ' +
      '(“Child seen”, “Seen alone”, “Child’s views”, “Wishes and feelings”), reports rows whose Event or ' +
      'Source describes a contact in which the child could have been seen — a home visit, clinic, ' +
      'appointment, assessment, school or nursery contact, an attendance at A&E, a child who was not ' +
      'brought — while that cell is blank (empty or a dash). The contact words are data (`childContact` in ' +
      '`src/data/chronology-columns.json`). Tables without such a column are left to `chronology-columns`. ' +
      'The fix offers “Not recorded” (honest when the record does not say); `data.suggestions` lists the ' +
      'usual answers for the editor.',
    why:
      'The most repeated finding of case reviews is that the child was lost from view behind the adults; ' +
      'reviews should record whether the child was seen, and seen alone, at key points, and the child’s ' +
      'wishes and feelings. A blank cell at a home visit hides exactly that. Primer §5 (child focus) and §7 ' +
      '(chronology columns).',
    primer: '§5 Child focus; §7 Chronologies',
    defaultSeverity: 'warning',
    fixable: true,
    options: [],
    defaults: {},
    examples: [
      {
        title: 'Contacts with the child-seen cell filled in, and a strategy meeting without it, are left alone',
        markdown: `## Chronology

| Date | Source | Event | Child seen / views |
| --- | --- | --- | --- |
| 03/08/2007 | HV notes | Home visit by the health visitor. | Yes – seen alone, smiling |
| 14/08/2007 | GP records | Child A was not brought to the six-week check. | No – not brought |
| 20/08/2007 | CSC records | Strategy discussion between police and social care. | |
`,
        flags: [],
      },
      {
        title: 'A home visit and a school contact with the cell blank',
        markdown: `## Chronology

| Date | Source | Event | Child seen |
| --- | --- | --- | --- |
| 03/08/2007 | CSC records | Unannounced home visit by the social worker. | |
| 10/09/2007 | School records | Class teacher noticed Child A was hungry. | – |
`,
        flags: [
          { line: 5, message: 'home visit' },
          { line: 6, message: 'school' },
        ],
      },
      {
        title: 'No column for it: nothing to check here',
        markdown: `## Chronology

| Date | Source | Event |
| --- | --- | --- |
| 03/08/2007 | CSC records | Home visit by the social worker. |
`,
        flags: [],
      },
    ],
  },
  ({ report, flag }) => {
    for (const chronology of findChronologies(report)) {
      const column = chronology.columns.childSeen;
      if (column === undefined) continue;
      const title = chronology.table.header[column]?.text || COLUMN_TITLES.childSeen;
      for (const row of chronology.rows) {
        const about = `${row.cells.event?.text ?? ''} ${row.cells.source?.text ?? ''}`;
        const contact = childContactMatch(about);
        if (!contact || !isBlankCell(row.cells.childSeen)) continue;
        const cell = row.cells.childSeen;
        flag({
          start: cell?.start ?? row.start,
          end: cell?.end ?? row.end,
          message: `The ${quote(title)} cell is blank for a contact with the child (${contact.toLowerCase()}). Say whether the child was seen, and seen alone, and what the child said or showed, or write “Not recorded”.`,
          expected: cell ? ['Not recorded'] : undefined,
          data: { column: 'childSeen', suggestions: SUGGESTIONS, ...(cell ? { cell: { start: cell.start, end: cell.end } } : {}) },
        });
      }
    }
  },
);
