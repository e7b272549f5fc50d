/**
 * Export to Word: a case review report (Markdown) as a .docx document, built
 * from the same mdast tree the linter reads, with the `docx` library.
 *
 * No VS Code or Node imports: the CLI and the VS Code extension both call it.
 *
 * What the document has:
 * - a title page from front matter: board, title, report type (the profile's
 *   title), child's pseudonym, agency (IMRs), period under review, report date
 *   and version;
 * - the protective marking (front matter `marking:` or the `marking` option),
 *   when there is one, at the head and foot of every page, the title page
 *   included; "Page X of Y" in the footer of every page after the title page;
 * - Markdown headings as Word heading styles. The report's title (the first
 *   `#` heading, before any `##`) goes on the title page, so the sections
 *   (`##`) are Word "Heading 1", `###` "Heading 2" and so on;
 * - numbered sections and paragraphs as boards number them (see below);
 * - bold, italic, strike-through, code, links, line breaks; bulleted and
 *   numbered lists (nested); block quotes; code blocks; thematic breaks;
 * - GFM tables (chronology, action plan, family composition...) as Word tables
 *   whose header row repeats at the top of every page and whose rows do not
 *   split across pages;
 * - GFM footnotes (`[^1]` and `[^1]: text`) as Word footnotes.
 * Left out: HTML (comments included), front matter, link definitions, and
 * template prompts (block quotes that open with "Prompt:"). Images become
 * "[Image: alt text]": the export does not read files.
 *
 * Numbering (`numbering` option, default `paragraphs`): Word's own numbering,
 * so a reader who edits the document in Word keeps consistent numbers.
 * - Each `##` section is numbered 1, 2, 3... (sections called Appendix,
 *   Annex, Glossary, References, Bibliography or Contents are not, unless the
 *   author typed a number in front of them).
 * - Body paragraphs of a numbered section are numbered 1.1, 1.2..., the count
 *   going on across `###` sub-headings; lists, tables and block quotes belong
 *   to the paragraph before them and are not numbered.
 * - Numbers the author typed ("## 3. Analysis", "6.1 The agencies'...") are
 *   taken out of the text so they are not doubled. When the author numbered
 *   paragraphs by hand, only the paragraphs they numbered get a number (an
 *   unnumbered paragraph between them is a continuation), so cross-references
 *   such as "see 6.2" keep pointing at the right paragraph; where a typed
 *   number differs from the one Word will show, the export says so
 *   (`warnings`).
 * - `sections`: only the `##` headings are numbered; paragraph text is kept as
 *   typed. `none`: nothing is numbered or taken out.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type INumberingOptions,
  type ParagraphChild,
} from 'docx';
import type {
  AlignType,
  BlockContent,
  Blockquote,
  Definition,
  DefinitionContent,
  FootnoteDefinition,
  Heading,
  List,
  Nodes,
  Paragraph as MdParagraph,
  PhrasingContent,
  Root,
  RootContent,
  Table as MdTable,
  Text,
} from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseDate } from '../engine/dates.js';
import { stringList, stringValue } from '../engine/front-matter.js';
import { buildReport } from '../engine/report.js';
import { completeConfig } from '../engine/settings.js';
import type { LintConfig } from '../engine/types.js';

export type NumberingMode = 'paragraphs' | 'sections' | 'none';

export interface DocxExportOptions {
  /** Lint configuration: board profiles (report type titles), `reportType`, `defaultReportType`. */
  config?: Partial<LintConfig>;
  /**
   * Protective marking for the title page and every page's header and footer,
   * such as "Official – Sensitive". Overrides front matter `marking:`; `false`
   * leaves the marking out even when front matter has one.
   */
  marking?: string | false;
  /** How sections and paragraphs are numbered (see the module comment). Default `paragraphs`. */
  numbering?: NumberingMode;
}

/** Something the author may want to know about the exported document (not an error). */
export interface ExportWarning {
  line: number;
  column: number;
  message: string;
}

export interface DocxBuild {
  document: Document;
  /** The title on the title page. */
  title: string;
  /** The protective marking used, if any. */
  marking?: string;
  warnings: ExportWarning[];
}

/** The marking front matter `marking: true` (or `yes`) stands for. */
export const DEFAULT_MARKING = 'Official – Sensitive';

/** A4 with 2.54 cm margins: the text is 9026 twentieths of a point wide. */
const PAGE = { width: 11906, height: 16838, margin: 1440 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Where the text of a numbered paragraph starts (the number hangs to its left). */
const NUMBER_INDENT = 720;
const FONT = 'Arial';
const MONO = 'Courier New';
const ACCENT = '1F3864';

const SECTIONS_REF = 'crl-sections';
const BULLETS_REF = 'crl-bullets';
const orderedRef = (start: number) => `crl-ordered-${start}`;

const UNNUMBERED_SECTION = /^(?:appendix|appendices|annex|annexe|annexes|glossary|references|bibliography|contents|table of contents)\b/i;
const TYPED_HEADING_NUMBER = /^(\d{1,3}(?:\.\d{1,3})*)(\.?)[ \t]+/;
const TYPED_PARAGRAPH_NUMBER = /^(\d{1,3})\.(\d{1,3})\.?[ \t\n]+/;
const PROMPT = /^\s*prompt\s*:/i;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type Block = Paragraph | Table;

interface Marks {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: boolean;
}

/** Where a block stands: how far its text is indented, and whether it is quoted. */
interface Context {
  indent: number;
  quote: boolean;
}

/** A numbered `##` section while its paragraphs are converted. */
interface OpenSection {
  number: number;
  typed?: number;
  paragraphs: number;
}

function parse(text: string): Root {
  return unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(text) as Root;
}

function displayDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = parseDate(value);
  if (!date || !date.valid) return value;
  const month = MONTHS[date.month - 1]!;
  return date.day ? `${date.day} ${month} ${date.year}` : `${month} ${date.year}`;
}

function markingFrom(frontMatter: unknown, option: DocxExportOptions['marking']): string | undefined {
  if (option === false) return undefined;
  if (typeof option === 'string' && option.trim()) return option.trim();
  if (frontMatter === true) return DEFAULT_MARKING;
  const text = stringValue(frontMatter);
  if (!text || /^(?:no|none|false|off)$/i.test(text)) return undefined;
  return /^(?:yes|true|on)$/i.test(text) ? DEFAULT_MARKING : text;
}

/** A number typed in front of a heading, if it is one (and not a heading that begins with a count). */
function typedHeadingNumber(node: Heading, expected: number): { number?: number; length: number } | undefined {
  const first = node.children[0];
  if (!first || first.type !== 'text') return undefined;
  const m = TYPED_HEADING_NUMBER.exec(first.value);
  if (!m) return undefined;
  const parts = m[1]!.split('.').map(Number);
  // "3. Analysis", "3.0 Analysis" or "3 Analysis" when 3 is the section's number; not "12 months before".
  if (m[2] === '.' || parts.length > 1 || parts[0] === expected) return { number: parts[0], length: m[0].length };
  return undefined;
}

function typedParagraphNumber(node: MdParagraph, section: OpenSection): { major: number; minor: number; length: number } | undefined {
  const first = node.children[0];
  if (!first || first.type !== 'text') return undefined;
  const m = TYPED_PARAGRAPH_NUMBER.exec(first.value);
  if (!m) return undefined;
  const major = Number(m[1]);
  if (major !== section.number && major !== section.typed) return undefined;
  return { major, minor: Number(m[2]), length: m[0].length };
}

/** The phrasing content with the first `length` characters of its first text node taken out. */
function withoutPrefix(children: PhrasingContent[], length: number): PhrasingContent[] {
  const [first, ...rest] = children;
  if (!first || first.type !== 'text' || length === 0) return children;
  const value = first.value.slice(length);
  return value ? [{ ...first, value } satisfies Text, ...rest] : rest;
}

function visit(node: Nodes, fn: (node: Nodes) => void): void {
  fn(node);
  if ('children' in node) for (const child of node.children as Nodes[]) visit(child, fn);
}

function isPrompt(node: Blockquote): boolean {
  const first = node.children[0];
  return first?.type === 'paragraph' && PROMPT.test(toString(first));
}

function isAbsoluteUrl(url: string): boolean {
  return /^(?:https?:|mailto:)/i.test(url);
}

function alignment(align: AlignType | undefined) {
  return align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
}

/**
 * Column widths for a table, in twentieths of a point: every column at least as
 * wide as its longest word (up to 25 characters), and the rest of the width
 * shared by how much text each column holds beyond that.
 */
function columnWidths(rows: string[][], columns: number): number[] {
  const CHAR = 110; // an average character of 9 pt Arial, bold
  const PAD = 220; // cell margins and slack
  const min: number[] = [];
  const want: number[] = [];
  for (let c = 0; c < columns; c++) {
    const cells = rows.map((r) => r[c] ?? '');
    const longestWord = Math.min(25, Math.max(2, ...cells.flatMap((t) => t.split(/\s+/).map((w) => w.length))));
    const longest = Math.min(80, Math.max(...cells.map((t) => t.length)));
    min.push(longestWord * CHAR + PAD);
    want.push(Math.max(0, longest * CHAR + PAD - min[c]!));
  }
  const minTotal = min.reduce((a, b) => a + b, 0);
  let widths: number[];
  if (minTotal >= TEXT_WIDTH) widths = min.map((m) => Math.floor((m / minTotal) * TEXT_WIDTH));
  else {
    const spare = TEXT_WIDTH - minTotal;
    const wantTotal = want.reduce((a, b) => a + b, 0);
    widths = min.map((m, c) => Math.floor(m + (wantTotal > 0 ? (want[c]! / wantTotal) * spare : spare / columns)));
  }
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function bulletLevels(): ILevelsOptions[] {
  const bullets = ['•', '◦', '▪'];
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.BULLET,
    text: bullets[level % bullets.length]!,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: NUMBER_INDENT + 360 * (level + 1), hanging: 360 } } },
  }));
}

function orderedLevels(start: number): ILevelsOptions[] {
  const formats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: formats[level % formats.length]!,
    text: level % 3 === 1 ? `%${level + 1})` : `%${level + 1}.`,
    start: level === 0 ? start : 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: NUMBER_INDENT + 432 * (level + 1), hanging: 432 } } },
  }));
}

function listTextIndent(level: number, ordered: boolean): number {
  return NUMBER_INDENT + (ordered ? 432 : 360) * (level + 1);
}

class Converter {
  readonly warnings: ExportWarning[] = [];
  private readonly definitions = new Map<string, Definition>();
  private readonly footnoteDefinitions = new Map<string, FootnoteDefinition>();
  /** Footnote ids in order of first reference. */
  private readonly footnoteIds = new Map<string, number>();
  readonly orderedStarts = new Set<number>();
  private listInstances = 0;
  private inFootnote = false;

  constructor(
    tree: Root,
    private readonly mode: NumberingMode,
  ) {
    visit(tree, (node) => {
      if (node.type === 'definition' && !this.definitions.has(node.identifier)) this.definitions.set(node.identifier, node);
      if (node.type === 'footnoteDefinition' && !this.footnoteDefinitions.has(node.identifier)) this.footnoteDefinitions.set(node.identifier, node);
    });
  }

  private warn(node: Nodes, message: string): void {
    this.warnings.push({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, message });
  }

  /** The report's body: everything after the title. */
  body(tree: Root, title: Heading | undefined): Block[] {
    const out: Block[] = [];
    const numbered = this.mode !== 'none';
    // Did the author number paragraphs by hand? Then only their numbered paragraphs get numbers.
    let sectionsSeen = 0;
    let handNumbered = false;
    if (this.mode === 'paragraphs') {
      let open: OpenSection | undefined;
      for (const node of tree.children) {
        if (node.type === 'heading' && node !== title && node.depth <= 2) {
          const typed = node.depth === 2 ? typedHeadingNumber(node, sectionsSeen + 1) : undefined;
          const isNumbered = node.depth === 2 && (typed !== undefined || !UNNUMBERED_SECTION.test(toString(node)));
          open = isNumbered ? { number: ++sectionsSeen, typed: typed?.number, paragraphs: 0 } : undefined;
        } else if (node.type === 'paragraph' && open && typedParagraphNumber(node, open)) handNumbered = true;
      }
    }

    let sections = 0;
    let open: OpenSection | undefined;
    const ctx: Context = { indent: 0, quote: false };
    for (const node of tree.children) {
      if (node === title) continue;
      if (node.type === 'heading') {
        let children = node.children;
        let isNumbered = false;
        if (node.depth <= 2) {
          open = undefined;
          if (numbered && node.depth === 2) {
            const typed = typedHeadingNumber(node, sections + 1);
            isNumbered = typed !== undefined || !UNNUMBERED_SECTION.test(toString(node));
            if (isNumbered) {
              sections++;
              if (typed) {
                children = withoutPrefix(children, typed.length);
                if (typed.number !== sections) this.warn(node, `section typed as ${typed.number} is numbered ${sections} in the Word document`);
              }
              open = { number: sections, typed: typed?.number, paragraphs: 0 };
            }
          }
        }
        out.push(this.heading(node, children, isNumbered));
        continue;
      }
      if (node.type === 'paragraph' && open && this.mode === 'paragraphs') {
        const typed = typedParagraphNumber(node, open);
        if (typed || !handNumbered) {
          open.paragraphs++;
          if (typed && (typed.major !== open.number || typed.minor !== open.paragraphs)) {
            this.warn(node, `paragraph typed as ${typed.major}.${typed.minor} is numbered ${open.number}.${open.paragraphs} in the Word document`);
          }
          out.push(
            new Paragraph({
              numbering: { reference: SECTIONS_REF, level: 1, custom: true },
              children: this.inlines(typed ? withoutPrefix(node.children, typed.length) : node.children, {}),
            }),
          );
          continue;
        }
      }
      out.push(...this.block(node, open ? { ...ctx, indent: NUMBER_INDENT } : ctx));
    }
    return out;
  }

  private heading(node: Heading, children: PhrasingContent[], isNumbered: boolean): Paragraph {
    const levels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5];
    return new Paragraph({
      heading: levels[node.depth - 1] ?? HeadingLevel.HEADING_6,
      numbering: isNumbered ? { reference: SECTIONS_REF, level: 0 } : undefined,
      children: this.inlines(children, {}),
    });
  }

  /** Any block other than a heading at the top level. */
  block(node: RootContent | BlockContent | DefinitionContent, ctx: Context): Block[] {
    switch (node.type) {
      case 'paragraph':
        return [this.paragraph(node.children, ctx)];
      case 'heading':
        return [this.heading(node, node.children, false)];
      case 'list':
        return this.list(node, 0, ctx);
      case 'blockquote':
        if (isPrompt(node)) return [];
        return node.children.flatMap((child) => this.block(child, { indent: ctx.indent + 720, quote: true }));
      case 'code':
        return (node.value === '' ? [''] : node.value.split('\n')).map(
          (line) => new Paragraph({ style: 'Code', indent: { left: ctx.indent }, children: [new TextRun({ text: line })] }),
        );
      case 'table':
        return [this.table(node), new Paragraph({ style: 'AfterTable' })];
      case 'thematicBreak':
        return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } } })];
      case 'html':
      case 'yaml':
      case 'definition':
      case 'footnoteDefinition':
        return [];
      default:
        return [];
    }
  }

  private paragraph(children: PhrasingContent[], ctx: Context): Paragraph {
    return new Paragraph({
      style: ctx.quote ? 'Quote' : undefined,
      indent: ctx.indent ? { left: ctx.indent, right: ctx.quote ? 720 : undefined } : undefined,
      children: this.inlines(children, {}),
    });
  }

  private list(node: List, level: number, ctx: Context): Block[] {
    const ordered = node.ordered === true;
    const start = ordered ? Math.max(0, node.start ?? 1) : 0;
    if (ordered) this.orderedStarts.add(start);
    const reference = ordered ? orderedRef(start) : BULLETS_REF;
    const instance = ordered ? ++this.listInstances : undefined;
    const textIndent = listTextIndent(level, ordered);
    const out: Block[] = [];
    for (const item of node.children) {
      const check = item.checked === true ? '☒ ' : item.checked === false ? '☐ ' : '';
      let first = true;
      const numberedParagraph = (children: ParagraphChild[]) =>
        new Paragraph({ style: ctx.quote ? 'Quote' : undefined, numbering: { reference, level: Math.min(level, 8), instance }, children });
      for (const child of item.children) {
        if (child.type === 'paragraph') {
          const runs = this.inlines(child.children, {});
          if (first) out.push(numberedParagraph(check ? [new TextRun(check), ...runs] : runs));
          else out.push(new Paragraph({ style: ctx.quote ? 'Quote' : undefined, indent: { left: textIndent }, children: runs }));
        } else {
          if (first) out.push(numberedParagraph(check ? [new TextRun(check)] : []));
          if (child.type === 'list') out.push(...this.list(child, level + 1, ctx));
          else out.push(...this.block(child, { ...ctx, indent: textIndent }));
        }
        first = false;
      }
      if (first) out.push(numberedParagraph(check ? [new TextRun(check)] : []));
    }
    return out;
  }

  private table(node: MdTable): Table {
    // As GFM says: the header row sets the columns; short rows get empty cells, extra cells are dropped.
    const columns = node.children[0]?.children.length ?? 0;
    const texts = node.children.map((row) => row.children.map((cell) => toString(cell)));
    const widths = columnWidths(texts, columns);
    const rows = node.children.map((row, r) => {
      const header = r === 0;
      const cells = Array.from({ length: columns }, (_, c) => {
        const cell = row.children[c];
        return new TableCell({
          width: { size: widths[c]!, type: WidthType.DXA },
          shading: header ? { type: ShadingType.CLEAR, fill: 'D9E2F3', color: 'auto' } : undefined,
          margins: { top: 40, bottom: 40, left: 80, right: 80 },
          children: [
            new Paragraph({
              style: header ? 'TableHeading' : 'TableText',
              alignment: alignment(node.align?.[c]),
              children: cell ? this.inlines(cell.children, { bold: header || undefined }) : [],
            }),
          ],
        });
      });
      return new TableRow({ tableHeader: header, cantSplit: true, children: cells });
    });
    return new Table({
      rows,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
    });
  }

  inlines(nodes: readonly PhrasingContent[], marks: Marks): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          out.push(this.run(node.value.replace(/\r\n?|\n/g, ' '), marks));
          break;
        case 'emphasis':
          out.push(...this.inlines(node.children, { ...marks, italics: true }));
          break;
        case 'strong':
          out.push(...this.inlines(node.children, { ...marks, bold: true }));
          break;
        case 'delete':
          out.push(...this.inlines(node.children, { ...marks, strike: true }));
          break;
        case 'inlineCode':
          out.push(this.run(node.value, { ...marks, code: true }));
          break;
        case 'break':
          out.push(new TextRun({ break: 1 }));
          break;
        case 'link':
          out.push(...this.link(node.url, node.children, marks));
          break;
        case 'linkReference': {
          const definition = this.definitions.get(node.identifier);
          if (definition) out.push(...this.link(definition.url, node.children, marks));
          else out.push(...this.inlines(node.children, marks));
          break;
        }
        case 'image':
        case 'imageReference':
          out.push(this.run(`[Image${node.alt ? `: ${node.alt}` : ''}]`, { ...marks, italics: true }));
          break;
        case 'footnoteReference':
          out.push(this.footnoteReference(node.identifier, node.label ?? node.identifier, node, marks));
          break;
        case 'html':
          break;
        default: {
          const text = toString(node);
          if (text) out.push(this.run(text, marks));
        }
      }
    }
    return out;
  }

  private run(text: string, marks: Marks): TextRun {
    return new TextRun({
      text,
      bold: marks.bold,
      italics: marks.italics,
      strike: marks.strike,
      font: marks.code ? MONO : undefined,
      style: marks.link ? 'Hyperlink' : undefined,
    });
  }

  /** A web or e-mail link as a Word hyperlink; a link to another file or an anchor as its text. */
  private link(url: string, children: PhrasingContent[], marks: Marks): ParagraphChild[] {
    if (!isAbsoluteUrl(url)) return this.inlines(children, marks);
    if (this.inFootnote) {
      // Hyperlinks need relationships of their own part; in a footnote, write the address out.
      const text = toString({ type: 'paragraph', children });
      return [...this.inlines(children, marks), ...(text === url ? [] : [this.run(` (${url})`, marks)])];
    }
    return [new ExternalHyperlink({ link: url, children: this.inlines(children, { ...marks, link: true }) })];
  }

  private footnoteReference(identifier: string, label: string, node: Nodes, marks: Marks): ParagraphChild {
    if (!this.footnoteDefinitions.has(identifier) || this.inFootnote) {
      if (!this.footnoteDefinitions.has(identifier)) this.warn(node, `footnote [^${label}] has no definition; it is exported as text`);
      return new TextRun({ text: `[^${label}]`, bold: marks.bold, italics: marks.italics, superScript: this.inFootnote });
    }
    let id = this.footnoteIds.get(identifier);
    if (id === undefined) {
      id = this.footnoteIds.size + 1;
      this.footnoteIds.set(identifier, id);
    }
    return new FootnoteReferenceRun(id);
  }

  /** The footnotes referred to, by id, for the Document. */
  footnotes(): Record<number, { children: Paragraph[] }> {
    this.inFootnote = true;
    const notes: Record<number, { children: Paragraph[] }> = {};
    for (const [identifier, id] of this.footnoteIds) {
      const definition = this.footnoteDefinitions.get(identifier)!;
      const blocks = definition.children.flatMap((child) => this.block(child, { indent: 0, quote: false }));
      const paragraphs = blocks.filter((b): b is Paragraph => b instanceof Paragraph);
      notes[id] = { children: paragraphs.length > 0 ? paragraphs : [new Paragraph({})] };
    }
    this.inFootnote = false;
    return notes;
  }
}

/** Build the Word document for a report; `warnings` say where the Word numbering differs from typed numbers. */
export function buildDocx(text: string, options: DocxExportOptions = {}): DocxBuild {
  const tree = parse(text);
  const report = buildReport(tree, text, completeConfig(options.config));
  const fm = report.frontMatter.data;
  const mode = options.numbering ?? 'paragraphs';

  const firstSection = tree.children.findIndex((n) => n.type === 'heading' && n.depth >= 2);
  const titleHeading = tree.children.find(
    (n, i): n is Heading => n.type === 'heading' && n.depth === 1 && (firstSection === -1 || i < firstSection),
  );
  const title = stringValue(fm['title']) ?? (titleHeading ? toString(titleHeading).trim() : '');
  const typeTitle = report.profile.title;
  const docTitle = title || typeTitle;
  const marking = markingFrom(fm['marking'], options.marking);

  const converter = new Converter(tree, mode);
  const body = converter.body(tree, titleHeading);
  const footnotes = converter.footnotes();

  // Title page.
  const titlePage: Paragraph[] = [new Paragraph({ spacing: { before: 1800 } })];
  const board = stringValue(fm['board']);
  if (board) titlePage.push(new Paragraph({ style: 'Subtitle', children: [new TextRun(board)] }));
  titlePage.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(docTitle)] }));
  if (title && !title.toLowerCase().includes(typeTitle.toLowerCase())) {
    titlePage.push(new Paragraph({ style: 'Subtitle', children: [new TextRun(typeTitle)] }));
  }
  const child = stringList(fm['child']).join(', ');
  const periodStart = displayDate(stringValue(fm['period-start']));
  const periodEnd = displayDate(stringValue(fm['period-end']));
  const facts: [string, string | undefined][] = [
    ['Child', child || undefined],
    ['Agency', stringValue(fm['agency'])],
    ['Period under review', periodStart && periodEnd ? `${periodStart} to ${periodEnd}` : periodStart ? `from ${periodStart}` : periodEnd ? `to ${periodEnd}` : undefined],
    ['Report date', displayDate(stringValue(fm['report-date']) ?? stringValue(fm['date']))],
    ['Version', stringValue(fm['version'])],
  ];
  titlePage.push(new Paragraph({ spacing: { before: 720 } }));
  for (const [label, value] of facts) {
    if (!value) continue;
    titlePage.push(
      new Paragraph({ style: 'TitleFact', children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] }),
    );
  }

  const markingRun = () => new TextRun({ text: marking ?? '', bold: true });
  const markingHeader = new Header({ children: [new Paragraph({ style: 'Marking', children: marking ? [markingRun()] : [] })] });
  const bodyHeader = new Header({
    children: [
      marking
        ? new Paragraph({ style: 'Marking', children: [markingRun()] })
        : new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: docTitle, size: 16, color: '666666' })] }),
    ],
  });
  const pageNumbers = () =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 })],
    });
  const markingFooter = () => (marking ? [new Paragraph({ style: 'Marking', children: [markingRun()] })] : []);
  const page = { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } };

  const numbering: INumberingOptions = {
    config: [
      {
        reference: SECTIONS_REF,
        levels: [
          { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: NUMBER_INDENT, hanging: NUMBER_INDENT } } } },
          { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: NUMBER_INDENT, hanging: NUMBER_INDENT } } } },
        ],
      },
      { reference: BULLETS_REF, levels: bulletLevels() },
      ...[...converter.orderedStarts].map((start) => ({ reference: orderedRef(start), levels: orderedLevels(start) })),
    ],
  };

  const document = new Document({
    title: docTitle,
    subject: typeTitle,
    creator: board ?? 'case-review-lint',
    lastModifiedBy: 'case-review-lint',
    description: 'Exported from Markdown by case-review-lint',
    numbering,
    footnotes,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 44, bold: true, color: ACCENT }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } } },
        heading1: { run: { font: FONT, size: 28, bold: true, color: ACCENT }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true } },
        heading2: { run: { font: FONT, size: 24, bold: true, color: ACCENT }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true } },
        heading3: { run: { font: FONT, size: 22, bold: true, italics: true, color: ACCENT }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true } },
        heading4: { run: { font: FONT, size: 22, italics: true }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
        heading5: { run: { font: FONT, size: 22, italics: true }, paragraph: { keepNext: true } },
        heading6: { run: { font: FONT, size: 22, italics: true }, paragraph: { keepNext: true } },
      },
      paragraphStyles: [
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { size: 30, color: '404040' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 240 } } },
        { id: 'TitleFact', name: 'Title Page Detail', basedOn: 'Normal', run: { size: 24 }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } } },
        { id: 'Marking', name: 'Protective Marking', basedOn: 'Normal', run: { bold: true, size: 22, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } } },
        { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', run: { italics: true, color: '404040' } },
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
        { id: 'TableHeading', name: 'Table Heading', basedOn: 'TableText', run: { size: 18, bold: true } },
        { id: 'AfterTable', name: 'After Table', basedOn: 'Normal', run: { size: 12 }, paragraph: { spacing: { before: 0, after: 120, line: 240, lineRule: LineRuleType.AUTO } } },
        { id: 'Code', name: 'Code', basedOn: 'Normal', run: { font: MONO, size: 18 }, paragraph: { spacing: { before: 0, after: 0 } } },
      ],
    },
    sections: [
      {
        properties: { page },
        headers: { default: markingHeader },
        footers: { default: new Footer({ children: markingFooter() }) },
        children: titlePage,
      },
      {
        properties: { page },
        headers: { default: bodyHeader },
        footers: { default: new Footer({ children: [pageNumbers(), ...markingFooter()] }) },
        children: body.length > 0 ? body : [new Paragraph({})],
      },
    ],
  });
  return { document, title: docTitle, marking, warnings: converter.warnings };
}

/** A built document as the bytes of a .docx file (docx's public Packer; browser-safe). */
export function packDocx(document: Document): Promise<Uint8Array> {
  return Packer.pack(document, 'uint8array');
}

/** The report as the bytes of a .docx file (what the extension calls). */
export async function markdownToDocx(text: string, options: DocxExportOptions = {}): Promise<Uint8Array> {
  return packDocx(buildDocx(text, options).document);
}
