/**
 * What a chronology table is once read (primer §7): its logical columns, its
 * rows with their dates, and the constants the rules, the merge and the editor
 * share.
 */
import type { Section } from '../outline.js';
import type { Row, TableModel } from '../tables.js';
import type { ChronologyDate } from '../dates.js';
import data from '../../data/chronology-columns.json' with { type: 'json' };

/** Logical chronology columns, in the order a merged chronology lists them. */
export const CHRONOLOGY_COLUMNS = ['date', 'time', 'agency', 'source', 'event', 'childSeen', 'action', 'significance', 'note'] as const;
export type ChronologyColumn = (typeof CHRONOLOGY_COLUMNS)[number];

/** Header text used when a column is added or a chronology is merged. */
export const COLUMN_TITLES: Readonly<Record<ChronologyColumn, string>> = data.titles;

/** Date formats offered by "Normalise chronology dates" (tokens: see `normaliseDate`). */
export const DATE_FORMATS: readonly string[] = [
  'dd/mm/yyyy',
  'd/m/yyyy',
  'dd.mm.yyyy',
  'dd-mm-yyyy',
  'd MMMM yyyy',
  'd MMM yyyy',
  'do MMMM yyyy',
  'yyyy-mm-dd',
];

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
