/**
 * The look of the exported document: A4 page and margins, fonts, paragraph and
 * heading styles, list and section numbering, and table column widths.
 */
import { AlignmentType, LevelFormat, LineRuleType, type ILevelsOptions, type INumberingOptions, type IStylesOptions } from 'docx';

/** A4 with 2.54 cm margins: the text is 9026 twentieths of a point wide. */
export const PAGE = { width: 11906, height: 16838, margin: 1440 };
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Where the text of a numbered paragraph starts (the number hangs to its left). */
export const NUMBER_INDENT = 720;
export const FONT = 'Arial';
export const MONO = 'Courier New';
export const ACCENT = '1F3864';

export const SECTIONS_REF = 'crl-sections';
export const BULLETS_REF = 'crl-bullets';
export const orderedRef = (start: number) => `crl-ordered-${start}`;

/**
 * Column widths for a table, in twentieths of a point: every column at least as
 * wide as its longest word (up to 25 characters), and the rest of the width
 * shared by how much text each column holds beyond that.
 */
export function columnWidths(rows: string[][], columns: number): number[] {
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

/** Where the text of a list item at a level starts. */
export function listTextIndent(level: number, ordered: boolean): number {
  return NUMBER_INDENT + (ordered ? 432 : 360) * (level + 1);
}

/** Word numbering: `##` sections and their paragraphs (1, 1.1), bullets, and one numbering for each start of an ordered list. */
export function numberingOptions(orderedStarts: Iterable<number>): INumberingOptions {
  return {
    config: [
      {
        reference: SECTIONS_REF,
        levels: [
          {
            level: 0,
            format: LevelFormat.DECIMAL,
            text: '%1.',
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: NUMBER_INDENT, hanging: NUMBER_INDENT } } },
          },
          {
            level: 1,
            format: LevelFormat.DECIMAL,
            text: '%1.%2',
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: NUMBER_INDENT, hanging: NUMBER_INDENT } } },
          },
        ],
      },
      { reference: BULLETS_REF, levels: bulletLevels() },
      ...[...orderedStarts].map((start) => ({ reference: orderedRef(start), levels: orderedLevels(start) })),
    ],
  };
}

/** The document's styles: Arial throughout, headings in the accent colour, and the styles the converter names. */
export function documentStyles(): IStylesOptions {
  return {
    default: {
      document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } } },
      title: {
        run: { font: FONT, size: 44, bold: true, color: ACCENT },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } },
      },
      heading1: {
        run: { font: FONT, size: 28, bold: true, color: ACCENT },
        paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true },
      },
      heading2: {
        run: { font: FONT, size: 24, bold: true, color: ACCENT },
        paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
      },
      heading3: {
        run: { font: FONT, size: 22, bold: true, italics: true, color: ACCENT },
        paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true },
      },
      heading4: { run: { font: FONT, size: 22, italics: true }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      heading5: { run: { font: FONT, size: 22, italics: true }, paragraph: { keepNext: true } },
      heading6: { run: { font: FONT, size: 22, italics: true }, paragraph: { keepNext: true } },
    },
    paragraphStyles: [
      {
        id: 'Subtitle',
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 30, color: '404040' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 240 } },
      },
      {
        id: 'TitleFact',
        name: 'Title Page Detail',
        basedOn: 'Normal',
        run: { size: 24 },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } },
      },
      {
        id: 'Marking',
        name: 'Protective Marking',
        basedOn: 'Normal',
        run: { bold: true, size: 22, color: '000000' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
      },
      { id: 'Quote', name: 'Quote', basedOn: 'Normal', next: 'Normal', run: { italics: true, color: '404040' } },
      {
        id: 'TableText',
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: 18 },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
      { id: 'TableHeading', name: 'Table Heading', basedOn: 'TableText', run: { size: 18, bold: true } },
      {
        id: 'AfterTable',
        name: 'After Table',
        basedOn: 'Normal',
        run: { size: 12 },
        paragraph: { spacing: { before: 0, after: 120, line: 240, lineRule: LineRuleType.AUTO } },
      },
      { id: 'Code', name: 'Code', basedOn: 'Normal', run: { font: MONO, size: 18 }, paragraph: { spacing: { before: 0, after: 0 } } },
    ],
  };
}
