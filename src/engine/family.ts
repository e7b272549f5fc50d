/**
 * The family composition (genogram) of a report: who is in it, how each person
 * is related to the child, and which of them are children. Shared by the
 * child-focus rules (household-members, siblings-considered) and by
 * `child.ts`, which learns the other children's pseudonyms from it.
 */
import type { Report } from './report.js';
import type { Section } from './outline.js';
import { hasRole } from './section-roles.js';
import { blocksIn, maskMarkup, type Block } from './blocks.js';
import { matchColumns, tablesIn, type TableModel } from './tables.js';
import { normalizePhrase } from './text.js';
import { wordsRegExp } from './words.js';
import data from '../data/household.json' with { type: 'json' };

export const HOUSEHOLD = data;

export interface Member {
  /** The person as the composition names them (“Mr G”, “Child B”, “Mother”). */
  name: string;
  /** The relationship to the child as written (may be empty). */
  relationship: string;
  /** Does the row or item say how the person is related to the child (in its own cell or in the name)? */
  hasRelationship: boolean;
  /** Age in years when the composition gives one (months and weeks count as 0). */
  age?: number;
  isChild: boolean;
  /** Is this the child the review is about? */
  isSubject: boolean;
  /** 0-based offsets of the row or list item. */
  start: number;
  end: number;
}

export interface Composition {
  /** Outline sections that are the family composition. */
  sections: Section[];
  /** The composition table, when there is one (the first table with person columns). */
  table?: TableModel;
  /** Column positions of the table (name, relationship, age, ethnicity, household). */
  columns: Record<string, number>;
  members: Member[];
  /** Normalised text of the whole composition (padded with spaces), for “is X in it?”. */
  normalized: string;
  /** 0-based offset where a new row or item goes, and the text that opens it. */
  insertOffset: number;
  /** Build the text of a new row (or list item) for a person. */
  rowText(name: string, relationship: string): string;
  /** Ranges of the composition in the document (sections and composition tables elsewhere). */
  ranges: { start: number; end: number }[];
}

const RELATIONSHIP = wordsRegExp(data.relationshipWords, 'iu')!;
const CHILD_RELATIONSHIP = wordsRegExp(data.childRelationships, 'iu')!;
const SUBJECT = wordsRegExp(data.subjectMarkers, 'iu')!;
const ADULT_SIBLING =
  /\b(?:mother|father|mum|dad|grandmother|grandfather|maternal|paternal|aunt|uncle)(?:['’]s)?\s+(?:half-|step-?)?(?:brother|sister|sibling)\b/i;
const PSEUDONYM_CHILD = /^(?:Child|Sibling|Baby|Infant|Young Person)\s+[A-Z0-9](?![\p{L}\p{N}])/u;
const PROMPT = /^\s*(?:\*\*|__)?(?:prompt|guidance|template guidance)\s*:/i;

const COMPOSITION_HEADINGS = data.compositionHeadings.map((h) => ` ${normalizePhrase(h)} `);

/** Does an outline section mean the family composition? */
export function isCompositionSection(report: Report, section: Section): boolean {
  if (hasRole(report, section, 'family-composition', 'core-data')) return true;
  if (section.matches.length > 0) return false;
  const heading = ` ${section.normalized} `;
  return COMPOSITION_HEADINGS.some((h) => heading.includes(h));
}

function test(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/** Years from an age cell: “4”, “4 years”, “26 yrs”, “8 months” (0). Years of birth are not ages. */
export function parseAge(text: string): number | undefined {
  const m = /(?<![\p{N}])(\d{1,3})(?:\s{0,3}(years?|yrs?|y|months?|mths?|weeks?|wks?|days?))?(?![\p{N}])/iu.exec(text);
  if (!m) return undefined;
  const unit = (m[2] ?? '').toLowerCase();
  if (/^(?:m|w|d)/.test(unit)) return 0;
  const n = Number(m[1]);
  return n > 120 ? undefined : n;
}

function isChildMember(name: string, relationship: string, age: number | undefined): boolean {
  if (age !== undefined) return age < 18;
  if (PSEUDONYM_CHILD.test(name.trim())) return true;
  const rel = `${name} ${relationship}`;
  if (ADULT_SIBLING.test(rel)) return false;
  return test(CHILD_RELATIONSHIP, rel);
}

/** The name part of a cell or list item: markup removed, cut before “(”, “,”, “:” or a spaced dash. */
function cleanName(text: string): string {
  const flat = text
    .replace(/[*_`|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let cut = flat.length;
  for (const mark of ['(', ',', ':', ' – ', ' — ', ' - ', ';']) {
    const at = flat.indexOf(mark);
    if (at !== -1 && at < cut) cut = at;
  }
  return flat.slice(0, cut).trim();
}

function isSubjectMember(name: string, relationship: string, childNames: readonly string[]): boolean {
  const norm = normalizePhrase(name);
  if (norm && childNames.some((c) => normalizePhrase(c) === norm)) return true;
  return test(SUBJECT, relationship) || (test(SUBJECT, name) && !PSEUDONYM_CHILD.test(name));
}

const tableCache = new WeakMap<Report, TableModel[]>();

/** The report's tables that start in [start, end), read once per report. */
export function reportTables(report: Report, start = 0, end = report.text.length): TableModel[] {
  let tables = tableCache.get(report);
  if (!tables) tableCache.set(report, (tables = tablesIn(report)));
  return tables.filter((t) => t.start >= start && t.start < end);
}

const cache = new WeakMap<Report, Composition | undefined>();

/** The report's family composition, or undefined when it has none. Cached per report. */
export function familyComposition(report: Report): Composition | undefined {
  if (cache.has(report)) return cache.get(report);
  const result = readComposition(report);
  cache.set(report, result);
  return result;
}

const PERSON_COLUMNS = data.columns;

function readComposition(report: Report): Composition | undefined {
  const sections = report.outline.filter((s) => isCompositionSection(report, s));
  // Keep only the outermost composition sections (a “Genogram” inside “Family composition” is read once).
  const outer = sections.filter((s) => !sections.some((o) => o !== s && o.start < s.start && o.end >= s.end));
  const ranges = outer.map((s) => ({ start: s.heading.position?.end.offset ?? s.start, end: s.end }));

  let table: TableModel | undefined;
  let columns: Record<string, number> = {};
  for (const range of ranges) {
    for (const t of reportTables(report, range.start, range.end)) {
      const cols = matchColumns(t.header, PERSON_COLUMNS);
      if (!table) {
        table = t;
        columns = cols;
      }
    }
  }
  if (!table) {
    // A table elsewhere with person columns (name and relationship) counts too.
    for (const t of reportTables(report)) {
      const cols = matchColumns(t.header, PERSON_COLUMNS);
      if (
        'relationship' in cols &&
        ('name' in cols || 'age' in cols || 'ethnicity' in cols) &&
        !/\bdate\b/i.test(
          t.header
            .map((c) => c.text)
            .join(' ')
            .replace(/date of birth/gi, ''),
        )
      ) {
        table = t;
        columns = cols;
        ranges.push({ start: t.start, end: t.end });
        break;
      }
    }
  }
  if (ranges.length === 0) return undefined;

  const members: Member[] = [];
  let insertOffset: number;
  let rowText: (name: string, relationship: string) => string;
  if (table) {
    const t = table;
    const nameCol = columns.name ?? 0;
    const relCol = columns.relationship;
    for (const row of t.rows) {
      const name = cleanName(row.cells[nameCol]?.text ?? '');
      const relationship = relCol === undefined ? '' : (row.cells[relCol]?.text ?? '').trim();
      if (!name && !relationship) continue;
      const ageText = columns.age === undefined ? '' : (row.cells[columns.age]?.text ?? '');
      const age = parseAge(ageText);
      const nameHasRelationship = test(RELATIONSHIP, name) && !PSEUDONYM_CHILD.test(name) && !/^(?:Mr|Mrs|Ms|Miss|Mx|Adult)\b/.test(name);
      members.push({
        name,
        relationship,
        hasRelationship: relationship.replace(/[-–—?]/g, '').trim() !== '' || nameHasRelationship,
        age,
        isChild: isChildMember(name, relationship, age),
        isSubject: isSubjectMember(name, relationship, report.childNames),
        start: row.start,
        end: row.end,
      });
    }
    insertOffset = t.end;
    rowText = (name, relationship) => {
      const width = Math.max(t.header.length, 1);
      const cells = Array.from({ length: width }, (_, i) => {
        if (i === nameCol) return name;
        if (i === relCol) return relationship;
        if (i === columns.age) return '[insert age]';
        if (i === columns.ethnicity) return '[insert ethnicity]';
        if (i === columns.household) return '[insert whether living in the household]';
        return '';
      });
      if (relCol === undefined && width > 1 && nameCol !== 1) cells[nameCol === 0 ? 1 : 0] = relationship;
      return `\n| ${cells.join(' | ')} |`;
    };
  } else {
    const items: Block[] = [];
    for (const range of ranges) {
      for (const block of blocksIn(report.tree, report.text, range.start, range.end)) {
        if (PROMPT.test(block.source)) continue;
        items.push(block);
      }
    }
    const listItems = items.filter((b) => isListItemParagraph(report, b));
    for (const item of listItems) {
      const text = maskMarkup(item.source).replace(/[*_]/g, '');
      const name = cleanName(text);
      const relationship = text
        .slice(text.indexOf(name) + name.length)
        .replace(/^[\s(,–—:-]+/u, '')
        .trim();
      const age = parseAge(relationship);
      members.push({
        name,
        relationship,
        hasRelationship: test(RELATIONSHIP, text),
        age,
        isChild: isChildMember(name, relationship, age),
        isSubject: isSubjectMember(name, relationship, report.childNames),
        start: item.start,
        end: item.end,
      });
    }
    const last = listItems[listItems.length - 1] ?? items[items.length - 1];
    const lastRange = ranges[ranges.length - 1]!;
    const listEnd = last ? last.end : lastRange.start;
    insertOffset = listEnd;
    rowText = listItems.length > 0 ? (name, rel) => `\n- ${name}: ${rel}` : (name, rel) => `\n\n- ${name}: ${rel}`;
  }

  // Subject: when nothing marks it, the first child listed.
  if (!members.some((m) => m.isSubject)) {
    const firstChild = members.find((m) => m.isChild);
    if (firstChild) firstChild.isSubject = true;
  }

  const normalized = ` ${ranges.map((r) => normalizePhrase(maskMarkup(report.text.slice(r.start, r.end)))).join(' ')} `;
  return { sections: outer, table, columns, members, normalized, insertOffset, rowText, ranges };
}

function isListItemParagraph(report: Report, block: Block): boolean {
  // A list item's paragraph starts after a bullet or number on its line.
  const lineStart = report.text.lastIndexOf('\n', block.start - 1) + 1;
  return /^\s{0,8}(?:[-*+]|\d{1,3}[.)])\s+$/.test(report.text.slice(lineStart, block.start));
}

/** Does the composition mention a phrase (whole words, normalised)? */
export function compositionHas(composition: Composition, phrase: string): boolean {
  const p = normalizePhrase(phrase);
  return p !== '' && composition.normalized.includes(` ${p} `);
}
