import { defineRule } from '../src/engine/rule.js';
import { dateEndKey, dateKey, describeBadDate } from '../src/engine/dates.js';
import { maskMarkup } from '../src/engine/blocks.js';
import { termsOfReference } from '../src/engine/tor.js';
import type { Report } from '../src/engine/report.js';
import { findChronologies, frontMatterPeriod, normaliseDate, type DateValue, type ReviewPeriod } from '../src/engine/chronology/index.js';
import { findPeriod } from '../src/engine/tor.js';

interface Options {
  period: boolean;
  twoDigitYears: boolean;
  emptyDates: boolean;
}

/** The period under review: from the terms of reference, else front matter `period-start` / `period-end`. */
export function reviewPeriod(report: Report): ReviewPeriod | undefined {
  const tor = termsOfReference(report);
  for (const block of tor?.blocks ?? []) {
    const period = findPeriod(maskMarkup(block.source));
    if (!period) continue;
    const startKey = dateKey(period.start);
    const endKey = dateEndKey(period.end);
    if (startKey > endKey) break;
    return { startKey, endKey, startText: period.start.text, endText: period.end.text, from: 'terms-of-reference' };
  }
  return frontMatterPeriod(report);
}

/** What a real date would be, for the message about an impossible one. */
/** Why a date is impossible, as a parenthesis for the message (“ (there is no month 13)”), or nothing. */
function impossibleReason(v: DateValue): string {
  if (v.month === undefined) return '';
  return ` (${describeBadDate({ year: v.year, month: v.month, day: v.day })})`;
}

export default defineRule<Options>(
  {
    id: 'chronology-date',
    summary: 'Chronology dates read as UK day-first dates, are real, are written one way, and fall within the ' + 'period under review.',
    description: `Reads the Date cell of every chronology row (tables found as in \`chronology-columns\`). Accepted: a day-first date (03/08/2007, 3.8.2007, 2007-08-03, 3 August 2007, 3rd Aug 2007), a month or a year alone (August 2007, 2005), with an optional weekday and time (Tuesday 3 August 2007 at 14:30), a range (12/03/2007 – 15/03/2007, 12–15 March 2007), and an uncertain date marked with a leading “?”, “c.”, “circa”, “approx.”, “w/c”, “early”, “mid”, “late”, an unknown day (?/03/2007) or a trailing “?”. “Unknown” or “n/k” says the date is not known and is accepted. Reported:

- a date that does not read as a date (“Summer 2007”, “2007/08/03”);
- an **ambiguous** date. UK dates are day first, so a numeric date is ambiguous when it only makes sense month first — its second field is 13 to 31 and its first 12 or less (08/31/2007 is 31 August written the American way; the fix offers 31/08/2007) — or when its year has two digits (03/08/07: the century is a guess, and two-digit years are how month-first and year-first exports are misread; an info, with the four-digit year offered);
- an impossible date (31/02/2008, 12/13/2007), and a range that ends before it starts;
- a date written in a different form from most dates in the same table (3 August 2007 in a table of 03/08/2007), with the date re-written in the table’s usual form offered as the fix; zero-padding is not a difference;
- a certain date outside the period under review, taken from the terms of reference (“from 1 March 2007 to 3 August 2008”) or else from front matter \`period-start\` / \`period-end\` (a typo in the year, or background history that belongs in the background section). Uncertain dates are not checked against the period.

A blank Date cell is an info: sorting a chronology loses the meaning of a blank that stood for “same day as above”.`,
    why:
      'Entries are in date order and the date is when the event happened; an uncertain date is marked; UK ' +
      'dates are day first (03/08/2007 is 3 August 2007). A misread date puts an event in the wrong place ' +
      'in the story and breaks the merge of agency chronologies. Primer §7; the period under review comes ' +
      'from the terms of reference (§3).',
    primer: '§7 Chronologies; §3 Terms of reference',
    defaultSeverity: 'warning',
    fixable: true,
    options: [
      { name: 'period', type: 'boolean', default: true, description: 'Report certain dates outside the period under review.' },
      { name: 'twoDigitYears', type: 'boolean', default: false, description: 'Accept two-digit years (03/08/07) without an info.' },
      { name: 'emptyDates', type: 'boolean', default: true, description: 'Report rows whose Date cell is blank (an info).' },
    ],
    defaults: { period: true, twoDigitYears: false, emptyDates: true },
    examples: [
      {
        title: 'Day-first dates, an uncertain date, a range and an unknown date are left alone',
        markdown: `## Terms of reference

The review covers the period from 1 March 2007 to 3 August 2008.

## Chronology

| Date | Source | Event |
| --- | --- | --- |
| 03/03/2007 | GP records | Mother registered with the practice. |
| ?12/03/2007 | HV notes | Health visitor thinks a visit was made. |
| 12/03/2007 – 15/03/2007 | Ward notes | Child A admitted with bronchiolitis. |
| c. June 2007 | Mother's account | Mr B moved into the household. |
| Unknown | School records | Referral form undated. |
`,
        flags: [],
      },
      {
        title: 'A date that does not read, a month-first date and an impossible date',
        markdown: `## Chronology

| Date | Source | Event |
| --- | --- | --- |
| Summer 2007 | Police log | Neighbour reported shouting. |
| 08/31/2007 | GP records | Child A seen with a bruise. |
| 31/02/2008 | HV notes | Home visit. |
`,
        flags: [
          { line: 5, message: 'does not read as a date' },
          { line: 6, message: '31/08/2007' },
          { line: 7, message: 'not a real date' },
        ],
      },
      {
        title: 'A date written differently from the rest of the table, and a two-digit year',
        markdown: `## Chronology

| Date | Source | Event |
| --- | --- | --- |
| 03/08/2007 | HV notes | New birth visit. |
| 14/08/2007 | GP records | Six-week check. |
| 3 September 2007 | HV notes | Mother did not answer the door. |
| 21/09/07 | GP records | Child A was not brought to the appointment. |
`,
        flags: [
          { line: 7, message: '“03/09/2007”' },
          { line: 8, severity: 'info', message: 'two-digit year' },
        ],
      },
      {
        title: 'A date outside the period in the terms of reference (a typo in the year)',
        markdown: `## Terms of reference

The review covers the period from 1 March 2007 to 3 August 2008.

## Chronology

| Date | Source | Event |
| --- | --- | --- |
| 03/08/2007 | HV notes | New birth visit. |
| 14/08/2009 | GP records | Six-week check. |
`,
        flags: [{ line: 10, message: 'outside the period under review' }],
      },
      {
        title: 'The period from front matter is used when the terms of reference give none',
        markdown: `---
period-start: 2007-03-01
period-end: 2008-08-03
---
## Chronology

| Date | Source | Event |
| --- | --- | --- |
| 03/08/2006 | GP records | Child A's sibling seen for a cough. |
`,
        flags: [{ line: 9, message: 'front matter' }],
      },
    ],
  },
  ({ report, options, flag }) => {
    const period = options.period ? reviewPeriod(report) : undefined;
    for (const chronology of findChronologies(report)) {
      if (chronology.columns.date === undefined) continue;
      const usual = chronology.dateFormat;
      const familyCount = new Map<string, number>();
      for (const r of chronology.rows) {
        for (const v of [r.date?.from, r.date?.to]) {
          if (v && v.valid && v.precision === 'day') familyCount.set(v.family, (familyCount.get(v.family) ?? 0) + 1);
        }
      }
      for (const row of chronology.rows) {
        const cell = row.cells.date;
        if (row.dateState === 'empty') {
          if (!options.emptyDates) continue;
          const at = cell?.start ?? row.start;
          flag({
            start: at,
            end: cell?.end ?? row.end,
            severity: 'info',
            message:
              'This row has no date. Give the date the event happened: repeat a date rather than leave the cell ' +
              'blank, or write “Unknown”.',
          });
          continue;
        }
        if (row.dateState === 'unparsed' && cell) {
          flag({
            start: cell.start,
            end: cell.end,
            message: `“${cell.text}” does not read as a date. Write a day-first date such as 03/08/2007 or 3 August 2007; mark an uncertain one “c. June 2007” or “?03/08/2007”, or write “Unknown”.`,
          });
          continue;
        }
        const date = row.date;
        if (!date) continue;
        let faulty = false;
        for (const v of [date.from, date.to]) {
          if (!v || (v === date.from && date.shorthand && v.valid)) continue;
          const range = {
            start: date.shorthand && v === date.from ? date.from.start : v.start,
            end: date.shorthand ? date.to!.end : v.end,
          };
          const pattern = usual && usual.family === v.family ? usual.pattern : v.pattern;
          if (v.monthFirst) {
            faulty = true;
            const swapped = { year: v.year, month: v.day!, day: v.month! };
            flag({
              ...range,
              message: `“${v.text}” is written month first. Write the UK day-first “${normaliseDate(swapped, v.pattern)}” (${normaliseDate(swapped, 'd MMMM yyyy')}).`,
              expected: [normaliseDate(swapped, pattern)],
            });
          } else if (!v.valid) {
            faulty = true;
            flag({
              ...range,
              message: `“${date.shorthand ? date.text : v.text}” is not a real date${impossibleReason(v)}. Check the day and the month.`,
            });
          } else if (v.twoDigitYear && !options.twoDigitYears) {
            const target =
              usual && usual.family !== v.family && usual.pattern.includes('yyyy') ? usual.pattern : v.pattern.replace(/yy$/, 'yyyy');
            flag({
              ...range,
              severity: 'info',
              message: `“${v.text}” has a two-digit year. Write the year in full (“${normaliseDate(v, target)}”) so that the century is not a guess.`,
              expected: [normaliseDate(v, target)],
            });
          } else if (
            usual &&
            v.precision === 'day' &&
            v.family !== usual.family &&
            v.family !== 'day' &&
            (familyCount.get(v.family) ?? 0) < usual.count
          ) {
            const written = normaliseDate(v, usual.pattern);
            flag({
              ...range,
              message: `“${v.text}” is written differently from most dates in this table (${usual.pattern}). Write it as “${written}”.`,
              expected: [written],
            });
          }
        }
        if (faulty) continue;
        if (date.to && date.to.valid && date.from.valid && date.endKey < date.key) {
          flag({
            start: date.from.start,
            end: date.to.end,
            message: `The date range “${date.text}” ends before it starts. Put the earlier date first.`,
            expected: [`${date.to.text} – ${date.from.text}`],
          });
          continue;
        }
        if (period && !date.uncertain && (date.endKey < period.startKey || date.key > period.endKey)) {
          const where = period.from === 'terms-of-reference' ? 'the terms of reference' : 'front matter';
          flag({
            start: date.start,
            end: date.end,
            message: `“${date.text}” is outside the period under review (${period.startText} to ${period.endText}, from ${where}). Check the year, or move the entry to the background history.`,
          });
        }
      }
    }
  },
);
