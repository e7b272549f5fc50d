/** GFM tables as rows and cells with offsets, and matching header cells to logical columns. */
import type { Nodes, Table, TableCell, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Report } from './report.js';
import { normalizePhrase } from './text.js';

export interface Cell {
  node: TableCell;
  /** Plain text of the cell (inline markup removed), trimmed. */
  text: string;
  /** 0-based offsets of the cell's content in the document (without the pipes). */
  start: number;
  end: number;
}

export interface Row {
  node: TableRow;
  /** 0-based index among the body rows (the header row is not counted). */
  index: number;
  start: number;
  end: number;
  cells: Cell[];
}

export interface TableModel {
  node: Table;
  start: number;
  end: number;
  header: Cell[];
  rows: Row[];
}

function readCell(node: TableCell): Cell {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return { node, text: toString(node).trim(), start, end };
}

function readRow(node: TableRow, index: number): Row {
  const start = node.position?.start.offset ?? 0;
  return { node, index, start, end: node.position?.end.offset ?? start, cells: node.children.map(readCell) };
}

const tableModels = new WeakMap<Table, TableModel>();

/** The model of a table node (read once per node; read-only). */
export function readTable(node: Table): TableModel {
  let model = tableModels.get(node);
  if (model) return model;
  const [head, ...body] = node.children;
  const start = node.position?.start.offset ?? 0;
  model = {
    node,
    start,
    end: node.position?.end.offset ?? start,
    header: head ? head.children.map(readCell) : [],
    rows: body.map(readRow),
  };
  tableModels.set(node, model);
  return model;
}

const reportTableModels = new WeakMap<Report, TableModel[]>();

/** Nodes that hold only phrasing content (or a table's rows and cells): no table can be inside them. */
const NO_TABLES_INSIDE = new Set(['paragraph', 'heading', 'table', 'tableRow', 'tableCell']);

/** The tables under a node, in document order, without walking into paragraphs, headings or tables. */
function collectTables(node: Nodes, into: TableModel[]): void {
  if (node.type === 'table') into.push(readTable(node));
  if (NO_TABLES_INSIDE.has(node.type) || !('children' in node)) return;
  for (const child of node.children) collectTables(child, into);
}

/** Tables that start in [start, end), anywhere in the tree (also inside lists and blockquotes). Read-only. */
export function tablesIn(report: Report, start = 0, end = report.text.length): TableModel[] {
  let tables = reportTableModels.get(report);
  if (!tables) {
    const all: TableModel[] = [];
    collectTables(report.tree, all);
    reportTableModels.set(report, (tables = all));
  }
  return tables.filter((t) => t.start >= start && t.start < end);
}

/**
 * Map logical columns to header positions. `synonyms` maps a column id to the
 * phrases that mean it ("date": ["date", "date of event"]); a header cell means
 * a column when a synonym stands in it as whole words. Each header cell is used
 * once, for the longest synonym that matches it.
 */
export function matchColumns(
  header: readonly Cell[] | readonly string[],
  synonyms: Record<string, readonly string[]>,
): Record<string, number> {
  const texts = header.map((h) => ` ${normalizePhrase(typeof h === 'string' ? h : h.text)} `);
  const candidates: { column: string; index: number; length: number }[] = [];
  for (const [column, phrases] of Object.entries(synonyms)) {
    texts.forEach((text, index) => {
      for (const phrase of phrases) {
        const p = normalizePhrase(phrase);
        if (p && text.includes(` ${p} `)) candidates.push({ column, index, length: p.length });
      }
    });
  }
  candidates.sort((a, b) => b.length - a.length);
  const result: Record<string, number> = {};
  const used = new Set<number>();
  for (const c of candidates) {
    if (c.column in result || used.has(c.index)) continue;
    result[c.column] = c.index;
    used.add(c.index);
  }
  return result;
}
