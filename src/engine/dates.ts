/**
 * Finding and parsing dates as UK case reviews write them (day first):
 * 03/08/2007, 3.8.07, 2007-08-03, 3rd August 2007, August 3 2007, August 2007.
 */

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
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)';

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

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function expandYear(year: string): number {
  if (year.length === 4) return Number(year);
  const short = Number(year);
  return short >= 50 ? 1900 + short : 2000 + short;
}

function make(
  match: RegExpExecArray,
  year: number,
  month: number,
  day: number | undefined,
  format: string,
): FoundDate {
  const valid =
    month >= 1 && month <= 12 && (day === undefined || (day >= 1 && day <= daysInMonth(year, month)));
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

const MONTH_NAMES_FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why a date found with `valid: false` is impossible, in a few words (“February 2007 has 28 days”). */
export function describeBadDate(date: Pick<FoundDate, 'year' | 'month' | 'day'>): string {
  if (date.month < 1 || date.month > 12) return `there is no month ${date.month}`;
  const days = daysInMonth(date.year, date.month);
  return `${MONTH_NAMES_FULL[date.month - 1]} ${date.year} has ${days} days`;
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
export const EXAMPLE_DATE_FORMATS = ['dd/MM/yyyy', 'd/M/yyyy', 'dd.MM.yyyy', 'dd-MM-yyyy', 'd MMMM yyyy', 'd MMM yyyy', 'do MMMM yyyy', 'yyyy-MM-dd'] as const;

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
  if (found.day === undefined) return { date: `${MONTH_NAMES_FULL[found.month - 1]} ${found.year}` };
  return { date: `${String(found.day).padStart(2, '0')}/${String(found.month).padStart(2, '0')}/${found.year}` };
}
