/**
 * The date order of a chronology's rows: which rows are out of order, the rows
 * sorted, and the sort fix (the table with its body rows in date order).
 */
import type { TextEdit } from './edits.js';
import type { Chronology, ChronologyRow } from './types.js';

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
