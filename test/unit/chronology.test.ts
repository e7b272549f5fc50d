/**
 * Chronologies (primer §7): the engine module (finding tables, reading dates,
 * sorting, normalising, timeline data), the chronology-* rules' fixes, and the
 * merge of IMR chronologies. Every table is invented; names are pseudonyms.
 */
import assert from 'node:assert/strict';
import type { Root } from 'mdast';
import { reportParser } from '../../src/index.js';
import { buildReport } from '../../src/engine/report.js';
import { DEFAULT_SETTINGS } from '../../src/engine/settings.js';
import {
  applyEdits,
  checkOrder,
  chronologyTimeline,
  findChronologies,
  normaliseChronologyDates,
  normaliseDate,
  parseChronologyDate,
  readChildSeen,
  sortChronology,
  type ChronologyDate,
} from '../../src/engine/chronology/index.js';
import type { EngineSettings, LintMessage } from '../../src/engine/types.js';
import { lintWithRule } from './helpers.js';
import { applyChanges } from '../../src/engine/fixes.js';

function reportOf(markdown: string, settings: Partial<EngineSettings> = {}) {
  const tree = reportParser().parse(markdown) as Root;
  return buildReport(tree, markdown, { ...DEFAULT_SETTINGS, ...settings });
}

function date(text: string): ChronologyDate {
  const d = parseChronologyDate(text);
  assert.ok(d && d !== 'unknown', `“${text}” should read as a date`);
  return d;
}

/** Apply a message's first fix. */
function applyFirstFix(markdown: string, message: LintMessage | undefined): string {
  const fix = message?.fixes?.[0];
  assert.ok(fix, 'message carries a fix');
  return applyChanges(markdown, fix.changes);
}

/** Apply the fix “Sort the chronology by date” that a chronology-order message carries. */
function applySortFix(markdown: string, message: LintMessage | undefined): string {
  const fix = message?.fixes?.find((f) => f.title === 'Sort the chronology by date');
  assert.ok(fix && fix.mechanical, 'message carries the sort fix, as the one right answer');
  return applyChanges(markdown, fix.changes);
}

/** Dates of a chronology's rows, as written. */
function datesIn(markdown: string): string[] {
  const [c] = findChronologies(reportOf(markdown));
  assert.ok(c, 'a chronology table');
  return c.rows.map((r) => r.cells.date?.text ?? '');
}

describe('chronology dates', () => {
  it('reads UK day-first dates in every written form', () => {
    assert.deepEqual([date('03/08/2007').from.day, date('03/08/2007').from.month], [3, 8]);
    assert.equal(date('3.8.2007').key, 20070803);
    assert.equal(date('2007-08-03').key, 20070803);
    assert.equal(date('3rd August 2007').key, 20070803);
    assert.equal(date('Tuesday 3 August 2007 at 14:30').time?.minutes, 14 * 60 + 30);
    assert.equal(date('**03/08/2007**').key, 20070803);
    assert.equal(date('03/08/2007 (recorded 05/08/2007)').text, '03/08/2007');
  });

  it('marks uncertain dates: leading ? or c., circa, w/c, mid-, a trailing ? and an unknown day', () => {
    for (const text of [
      '?12/03/2007',
      '? 12/03/2007',
      'c. March 2007',
      'c.2005',
      'circa 2005',
      'w/c 12/03/2007',
      'mid-March 2007',
      '12/03/2007?',
      '?/03/2007',
      'xx/03/2007',
    ]) {
      assert.equal(date(text).uncertain, true, text);
    }
    assert.equal(date('12/03/2007').uncertain, false);
    assert.equal(date('?/03/2007').from.precision, 'month');
    assert.equal(date('circa 2005').from.precision, 'year');
    assert.equal(date('circa 2005').endKey, 20051231);
  });

  it('reads ranges, including the shorthand 12–15 March 2007', () => {
    const range = date('12/03/2007 – 15/03/2007');
    assert.deepEqual([range.key, range.endKey, range.to?.text], [20070312, 20070315, '15/03/2007']);
    assert.equal(date('12/03/2007 to 15/03/2007').endKey, 20070315);
    const short = date('12–15 March 2007');
    assert.deepEqual([short.shorthand, short.key, short.endKey], [true, 20070312, 20070315]);
  });

  it('tells month-first, impossible and two-digit-year dates apart', () => {
    const us = date('08/31/2007').from;
    assert.deepEqual([us.valid, us.monthFirst], [false, true]);
    const impossible = date('31/02/2008').from;
    assert.deepEqual([impossible.valid, impossible.monthFirst], [false, false]);
    assert.equal(date('03/08/07').from.twoDigitYear, true);
    assert.equal(date('03/08/2007').from.twoDigitYear, false);
  });

  it('says when a cell is not a date, or says the date is unknown', () => {
    assert.equal(parseChronologyDate('Summer 2007'), undefined);
    assert.equal(parseChronologyDate('2007/08/03'), undefined);
    assert.equal(parseChronologyDate('Home visit'), undefined);
    assert.equal(parseChronologyDate('Unknown'), 'unknown');
    assert.equal(parseChronologyDate('n/k'), 'unknown');
  });

  it('normalises a date to a format, months and years alone staying readable', () => {
    const d = { year: 2007, month: 8, day: 3 };
    assert.equal(normaliseDate(d, 'dd/mm/yyyy'), '03/08/2007');
    assert.equal(normaliseDate(d, 'd MMMM yyyy'), '3 August 2007');
    assert.equal(normaliseDate(d, 'yyyy-mm-dd'), '2007-08-03');
    assert.equal(normaliseDate(d, 'do MMM yyyy'), '3rd Aug 2007');
    assert.equal(normaliseDate({ year: 2007, month: 8, day: 22 }, 'do MMMM yyyy'), '22nd August 2007');
    assert.equal(normaliseDate({ year: 2007, month: 3 }, 'dd/mm/yyyy'), 'March 2007');
    assert.equal(normaliseDate({ year: 2007, month: 3 }, 'd MMM yyyy'), 'Mar 2007');
    assert.equal(normaliseDate({ year: 2005 }, 'yyyy-mm-dd'), '2005');
    // Every normalised form reads back as the same date.
    for (const format of [
      'dd/mm/yyyy',
      'd/m/yyyy',
      'dd.mm.yyyy',
      'dd-mm-yyyy',
      'd MMMM yyyy',
      'd MMM yyyy',
      'do MMMM yyyy',
      'yyyy-mm-dd',
      'MMMM d, yyyy',
    ]) {
      assert.equal(date(normaliseDate({ year: 2009, month: 11, day: 4 }, format)).key, 20091104, format);
    }
  });

  it('reads child-seen cells', () => {
    assert.equal(readChildSeen('Yes – seen alone'), true);
    assert.equal(readChildSeen('Seen with Mother'), true);
    assert.equal(readChildSeen('No – not brought'), false);
    assert.equal(readChildSeen('Not seen (asleep)'), false);
    assert.equal(readChildSeen('Not recorded'), undefined);
    assert.equal(readChildSeen(''), undefined);
  });
});

describe('finding chronology tables', () => {
  const markdown = `---
report-type: imr
agency: Eastvale Health Visiting Service
---
# Individual Management Review

## Chronology of involvement

| Date of contact | Source of information | Details of event | Child seen / views | Outcome |
| --- | --- | --- | --- | --- |
| 03/08/2007 | HV notes | New birth visit. | Yes | Routine |

## Analysis

| Date | Event |
| --- | --- |
| 12/09/2007 | Supervision session. |

| Name | Relationship |
| --- | --- |
| Child D | Subject |

## Action plan

| Recommendation | Action | Lead | Target date |
| --- | --- | --- | --- |
| 1 | Audit | Named nurse | 31/03/2012 |
`;

  it('finds tables under a chronology heading and Date + Event tables elsewhere, not action plans or genograms', () => {
    const found = findChronologies(reportOf(markdown));
    assert.equal(found.length, 2);
    assert.deepEqual(found[0]!.columns, { date: 0, source: 1, event: 2, childSeen: 3, action: 4 });
    assert.equal(found[0]!.section?.title, 'Chronology of involvement');
    assert.equal(found[1]!.section, undefined);
    assert.equal(found[0]!.rows[0]!.agency, 'Eastvale Health Visiting Service');
  });

  it('takes the table’s usual format from most dates, padding voted only by small days and months', () => {
    const [c] = findChronologies(
      reportOf(`## Chronology

| Date | Source | Event |
| --- | --- | --- |
| 3/8/2007 | a | b |
| 12/11/2007 | a | b |
| 25/12/2007 | a | b |
| 3 January 2008 | a | b |
`),
    );
    assert.deepEqual(c!.dateFormat, { family: 'dd/mm/yyyy', pattern: 'd/m/yyyy', count: 3 });
  });
});

describe('chronology-order and its sort fix', () => {
  const table = `## Chronology

| Date | Source | Event |
| --- | --- | --- |
| 03/08/2007 | HV notes | New birth visit. |
| 14/11/2007 | GP records | Eight-week check. |
| ?15/11/2007 | Mother's account | Mr B moved in. |
| 10/08/2007 | HV notes | Second visit. |
| Unknown | School records | Undated referral form. |
| 20/08/2007 | HV notes | Third visit. |
`;

  it('reports only the misplaced row, and the sorted table keeps uncertain and undated rows with their neighbours', () => {
    const messages = lintWithRule('chronology-order', table);
    assert.equal(messages.length, 1);
    assert.equal(messages[0]!.line, 6);
    assert.match(messages[0]!.message, /entry dated 14\/11\/2007 is out of date order\. Move it to the end/);
    assert.deepEqual(messages[0]!.data?.rows, [1]);
    const fixed = applySortFix(table, messages[0]);
    assert.deepEqual(datesIn(fixed), ['03/08/2007', '10/08/2007', 'Unknown', '20/08/2007', '14/11/2007', '?15/11/2007']);
    assert.deepEqual(lintWithRule('chronology-order', fixed), []);
    // Lines are kept as written: the header and alignment rows are unchanged.
    assert.ok(fixed.includes('| Date | Source | Event |\n| --- | --- | --- |\n| 03/08/2007 | HV notes | New birth visit. |'));
  });

  it('reports consecutive misplaced rows that belong together once', () => {
    const messages = lintWithRule(
      'chronology-order',
      `## Chronology

| Date | Source | Event |
| --- | --- | --- |
| 01/03/2008 | a | b |
| 02/03/2008 | a | b |
| 20/03/2008 | a | b |
| 21/03/2008 | a | b |
| 05/03/2008 | a | b |
| 06/03/2008 | a | b |
| 07/03/2008 | a | b |
| 25/03/2008 | a | b |
`,
    );
    assert.equal(messages.length, 1);
    assert.equal(messages[0]!.line, 7);
    assert.match(
      messages[0]!.message,
      /2 entries dated 20\/03\/2008 to 21\/03\/2008 are out of date order\. Move them before the entry dated 25\/03\/2008 \(line 12\)/,
    );
  });

  it('sorts a table inside a blockquote, with CRLF line ends, keeping each line', () => {
    const quoted =
      '## Timeline\r\n\r\n> | Date | Source | Event |\r\n> | :-- | --- | --- |\r\n> | 05/05/2009 | a | later |\r\n> | 01/05/2009 | a | earlier |\r\n';
    const report = reportOf(quoted);
    const [c] = findChronologies(report);
    const edit = sortChronology(quoted, c!);
    assert.ok(edit);
    assert.equal(
      edit.text,
      '| Date | Source | Event |\r\n> | :-- | --- | --- |\r\n> | 01/05/2009 | a | earlier |\r\n> | 05/05/2009 | a | later |',
    );
  });

  it('a month that cannot fall between its neighbours is out of order', () => {
    const [c] = findChronologies(
      reportOf(`## Chronology

| Date | Source | Event |
| --- | --- | --- |
| 01/03/2008 | a | b |
| June 2009 | a | b |
| 05/03/2008 | a | b |
| March 2008 | a | b |
`),
    );
    const result = checkOrder(c!.rows);
    assert.deepEqual(
      result.problems.map((p) => p.rows.map((r) => r.index)),
      [[1]],
    );
  });
});

describe('chronology-date fixes', () => {
  it('offers the date in the table’s usual format and the day-first form of a month-first date', () => {
    const markdown = `## Chronology

| Date | Source | Event |
| --- | --- | --- |
| 3 August 2007 | a | b |
| 14 August 2007 | a | b |
| 21/08/2007 | a | b |
| September 2, 2007 | a | b |
`;
    const messages = lintWithRule('chronology-date', markdown);
    assert.deepEqual(
      messages.map((m) => [m.line, m.expected]),
      [
        [7, ['21 August 2007']],
        [8, ['2 September 2007']],
      ],
    );
    const us = lintWithRule(
      'chronology-date',
      '## Chronology\n\n| Date | Source | Event |\n| --- | --- | --- |\n| 03/08/2007 | a | b |\n| 08/31/2007 | a | b |\n',
    );
    assert.deepEqual(
      us.map((m) => m.expected),
      [['31/08/2007']],
    );
  });

  it('uses the terms of reference period before front matter, and ignores uncertain dates', () => {
    const markdown = `---
period-start: 2001-01-01
period-end: 2001-12-31
---
## Terms of reference

The review covers the period from 1 March 2007 to 3 August 2008.

## Chronology

| Date | Source | Event |
| --- | --- | --- |
| 03/08/2007 | a | b |
| c. 2005 | a | b |
| 04/08/2008 | a | b |
`;
    const messages = lintWithRule('chronology-date', markdown);
    assert.equal(messages.length, 1);
    assert.equal(messages[0]!.line, 15);
    assert.match(messages[0]!.message, /1 March 2007 to 3 August 2008, from the terms of reference/);
    assert.deepEqual(lintWithRule('chronology-date', markdown, { period: false }), []);
  });

  it('a range written backwards is reported with the dates swapped', () => {
    const markdown =
      '## Chronology\n\n| Date | Source | Event |\n| --- | --- | --- |\n| ?15/03/2007 – 12/03/2007 | Ward notes | Admission. |\n';
    const [message] = lintWithRule('chronology-date', markdown);
    assert.match(message?.message ?? '', /ends before it starts/);
    assert.deepEqual(message?.expected, ['12/03/2007 – 15/03/2007']);
    const fixed = markdown.slice(0, message!.startOffset) + message!.expected![0] + markdown.slice(message!.endOffset);
    assert.ok(fixed.includes('| ?12/03/2007 – 15/03/2007 |'), fixed);
    assert.deepEqual(lintWithRule('chronology-date', fixed), []);
  });

  it('a blank date is an info', () => {
    const messages = lintWithRule(
      'chronology-date',
      '## Chronology\n\n| Date | Source | Event |\n| --- | --- | --- |\n| 03/08/2007 | a | b |\n|  | a | same day |\n',
    );
    assert.deepEqual(
      messages.map((m) => [m.line, m.severity]),
      [[6, 'info']],
    );
  });
});

describe('normalising chronology dates', () => {
  it('rewrites every date in one format, keeping markers, times and ranges', () => {
    const markdown = `## Chronology

| Date | Source | Event |
| --- | --- | --- |
| 3 August 2007 at 09:30 | a | b |
| ?14/08/2007 | a | b |
| 12–15 September 2007 | a | b |
| c. October 2007 | a | b |
`;
    const edits = normaliseChronologyDates(reportOf(markdown), 'dd/mm/yyyy');
    const out = applyEdits(markdown, edits);
    assert.deepEqual(datesIn(out), ['03/08/2007 at 09:30', '?14/08/2007', '12/09/2007 – 15/09/2007', 'c. October 2007']);
    const iso = applyEdits(markdown, normaliseChronologyDates(reportOf(markdown), 'yyyy-mm-dd'));
    assert.deepEqual(datesIn(iso), ['2007-08-03 at 09:30', '?2007-08-14', '2007-09-12 – 2007-09-15', 'c. October 2007']);
    assert.deepEqual(lintWithRule('chronology-date', iso), []);
  });
});

describe('chronology-columns fix', () => {
  it('adds the missing column in its usual place, and the rule is then satisfied', () => {
    const markdown = `---
report-type: overview
---
## Integrated chronology

| Date | Event | Child seen |
| --- | :-- | --- |
| 03/08/2007 | New birth visit. | Yes |
`;
    const messages = lintWithRule('chronology-columns', markdown);
    assert.deepEqual(
      messages.map((m) => m.data?.column),
      ['source', 'agency'],
    );
    const withSource = applyFirstFix(markdown, messages[0]);
    assert.ok(
      withSource.includes('| Date | Source | Event | Child seen |\n| --- | --- | :-- | --- |\n| 03/08/2007 |  | New birth visit. | Yes |'),
      withSource,
    );
    const again = lintWithRule('chronology-columns', withSource);
    assert.deepEqual(
      again.map((m) => m.data?.column),
      ['agency'],
    );
    const both = applyFirstFix(withSource, again[0]);
    assert.ok(both.includes('| Date | Agency | Source | Event | Child seen |'), both);
    assert.deepEqual(lintWithRule('chronology-columns', both), []);
  });

  it('adds a column to a table written without outer pipes', () => {
    const markdown = '---\nreport-type: imr\n---\n## Chronology\n\nDate | Event\n--- | ---\n03/08/2007 | Home visit.\n';
    const [message] = lintWithRule('chronology-columns', markdown);
    const fixed = applyFirstFix(markdown, message);
    assert.ok(fixed.includes('Date | Source | Event\n--- | --- | ---\n03/08/2007 |  | Home visit.'), fixed);
    assert.deepEqual(lintWithRule('chronology-columns', fixed), []);
  });
});

describe('chronology-columns fix on a long table (issue 20)', () => {
  it('adds the column to every row of a long, ragged table with escaped pipes', () => {
    const body = Array.from({ length: 3000 }, (_, i) =>
      i % 5 === 0
        ? `| 0${(i % 9) + 1}/03/2008 | Visit \\| call ${i} | extra |`
        : i % 7 === 0
          ? `| 0${(i % 9) + 1}/03/2008 |`
          : `| 0${(i % 9) + 1}/03/2008 | Home visit ${i}. |`,
    );
    const markdown = `---\nreport-type: imr\n---\n## Chronology\n\n| Date | Event |\n| --- | --- |\n${body.join('\n')}\n`;
    const message = lintWithRule('chronology-columns', markdown).find((m) => m.data?.column === 'source');
    const fixed = applyFirstFix(markdown, message);
    // Every row with an Event cell gains an empty cell before it; a row without one is left as it is.
    const expected = body.map((line) => (line.endsWith('/2008 |') ? line : line.replace(/^(\| [^|]+ )\|/, '$1|  |')));
    assert.equal(
      fixed,
      `---\nreport-type: imr\n---\n## Chronology\n\n| Date | Source | Event |\n| --- | --- | --- |\n${expected.join('\n')}\n`,
    );
    assert.deepEqual(
      lintWithRule('chronology-columns', fixed).filter((m) => m.data?.column === 'source'),
      [],
    );
  });
});

describe('chronology-child-seen fix', () => {
  it('offers “Not recorded” in the blank cell, and the rule is then satisfied', () => {
    const markdown =
      '## Chronology\n\n| Date | Source | Event | Child seen |\n| --- | --- | --- | --- |\n| 03/08/2007 | HV notes | Home visit; Mother tired. |  |\n';
    const [message] = lintWithRule('chronology-child-seen', markdown);
    assert.ok(message);
    assert.deepEqual(message.expected, ['Not recorded']);
    const fixed = markdown.slice(0, message.startOffset) + message.expected[0] + markdown.slice(message.endOffset);
    assert.ok(fixed.includes('| Home visit; Mother tired. | Not recorded |'), fixed);
    assert.deepEqual(lintWithRule('chronology-child-seen', fixed), []);
  });
});

describe('timeline data', () => {
  const markdown = `---
report-type: overview
---
## Integrated chronology

| Date | Agency | Source | Event | Child seen |
| --- | --- | --- | --- | --- |
| 03/08/2007 | Health | HV notes | New birth visit. | Yes |
| 10/08/2007 | Police | Incident log | Officers attended a domestic abuse incident. | No – asleep |
| c. September 2007 | Police | Intelligence | Mr B living at the address. | |
| 20/12/2007 – 22/12/2007 | Health | Ward notes | Child A admitted with a chest infection. | Yes |
| 15/01/2008 | Children's Social Care | Contact record | Referral closed. | Not recorded |
`;

  it('gives events in date order with lanes, child-seen flags and row offsets, and gaps over N weeks', () => {
    const data = chronologyTimeline(reportOf(markdown), { gapWeeks: 6 });
    assert.deepEqual(
      data.events.map((e) => [e.iso, e.agency, e.childSeen, e.uncertain, e.line]),
      [
        ['2007-08-03', 'Health', true, false, 8],
        ['2007-08-10', 'Police', false, false, 9],
        ['2007-09-01', 'Police', undefined, true, 10],
        ['2007-12-20', 'Health', true, false, 11],
        ['2008-01-15', "Children's Social Care", undefined, false, 12],
      ],
    );
    assert.deepEqual(data.lanes, ['Health', 'Police', "Children's Social Care"]);
    assert.equal(markdown.slice(data.events[1]!.offset, data.events[1]!.offset + 14), '| 10/08/2007 |');
    assert.equal(data.events[1]!.contact, true);
    // From the end of September 2007 (a month) to 20 December: 11 weeks; the range ends 22/12, so 24 days to 15/01.
    assert.deepEqual(
      data.gaps.map((g) => [g.after.iso, g.before.iso, g.weeks]),
      [['2007-09-01', '2007-12-20', 11]],
    );
    assert.equal(chronologyTimeline(reportOf(markdown), { gapWeeks: 2 }).gaps.length, 3);
  });
});
