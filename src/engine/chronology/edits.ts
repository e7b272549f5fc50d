/**
 * Edits to chronology tables: dates rewritten in one format ("Normalise
 * chronology dates") and missing columns added.
 */
import type { Report } from '../report.js';
import { normaliseDate, type ChronologyDate, type DateValue } from '../dates.js';
import { findChronologies } from './table.js';
import { CHRONOLOGY_COLUMNS, COLUMN_TITLES, type Chronology, type ChronologyColumn } from './types.js';

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
    if (text !== date.text.slice(date.from.start - date.start, date.to.end - date.start))
      edits.push({ start: date.from.start, end: date.to.end, text });
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
        edits.push({
          start: cell.start,
          end: cell.start,
          text: piped ? texts.map((t) => `| ${t} `).join('') : texts.map((t) => `${t} | `).join(''),
        });
      } else if (index === width && cells.length === width) {
        const last = cells[cells.length - 1]!;
        const piped = text[last.end - 1] === '|';
        edits.push({
          start: last.end,
          end: last.end,
          text: piped ? texts.map((t) => ` ${t} |`).join('') : texts.map((t) => ` | ${t}`).join(''),
        });
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
