/**
 * Finding the chronology tables of a report and reading them: mapping their
 * columns, each row's cells, date and time, and the table's usual date format.
 */
import type { Report } from '../report.js';
import { matchColumns, tablesIn, type Row, type TableModel } from '../tables.js';
import { formatPieces, isNumericDateFamily, parseChronologyDate, parseTime, type ChronologyDate } from '../dates.js';
import { normalizePhrase } from '../text.js';
import { stringValue } from '../front-matter.js';
import data from '../../data/chronology-columns.json' with { type: 'json' };
import { sectionsWithRole } from '../section-roles.js';
import { type CellContent, type Chronology, type ChronologyColumn, type ChronologyRow, type DateState } from './types.js';

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

function readRows(
  report: Report,
  table: TableModel,
  columns: Partial<Record<ChronologyColumn, number>>,
  agency: string | undefined,
): ChronologyRow[] {
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
  return formatPieces(pattern)
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
      const tokens = formatPieces(v.pattern)
        .filter((p) => p.token)
        .map((p) => p.text);
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
    const numeric = isNumericDateFamily(family) || family === 'yyyy-mm-dd';
    const padDay = t.dayPad > t.dayBare || (t.dayPad === t.dayBare && numeric);
    const padMonth = t.monthPad > t.monthBare || (t.monthPad === t.monthBare && numeric);
    const pattern = formatPieces(shape)
      .map((p) => (p.token && p.text === 'd' ? (padDay ? 'dd' : 'd') : p.token && p.text === 'm' ? (padMonth ? 'mm' : 'm') : p.text))
      .join('');
    best = { family, pattern, count: t.count };
  }
  return best;
}

const cache = new WeakMap<Report, Chronology[]>();

/**
 * Chronology tables of a report: tables under a chronology heading (profile
 * sections with the role chronology: a timeline, facts, a summary of events) that have a Date
 * column or an Event column with one more chronology column, and tables anywhere
 * whose header has both a Date and an Event column.
 */
export function findChronologies(report: Report): Chronology[] {
  const cached = cache.get(report);
  if (cached) return cached;
  const sections = sectionsWithRole(report, 'chronology');
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
