/** Converting the report's mdast blocks and inline content to Word paragraphs, lists, tables, links and footnotes. */
import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
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
  PhrasingContent,
  Root,
  RootContent,
  Table as MdTable,
} from 'mdast';
import { toString } from 'mdast-util-to-string';
import { BULLETS_REF, columnWidths, listTextIndent, MONO, NUMBER_INDENT, orderedRef, SECTIONS_REF, TEXT_WIDTH } from './layout.js';
import { typedHeadingNumber, typedParagraphNumber, UNNUMBERED_SECTION, withoutPrefix, type OpenSection } from './numbering.js';
import type { ExportWarning, NumberingMode } from './options.js';

const PROMPT = /^\s*prompt\s*:/i;

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

export class Converter {
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
      if (node.type === 'footnoteDefinition' && !this.footnoteDefinitions.has(node.identifier))
        this.footnoteDefinitions.set(node.identifier, node);
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
                if (typed.number !== sections)
                  this.warn(node, `section typed as ${typed.number} is numbered ${sections} in the Word document`);
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
            this.warn(
              node,
              `paragraph typed as ${typed.major}.${typed.minor} is numbered ${open.number}.${open.paragraphs} in the Word document`,
            );
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
    const levels = [
      HeadingLevel.HEADING_1,
      HeadingLevel.HEADING_1,
      HeadingLevel.HEADING_2,
      HeadingLevel.HEADING_3,
      HeadingLevel.HEADING_4,
      HeadingLevel.HEADING_5,
    ];
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
