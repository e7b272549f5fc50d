/**
 * A fast path for long tables in the parse (issue 20). micromark tokenizes every
 * table cell with a tokenizer of its own, which makes a table row cost about as
 * much as a paragraph many times its length; a chronology of thousands of rows
 * took seconds to parse. Most rows are plain: `| 03/08/2007 | GP records | Seen. |`.
 *
 * Here the plain body rows of a table are taken out of the text before micromark
 * parses it, and their nodes are built directly, exactly as micromark and
 * mdast-util-gfm-table build them; every other row stays in the text and is
 * parsed by micromark in place (with the document's definitions around it). The
 * rows taken out are only those that follow a line micromark made a body row of a
 * table at the top level of the document: such a table goes on, row after row, for
 * as long as lines start with `|`, and a body row is read from its own line alone,
 * so the text after them parses the same either way. That is checked on the tree,
 * not assumed: when a line kept before the rows taken out is not such a row (the
 * "table" was in a code block, an HTML comment, a list), those rows are put back
 * and the text parsed again.
 *
 * A plain row starts with `|` at column 0 and ends with `|` (trailing spaces
 * allowed), and holds no tab, no NUL and nothing that may start inline syntax in the
 * report parser (`NOT_PLAIN`). Equality with micromark's tree is tested on generated documents
 * (test/unit/table-rows.test.ts, test/slow/robustness.test.ts).
 */
import type { Root, Table, TableCell, TableRow, Text } from 'mdast';
import type { Point, Position } from 'unist';

/**
 * What may start inline syntax in a cell: code, emphasis, links, images and footnotes (`[`, `]`),
 * strikethrough, a character reference (`&` before `#` or a name and `;`), HTML or an autolink (`<`
 * before anything but a space, a digit or `=`), a backslash escape other than `\|`; and tabs and
 * NUL, which micromark treats specially.
 */
const NOT_PLAIN = /[`*_[\]~\t\0]|&(?=#|[A-Za-z0-9]+;)|<(?![ \d=])|\\(?!\|)/;

interface Line {
  start: number;
  /** End of the line's content (before `\r\n` or `\n`). */
  end: number;
  /** Start of the next line. */
  next: number;
  /** 1-based line number. */
  line: number;
}

/** A run of plain body rows taken out of the text. */
interface Removed {
  /** The rows' lines, with the offsets of their pipes in the line. */
  rows: { line: Line; pipes: number[] }[];
  /** The line kept just before them (in the original text). */
  previous: Line;
  /** Where the rows started in the original text and in the text without them. */
  start: number;
  shortStart: number;
  /** Length and line count of what was taken out. */
  length: number;
  lineCount: number;
}

/** Offsets of the unescaped pipes of a plain row (the first is 0); undefined when the row is not plain. */
function plainRowPipes(text: string, line: Line): number[] | undefined {
  let end = line.end;
  while (end > line.start && text.charCodeAt(end - 1) === 32) end--;
  if (end - line.start < 2 || text.charCodeAt(line.start) !== 124 || text.charCodeAt(end - 1) !== 124) return undefined;
  const row = text.slice(line.start, end);
  if (NOT_PLAIN.test(row)) return undefined;
  const pipes: number[] = [];
  for (let i = 0; i < row.length; i++) {
    if (row.charCodeAt(i) === 124 && (i === 0 || row.charCodeAt(i - 1) !== 92)) pipes.push(i);
  }
  // The last pipe must close the row (`…\|` at the end is an escaped pipe, not the row's end).
  return pipes[pipes.length - 1] === row.length - 1 && pipes.length >= 2 ? pipes : undefined;
}

const point = (line: number, column: number, offset: number): Point => ({ line, column, offset });

/** The row node micromark builds for a plain row (see `plainRowPipes`). */
function buildRow(text: string, line: Line, pipes: readonly number[]): TableRow {
  const cells: TableCell[] = [];
  const at = (offset: number) => point(line.line, offset - line.start + 1, offset);
  for (let c = 0; c + 1 < pipes.length; c++) {
    const cellStart = line.start + pipes[c]!;
    // The last cell takes the closing pipe and any spaces after it.
    const cellEnd = c + 2 === pipes.length ? line.end : line.start + pipes[c + 1]!;
    let from = cellStart + 1;
    let to = line.start + pipes[c + 1]!;
    while (from < to && text.charCodeAt(from) === 32) from++;
    while (to > from && text.charCodeAt(to - 1) === 32) to--;
    const children: Text[] = [];
    if (to > from)
      children.push({ type: 'text', value: text.slice(from, to).replace(/\\\|/g, '|'), position: { start: at(from), end: at(to) } });
    cells.push({ type: 'tableCell', children, position: { start: at(cellStart), end: at(cellEnd) } });
  }
  return { type: 'tableRow', children: cells, position: { start: at(line.start), end: at(line.end) } };
}

/** Lines of the text; undefined when it has a carriage return that does not end a line with `\n` (micromark counts it as a line ending). */
function splitLines(text: string): Line[] | undefined {
  const lines: Line[] = [];
  let start = 0;
  let cr = text.indexOf('\r');
  for (let n = 1; ; n++) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline + 1;
    const end = newline === -1 ? text.length : newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
    if (cr !== -1 && cr < end) return undefined;
    if (cr !== -1 && cr < next) cr = text.indexOf('\r', next);
    lines.push({ start, end, next, line: n });
    if (newline === -1) return lines;
    start = next;
  }
}

/** Runs of plain rows that may be taken out: after the first three lines of each run of lines starting with `|`. */
function removableRuns(text: string, lines: readonly Line[]): Removed[] {
  const runs: Removed[] = [];
  let runLength = 0;
  let current: Removed | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (text.charCodeAt(line.start) !== 124) {
      runLength = 0;
      current = undefined;
      continue;
    }
    runLength++;
    // A row at the very end of a text without a final newline stays (the root's end point is its own).
    const pipes = runLength > 3 && line.next > line.end ? plainRowPipes(text, line) : undefined;
    if (!pipes) {
      current = undefined;
      continue;
    }
    if (!current) {
      current = { rows: [], previous: lines[i - 1]!, start: line.start, shortStart: 0, length: 0, lineCount: 0 };
      runs.push(current);
    }
    current.rows.push({ line, pipes });
    current.length = line.next - current.start;
    current.lineCount++;
  }
  return runs;
}

/**
 * Parse `text` with the runs taken out and put them back as built rows. `failed` lists the runs
 * whose kept line before them is not a body row of a top-level table (the tree is then not used).
 */
function parseWithout(text: string, runs: readonly Removed[], parse: (text: string) => Root): { tree: Root; failed: Removed[] } {
  const parts: string[] = [];
  let at = 0;
  let removed = 0;
  for (const run of runs) {
    parts.push(text.slice(at, run.start));
    run.shortStart = run.start - removed;
    removed += run.length;
    at = run.start + run.length;
  }
  parts.push(text.slice(at));
  const tree = parse(parts.join(''));

  // The body rows of top-level tables, by where they start in the shortened text.
  const bodyRows = new Map<number, { table: Table; row: TableRow }>();
  for (const child of tree.children) {
    if (child.type !== 'table') continue;
    for (const row of child.children.slice(1)) bodyRows.set(row.position?.start.offset ?? -1, { table: child, row });
  }
  const failed: Removed[] = [];
  let shift = 0;
  const after = new Map<TableRow, Removed>();
  for (const run of runs) {
    const previousStart = run.previous.start - shift;
    const found = bodyRows.get(previousStart);
    if (!found || found.row.position?.end.offset !== run.previous.end - shift || found.row.position.start.column !== 1) failed.push(run);
    else after.set(found.row, run);
    shift += run.length;
  }
  if (failed.length > 0) return { tree, failed };

  // Move every point after a run by the run's length and lines; then put the rows back.
  const starts = runs.map((r) => r.shortStart);
  const offsets: number[] = [];
  const lineShifts: number[] = [];
  let length = 0;
  let lineCount = 0;
  for (const run of runs) {
    length += run.length;
    lineCount += run.lineCount;
    offsets.push(length);
    lineShifts.push(lineCount);
  }
  const move = (p: Point): Point => {
    const offset = p.offset ?? 0;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? point(p.line, p.column, offset) : point(p.line + lineShifts[lo - 1]!, p.column, offset + offsets[lo - 1]!);
  };
  const visit = (node: { position?: Position; children?: unknown[] }) => {
    if (node.position) node.position = { start: move(node.position.start), end: move(node.position.end) };
    if (node.children) for (const child of node.children) visit(child as { position?: Position; children?: unknown[] });
  };
  visit(tree);
  const tables = new Set<Table>();
  for (const { table } of bodyRows.values()) tables.add(table);
  for (const table of tables) {
    const rows: TableRow[] = [];
    for (const row of table.children) {
      rows.push(row);
      const run = after.get(row);
      if (run) for (const { line, pipes } of run.rows) rows.push(buildRow(text, line, pipes));
    }
    if (rows.length === table.children.length) continue;
    table.children = rows;
    table.position = { start: table.position!.start, end: { ...rows[rows.length - 1]!.position!.end } };
  }
  return { tree, failed };
}

/**
 * Parse a document with `parse` (the report parser), building the nodes of long
 * tables' plain body rows directly. Gives the tree `parse(text)` gives.
 */
export function parseWithPlainRows(text: string, parse: (text: string) => Root): Root {
  if (!text.includes('\n|')) return parse(text);
  const lines = splitLines(text);
  if (!lines) return parse(text);
  let runs = removableRuns(text, lines);
  for (let attempt = 0; runs.length > 0 && attempt < 2; attempt++) {
    const { tree, failed } = parseWithout(text, runs, parse);
    if (failed.length === 0) return tree;
    // Put back the rows that did not follow a table's body row, and try once more without them.
    runs = runs.filter((r) => !failed.includes(r)).map((r) => ({ ...r }));
  }
  return parse(text);
}
