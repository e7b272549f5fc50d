/**
 * Dates as UK case reviews write them (day first), for the whole engine:
 * - finding and parsing them in prose: 03/08/2007, 3.8.07, 2007-08-03,
 *   3rd August 2007, August 3 2007, August 2007 (`findDates`, `parseDate`);
 * - sortable keys (yyyymmdd) and days, month lengths (`dateKey`, `dateEndKey`,
 *   `monthEndKey`, `dayOfKey`, `daysInMonth`);
 * - date formats: checking one from a person, writing a date in one
 *   (`dateFormatProblem`, `normaliseDate`, `normaliseTypedDate`);
 * - the date of a chronology row as written in its date cell, with uncertainty
 *   markers, weekdays, times and ranges (`parseChronologyDate`, `parseTime`).
 *
 * Dates in a chronology's date cell, after optional emphasis (`**`) and a weekday:
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
import { escapeRegExp, normalizePhrase } from './text.js';
import data from '../data/chronology-columns.json' with { type: 'json' };

export type DatePrecision = 'day' | 'month';

export interface FoundDate {
  /** 0-based offsets of the match within the searched text. */
  start: number;
  end: number;
  text: string;
  year: number;
  month: number;
  /** Missing for month-year dates. */
  day?: number;
  precision: DatePrecision;
  /** A name for the written form, to compare formats within one table. */
  format: string;
  /** False for impossible dates such as 31/02/2008. */
  valid: boolean;
}

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const MONTH =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)';

// Each alternative is linear: fixed-width digit groups and a closed list of month names.
const DATE_PATTERN = new RegExp(
  [
    `\\b(\\d{4})-(\\d{2})-(\\d{2})\\b`, // 1-3 ISO
    `\\b(\\d{1,2})([/.-])(\\d{1,2})\\5(\\d{4}|\\d{2})\\b`, // 4-7 numeric day-first
    `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?${MONTH}\\.?,?\\s(\\d{4})\\b`, // 8-10 day month year
    `\\b${MONTH}\\.?\\s(\\d{1,2})(?:st|nd|rd|th)?,?\\s(\\d{4})\\b`, // 11-13 month day year
    `\\b${MONTH}\\.?,?\\s(\\d{4})\\b`, // 14-15 month year
  ].join('|'),
  'gi',
);

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function expandYear(year: string): number {
  if (year.length === 4) return Number(year);
  const short = Number(year);
  return short >= 50 ? 1900 + short : 2000 + short;
}

function make(match: RegExpExecArray, year: number, month: number, day: number | undefined, format: string): FoundDate {
  const valid = month >= 1 && month <= 12 && (day === undefined || (day >= 1 && day <= daysInMonth(year, month)));
  return {
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
    year,
    month,
    day,
    precision: day === undefined ? 'month' : 'day',
    format,
    valid,
  };
}

/** Every date in a text, in order of appearance. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  DATE_PATTERN.lastIndex = 0;
  for (let m = DATE_PATTERN.exec(text); m; m = DATE_PATTERN.exec(text)) {
    if (m[1]) found.push(make(m, Number(m[1]), Number(m[2]), Number(m[3]), 'yyyy-mm-dd'));
    else if (m[4]) {
      const sep = m[5]!;
      found.push(make(m, expandYear(m[7]!), Number(m[6]), Number(m[4]), `dd${sep}mm${sep}${m[7]!.length === 4 ? 'yyyy' : 'yy'}`));
    } else if (m[8]) found.push(make(m, Number(m[10]), MONTHS[m[9]!.toLowerCase()]!, Number(m[8]), 'd month yyyy'));
    else if (m[11]) found.push(make(m, Number(m[13]), MONTHS[m[11]!.toLowerCase()]!, Number(m[12]), 'month d yyyy'));
    else if (m[14]) found.push(make(m, Number(m[15]), MONTHS[m[14]!.toLowerCase()]!, undefined, 'month yyyy'));
  }
  return found;
}

/** Parse a whole string as one date (surrounding spaces allowed), or undefined. */
export function parseDate(text: string): FoundDate | undefined {
  const trimmed = text.trim();
  const [first] = findDates(trimmed);
  return first && first.start === 0 && first.end === trimmed.length ? first : undefined;
}

/** A sortable number: yyyymmdd, with day 0 for month-year dates. */
export function dateKey(date: Pick<FoundDate, 'year' | 'month' | 'day'>): number {
  return date.year * 10000 + date.month * 100 + (date.day ?? 0);
}

/** The last day a date can mean (end of the month for month-year dates). */
export function dateEndKey(date: Pick<FoundDate, 'year' | 'month' | 'day'>): number {
  return date.year * 10000 + date.month * 100 + (date.day ?? daysInMonth(date.year, date.month));
}

/** The sortable key (yyyymmdd) of the last day of a month. */
export function monthEndKey(year: number, month: number): number {
  return dateEndKey({ year, month });
}

/** Days since 1970-01-01 (UTC) of the first (or, with `end`, last) day meant by a yyyymmdd key whose month or day may be 0. */
export function dayOfKey(key: number, end = false): number {
  const year = Math.floor(key / 10000);
  let month = Math.floor(key / 100) % 100;
  let day = key % 100;
  if (month === 0) month = end ? 12 : 1;
  if (day === 0) day = end ? daysInMonth(year, month) : 1;
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** Month names, January first. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Why a date found with `valid: false` is impossible, in a few words (“February 2007 has 28 days”). */
export function describeBadDate(date: Pick<FoundDate, 'year' | 'month' | 'day'>): string {
  if (date.month < 1 || date.month > 12) return `there is no month ${date.month}`;
  const days = daysInMonth(date.year, date.month);
  return `${MONTH_NAMES[date.month - 1]} ${date.year} has ${days} days`;
}

// ---------------------------------------------------------------------------
// Date formats: Unicode tokens, as date libraries use them.

/**
 * Tokens of a date format: `yyyy` (2007), `yy` (07), `MMMM` (August), `MMM`
 * (Aug), `MM` (08), `M` (8), `dd` (03), `d` (3), `do` (3rd). The older `mm`
 * and `m` are still read as the month (they were this product's month tokens
 * before it followed the Unicode ones); a format may not mix them with `MM`.
 */
export const DATE_FORMAT_TOKEN = /yyyy|yy|MMMM|MMM|MM|M|mm|m|do|dd|d/g;

/** Formats offered as examples (`--date-format`, `caseReview.chronologyDateFormat`). */
export const EXAMPLE_DATE_FORMATS = [
  'dd/MM/yyyy',
  'd/M/yyyy',
  'dd.MM.yyyy',
  'dd-MM-yyyy',
  'd MMMM yyyy',
  'd MMM yyyy',
  'do MMMM yyyy',
  'yyyy-MM-dd',
] as const;

/** What may stand between tokens: nothing that could break a table cell or be misread as a token. */
const SEPARATOR = /^[ /.,-]*$/;

/**
 * Check a date format: it needs one year, one month and one day token, and
 * only spaces, `/`, `.`, `,` or `-` between them. Returns why not, or undefined.
 */
export function dateFormatProblem(format: string): string | undefined {
  if (!format.trim()) return 'the format is empty';
  const tokens: string[] = [];
  let last = 0;
  for (const m of format.matchAll(DATE_FORMAT_TOKEN)) {
    const between = format.slice(last, m.index);
    if (!SEPARATOR.test(between)) return `“${between.trim() || between}” is not a date token or a separator`;
    tokens.push(m[0]);
    last = m.index + m[0].length;
  }
  const rest = format.slice(last);
  if (!SEPARATOR.test(rest)) return `“${rest.trim() || rest}” is not a date token or a separator`;
  const years = tokens.filter((t) => t === 'yyyy' || t === 'yy');
  const months = tokens.filter((t) => /^(?:M+|m+)$/.test(t));
  const days = tokens.filter((t) => t === 'dd' || t === 'd' || t === 'do');
  if (years.length !== 1) return years.length === 0 ? 'it has no year (yyyy or yy)' : 'it has more than one year';
  if (months.length !== 1) return months.length === 0 ? 'it has no month (MM, M, MMM or MMMM)' : 'it has more than one month';
  if (days.length !== 1) return days.length === 0 ? 'it has no day (dd, d or do)' : 'it has more than one day';
  return undefined;
}

/** One sentence for an invalid format: why, then the formats to use. */
export function dateFormatError(format: string): string | undefined {
  const problem = dateFormatProblem(format);
  if (!problem) return undefined;
  return `“${format}” is not a date format: ${problem}. Use the tokens yyyy, yy, MMMM, MMM, MM, M, dd, d or do, separated by spaces or any of / . , -, for example ${EXAMPLE_DATE_FORMATS.join(', ')}.`;
}

/**
 * A date typed by a person (the `new` command, the New Report wizard), day
 * first: the date, written as `dd/MM/yyyy`, or why it cannot be used.
 */
export function normaliseTypedDate(text: string): { date: string } | { error: string } {
  const found = parseDate(text);
  if (!found) return { error: `“${text}” is not a date that can be read` };
  if (!found.valid) return { error: `“${text}” is not a real date: ${describeBadDate(found)}` };
  if (found.day === undefined) return { date: `${MONTH_NAMES[found.month - 1]} ${found.year}` };
  return { date: `${String(found.day).padStart(2, '0')}/${String(found.month).padStart(2, '0')}/${found.year}` };
}

// ---------------------------------------------------------------------------
// Writing dates

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** A format split into its tokens and the text between them. */
export function formatPieces(format: string): { token: boolean; text: string }[] {
  const out: { token: boolean; text: string }[] = [];
  let last = 0;
  for (const m of format.matchAll(DATE_FORMAT_TOKEN)) {
    if (m.index > last) out.push({ token: false, text: format.slice(last, m.index) });
    out.push({ token: true, text: m[0] });
    last = m.index + m[0].length;
  }
  if (last < format.length) out.push({ token: false, text: format.slice(last) });
  return out;
}

/** A format without its day: `dd/mm/yyyy` → `mm/yyyy`, `d MMMM yyyy` → `MMMM yyyy`, `MMMM d, yyyy` → `MMMM yyyy`. */
function withoutDay(format: string): string {
  const parts = formatPieces(format);
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
 * from a person with `dateFormatProblem` first). A date without a day is written `MMMM yyyy` (or the format without
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
  return fmt.replace(DATE_FORMAT_TOKEN, (t) => {
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

// ---------------------------------------------------------------------------
// The date of a chronology row, as written in its date cell

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

/** Is a `findDates` format numeric and day first (dd/mm/yyyy, dd.mm.yy…)? */
export function isNumericDateFamily(family: string): boolean {
  return /^dd[/.-]mm[/.-]yy(?:yy)?$/.test(family);
}

function valueFromFound(f: FoundDate, offset: number): DateValue {
  const numeric = isNumericDateFamily(f.format);
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
