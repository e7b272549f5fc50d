import { defineRule } from '../src/engine/rule.js';
import { BUILT_IN_PROFILES } from '../src/engine/profiles.js';
import {
  addChronologyColumns,
  COLUMN_TITLES,
  findChronologies,
  sourceAgencyFamilies,
  type ChronologyColumn,
} from '../src/engine/chronology/index.js';

interface Options {
  columns: string[];
  /** Unset: each report type's profile says (`multiAgency`). */
  multiAgencyTypes?: string[];
}

const WHAT: Record<string, string> = {
  date: 'a Date column (when each event happened, day first: 03/08/2007)',
  time: 'a Time column',
  agency: 'an Agency column (the agency for each row)',
  source: 'a Source column (the record or person each entry comes from, such as “GP records” or “Health ' + 'visitor’s notes”)',
  event: 'an Event column (what happened, factually and in plain English)',
  childSeen: 'a Child seen / child’s views column (whether the child was seen, seen alone, and what the child said)',
  action: 'an Action / outcome column',
  significance: 'a Significance column (the impact on the child)',
  note: 'a Note column',
};

function article(title: string): string {
  return /^[aeiou]/i.test(title) ? 'an' : 'a';
}

export default defineRule<Options>(
  {
    id: 'chronology-columns',
    summary: 'Chronology tables have Date, Source and Event columns, and an Agency column when they are multi-agency.',
    description:
      'Finds chronology tables — any table under a heading that means chronology, timeline, summary of ' +
      'events or facts, with a Date column or an Event column plus another chronology column; and any table ' +
      'anywhere with both a Date and an Event column — and maps their header cells by meaning (“Date of ' +
      'contact”, “Source of information”, “Details of event”, “Child seen / views”; the synonyms are data ' +
      'in `src/data/chronology-columns.json`). A table without a Date, Source or Event column is reported ' +
      '(the list is the `columns` option). An Agency column is expected too when the chronology is ' +
      'multi-agency: in a report type whose profile says it is multi-agency (every built-in type but the ' +
      'IMR; the `multiAgencyTypes` option can say otherwise), and in any report whose Source cells name ' +
      'more than one kind of agency (police and health, say). Each message carries the table re-written ' +
      'with the missing column added, empty, in its usual place.',
    why:
      'A chronology’s typical columns are Date, Agency, Source, Event, Child seen / views, Action and ' +
      'Significance; a multi-agency chronology merges agency chronologies and adds the agency to each row. ' +
      'Without a source an entry cannot be checked; without an agency a reader of an integrated chronology ' +
      'cannot tell who knew what. Primer §7.',
    primer: '§7 Chronologies',
    defaultSeverity: 'warning',
    fixable: true,
    options: [
      {
        name: 'columns',
        type: 'string[]',
        default: ['date', 'source', 'event'],
        description: 'Columns every chronology table needs (ids: date, time, agency, source, event, childSeen, action, ' + 'significance).',
      },
      {
        name: 'multiAgencyTypes',
        type: 'string[]',
        default: BUILT_IN_PROFILES.filter((p) => p.multiAgency).map((p) => p.id),
        description:
          'Report types whose chronologies are multi-agency and need an Agency column. Left unset, each report ' +
          'type’s profile says (`multiAgency`: the built-in types shown, and a board’s own types that say so); ' +
          'set, this list is used instead.',
      },
    ],
    defaults: { columns: ['date', 'source', 'event'] },
    examples: [
      {
        title: 'An IMR chronology with Date, Source and Event is left alone (one agency: no Agency column needed)',
        markdown: `---
report-type: imr
agency: Northshire Health Visiting Service
---
## Chronology

| Date | Source | Event | Child seen |
| --- | --- | --- | --- |
| 03/08/2007 | HV records | New birth visit by the health visitor. | Yes |
`,
        flags: [],
      },
      {
        title: 'An overview report’s integrated chronology with an Agency column is left alone',
        markdown: `---
report-type: overview
---
## Integrated chronology

| Date | Agency | Source | Event |
| --- | --- | --- | --- |
| 03/08/2007 | Health Visiting | HV records | New birth visit. |
| 09/08/2007 | Police | Incident log | Domestic abuse incident at the home. |
`,
        flags: [],
      },
      {
        title: 'A chronology without a Source column',
        markdown: `---
report-type: imr
---
## Chronology of involvement

| Date | Event |
| --- | --- |
| 03/08/2007 | Home visit by the social worker. |
`,
        flags: [{ line: 6, message: 'Source column' }],
      },
      {
        title: 'An overview report’s chronology without an Agency column',
        markdown: `---
report-type: overview
---
## Summary of events

| Date | Source | Event |
| --- | --- | --- |
| 03/08/2007 | GP records | Child A seen by the GP with a rash. |
`,
        flags: [{ line: 6, message: 'Agency column' }],
      },
      {
        title: 'An IMR table whose sources name several agencies needs an Agency column',
        markdown: `---
report-type: imr
---
## Chronology

| Date | Source | Event |
| --- | --- | --- |
| 03/08/2007 | Police incident log | Officers attended the home. |
| 04/08/2007 | School records | Child A arrived late and hungry. |
`,
        flags: [{ line: 6, message: 'mix agencies' }],
      },
      {
        title: 'A table elsewhere with Date and Event columns is a chronology too; an action plan is not',
        markdown: `---
report-type: imr
---
## Analysis

| Date | Event |
| --- | --- |
| 03/08/2007 | Strategy discussion. |

## Action plan

| Recommendation | Action | Lead | Target date |
| --- | --- | --- | --- |
| 1 | Audit missed appointments | Named nurse | 31/03/2012 |
`,
        flags: [{ line: 6, message: 'Source' }],
      },
    ],
  },
  ({ report, options, flag }) => {
    for (const chronology of findChronologies(report)) {
      const headerEnd = chronology.table.node.children[0]?.position?.end.offset ?? chronology.start;
      const missing = options.columns.filter(
        (c): c is ChronologyColumn => c in COLUMN_TITLES && chronology.columns[c as ChronologyColumn] === undefined,
      );
      let mixed: string[] = [];
      if (chronology.columns.agency === undefined && !missing.includes('agency')) {
        mixed = sourceAgencyFamilies(chronology);
        const multiAgency = options.multiAgencyTypes ? options.multiAgencyTypes.includes(report.type) : report.profile.multiAgency;
        if (multiAgency || mixed.length >= 2) missing.push('agency');
      }
      for (const column of missing) {
        const title = COLUMN_TITLES[column];
        const multi =
          column === 'agency'
            ? mixed.length >= 2
              ? ` (its sources mix agencies: ${mixed.join(', ').replace(/-/g, ' ')})`
              : ` (a multi-agency chronology in ${article(report.profile.title)} ${report.profile.title.toLowerCase()})`
            : '';
        const withColumn = addChronologyColumns(report.text, chronology, [column]);
        flag({
          start: chronology.start,
          end: headerEnd,
          message: `This chronology has no ${title} column${multi}. Add ${WHAT[column]}.`,
          data: { column },
          // A new empty column for the author to fill in: a scaffold, not applied by a whole-file fix.
          ...(withColumn
            ? { fixes: [{ title: `Add a “${title}” column`, changes: [withColumn], preferred: true, mechanical: true, scaffold: true }] }
            : {}),
        });
      }
    }
  },
);
