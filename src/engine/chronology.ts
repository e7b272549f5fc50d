/**
 * Chronology tables (primer §7): finding them, mapping their columns, reading
 * each row's date as UK case reviews write it, putting rows in date order and
 * rewriting dates in one format. Shared by the chronology-* rules, the merge of
 * IMR chronologies and the editor (sort fix, "Normalise chronology dates",
 * "Show timeline"). Nothing here touches the file system.
 *
 * Dates in a date cell, after optional emphasis (`**`) and a weekday:
 * - a date `findDates` reads at the start of the cell: 03/08/2007, 3.8.07,
 *   2007-08-03, 3 August 2007, August 3, 2007, August 2007; or a year alone (2005);
 * - uncertain when marked: a leading `?`, `c.`, `circa`, `approx.`, `w/c`, `early`,
 *   `mid`, `late`… (data: `uncertainPrefixes`), a trailing `?` or `(approx.)`, or an
 *   unknown day (`?/03/2007`, `xx/03/2007`);
 * - optionally followed by a time (10:30, 2.30pm, 1430hrs) and by a range end
 *   (`12/03/2007 – 15/03/2007`, `12/03/2007 to 15/03/2007`, `12–15 March 2007`);
 * - anything after that (“(recorded 05/08/2007)”) is ignored;
 * - “Unknown”, “Date unknown”, “n/k” say explicitly that the date is not known.
 */
import type { Report } from './report.js';
import type { Section } from './outline.js';
import { matchColumns, tablesIn, type Row, type TableModel } from './tables.js';
import { dateEndKey, DATE_FORMAT_TOKEN, findDates, parseDate, type FoundDate } from './dates.js';
import { escapeRegExp, normalizePhrase, phraseRegExp } from './text.js';
import { stringValue } from './front-matter.js';
import data from '../data/chronology-columns.json' with { type: 'json' };

/** Profile section ids whose tables are chronologies. */
export const CHRONOLOGY_SECTION_IDS: readonly string[] = ['chronology', 'timeline', 'facts', 'summary-of-events'];

/** Logical chronology columns, in the order a merged chronology lists them. */
export const CHRONOLOGY_COLUMNS = ['date', 'time', 'agency', 'source', 'event', 'childSeen', 'action', 'significance', 'note'] as const;
export type ChronologyColumn = (typeof CHRONOLOGY_COLUMNS)[number];

/** Header text used when a column is added or a chronology is merged. */
export const COLUMN_TITLES: Readonly<Record<ChronologyColumn, string>> = data.titles;

/** Report types whose chronology is multi-agency (an Agency column is expected). */
export const MULTI_AGENCY_TYPES: readonly string[] = ['overview', 'lcspr', 'child-practice-review', 'learning-review', 'rapid-review', 'executive-summary'];

/** Date formats offered by "Normalise chronology dates" (tokens: see `normaliseDate`). */
export const DATE_FORMATS: readonly string[] = ['dd/mm/yyyy', 'd/m/yyyy', 'dd.mm.yyyy', 'dd-mm-yyyy', 'd MMMM yyyy', 'd MMM yyyy', 'do MMMM yyyy', 'yyyy-mm-dd'];

// ---------------------------------------------------------------------------
// Types

export type ChronologyPrecision = 'day' | 'month' | 'year';

/** One date as written (the start or the end of a date cell's date). */
export interface DateValue {
  /** 0-based document offsets of the date as written. */
  start: number;
  end: number;
  text: string;
  year: number;
  month?: number;
  day?: number;
  precision: ChronologyPrecision;
  /** False for impossible dates (31/02/2008) and month-first dates (08/31/2007). */
  valid: boolean;
  /**
   * The written form, to compare formats within a table: a `findDates` format
   * (`dd/mm/yyyy`, `dd.mm.yy`, `yyyy-mm-dd`, `d month yyyy`, `month d yyyy`,
   * `month yyyy`), `yyyy` for a year alone, `unknown-day` for ?/03/2007 and
   * `day` for the first day of a shorthand range (12–15 March 2007).
   */
  family: string;
  /** A `normaliseDate` format that reproduces the text (`dd/mm/yyyy`, `d/m/yy`, `do MMMM yyyy`…). */
  pattern: string;
  /** Numeric date with a two-digit year (03/08/07). */
  twoDigitYear: boolean;
  /** Numeric date that only makes sense month-first (08/31/2007: second field 13–31, first 1–12). */
  monthFirst: boolean;
}

/** The date of a chronology row. */
export interface ChronologyDate {
  /** 0-based document offsets of the whole date expression (marker, dates, time, range). */
  start: number;
  end: number;
  text: string;
  uncertain: boolean;
  /** The uncertainty marker as written (`?`, `c.`, `circa`…), if any. */
  marker?: string;
  from: DateValue;
  /** End of a range. */
  to?: DateValue;
  /** `12–15 March 2007`: `from` is the day only, its month and year come from `to`. */
  shorthand: boolean;
  time?: { text: string; minutes: number };
  /** Sortable yyyymmdd of the start (day 0 for a month, month 0 for a year). */
  key: number;
  /** yyyymmdd of the last day meant (end of the range, month or year); below `key` for a range written backwards. */
  endKey: number;
}

/** dated: a date was read; empty: the cell is blank; unknown: “Unknown”, “n/k”; unparsed: text that is not a date. */
export type DateState = 'dated' | 'empty' | 'unknown' | 'unparsed';

/** A cell's content: offsets without the pipes and padding, the Markdown source and the plain text. */
export interface CellContent {
  /** Column index in the row. */
  index: number;
  start: number;
  end: number;
  /** Markdown as written (inline markup kept). */
  source: string;
  /** Plain text (inline markup removed). */
  text: string;
}

export interface ChronologyRow {
  row: Row;
  /** 0-based index among the table's body rows. */
  index: number;
  start: number;
  end: number;
  cells: Partial<Record<ChronologyColumn, CellContent>>;
  dateState: DateState;
  date?: ChronologyDate;
  /** Minutes since midnight, from the date cell or the Time column. */
  minutes?: number;
  /** Time used for ordering: the row's time, else the last time given earlier on the same day, else -1. */
  sortMinutes: number;
  /** The Agency cell, else the table's agency (front matter `agency:` of an IMR). */
  agency?: string;
}

export interface Chronology {
  table: TableModel;
  start: number;
  end: number;
  /** The chronology section the table lies in, if any. */
  section?: Section;
  /** Header position of each logical column found. */
  columns: Partial<Record<ChronologyColumn, number>>;
  rows: ChronologyRow[];
  /** The most common written form of day-precision dates in the table. */
  dateFormat?: { family: string; pattern: string; count: number };
  /** Front matter `agency:` (an IMR's agency), when given. */
  agency?: string;
}

// ---------------------------------------------------------------------------
// Dates in a cell

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FULL_MONTHS = new Set(MONTH_NAMES.map((m) => m.toLowerCase()));

const EMPHASIS = /^[*_]{0,3}\s{0,3}/;
const UNCERTAIN_PREFIX = new RegExp(
  `^(?:${[...data.uncertainPrefixes]
    .sort((a, b) => b.length - a.length)
    .map((p) => (/[a-z]$/i.test(p) ? `${escapeRegExp(p).replace(/ /g, '\\s{1,3}')}(?:\\s{1,3}|-)` : `${escapeRegExp(p)}\\s{0,3}`))
    .join('|')})`,
  'i',
);
const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?,?\s{1,3}/i;
const UNKNOWN_DAY = /^(?:\?{1,2}|xx)([/.-])(\d{1,2})\1(\d{4})(?!\d)/i;
const YEAR_ONLY = /^((?:19|20)\d{2})(?![\d/.]|-\d{2}(?!\d))/;
const DAY_RANGE = /^(\d{1,2})(?:st|nd|rd|th)?\s{0,3}[-–—]\s{0,3}(?=\d)/;
const RANGE = /^\s{0,3}(?:[-–—]|to|until|till)\s{0,3}/i;
const TIME =
  /^(?:,\s{0,3}|\s{1,3}(?:at\s{1,3})?|\s{0,3}\(\s{0,3})(?:(\d{1,2})[:.](\d{2})(?![\d/]|\.\d)(?:\s{0,2}([ap])\.?m\.?)?(?:\s{0,2}(?:hrs|hours|h)\b)?|(\d{1,2})\s{0,2}([ap])\.?m\.?|(\d{2})(\d{2})\s{0,2}(?:hrs|hours)\b)\)?/i;
const TRAILING_UNCERTAIN = /^\s{0,3}(?:\?|\(\s{0,3}(?:\?|approx\.?|approximately|estimated|est\.|circa)\s{0,3}\))/i;
const UNKNOWN_DATES = new Set(data.unknownDates.map(normalizePhrase));

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function minutesOf(h: number, m: number, ampm: string | undefined): number {
  let hour = h;
  if (ampm) {
    const pm = ampm.toLowerCase() === 'p';
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  return hour * 60 + m;
}

function readTime(text: string): { length: number; text: string; minutes: number } | undefined {
  const m = TIME.exec(text);
  if (!m) return undefined;
  let minutes: number;
  if (m[1] !== undefined) minutes = minutesOf(Number(m[1]), Number(m[2]), m[3]);
  else if (m[4] !== undefined) minutes = minutesOf(Number(m[4]), 0, m[5]);
  else minutes = minutesOf(Number(m[6]), Number(m[7]), undefined);
  if (minutes >= 24 * 60) return undefined;
  const lead = /^[,\s(]*(?:at\s+)?/i.exec(m[0])![0].length;
  return { length: m[0].length, text: m[0].slice(lead).replace(/\)$/, ''), minutes };
}

/** Minutes since midnight of a Time cell (10:30, 10.30am, 1030hrs), if it reads as a time. */
export function parseTime(text: string): number | undefined {
  return readTime(` ${text.trim()}`)?.minutes;
}

function monthToken(word: string): string {
  return FULL_MONTHS.has(word.toLowerCase()) ? 'MMMM' : 'MMM';
}

/** The `normaliseDate` format that reproduces a date found by `findDates`. */
function patternOf(f: FoundDate): string {
  const text = f.text.replace(/\s/g, ' ');
  if (f.format === 'yyyy-mm-dd') return 'yyyy-mm-dd';
  let m = /^(\d{1,2})([/.-])(\d{1,2})[/.-](\d{2,4})$/.exec(text);
  if (m) return `${m[1]!.length === 2 ? 'dd' : 'd'}${m[2]}${m[3]!.length === 2 ? 'mm' : 'm'}${m[2]}${m[4]!.length === 4 ? 'yyyy' : 'yy'}`;
  m = /^(\d{1,2})(st|nd|rd|th)? (of )?([a-z]+)(\.)?(,)? \d{4}$/i.exec(text);
  if (m) return `${m[2] ? 'do' : m[1]!.length === 2 ? 'dd' : 'd'} ${m[3] ?? ''}${monthToken(m[4]!)}${m[5] ?? ''}${m[6] ?? ''} yyyy`;
  m = /^([a-z]+)(\.)? (\d{1,2})(st|nd|rd|th)?(,)? \d{4}$/i.exec(text);
  if (m) return `${monthToken(m[1]!)}${m[2] ?? ''} ${m[4] ? 'do' : m[3]!.length === 2 ? 'dd' : 'd'}${m[5] ?? ''} yyyy`;
  m = /^([a-z]+)(\.)?(,)? \d{4}$/i.exec(text);
  if (m) return `${monthToken(m[1]!)}${m[2] ?? ''}${m[3] ?? ''} yyyy`;
  return 'dd/mm/yyyy';
}

function isNumericFamily(family: string): boolean {
  return /^dd[/.-]mm[/.-]yy(?:yy)?$/.test(family);
}

function valueFromFound(f: FoundDate, offset: number): DateValue {
  const numeric = isNumericFamily(f.format);
  const monthFirst =
    numeric && !f.valid && f.day !== undefined && f.day >= 1 && f.day <= 12 && f.month > 12 && f.month <= daysInMonth(f.year, f.day);
  return {
    start: offset + f.start,
    end: offset + f.end,
    text: f.text,
    year: f.year,
    month: f.month,
    day: f.day,
    precision: f.precision,
    valid: f.valid,
    family: f.format,
    pattern: patternOf(f),
    twoDigitYear: numeric && !f.format.endsWith('yyyy'),
    monthFirst,
  };
}

/** A date (or a year alone) at the very start of `text`. */
function readValue(text: string, offset: number): DateValue | undefined {
  const [first] = findDates(text.slice(0, 64));
  if (first && first.start === 0) return valueFromFound(first, offset);
  const y = YEAR_ONLY.exec(text);
  if (y) {
    return {
      start: offset,
      end: offset + y[0].length,
      text: y[0],
      year: Number(y[1]),
      precision: 'year',
      valid: true,
      family: 'yyyy',
      pattern: 'yyyy',
      twoDigitYear: false,
      monthFirst: false,
    };
  }
  return undefined;
}

function startKey(v: DateValue): number {
  return v.year * 10000 + (v.month ?? 0) * 100 + (v.day ?? 0);
}

function lastKey(v: DateValue): number {
  if (v.month === undefined) return v.year * 10000 + 1231;
  if (!v.valid) return startKey(v);
  return dateEndKey({ year: v.year, month: v.month, day: v.day });
}

/**
 * Read the date of a date cell. `source` is the cell's Markdown; offsets in the
 * result are `offset` plus positions in `source`. Returns `unknown` for an
 * explicit “date unknown” and undefined when the cell does not start with a date.
 */
export function parseChronologyDate(source: string, offset = 0): ChronologyDate | 'unknown' | undefined {
  let pos = EMPHASIS.exec(source)![0].length;
  const bare = normalizePhrase(source);
  if (UNKNOWN_DATES.has(bare)) return 'unknown';
  const exprStart = pos;
  let uncertain = false;
  let marker: string | undefined;
  const prefix = UNKNOWN_DAY.test(source.slice(pos)) ? null : UNCERTAIN_PREFIX.exec(source.slice(pos));
  if (prefix) {
    uncertain = true;
    marker = prefix[0].trim();
    pos += prefix[0].length;
  }
  const weekday = WEEKDAY.exec(source.slice(pos));
  if (weekday) pos += weekday[0].length;

  let from: DateValue | undefined;
  let to: DateValue | undefined;
  let shorthand = false;
  const rest = source.slice(pos);
  const unknownDay = UNKNOWN_DAY.exec(rest);
  if (unknownDay) {
    const month = Number(unknownDay[2]);
    const year = Number(unknownDay[3]);
    uncertain = true;
    marker ??= unknownDay[0].slice(0, unknownDay[0].indexOf(unknownDay[1]!));
    from = {
      start: offset + pos,
      end: offset + pos + unknownDay[0].length,
      text: unknownDay[0],
      year,
      month,
      precision: 'month',
      valid: month >= 1 && month <= 12,
      family: 'unknown-day',
      pattern: 'MMMM yyyy',
      twoDigitYear: false,
      monthFirst: false,
    };
    pos += unknownDay[0].length;
  } else {
    from = readValue(rest, offset + pos);
    if (from) pos += from.end - from.start;
    else {
      const dayRange = DAY_RANGE.exec(rest);
      const end = dayRange ? readValue(rest.slice(dayRange[0].length), offset + pos + dayRange[0].length) : undefined;
      if (!dayRange || !end || end.precision !== 'day' || end.month === undefined) return undefined;
      const day = Number(dayRange[1]);
      from = {
        start: offset + pos,
        end: offset + pos + dayRange[1]!.length,
        text: dayRange[1]!,
        year: end.year,
        month: end.month,
        day,
        precision: 'day',
        valid: end.valid && day >= 1 && day <= (end.day ?? 31),
        family: 'day',
        pattern: 'd',
        twoDigitYear: false,
        monthFirst: false,
      };
      to = end;
      shorthand = true;
      pos += dayRange[0].length + (end.end - end.start);
    }
  }

  let time: ChronologyDate['time'];
  const readTimeAt = () => {
    const t = readTime(source.slice(pos));
    if (t) {
      time ??= { text: t.text, minutes: t.minutes };
      pos += t.length;
    }
  };
  readTimeAt();
  if (!to) {
    const range = RANGE.exec(source.slice(pos));
    if (range) {
      let at = pos + range[0].length;
      const wd = WEEKDAY.exec(source.slice(at));
      if (wd) at += wd[0].length;
      const end = readValue(source.slice(at), offset + at);
      if (end) {
        to = end;
        pos = at + (end.end - end.start);
        readTimeAt();
      }
    }
  }
  const trailing = TRAILING_UNCERTAIN.exec(source.slice(pos));
  if (trailing) {
    uncertain = true;
    marker ??= trailing[0].trim();
    pos += trailing[0].length;
  }
  const endValue = to ?? from;
  return {
    start: offset + exprStart,
    end: offset + pos,
    text: source.slice(exprStart, pos),
    uncertain,
    marker,
    from,
    to,
    shorthand,
    time,
    key: startKey(from),
    endKey: lastKey(endValue),
  };
}

// ---------------------------------------------------------------------------
// Writing dates

/** The tokens of a date format (Unicode `MM`/`M` for the month; the older `mm`/`m` still mean the month): see dates.ts. */
const TOKEN = DATE_FORMAT_TOKEN;

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function pieces(format: string): { token: boolean; text: string }[] {
  const out: { token: boolean; text: string }[] = [];
  let last = 0;
  for (const m of format.matchAll(TOKEN)) {
    if (m.index > last) out.push({ token: false, text: format.slice(last, m.index) });
    out.push({ token: true, text: m[0] });
    last = m.index + m[0].length;
  }
  if (last < format.length) out.push({ token: false, text: format.slice(last) });
  return out;
}

/** A format without its day: `dd/mm/yyyy` → `mm/yyyy`, `d MMMM yyyy` → `MMMM yyyy`, `MMMM d, yyyy` → `MMMM yyyy`. */
function withoutDay(format: string): string {
  const parts = pieces(format);
  const i = parts.findIndex((p) => p.token && /^d/.test(p.text));
  if (i === -1) return format;
  if (i === 0) parts.splice(0, parts[1] && !parts[1].token ? 2 : 1);
  else {
    const next = parts[i + 1];
    if (next && !next.token) next.text = next.text.replace(/^,/, '');
    parts.splice(parts[i - 1]!.token ? i : i - 1, parts[i - 1]!.token ? 1 : 2);
  }
  return parts.map((p) => p.text).join('');
}

/**
 * Write a date in a format. Tokens: `yyyy` (2007), `yy` (07), `MMMM` (August),
 * `MMM` (Aug), `MM` (08), `M` (8), `dd` (03), `d` (3), `do` (3rd), and the older
 * `mm` (08) and `m` (8) for the month; anything else is copied (check a format
 * from a person with `dateFormatProblem` in dates.ts first). A date without a day is written `MMMM yyyy` (or the format without
 * its day when the format names the month), a year alone as `yyyy`.
 */
export function normaliseDate(found: Pick<FoundDate, 'year'> & { month?: number; day?: number }, format: string): string {
  if (found.month === undefined) return String(found.year);
  let fmt = format;
  if (found.day === undefined) {
    fmt = withoutDay(format);
    if (!/MMM/.test(fmt)) fmt = 'MMMM yyyy';
  }
  const month = found.month;
  const day = found.day ?? 1;
  return fmt.replace(TOKEN, (t) => {
    switch (t) {
      case 'yyyy':
        return String(found.year).padStart(4, '0');
      case 'yy':
        return String(found.year % 100).padStart(2, '0');
      case 'MMMM':
        return MONTH_NAMES[month - 1] ?? String(month);
      case 'MMM':
        return (MONTH_NAMES[month - 1] ?? String(month)).slice(0, 3);
      case 'MM':
      case 'mm':
        return String(month).padStart(2, '0');
      case 'M':
      case 'm':
        return String(month);
      case 'do':
        return ordinal(day);
      case 'dd':
        return String(day).padStart(2, '0');
      default:
        return String(day);
    }
  });
}

export interface TextEdit {
  /** 0-based document offsets of the text to replace. */
  start: number;
  end: number;
  text: string;
}

/**
 * Edits that rewrite a row's date in a format, keeping the uncertainty marker,
 * weekday, time and range words as written. A shorthand range (12–15 March 2007)
 * is written in full. Unknown days (?/03/2007) and invalid dates are left alone.
 */
export function dateEdits(date: ChronologyDate, format: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const values = [date.from, date.to].filter((v): v is DateValue => v !== undefined);
  if (values.some((v) => !v.valid || v.family === 'unknown-day')) return [];
  if (date.shorthand && date.to) {
    if (normaliseDate(date.to, format) === date.to.text) return [];
    const text = `${normaliseDate(date.from, format)} – ${normaliseDate(date.to, format)}`;
    if (text !== date.text.slice(date.from.start - date.start, date.to.end - date.start)) edits.push({ start: date.from.start, end: date.to.end, text });
    return edits;
  }
  for (const v of values) {
    const text = normaliseDate(v, format);
    if (text !== v.text) edits.push({ start: v.start, end: v.end, text });
  }
  return edits;
}

/** Apply edits (non-overlapping, document offsets) to a slice of text that starts at `base`. */
export function applyEdits(text: string, edits: readonly TextEdit[], base = 0): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, e.start - base) + e.text + out.slice(e.end - base);
  }
  return out;
}

/** Edits for the "Normalise chronology dates" command: every row date of every chronology, in one format. */
export function normaliseChronologyDates(report: Report, format: string): TextEdit[] {
  return findChronologies(report).flatMap((c) => c.rows.flatMap((r) => (r.date ? dateEdits(r.date, format) : [])));
}

// ---------------------------------------------------------------------------
// Finding chronologies

const SYNONYMS: Record<string, readonly string[]> = data.columns;
const NOT_A_DATE = data.notADate.map(normalizePhrase);

/** Logical columns of a header (“Date of event” → date; “Target date” is not a chronology date). */
export function mapChronologyColumns(header: readonly string[]): Partial<Record<ChronologyColumn, number>> {
  const cleaned = header.map((h) => {
    const n = ` ${normalizePhrase(h)} `;
    return NOT_A_DATE.some((p) => n.includes(` ${p} `)) ? '' : h;
  });
  return matchColumns(cleaned, SYNONYMS) as Partial<Record<ChronologyColumn, number>>;
}

/** Content of one cell: offsets without pipes and padding, Markdown source and plain text. */
export function cellContent(text: string, row: Row, index: number): CellContent | undefined {
  const cell = row.cells[index];
  if (!cell) return undefined;
  const kids = cell.node.children;
  const first = kids[0]?.position?.start.offset;
  const last = kids[kids.length - 1]?.position?.end.offset;
  if (first !== undefined && last !== undefined) {
    return { index, start: first, end: last, source: text.slice(first, last), text: cell.text };
  }
  let at = cell.start;
  if (text[at] === '|') at++;
  if (text[at] === ' ' && at < cell.end) at++;
  return { index, start: at, end: at, source: '', text: '' };
}

function isChronologyHeader(columns: Partial<Record<ChronologyColumn, number>>, inSection: boolean): boolean {
  const has = (c: ChronologyColumn) => columns[c] !== undefined;
  if (!inSection) return has('date') && has('event');
  return has('date') || (has('event') && (has('source') || has('childSeen') || has('action') || has('time')));
}

function readRows(report: Report, table: TableModel, columns: Partial<Record<ChronologyColumn, number>>, agency: string | undefined): ChronologyRow[] {
  const rows: ChronologyRow[] = [];
  let lastDayKey = -1;
  let lastMinutes = -1;
  for (const row of table.rows) {
    const cells: Partial<Record<ChronologyColumn, CellContent>> = {};
    for (const [column, index] of Object.entries(columns) as [ChronologyColumn, number][]) {
      const content = cellContent(report.text, row, index);
      if (content) cells[column] = content;
    }
    let dateState: DateState = 'empty';
    let date: ChronologyDate | undefined;
    const dateCell = cells.date;
    if (dateCell && dateCell.source.trim() !== '') {
      const parsed = parseChronologyDate(dateCell.source, dateCell.start);
      if (parsed === 'unknown') dateState = 'unknown';
      else if (parsed) {
        dateState = 'dated';
        date = parsed;
      } else dateState = 'unparsed';
    }
    let minutes = date?.time?.minutes;
    if (minutes === undefined && cells.time) minutes = parseTime(cells.time.text);
    let sortMinutes = minutes ?? -1;
    if (date) {
      if (date.key === lastDayKey && minutes === undefined) sortMinutes = lastMinutes;
      if (date.key !== lastDayKey) lastMinutes = -1;
      lastDayKey = date.key;
      if (minutes !== undefined) lastMinutes = minutes;
    }
    const agencyCell = cells.agency?.text.trim();
    rows.push({
      row,
      index: row.index,
      start: row.start,
      end: row.end,
      cells,
      dateState,
      date,
      minutes,
      sortMinutes,
      agency: agencyCell || agency,
    });
  }
  return rows;
}

/** A pattern without zero-padding (`dd/mm/yyyy` → `d/m/yyyy`): padding is voted on separately. */
function shapeOf(pattern: string): string {
  return pieces(pattern)
    .map((p) => (p.token && p.text === 'dd' ? 'd' : p.token && p.text === 'mm' ? 'm' : p.text))
    .join('');
}

/**
 * The table's usual date format: the most common family among valid day dates,
 * its most common shape, and zero-padding decided only by days and months below
 * 10 (12/03/2007 says nothing about whether days are padded).
 */
function majorityFormat(rows: readonly ChronologyRow[]): Chronology['dateFormat'] {
  interface Tally {
    count: number;
    shapes: Map<string, number>;
    dayPad: number;
    dayBare: number;
    monthPad: number;
    monthBare: number;
  }
  const families = new Map<string, Tally>();
  for (const r of rows) {
    for (const v of [r.date?.from, r.date?.to]) {
      if (!v || !v.valid || v.precision !== 'day' || v.family === 'day') continue;
      const t = families.get(v.family) ?? { count: 0, shapes: new Map<string, number>(), dayPad: 0, dayBare: 0, monthPad: 0, monthBare: 0 };
      t.count++;
      const shape = shapeOf(v.pattern);
      t.shapes.set(shape, (t.shapes.get(shape) ?? 0) + 1);
      const tokens = pieces(v.pattern).filter((p) => p.token).map((p) => p.text);
      if ((v.day ?? 10) < 10) {
        if (tokens.includes('dd')) t.dayPad++;
        else if (tokens.includes('d')) t.dayBare++;
      }
      if ((v.month ?? 10) < 10) {
        if (tokens.includes('mm')) t.monthPad++;
        else if (tokens.includes('m')) t.monthBare++;
      }
      families.set(v.family, t);
    }
  }
  let best: Chronology['dateFormat'];
  for (const [family, t] of families) {
    if (best && t.count <= best.count) continue;
    let shape = '';
    let top = 0;
    for (const [p, n] of t.shapes) if (n > top) [shape, top] = [p, n];
    const numeric = isNumericFamily(family) || family === 'yyyy-mm-dd';
    const padDay = t.dayPad > t.dayBare || (t.dayPad === t.dayBare && numeric);
    const padMonth = t.monthPad > t.monthBare || (t.monthPad === t.monthBare && numeric);
    const pattern = pieces(shape)
      .map((p) => (p.token && p.text === 'd' ? (padDay ? 'dd' : 'd') : p.token && p.text === 'm' ? (padMonth ? 'mm' : 'm') : p.text))
      .join('');
    best = { family, pattern, count: t.count };
  }
  return best;
}

const cache = new WeakMap<Report, Chronology[]>();

/**
 * Chronology tables of a report: tables under a chronology heading (profile
 * sections chronology, timeline, facts, summary-of-events) that have a Date
 * column or an Event column with one more chronology column, and tables anywhere
 * whose header has both a Date and an Event column.
 */
export function findChronologies(report: Report): Chronology[] {
  const cached = cache.get(report);
  if (cached) return cached;
  const sections = CHRONOLOGY_SECTION_IDS.flatMap((id) => report.sectionsFor(id));
  const agency = stringValue(report.frontMatter.data['agency']);
  const result: Chronology[] = [];
  for (const table of tablesIn(report)) {
    const section = sections.filter((s) => table.start >= s.start && table.start < s.end).sort((a, b) => b.start - a.start)[0];
    const columns = mapChronologyColumns(table.header.map((h) => h.text));
    if (!isChronologyHeader(columns, section !== undefined)) continue;
    const rows = readRows(report, table, columns, agency);
    result.push({ table, start: table.start, end: table.end, section, columns, rows, dateFormat: majorityFormat(rows), agency });
  }
  cache.set(report, result);
  return result;
}

// ---------------------------------------------------------------------------
// Agencies named in a table

const FAMILY_OF = new Map<string, string>();
for (const [family, phrases] of Object.entries(data.agencyFamilies)) for (const p of phrases) FAMILY_OF.set(normalizePhrase(p), family);
const FAMILY_PATTERN = phraseRegExp(Object.values(data.agencyFamilies).flat())!;

/** Agency families (police, health, social-care, education, probation, housing) named in a text. */
export function agencyFamilies(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(new RegExp(FAMILY_PATTERN.source, FAMILY_PATTERN.flags))) {
    const family = FAMILY_OF.get(normalizePhrase(m[0]));
    if (family) found.add(family);
  }
  return [...found];
}

/** Agency families named in a chronology's Source cells (two or more: the table mixes agencies). */
export function sourceAgencyFamilies(chronology: Chronology): string[] {
  const found = new Set<string>();
  for (const r of chronology.rows) for (const f of agencyFamilies(r.cells.source?.text ?? '')) found.add(f);
  return [...found];
}

// ---------------------------------------------------------------------------
// Child seen

interface SeenPhrase {
  phrase: string;
  value: boolean | undefined;
}
const SEEN_PHRASES: SeenPhrase[] = [
  ...data.childSeenYes.map((p) => ({ phrase: normalizePhrase(p), value: true as boolean | undefined })),
  ...data.childSeenNo.map((p) => ({ phrase: normalizePhrase(p), value: false as boolean | undefined })),
  ...data.childSeenUnknown.map((p) => ({ phrase: normalizePhrase(p), value: undefined })),
].sort((a, b) => b.phrase.length - a.phrase.length);

/** Read a Child seen cell: true (seen), false (not seen / not brought) or undefined (blank, not recorded, unclear). */
export function readChildSeen(text: string): boolean | undefined {
  const n = normalizePhrase(text);
  if (!n) return undefined;
  for (const { phrase, value } of SEEN_PHRASES) if (n === phrase || n.startsWith(`${phrase} `)) return value;
  if (/\bnot seen\b/.test(n)) return false;
  if (/\bseen\b/.test(n)) return true;
  return undefined;
}

const CONTACT = phraseRegExp(data.childContact, 'iu')!;

/** The words that make a text a contact in which the child could have been seen (home visit, clinic, school…), if any. */
export function childContactMatch(text: string): string | undefined {
  return CONTACT.exec(text)?.[0];
}

/** Does a text describe a contact in which the child could have been seen? */
export function isChildContact(text: string): boolean {
  return CONTACT.test(text);
}

/** Is a cell blank for this purpose (empty or only dashes)? */
export function isBlankCell(cell: CellContent | undefined): boolean {
  return !cell || /^[\s\-–—]*$/.test(cell.text);
}

// ---------------------------------------------------------------------------
// Order

/** A row that takes part in ordering: certain, day-precision, valid date. */
export function isAnchored(row: ChronologyRow): boolean {
  const d = row.date;
  return !!d && !d.uncertain && d.from.precision === 'day' && d.from.valid && (!d.to || d.to.valid);
}

/** Date order of two rows with dates: day, then time on the same day. */
export function compareRows(a: ChronologyRow, b: ChronologyRow): number {
  return a.date!.key - b.date!.key || a.sortMinutes - b.sortMinutes;
}

/**
 * Indices (into `rows`) of a longest non-decreasing subsequence, in O(n log n).
 * Rows are taken from the end, building longest non-increasing runs, so that on
 * ties the earlier rows are kept and the later ones reported (of two swapped
 * rows, the second is the one out of place).
 */
function longestInOrder(rows: readonly ChronologyRow[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(rows.length).fill(-1);
  for (let i = rows.length - 1; i >= 0; i--) {
    // First run end whose row sorts strictly before row i: row i replaces it.
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareRows(rows[tails[mid]!]!, rows[i]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    previous[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i !== -1; i = previous[i]!) keep.add(i);
  return keep;
}

export interface OrderProblem {
  /** Consecutive rows out of date order that belong in the same place. */
  rows: ChronologyRow[];
  /** The in-order row they belong before (or, when absent, `after`). */
  before?: ChronologyRow;
  after?: ChronologyRow;
}

/** A row that moves when the table is sorted, with the rows that move with it (uncertain or undated rows after it). */
export interface RowGroup {
  /** Absent only for a table with no row that can be ordered. */
  lead?: ChronologyRow;
  /** Where the group sorts: yyyymmdd and minutes (-1: no time). */
  key: number;
  minutes: number;
  /** The lead and the rows that move with it, in table order. */
  rows: ChronologyRow[];
}

/** Date order of two groups: sort key, then time. */
export function compareGroups(a: RowGroup, b: RowGroup): number {
  return a.key - b.key || a.minutes - b.minutes;
}

export interface OrderResult {
  problems: OrderProblem[];
  /** Groups in table order: each sorting key row with the rows that keep their place after it. */
  groups: RowGroup[];
  /** Every row, in date order. */
  sorted: ChronologyRow[];
  /** Does the sorted order differ from the table's? */
  changed: boolean;
}

/**
 * Rows out of date order and the rows sorted. Certain day-precision dates are
 * compared (and on the same day, times); the rows outside a longest in-order
 * run are the ones out of order (so one misplaced row is reported, not every
 * row after it). A certain month or year (“March 2007”) is out of order when it
 * cannot fall between its in-order neighbours. Uncertain, undated and invalid
 * rows are never reported and keep their place after the row they follow (at
 * the top: before the row they precede). The sort is stable.
 */
export function checkOrder(rows: readonly ChronologyRow[]): OrderResult {
  const anchored = rows.filter(isAnchored);
  let inOrder = true;
  for (let i = 1; i < anchored.length && inOrder; i++) if (compareRows(anchored[i - 1]!, anchored[i]!) > 0) inOrder = false;
  const kept = new Set<ChronologyRow>(inOrder ? anchored : [...longestInOrder(anchored)].map((i) => anchored[i]!));
  const misplaced = new Set<ChronologyRow>(anchored.filter((r) => !kept.has(r)));

  // Certain months and years: out of order when they cannot fit between kept neighbours.
  // Those that fit sort just after the kept row before them when they can mean its
  // day (“March 2008” after 05/03/2008), else at the start of their month or year,
  // so that sorting never puts them where they would be out of order.
  const sortKey = new Map<ChronologyRow, [number, number]>();
  for (const row of anchored) sortKey.set(row, [row.date!.key, row.sortMinutes]);
  const prevKept: (ChronologyRow | undefined)[] = [];
  const nextKept: (ChronologyRow | undefined)[] = [];
  for (let i = 0, last: ChronologyRow | undefined; i < rows.length; i++) {
    prevKept.push(last);
    if (kept.has(rows[i]!)) last = rows[i];
  }
  for (let i = rows.length - 1, last: ChronologyRow | undefined; i >= 0; i--) {
    nextKept[i] = last;
    if (kept.has(rows[i]!)) last = rows[i];
  }
  rows.forEach((row, i) => {
    const d = row.date;
    if (!d || d.uncertain || isAnchored(row) || !d.from.valid || (d.to && !d.to.valid)) return;
    const prev = prevKept[i];
    const next = nextKept[i];
    if ((prev && d.endKey < prev.date!.key) || (next && d.key > next.date!.key)) {
      misplaced.add(row);
      sortKey.set(row, [d.key, -1]);
    } else if (prev && d.key <= prev.date!.key) sortKey.set(row, [prev.date!.key, prev.sortMinutes]);
    else sortKey.set(row, [d.key, -1]);
  });

  const groups: RowGroup[] = [];
  let leading: ChronologyRow[] = [];
  for (const row of rows) {
    const key = sortKey.get(row);
    if (key) {
      groups.push({ lead: row, key: key[0], minutes: key[1], rows: [...leading, row] });
      leading = [];
    } else if (groups.length === 0) leading.push(row);
    else groups[groups.length - 1]!.rows.push(row);
  }
  const order = groups.map((g, i) => ({ g, i })).sort((a, b) => compareGroups(a.g, b.g) || a.i - b.i);
  const sorted = [...order.flatMap((o) => o.g.rows), ...leading];
  if (leading.length > 0) groups.push({ key: Number.MAX_SAFE_INTEGER, minutes: -1, rows: leading });
  const changed = sorted.some((r, i) => r !== rows[i]);

  const problems: OrderProblem[] = [];
  if (misplaced.size > 0) {
    // For each row in sorted order: the nearest kept row after it, else before it.
    const before = new Map<ChronologyRow, ChronologyRow | undefined>();
    const after = new Map<ChronologyRow, ChronologyRow | undefined>();
    for (let i = sorted.length - 1, next: ChronologyRow | undefined; i >= 0; i--) {
      before.set(sorted[i]!, next);
      if (kept.has(sorted[i]!)) next = sorted[i];
    }
    for (let i = 0, last: ChronologyRow | undefined; i < sorted.length; i++) {
      after.set(sorted[i]!, last);
      if (kept.has(sorted[i]!)) last = sorted[i];
    }
    const destination = (row: ChronologyRow): { before?: ChronologyRow; after?: ChronologyRow } => {
      const b = before.get(row);
      if (b) return { before: b };
      const a = after.get(row);
      return a ? { after: a } : {};
    };
    let current: OrderProblem | undefined;
    for (const row of rows) {
      if (kept.has(row) || (row.date && !row.date.uncertain && !isAnchored(row) && !misplaced.has(row))) {
        current = undefined;
        continue;
      }
      if (!misplaced.has(row)) continue;
      const dest = destination(row);
      if (current && current.before === dest.before && current.after === dest.after) current.rows.push(row);
      else {
        current = { rows: [row], ...dest };
        problems.push(current);
      }
    }
  }
  return { problems, sorted, changed, groups };
}

function splitLines(text: string): { lines: string[]; eol: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { lines: text.split('\n').map((l) => l.replace(/\r$/, '')), eol };
}

/**
 * The table re-written with its body rows in the given order: each row's line is
 * kept as written (widths, alignment row, blockquote or list prefix), only the
 * order of the body lines changes. Undefined when the table's lines cannot be
 * matched to its rows.
 */
export function rewriteTableRows(text: string, chronology: Chronology, order: readonly ChronologyRow[]): TextEdit | undefined {
  const { table } = chronology;
  const { lines, eol } = splitLines(text.slice(table.start, table.end));
  const body = lines.slice(2);
  if (body.length !== table.rows.length || order.length !== body.length) return undefined;
  const ordered = order.map((r) => body[r.index]!);
  return { start: table.start, end: table.end, text: [...lines.slice(0, 2), ...ordered].join(eol) };
}

/** The sort fix for a chronology: the whole table in date order (undefined when already in order). */
export function sortChronology(text: string, chronology: Chronology): TextEdit | undefined {
  const { changed, sorted } = checkOrder(chronology.rows);
  return changed ? rewriteTableRows(text, chronology, sorted) : undefined;
}

// ---------------------------------------------------------------------------
// Adding columns

/**
 * `applyEdits` in one pass: the pieces between the edits joined once, so a table-wide
 * edit (a cell in every row) costs time linear in the table, not rows × table. Edits at
 * the same offset land in the order `applyEdits` gives them (the later one first);
 * overlapping edits, which `applyEdits` does not promise to handle, go to it unchanged.
 */
function applyEditsOnce(text: string, edits: readonly TextEdit[], base: number): string {
  const ordered = edits.map((edit, i) => ({ edit, i })).sort((a, b) => a.edit.start - b.edit.start || b.i - a.i);
  const parts: string[] = [];
  let at = 0;
  for (const { edit } of ordered) {
    const start = edit.start - base;
    if (start < at || edit.end < edit.start) return applyEdits(text, edits, base);
    parts.push(text.slice(at, start), edit.text);
    at = edit.end - base;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Where a missing column goes: before the first present column that comes after it in CHRONOLOGY_COLUMNS. */
function insertionIndex(columns: Partial<Record<ChronologyColumn, number>>, column: ChronologyColumn, width: number): number {
  const rank = CHRONOLOGY_COLUMNS.indexOf(column);
  let before = Infinity;
  let after = -1;
  for (const [c, index] of Object.entries(columns) as [ChronologyColumn, number][]) {
    if (CHRONOLOGY_COLUMNS.indexOf(c) > rank) before = Math.min(before, index);
    else after = Math.max(after, index);
  }
  if (before !== Infinity) return before;
  return after === -1 ? width : after + 1;
}

/**
 * The table with empty columns added for the missing chronology columns (header
 * from COLUMN_TITLES, `---` in the alignment row), each in its usual place.
 */
export function addChronologyColumns(text: string, chronology: Chronology, missing: readonly ChronologyColumn[]): TextEdit | undefined {
  const { table } = chronology;
  const width = table.header.length;
  const edits: TextEdit[] = [];
  const headerRow = table.node.children[0];
  const delimiterStart = text.indexOf('\n', headerRow?.position?.end.offset ?? table.start) + 1;
  if (delimiterStart <= 0) return undefined;
  let delimiterEnd = text.indexOf('\n', delimiterStart);
  if (delimiterEnd === -1 || delimiterEnd > table.end) delimiterEnd = table.end;
  const delimiterLine = text.slice(delimiterStart, delimiterEnd).replace(/\r$/, '');
  const contentAt = delimiterLine.search(/[|:-]/);
  if (contentAt === -1) return undefined;
  const pipes: number[] = [];
  for (let i = contentAt; i < delimiterLine.length; i++) if (delimiterLine[i] === '|') pipes.push(i);
  const leadingPipe = delimiterLine[contentAt] === '|';
  const trimmedEnd = delimiterLine.trimEnd().length;
  const trailingPipe = delimiterLine[trimmedEnd - 1] === '|' && trimmedEnd - 1 !== contentAt;

  const byIndex = new Map<number, ChronologyColumn[]>();
  for (const column of [...missing].sort((a, b) => CHRONOLOGY_COLUMNS.indexOf(a) - CHRONOLOGY_COLUMNS.indexOf(b))) {
    const index = insertionIndex(chronology.columns, column, width);
    byIndex.set(index, [...(byIndex.get(index) ?? []), column]);
  }
  const rowNodes = [table.header, ...table.rows.map((r) => r.cells)];
  for (const [index, columns] of byIndex) {
    rowNodes.forEach((cells, r) => {
      const texts = columns.map((c) => (r === 0 ? COLUMN_TITLES[c] : ''));
      if (index < cells.length) {
        const cell = cells[index]!;
        const piped = text[cell.start] === '|';
        edits.push({ start: cell.start, end: cell.start, text: piped ? texts.map((t) => `| ${t} `).join('') : texts.map((t) => `${t} | `).join('') });
      } else if (index === width && cells.length === width) {
        const last = cells[cells.length - 1]!;
        const piped = text[last.end - 1] === '|';
        edits.push({ start: last.end, end: last.end, text: piped ? texts.map((t) => ` ${t} |`).join('') : texts.map((t) => ` | ${t}`).join('') });
      }
    });
    const dashes = columns.map(() => '---');
    if (index < width) {
      const col = leadingPipe ? pipes[index] : index === 0 ? contentAt : pipes[index - 1];
      if (col === undefined) return undefined;
      edits.push({
        start: delimiterStart + col,
        end: delimiterStart + col,
        text: leadingPipe || index > 0 ? dashes.map((d) => `| ${d} `).join('') : dashes.map((d) => `${d} | `).join(''),
      });
    } else {
      edits.push({
        start: delimiterStart + trimmedEnd,
        end: delimiterStart + trimmedEnd,
        text: trailingPipe ? dashes.map((d) => ` ${d} |`).join('') : dashes.map((d) => ` | ${d}`).join(''),
      });
    }
  }
  return { start: table.start, end: table.end, text: applyEditsOnce(text.slice(table.start, table.end), edits, table.start) };
}

// ---------------------------------------------------------------------------
// Period under review

export interface ReviewPeriod {
  startKey: number;
  endKey: number;
  /** As written, for messages. */
  startText: string;
  endText: string;
  from: 'terms-of-reference' | 'front-matter';
}

/** Front matter `period-start` / `period-end`, when both read as dates. */
export function frontMatterPeriod(report: Report): ReviewPeriod | undefined {
  const startText = stringValue(report.frontMatter.data['period-start']);
  const endText = stringValue(report.frontMatter.data['period-end']);
  if (!startText || !endText) return undefined;
  const start = parseDate(startText);
  const end = parseDate(endText);
  if (!start?.valid || !end?.valid) return undefined;
  return { startKey: start.year * 10000 + start.month * 100 + (start.day ?? 0), endKey: dateEndKey(end), startText, endText, from: 'front-matter' };
}

// ---------------------------------------------------------------------------
// Timeline (for the editor's "Show timeline" webview)

export interface TimelineEvent {
  /** Sortable yyyymmdd of the start and of the last day meant. */
  key: number;
  endKey: number;
  /** ISO date of the start (yyyy-mm-dd; the 1st for a month, 1 January for a year). */
  iso: string;
  /** The date as written. */
  label: string;
  precision: ChronologyPrecision;
  uncertain: boolean;
  minutes?: number;
  /** The agency lane (Agency cell, else the IMR's agency, else “Unknown agency”). */
  agency: string;
  /** Was the child seen: true, false, or undefined (no column, blank or not recorded). */
  childSeen: boolean | undefined;
  /** Was this a contact in which the child could have been seen (home visit, clinic, school…)? */
  contact: boolean;
  /** Plain text of the Event cell, at most 200 characters. */
  event: string;
  /** 0-based document offsets of the row, and its 1-based line. */
  offset: number;
  end: number;
  line: number;
  /** Index of the chronology among `findChronologies(report)`. */
  chronology: number;
}

export interface TimelineGap {
  /** The last event before the gap and the first after it. */
  after: TimelineEvent;
  before: TimelineEvent;
  days: number;
  weeks: number;
}

export interface TimelineData {
  events: TimelineEvent[];
  /** Agency lanes in order of first appearance. */
  lanes: string[];
  /** Periods with no recorded event longer than `gapWeeks`. */
  gaps: TimelineGap[];
  gapWeeks: number;
}

function dayNumber(key: number, end = false): number {
  const year = Math.floor(key / 10000);
  let month = Math.floor(key / 100) % 100;
  let day = key % 100;
  if (month === 0) month = end ? 12 : 1;
  if (day === 0) day = end ? daysInMonth(year, month) : 1;
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

function isoOf(key: number): string {
  return new Date(dayNumber(key) * 86_400_000).toISOString().slice(0, 10);
}

/** Timeline data: every dated row of every chronology in date order, agency lanes, and gaps longer than `gapWeeks`. */
export function chronologyTimeline(report: Report, options: { gapWeeks?: number } = {}): TimelineData {
  const gapWeeks = options.gapWeeks ?? 4;
  const events: TimelineEvent[] = [];
  findChronologies(report).forEach((chronology, index) => {
    for (const row of chronology.rows) {
      const d = row.date;
      if (!d || !d.from.valid || (d.to && !d.to.valid)) continue;
      const event = (row.cells.event?.text ?? '').replace(/\s+/g, ' ').trim();
      events.push({
        key: d.key,
        endKey: Math.max(d.key, d.endKey),
        iso: isoOf(d.key),
        label: d.text.trim(),
        precision: d.from.precision,
        uncertain: d.uncertain,
        minutes: row.minutes,
        agency: row.agency?.trim() || 'Unknown agency',
        childSeen: row.cells.childSeen ? readChildSeen(row.cells.childSeen.text) : undefined,
        contact: isChildContact(`${row.cells.event?.text ?? ''} ${row.cells.source?.text ?? ''}`),
        event: event.length > 200 ? `${event.slice(0, 199)}…` : event,
        offset: row.start,
        end: row.end,
        line: report.toPoint(row.start).line,
        chronology: index,
      });
    }
  });
  events.sort((a, b) => a.key - b.key || (a.minutes ?? -1) - (b.minutes ?? -1) || a.offset - b.offset);
  const lanes = [...new Set(events.map((e) => e.agency))];
  const gaps: TimelineGap[] = [];
  let latest: TimelineEvent | undefined;
  for (const e of events) {
    if (latest) {
      const days = dayNumber(e.key) - dayNumber(latest.endKey, true);
      if (days > gapWeeks * 7) gaps.push({ after: latest, before: e, days, weeks: Math.floor(days / 7) });
    }
    if (!latest || dayNumber(e.endKey, true) >= dayNumber(latest.endKey, true)) latest = e;
  }
  return { events, lanes, gaps, gapWeeks };
}
