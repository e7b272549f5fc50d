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
