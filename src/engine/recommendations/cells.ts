/**
 * The columns of recommendations tables and action plans, and what their cells
 * say: a lead, date or measure that commits to nothing ("TBC", "all agencies",
 * "ongoing"), a status that says the action is done, "as above".
 */
import type { Report } from '../report.js';
import { matchColumns, type Cell, type Row, type TableModel } from '../tables.js';
import { normalizePhrase, trimEndChars, trimStartChars } from '../text.js';
import columnData from '../../data/action-plan-columns.json' with { type: 'json' };
import type { Span } from './plain-text.js';

export type ColumnId = 'reference' | 'recommendation' | 'action' | 'lead' | 'date' | 'measure' | 'status';

export const COLUMN_SYNONYMS = columnData.columns as Record<ColumnId, string[]>;
export const REQUIRED_COLUMNS = columnData.required as ColumnId[];
export const COLUMN_NAMES = columnData.columnNames as Record<ColumnId, string>;

const NON_COMMITTAL = {
  any: new Set(columnData.nonCommittal.any.map(normalizePhrase)),
  lead: new Set(columnData.nonCommittal.lead.map(normalizePhrase)),
  date: new Set(columnData.nonCommittal.date.map(normalizePhrase)),
  measure: new Set(columnData.nonCommittal.measure.map(normalizePhrase)),
};

const COMPLETED = new Set(columnData.completed.map(normalizePhrase));
/** Cells that repeat the cell above ("as above", "ditto", "\""), in lower case. */
export const SAME_AS_ABOVE = new Set(columnData.sameAsAbove.map((s) => s.trim().toLowerCase()));

/** Does a cell's text commit to nothing ("TBC", "all agencies", "ongoing")? Raw symbols such as "-" and "?" count too. */
export function isNonCommittal(text: string, column: 'lead' | 'date' | 'measure'): boolean {
  const raw = text.trim().toLowerCase();
  if (/^[-–—?x.]{1,3}$/.test(raw)) return true;
  const norm = normalizePhrase(text);
  return NON_COMMITTAL.any.has(norm) || NON_COMMITTAL[column].has(norm);
}

/** Does a status or date cell say the action is done ("Completed", "Achieved March 2012")? */
export function saysCompleted(text: string): boolean {
  return normalizePhrase(text)
    .split(' ')
    .some((w) => COMPLETED.has(w));
}

/** Map a table's header to logical columns. */
export function tableColumns(model: TableModel): Partial<Record<ColumnId, number>> {
  const columns = matchColumns(model.header, COLUMN_SYNONYMS) as Partial<Record<ColumnId, number>>;
  model.header.forEach((cell, index) => {
    if (
      columns.reference === undefined &&
      /^(?:#|no\.?|ref\.?)?$/i.test(cell.text.trim()) &&
      index === 0 &&
      !Object.values(columns).includes(index)
    ) {
      columns.reference = index;
    }
  });
  return columns;
}

/** The cell of a mapped column in a row, if the column was found. */
export function cellAt(row: Row, index: number | undefined): Cell | undefined {
  return index === undefined ? undefined : row.cells[index];
}

/** The content of a cell without its pipes and padding (for messages); an empty cell keeps its full range. */
export function cellContent(report: Report, cell: Cell): Span {
  const raw = report.text.slice(cell.start, cell.end);
  const lead = raw.length - trimStartChars(raw, '| \t\n').length;
  const end = cell.start + trimEndChars(raw, '| \t\n').length;
  if (end <= cell.start + lead) return { start: cell.start, end: cell.end, text: '' };
  return { start: cell.start + lead, end, text: report.text.slice(cell.start + lead, end) };
}
