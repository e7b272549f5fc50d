/**
 * Merging agencies' chronologies into one integrated (multi-agency) chronology
 * (primer §1 and §7): every IMR's chronology table is read, its rows are put in
 * one table in date order with an Agency column and a Source column, and
 * same-day entries from different agencies that seem to be about the same event
 * are placed next to each other and marked in a Note column.
 *
 * Pure: texts in, Markdown out. The CLI's `merge-chronologies` subcommand reads
 * and writes the files.
 *
 * - Agency: the row's own Agency cell, else the IMR's front matter `agency:`,
 *   else its title (the level-1 heading, else front matter `title:`) without
 *   “Individual Management Review” / “IMR”, else the file name.
 * - Columns: Date, Time (when any IMR has one), Agency, Source, Event, then Child
 *   seen / child's views, Action / outcome and Significance when any IMR has
 *   them, and Note when any IMR has one or same-day entries are marked. Cells
 *   are copied as written (inline Markdown kept); columns the merge does not
 *   know are left out, with a warning.
 * - Dates are re-written in one format (`dateFormat`, default dd/mm/yyyy),
 *   keeping uncertainty markers, times and ranges. Rows are sorted by date (then
 *   time), stably: rows from earlier inputs come first on the same day. A row
 *   with an uncertain date (“c. June 2009”) takes its place by that date when
 *   it fits between its neighbours in its own IMR; otherwise, and for rows with
 *   a missing or unreadable date, it stays after the row it followed there.
 * - Same-day marking: two entries on the same day (certain dates) from
 *   different agencies are taken to be about the same event when their Event
 *   texts share at least two significant words (“strategy”, “discussion”;
 *   common words such as “visit” or “mother” do not count) or one names the
 *   other's kind of agency (“referral from police”). Each group gets a number
 *   and its rows a Note: “Possible same event [1]: also recorded by Northshire
 *   Police”. On a day without times the rows of a group are moved next to each
 *   other; with times, time order wins and the Note still links them.
 */
import type { Root } from 'mdast';
import { reportParser } from './markdown-syntax.js';
import { buildReport } from './report.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { stringValue } from './front-matter.js';
import {
  agencyFamilies,
  applyEdits,
  checkOrder,
  COLUMN_TITLES,
  dateEdits,
  findChronologies,
  isAnchored,
  type ChronologyColumn,
  type ChronologyRow,
  type RowGroup,
} from './chronology/index.js';
import data from '../data/chronology-columns.json' with { type: 'json' };

export interface MergeInput {
  /** Shown in warnings and used as the agency when nothing better is known. */
  path: string;
  text: string;
}

export interface MergeOptions {
  /** Format of the merged dates (tokens as `normaliseDate`); default `dd/MM/yyyy`. */
  dateFormat?: string;
  /** Mark same-day entries about the same event in a Note column (default true). */
  markSameDay?: boolean;
}

export interface MergeResult {
  /** The merged chronology table (GFM), ending with a line break; empty when no rows were found. */
  markdown: string;
  /** Body rows of the merged table. */
  rows: number;
  /** Groups of same-day entries from different agencies marked as possibly the same event. */
  sameDayClusters: number;
  warnings: string[];
}

interface Entry {
  input: number;
  agency: string;
  row: ChronologyRow;
  cells: Partial<Record<ChronologyColumn, string>>;
}

interface Group {
  input: number;
  order: number;
  lead?: Entry;
  /** Where the group sorts (yyyymmdd, minutes or -1), from `checkOrder`. */
  key: number;
  minutes: number;
  entries: Entry[];
}

const COMMON_WORDS = new Set(data.mergeCommonWords);
const OPTIONAL_COLUMNS: readonly ChronologyColumn[] = ['childSeen', 'action', 'significance'];

const parser = reportParser().freeze();

function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.[^.]{1,10}$/, '') || path;
}

/** An agency name from a title such as “Individual Management Review: Northshire Police”. */
function agencyFromTitle(title: string): string | undefined {
  const cleaned = title
    .replace(/individual management review|\bIMR\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:–—,-]{0,10}(?:(?:for|by|of|from)\s)?/i, '')
    .replace(/[\s:–—,-]{1,10}$/, '')
    .trim();
  return cleaned || undefined;
}

function escapeCell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/(?<!\\)\|/g, '\\|');
}

function significantWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/\p{L}{4,30}/gu) ?? [];
  return new Set(words.map((w) => (w.length > 4 ? w.replace(/([^siu])s$/, '$1') : w)).filter((w) => !COMMON_WORDS.has(w)));
}

/** Are two same-day entries from different agencies about the same event? */
function sameEvent(a: Entry, b: Entry): boolean {
  const ea = a.row.cells.event?.text ?? '';
  const eb = b.row.cells.event?.text ?? '';
  const wa = significantWords(ea);
  let shared = 0;
  for (const w of significantWords(eb)) if (wa.has(w)) shared++;
  if (shared >= 2) return true;
  const fa = agencyFamilies(a.agency);
  const fb = agencyFamilies(b.agency);
  return (
    agencyFamilies(ea).some((f) => fb.includes(f) && !fa.includes(f)) || agencyFamilies(eb).some((f) => fa.includes(f) && !fb.includes(f))
  );
}

/** Can an uncertain row be sorted by its own date, between the group it follows and the next one in its IMR? */
function placeable(row: ChronologyRow, group: RowGroup, next: RowGroup | undefined): boolean {
  const d = row.date;
  if (!d || !d.uncertain || !d.from.valid || (d.to && !d.to.valid)) return false;
  return d.key >= group.key && (!next || d.key <= next.key);
}

function compareMerged(a: Group, b: Group): number {
  return a.key - b.key || a.minutes - b.minutes || a.input - b.input || a.order - b.order;
}

/** Merge IMR chronologies into one integrated chronology table. */
export function mergeChronologies(inputs: readonly MergeInput[], options: MergeOptions = {}): MergeResult {
  const format = options.dateFormat ?? 'dd/MM/yyyy';
  const markSameDay = options.markSameDay ?? true;
  const warnings: string[] = [];
  const present = new Set<ChronologyColumn>(['date', 'agency', 'source', 'event']);
  const groups: Group[] = [];

  inputs.forEach((input, inputIndex) => {
    const tree = parser.parse(input.text) as Root;
    const report = buildReport(tree, input.text, { ...DEFAULT_SETTINGS, defaultReportType: 'imr' });
    const title = report.outline.find((s) => s.isTitle)?.title ?? stringValue(report.frontMatter.data['title']);
    let agency = stringValue(report.frontMatter.data['agency']);
    if (!agency) {
      agency = (title && agencyFromTitle(title)) || baseName(input.path);
      warnings.push(`${input.path}: no front matter \`agency:\`; used “${agency}”`);
    }
    const chronologies = findChronologies(report);
    if (chronologies.length === 0) {
      warnings.push(`${input.path}: no chronology table found`);
      return;
    }
    if (chronologies.length > 1) warnings.push(`${input.path}: ${chronologies.length} chronology tables; all were merged`);
    for (const chronology of chronologies) {
      const mapped = new Set(Object.values(chronology.columns));
      chronology.table.header.forEach((cell, i) => {
        if (!mapped.has(i) && cell.text)
          warnings.push(`${input.path}: column “${cell.text}” left out (not a chronology column the merge knows)`);
      });
      for (const column of Object.keys(chronology.columns) as ChronologyColumn[]) present.add(column);
      if (chronology.columns.source === undefined) warnings.push(`${input.path}: no Source column; Source cells left blank`);
      const entries = new Map<ChronologyRow, Entry>();
      for (const row of chronology.rows) {
        const cells: Partial<Record<ChronologyColumn, string>> = {};
        for (const [column, content] of Object.entries(row.cells) as [ChronologyColumn, NonNullable<ChronologyRow['cells']['date']>][]) {
          cells[column] = content.source;
        }
        const dateCell = row.cells.date;
        const line = `${input.path}: row ${row.index + 1}`;
        if (row.date && dateCell) {
          const edits = dateEdits(row.date, format);
          cells.date = applyEdits(dateCell.source, edits, dateCell.start);
          if (!row.date.from.valid || (row.date.to && !row.date.to.valid))
            warnings.push(`${line}: impossible date “${row.date.text}” kept as written, after the row above it`);
        } else if (row.dateState === 'unparsed')
          warnings.push(`${line}: date “${dateCell?.text ?? ''}” does not read as a date; kept after the row above it`);
        else if (row.dateState === 'empty') warnings.push(`${line}: no date; kept after the row above it`);
        entries.set(row, { input: inputIndex, agency: row.cells.agency?.text.trim() || agency, row, cells });
      }
      const { groups: rowGroups } = checkOrder(chronology.rows);
      rowGroups.forEach((g: RowGroup, gi) => {
        const next = rowGroups[gi + 1]?.lead ? rowGroups[gi + 1] : undefined;
        let current: Group = {
          input: inputIndex,
          order: groups.length,
          lead: g.lead ? entries.get(g.lead) : undefined,
          key: g.key,
          minutes: g.minutes,
          entries: [],
        };
        let afterLead = false;
        for (const row of g.rows) {
          // An uncertain date that fits between its IMR neighbours takes its own place among the other agencies' rows.
          if (afterLead && g.lead && placeable(row, g, next)) {
            groups.push(current);
            current = {
              input: inputIndex,
              order: groups.length,
              lead: entries.get(row),
              key: row.date!.key,
              minutes: row.minutes ?? -1,
              entries: [],
            };
          }
          if (row === g.lead) afterLead = true;
          current.entries.push(entries.get(row)!);
        }
        groups.push(current);
      });
    }
  });

  groups.sort(compareMerged);

  // Same-day entries from different agencies about the same event.
  const notes = new Map<Entry, string>();
  let clusters = 0;
  if (markSameDay) {
    const ordered: Group[] = [];
    for (let i = 0; i < groups.length;) {
      // The groups that sort on one day; only certain day dates are compared.
      let j = i + 1;
      while (j < groups.length && groups[j]!.key === groups[i]!.key) j++;
      const day = groups.slice(i, j);
      i = j;
      const comparable = (g: Group) => !!g.lead && isAnchored(g.lead.row);
      if (day.filter(comparable).length < 2) {
        ordered.push(...day);
        continue;
      }
      // Union-find over the day's groups.
      const parent = day.map((_, k) => k);
      const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
      for (let a = 0; a < day.length; a++) {
        for (let b = a + 1; b < day.length; b++) {
          if (!comparable(day[a]!) || !comparable(day[b]!)) continue;
          const ea = day[a]!.lead!;
          const eb = day[b]!.lead!;
          if (ea.agency !== eb.agency && sameEvent(ea, eb)) parent[find(b)] = find(a);
        }
      }
      const components = new Map<number, number[]>();
      day.forEach((_, k) => components.set(find(k), [...(components.get(find(k)) ?? []), k]));
      const timed = day.some((g) => g.minutes >= 0);
      for (const members of components.values()) {
        if (members.length < 2) continue;
        const agencies = [...new Set(members.map((k) => day[k]!.lead!.agency))];
        if (agencies.length < 2) continue;
        clusters++;
        for (const k of members) {
          const lead = day[k]!.lead!;
          const others = agencies.filter((a) => a !== lead.agency);
          notes.set(lead, `Possible same event [${clusters}]: also recorded by ${others.join('; ')}`);
        }
      }
      if (timed) ordered.push(...day);
      else {
        const done = new Set<number>();
        day.forEach((_, k) => {
          const root = find(k);
          if (done.has(root)) return;
          done.add(root);
          for (const m of components.get(root)!) ordered.push(day[m]!);
        });
      }
    }
    groups.splice(0, groups.length, ...ordered);
  }

  const entries = groups.flatMap((g) => g.entries);
  if (entries.length === 0) {
    warnings.push('no chronology rows to merge');
    return { markdown: '', rows: 0, sameDayClusters: 0, warnings };
  }
  if (notes.size > 0) present.add('note');
  const columns: ChronologyColumn[] = ['date'];
  if (present.has('time')) columns.push('time');
  columns.push('agency', 'source', 'event');
  for (const c of OPTIONAL_COLUMNS) if (present.has(c)) columns.push(c);
  if (present.has('note')) columns.push('note');

  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const lines = [line(columns.map((c) => COLUMN_TITLES[c])), line(columns.map(() => '---'))];
  for (const entry of entries) {
    lines.push(
      line(
        columns.map((c) => {
          if (c === 'agency') return escapeCell(entry.agency);
          if (c === 'note') {
            const own = entry.cells.note?.trim();
            const marker = notes.get(entry);
            return [own, marker && escapeCell(marker)].filter(Boolean).join(' ');
          }
          return entry.cells[c]?.trim() ?? '';
        }),
      ),
    );
  }
  return { markdown: `${lines.join('\n')}\n`, rows: entries.length, sameDayClusters: clusters, warnings };
}
