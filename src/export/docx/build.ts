/** Building the Word document for a report: the title page, the body, headers and footers with the marking and page numbers. */
import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

import { buildReport, completeConfig, MONTH_NAMES, parseDate, renderingParser, stringList, stringValue } from '../../index.js';
import { Converter } from './converter.js';
import { documentStyles, numberingOptions, PAGE } from './layout.js';
import { DEFAULT_MARKING, type DocxBuild, type DocxExportOptions } from './options.js';

function parse(text: string): Root {
  return renderingParser().parse(text) as Root;
}

function displayDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = parseDate(value);
  if (!date || !date.valid) return value;
  const month = MONTH_NAMES[date.month - 1]!;
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
    [
      'Period under review',
      periodStart && periodEnd
        ? `${periodStart} to ${periodEnd}`
        : periodStart
          ? `from ${periodStart}`
          : periodEnd
            ? `to ${periodEnd}`
            : undefined,
    ],
    ['Report date', displayDate(stringValue(fm['report-date']) ?? stringValue(fm['date']))],
    ['Version', stringValue(fm['version'])],
  ];
  titlePage.push(new Paragraph({ spacing: { before: 720 } }));
  for (const [label, value] of facts) {
    if (!value) continue;
    titlePage.push(new Paragraph({ style: 'TitleFact', children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] }));
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
  const page = {
    size: { width: PAGE.width, height: PAGE.height },
    margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
  };
  const numbering = numberingOptions(converter.orderedStarts);

  const document = new Document({
    title: docTitle,
    subject: typeTitle,
    creator: board ?? 'case-review-lint',
    lastModifiedBy: 'case-review-lint',
    description: 'Exported from Markdown by case-review-lint',
    numbering,
    footnotes,
    styles: documentStyles(),
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
