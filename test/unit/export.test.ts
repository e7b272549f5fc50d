/**
 * Export to Word (src/export/docx/, `case-review-lint export`): the .docx is
 * read back (unzip + checks on its XML), the publication gate is tried, and the
 * example report is converted to PDF by LibreOffice and its first page drawn
 * to test-results/export-first-page.png.
 *
 * Needs LibreOffice (soffice) and poppler (pdfinfo, pdftoppm, pdftotext):
 * `bash scripts/setup-export-tests.sh` installs them. Without them the
 * LibreOffice tests fail, saying so; they are never skipped.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { runExport } from '../../src/cli/commands/export.js';
import { buildDocx, packDocx, type DocxExportOptions } from '../../src/export/docx/index.js';
import { publicationGate } from '../../src/export/gate.js';

const root = resolve(import.meta.dirname, '../..');
const EXAMPLE = join(root, 'examples/overview-report.md');
const MARKING = 'Official – Sensitive';

// --- Reading a .docx back -------------------------------------------------

/** The files of a ZIP archive, from its central directory (checks each CRC). */
function unzip(bytes: Uint8Array): Map<string, string> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'no end of central directory: not a ZIP file');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'bad central directory entry');
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(dataStart, dataStart + size);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    assert.equal(zlibCrc32(data), crc, `CRC of ${name}`);
    files.set(name, data.toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/** Throws unless the XML's tags nest properly (a cheap well-formedness check). */
function assertWellFormed(xml: string, name: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/g;
  for (const m of xml.replace(/<\?[\s\S]*?\?>/g, '').matchAll(tag)) {
    const [, close, tagName, selfClose] = m;
    if (selfClose) continue;
    if (close) assert.equal(stack.pop(), tagName, `${name}: </${tagName}> closes the wrong element`);
    else stack.push(tagName!);
  }
  assert.deepEqual(stack, [], `${name}: unclosed elements`);
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const textOf = (xml: string) => unescape([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));

interface Para {
  style?: string;
  numId?: string;
  ilvl?: number;
  text: string;
  xml: string;
}

/** The body's paragraphs (tables' cell paragraphs included), in order. */
function paragraphs(documentXml: string): Para[] {
  return [...documentXml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>|<w:p(?:\s[^>]*)?\/>/g)].map((m) => {
    const xml = m[0];
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(xml)?.[1];
    return {
      style: /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1],
      numId: numPr ? /<w:numId w:val="(\d+)"/.exec(numPr)?.[1] : undefined,
      ilvl: numPr ? Number(/<w:ilvl w:val="(\d+)"/.exec(numPr)?.[1] ?? 0) : undefined,
      text: textOf(xml),
      xml,
    };
  });
}

/** The section and paragraph numbers Word shows, worked out from the numbering of headings (level 0) and paragraphs (level 1). */
function numberLabels(paras: Para[], sectionsNumId: string): Map<string, string> {
  const labels = new Map<string, string>();
  let section = 0;
  let paragraph = 0;
  for (const p of paras) {
    if (p.numId !== sectionsNumId) continue;
    if (p.ilvl === 0) {
      section++;
      paragraph = 0;
      labels.set(p.text, `${section}.`);
    } else {
      paragraph++;
      labels.set(p.text, `${section}.${paragraph}`);
    }
  }
  return labels;
}

interface Table {
  rows: { header: boolean; cantSplit: boolean; cells: string[] }[];
}

function tables(documentXml: string): Table[] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => ({
    rows: [...t[1]!.matchAll(/<w:tr(?:\s[^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) => {
      const trPr = /<w:trPr>([\s\S]*?)<\/w:trPr>/.exec(r[1]!)?.[1] ?? '';
      return {
        header: /<w:tblHeader(?:\s+w:val="(?:true|1|on)")?\s*\/>/.test(trPr),
        cantSplit: /<w:cantSplit(?:\s+w:val="(?:true|1|on)")?\s*\/>/.test(trPr),
        cells: [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1]!)),
      };
    }),
  }));
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'crl-export-'));
}

async function build(text: string, options: DocxExportOptions = {}) {
  const built = buildDocx(text, options);
  const files = unzip(await packDocx(built.document));
  return { ...built, files, document: files.get('word/document.xml')!, paras: paragraphs(files.get('word/document.xml')!) };
}

function has(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).status === 0;
}

// --- The example report -----------------------------------------------------

describe('export to Word: the example report', function () {
  // Linting and building a report take a few seconds on a busy machine.
  this.timeout(120_000);
  let dir: string;
  let docx: string;
  let files: Map<string, string>;
  let documentXml: string;
  let paras: Para[];
  let result: Awaited<ReturnType<typeof runExport>>;

  before(async () => {
    dir = tempDir();
    docx = join(dir, 'overview-report.docx');
    result = await runExport([EXAMPLE, '--out', docx, '--marking', MARKING]);
    files = unzip(readFileSync(docx));
    documentXml = files.get('word/document.xml')!;
    paras = paragraphs(documentXml);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the file and says so', async () => {
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Exported .*overview-report\.md to .*overview-report\.docx/);
    // The example keeps a "TBC" lead in its action plan on purpose (the action-plan rules report it): the export goes ahead.
    assert.doesNotMatch(result.stderr, /not exporting/);
  });

  it('is a complete, well-formed package', async () => {
    for (const part of [
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/styles.xml',
      'word/numbering.xml',
      'word/footnotes.xml',
      'word/_rels/document.xml.rels',
    ]) {
      assert.ok(files.has(part), `missing ${part}`);
    }
    for (const [name, xml] of files) if (name.endsWith('.xml') || name.endsWith('.rels')) assertWellFormed(xml, name);
    const types = files.get('[Content_Types].xml')!;
    assert.match(types, /PartName="\/word\/document.xml"/);
    assert.match(types, /PartName="\/word\/numbering.xml"/);
  });

  it('has a title page from the front matter, then the body on a new page', async () => {
    const titlePage = paras
      .slice(0, paras.findIndex((p) => /<w:sectPr/.test(p.xml)) + 1)
      .map((p) => p.text)
      .filter(Boolean);
    assert.deepEqual(titlePage, [
      'Northshire Safeguarding Children Board',
      'Serious Case Review – Child A',
      'Overview report',
      'Child: Child A',
      'Period under review: 1 March 2007 to 3 August 2008',
      'Report date: 14 April 2009',
    ]);
    assert.equal(paras.find((p) => p.text === 'Serious Case Review – Child A')?.style, 'Title');
    assert.equal((documentXml.match(/<w:sectPr/g) ?? []).length, 2, 'a title page section and a body section');
    // The Markdown's own title heading is on the title page, not repeated in the body.
    assert.ok(!paras.some((p) => p.text === 'Serious Case Review: Child A'));
    // HTML comments are not exported.
    assert.ok(!documentXml.includes('This report is invented'));
  });

  it('puts the marking at the head and foot of every page and page numbers in the body footer', async () => {
    const rels = files.get('word/_rels/document.xml.rels')!;
    const headers = [...files.keys()].filter((f) => /^word\/header\d+\.xml$/.test(f));
    const footers = [...files.keys()].filter((f) => /^word\/footer\d+\.xml$/.test(f));
    assert.equal(headers.length, 2);
    assert.equal(footers.length, 2);
    for (const part of [...headers, ...footers]) {
      assert.ok(rels.includes(part.replace('word/', '')), `${part} is not referenced`);
      assert.ok(textOf(files.get(part)!).includes(MARKING), `${part} lacks the marking`);
    }
    const numbered = footers.map((f) => files.get(f)!).filter((xml) => /PAGE/.test(xml));
    assert.equal(numbered.length, 1, 'one footer (the body’s) has page numbers');
    assert.match(numbered[0]!, /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    assert.match(numbered[0]!, /<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    assert.match(textOf(numbered[0]!), /^Page {2}of /);
  });

  it('makes the sections Word headings, numbered by Word, without the numbers typed in the Markdown', async () => {
    const headings = paras.filter((p) => p.style === 'Heading1');
    assert.deepEqual(
      headings.map((h) => h.text),
      [
        'Introduction',
        'Terms of reference',
        'Family involvement',
        'Family composition',
        'Integrated chronology',
        'Analysis',
        "The child's lived experience",
        'Equality and diversity',
        'Findings',
        'Conclusions',
        'Recommendations',
        'Action plan',
      ],
    );
    const numIds = new Set(headings.map((h) => h.numId));
    assert.equal(numIds.size, 1, 'every section heading is in the one section list');
    assert.ok(headings.every((h) => h.ilvl === 0));
    const numbering = files.get('word/numbering.xml')!;
    assert.match(numbering, /<w:lvl w:ilvl="0"[^>]*>[\s\S]*?<w:lvlText w:val="%1\."\/>/);
    assert.match(numbering, /<w:lvl w:ilvl="1"[^>]*>[\s\S]*?<w:lvlText w:val="%1\.%2"\/>/);
  });

  it('numbers body paragraphs 1.1, 1.2… as the author did, with the typed numbers taken out', async () => {
    const sectionsNumId = paras.find((p) => p.style === 'Heading1')!.numId!;
    const labels = numberLabels(paras, sectionsNumId);
    const label = (start: string) => [...labels].find(([text]) => text.startsWith(start))?.[1];
    assert.equal(label('This overview report was commissioned'), '1.1');
    assert.equal(label('The Board decided on 28 August 2008'), '1.2');
    assert.equal(label('Key lines of enquiry:'), '2.3');
    assert.equal(label('The review will also consider'), '2.4');
    assert.equal(label('It is now clear that'), '6.2');
    assert.equal(label('The missed immunisations'), '6.5');
    assert.equal(label('Agencies did not know who was living'), '9.1');
    assert.equal(label('The injuries to Child A'), '10.1');
    assert.equal(label('Action plan'), '12.');
    assert.equal([...labels.values()].filter((l) => !l.endsWith('.')).length, 19, 'the 19 paragraphs the author numbered');
    for (const text of labels.keys()) assert.doesNotMatch(text, /^\d+(?:\.\d+)*\.?\s/, `typed number left in “${text.slice(0, 30)}”`);
  });

  it('keeps lists as lists: bullets for the lines of enquiry, 1–4 for the recommendations', async () => {
    const enquiry = paras.filter((p) => p.text.startsWith('How did agencies assess') || p.text.startsWith('Was Child A seen'));
    assert.equal(enquiry.length, 2);
    const recommendations = paras.filter((p) =>
      /^(?:Northshire Children's Social Care will change|Agencies should consider reviewing|Awareness of hidden men)/.test(p.text),
    );
    assert.equal(recommendations.length, 3);
    const sectionsNumId = paras.find((p) => p.style === 'Heading1')!.numId!;
    for (const p of [...enquiry, ...recommendations]) {
      assert.ok(p.numId && p.numId !== sectionsNumId, `“${p.text.slice(0, 30)}” is a list item`);
    }
    assert.notEqual(enquiry[0]!.numId, recommendations[0]!.numId);
  });

  it('makes the family composition, chronology and action plan real tables with a repeated header row', async () => {
    const found = tables(documentXml);
    assert.equal(found.length, 3);
    for (const table of found) {
      assert.equal(table.rows[0]!.header, true, 'first row repeats on each page');
      assert.ok(
        table.rows.slice(1).every((r) => !r.header),
        'only the first row is a header',
      );
      assert.ok(
        table.rows.every((r) => r.cantSplit),
        'rows do not split across pages',
      );
    }
    const [family, chronology, actions] = found as [Table, Table, Table];
    assert.deepEqual(family.rows[0]!.cells, ['Pseudonym', 'Relationship to Child A', 'Age at August 2008', 'Ethnicity']);
    assert.deepEqual(family.rows[4]!.cells, ['Maternal Grandmother', 'Maternal grandmother', '49 years', 'White British']);
    assert.deepEqual(chronology.rows[0]!.cells, ['Date', 'Agency', 'Source', 'Event', 'Child seen']);
    assert.equal(chronology.rows.length, 10);
    assert.deepEqual(chronology.rows[5]!.cells, [
      '02/02/2008',
      'Police',
      'Command and control log',
      'Neighbour reports shouting at the address; officers attend, Mother says all is well.',
      'No',
    ]);
    assert.deepEqual(actions.rows[0]!.cells, ['Rec', 'Action', 'Lead', 'Target date', 'Measure of success', 'Status']);
    assert.deepEqual(actions.rows[3]!.cells, ['4', 'Briefing on hidden men', 'TBC', 'Ongoing', '', 'Red']);
    // The header row is bold and shaded; the grid has one width per column.
    assert.match(/<w:tbl>[\s\S]*?<\/w:tr>/.exec(documentXml)![0], /<w:shd [^>]*w:fill="D9E2F3"/);
    assert.equal((/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(documentXml)![1]!.match(/<w:gridCol /g) ?? []).length, 4);
  });

  it('opens in LibreOffice: converts to a PDF of several pages with the headings, numbers and tables, and draws the first page', async function () {
    this.timeout(300_000);
    const missing = ['soffice', 'pdfinfo', 'pdftoppm', 'pdftotext'].filter((t) => !has(t));
    assert.deepEqual(
      missing,
      [],
      `missing ${missing.join(', ')}: run “bash scripts/setup-export-tests.sh” (installs libreoffice-writer-nogui, poppler-utils and fonts-liberation2 from Debian)`,
    );
    const work = tempDir();
    try {
      const input = join(work, 'overview-report.docx');
      copyFileSync(docx, input);
      // A profile of its own, so parallel runs (and a running LibreOffice) do not clash.
      const profile = `file://${join(work, 'lo-profile')}`;
      const convert = spawnSync(
        'soffice',
        [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, input],
        {
          encoding: 'utf8',
          timeout: 240_000,
        },
      );
      const pdf = join(work, 'overview-report.pdf');
      assert.ok(existsSync(pdf), `LibreOffice made no PDF (exit ${convert.status}): ${convert.stderr}${convert.stdout}`);
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]);
      assert.ok(pages > 1, `expected more than one page, got ${pages}`);

      const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
      assert.match(text, /Serious Case Review – Child A/);
      assert.match(text, /Official – Sensitive/);
      assert.match(text, /Page 2 of \d/);
      assert.match(text, /5\.\s+Integrated chronology/, 'section numbers as Word draws them');
      assert.match(text, /6\.2\s+It is now clear that/, 'paragraph numbers as Word draws them');
      assert.match(text, /10\.1\s+The injuries to Child A/);
      assert.match(text, /Pseudonym\s+Relationship to Child A\s+Age at August 2008\s+Ethnicity/, 'the family composition table');
      assert.match(text, /Rec\s+Action\s+Lead\s+Target date\s+Measure of success\s+Status/, 'the action plan table');
      assert.doesNotMatch(text, /6\.2\s+6\.2/, 'numbers are not doubled');

      const results = join(root, 'test-results');
      mkdirSync(results, { recursive: true });
      const png = join(results, 'export-first-page.png');
      rmSync(png, { force: true });
      const render = spawnSync(
        'pdftoppm',
        ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(results, 'export-first-page')],
        { encoding: 'utf8' },
      );
      assert.equal(render.status, 0, render.stderr);
      assert.ok(existsSync(png) && statSync(png).size > 1000, 'first page drawn');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('bundles: dist/cli.cjs exports the example too', async function () {
    this.timeout(120_000);
    const cli = join(root, 'dist/cli.cjs');
    assert.ok(existsSync(cli), 'dist/cli.cjs is missing: run “node esbuild.js” first');
    const out = join(dir, 'bundle.docx');
    const run = spawnSync(process.execPath, [cli, 'export', EXAMPLE, '--out', out], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const bundled = unzip(readFileSync(out));
    assert.equal(tables(bundled.get('word/document.xml')!).length, 3);
  });
});

// --- Conversion details -----------------------------------------------------

describe('export to Word: Markdown features', function () {
  // Linting and building a report take a few seconds on a busy machine.
  this.timeout(120_000);
  const REPORT = `---
report-type: imr
title: Individual Management Review – Northshire Police
child: [Child A, Child B]
agency: Northshire Police
board: Northshire Safeguarding Children Board
report-date: 2009-03-01
version: "0.3"
marking: true
---

# Individual Management Review

<!-- an author's note -->

## Introduction

This review was requested by the Board.[^minutes] It covers *Police* contact with **Child A**, ~~not~~ \`code\` and [guidance](https://example.org/guidance).

> Prompt: Describe the circumstances that led to the review.

> "A quiet baby," said the grandmother.

### Background

A paragraph under a sub-heading.

3. Third
4. Fourth
   - nested

## Appendix: Glossary

CAF: Common Assessment Framework.

[^minutes]: Board minutes, 28 August 2008.
`;

  it('turns GFM footnotes into Word footnotes', async () => {
    const { files, document } = await build(REPORT);
    assert.match(document, /<w:footnoteReference w:id="1"\/>/);
    const footnotes = files.get('word/footnotes.xml')!;
    assert.match(textOf(/<w:footnote [^>]*w:id="1"[^>]*>[\s\S]*?<\/w:footnote>/.exec(footnotes)![0]), /Board minutes, 28 August 2008\./);
    assert.ok(!document.includes('Board minutes'), 'the definition is not in the body');
  });

  it('keeps inline formatting and links, and leaves out template prompts and HTML comments', async () => {
    const { paras, files, document } = await build(REPORT);
    const intro = paras.find((p) => p.text.startsWith('This review was requested'))!;
    assert.match(intro.xml, /<w:i\/>[\s\S]*?<w:t[^>]*>Police<\/w:t>/);
    assert.match(intro.xml, /<w:b\/>[\s\S]*?<w:t[^>]*>Child A<\/w:t>/);
    assert.match(intro.xml, /<w:strike\/>/);
    assert.match(intro.xml, /Courier New[\s\S]*?<w:t[^>]*>code<\/w:t>/);
    assert.match(intro.xml, /<w:hyperlink [^>]*r:id="[^"]+"/);
    assert.match(files.get('word/_rels/document.xml.rels')!, /Target="https:\/\/example.org\/guidance" TargetMode="External"/);
    assert.ok(!document.includes('Prompt:'));
    assert.ok(!document.includes('an author'));
    assert.equal(paras.find((p) => p.text.includes('A quiet baby'))?.style, 'Quote');
  });

  it('maps ### to Heading 2 and leaves an appendix unnumbered', async () => {
    const { paras } = await build(REPORT);
    const background = paras.find((p) => p.text === 'Background')!;
    assert.equal(background.style, 'Heading2');
    assert.equal(background.numId, undefined);
    const appendix = paras.find((p) => p.text === 'Appendix: Glossary')!;
    assert.equal(appendix.style, 'Heading1');
    assert.equal(appendix.numId, undefined);
    assert.equal(paras.find((p) => p.text.startsWith('CAF:'))?.numId, undefined, 'appendix paragraphs are not numbered');
  });

  it('numbers every body paragraph when the author numbered none, across sub-headings', async () => {
    const { paras } = await build(REPORT);
    const numId = paras.find((p) => p.text === 'Introduction')!.numId!;
    const labels = numberLabels(paras, numId);
    assert.equal(labels.get('A paragraph under a sub-heading.'), '1.2');
    assert.equal([...labels].find(([t]) => t.startsWith('This review was requested'))?.[1], '1.1');
  });

  it('starts an ordered list at its first number', async () => {
    const { files, paras } = await build(REPORT);
    const third = paras.find((p) => p.text === 'Third')!;
    const numbering = files.get('word/numbering.xml')!;
    const abstractId = new RegExp(`<w:num w:numId="${third.numId}"[^>]*>\\s*<w:abstractNumId w:val="(\\d+)"`).exec(numbering)![1];
    const abstract = new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[^>]*>[\\s\\S]*?</w:abstractNum>`).exec(numbering)![0];
    assert.match(abstract, /<w:lvl w:ilvl="0"[^>]*>\s*<w:start w:val="3"\/>/);
  });

  it('builds the title page from front matter, with "marking: true" as Official – Sensitive and the version', async () => {
    const { paras, files, marking } = await build(REPORT);
    assert.equal(marking, MARKING);
    const texts = paras.map((p) => p.text);
    assert.ok(texts.includes('Individual Management Review – Northshire Police'));
    assert.ok(!texts.includes('Individual Management Review'), 'the type is in the title already, so no subtitle');
    for (const fact of ['Child: Child A, Child B', 'Agency: Northshire Police', 'Report date: 1 March 2009', 'Version: 0.3'])
      assert.ok(texts.includes(fact), fact);
    assert.ok(textOf(files.get('word/header1.xml')!).includes(MARKING));
    const none = await build(REPORT, { marking: false });
    assert.equal(none.marking, undefined);
    assert.ok(![...none.files].some(([name, xml]) => /header|footer/.test(name) && xml.includes(MARKING)));
  });

  it('warns where a typed number differs from the number Word will show, and keeps unnumbered paragraphs as continuations', async () => {
    const text = `# Report\n\n## 1. Introduction\n\n1.1 First.\n\nA continuation of 1.1.\n\n1.3 Third, typed out of order.\n\n## 3. Analysis\n\n3.1 Analysis text.\n`;
    const { paras, warnings } = await build(text);
    const numId = paras.find((p) => p.text === 'Introduction')!.numId!;
    const labels = numberLabels(paras, numId);
    assert.equal(labels.get('First.'), '1.1');
    assert.equal(labels.get('Third, typed out of order.'), '1.2');
    assert.equal(labels.get('Analysis text.'), '2.1');
    assert.equal(paras.find((p) => p.text === 'A continuation of 1.1.')?.numId, undefined);
    assert.deepEqual(
      warnings.map((w) => `${w.line}: ${w.message}`),
      [
        '9: paragraph typed as 1.3 is numbered 1.2 in the Word document',
        '11: section typed as 3 is numbered 2 in the Word document',
        '13: paragraph typed as 3.1 is numbered 2.1 in the Word document',
      ],
    );
  });

  it('with numbering "none" keeps the text exactly as typed and adds no numbers', async () => {
    const text = `# Report\n\n## 12 months before\n\n## 3. Analysis\n\n3.1 Analysis text.\n`;
    const { paras } = await build(text, { numbering: 'none' });
    assert.ok(paras.some((p) => p.text === '3. Analysis' && p.numId === undefined));
    assert.ok(paras.some((p) => p.text === '3.1 Analysis text.' && p.numId === undefined));
    // A heading that begins with a count keeps it whatever the mode.
    assert.ok((await build(text)).paras.some((p) => p.text === '12 months before'));
  });

  it('gives a table the header row’s columns, as GFM does: short rows padded, extra cells dropped', async () => {
    const { document } = await build(`# T\n\n| A | B | C |\n| --- | --- | --- |\n| 1 |\n| 1 | 2 | 3 | 4 |\n`);
    const [table] = tables(document);
    assert.deepEqual(
      table!.rows.map((r) => r.cells),
      [
        ['A', 'B', 'C'],
        ['1', '', ''],
        ['1', '2', '3'],
      ],
    );
  });
});

// --- The CLI and the publication gate --------------------------------------

describe('export to Word: the command and the publication gate', function () {
  // Linting and building a report take a few seconds on a busy machine.
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** An invented executive summary that still names an adult, a date of birth and an address. */
  const UNSAFE = `---
report-type: executive-summary
title: Executive Summary – Child A
child: Child A
board: Northshire Safeguarding Children Board
publication: public
pseudonyms: [Child A, Mother]
---

# Executive Summary: Child A

## Introduction

1.1 Child A was born on 14/03/2007 and lived with Mother and Darren Mitchell at 12 Acacia Avenue.

1.2 The review was published by the Board.
`;

  it('refuses a public report with anonymisation errors, lists each with line and column, and writes nothing', async () => {
    const input = join(dir, 'summary.md');
    writeFileSync(input, UNSAFE);
    const out = join(dir, 'summary.docx');
    const result = await runExport([input, '--out', out]);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /publication: public/);
    assert.match(result.stderr, /found 3 problems/);
    assert.match(result.stderr, /summary\.md:14:25 {2}“14\/03\/2007” looks like a full date of birth/);
    assert.match(result.stderr, /summary\.md:14:62 {2}“Darren Mitchell” looks like a personal name/);
    assert.match(result.stderr, /summary\.md:14:81 {2}“12 Acacia Avenue” looks like a street address/);
    assert.match(result.stderr, /Nothing was written/);
    assert.ok(!existsSync(out));
  });

  it('cannot be opened by turning the rule off in the config file', async () => {
    writeFileSync(join(dir, '.casereviewrc.json'), JSON.stringify({ rules: { anonymisation: 'off' } }));
    const input = join(dir, 'summary.md');
    writeFileSync(input, UNSAFE);
    const result = await runExport([input, '--out', join(dir, 'summary.docx')]);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /found 3 problems/);
    assert.match(result.stderr, /Hidden from the normal lint by “anonymisation: off” in “[^”]*\.casereviewrc\.json”/);
  });

  it('cannot be opened by turning the rule off in its own front matter either, and says what would have hidden each finding', async () => {
    const input = join(dir, 'summary.md');
    writeFileSync(input, UNSAFE.replace('publication: public', 'publication: public\ncase-review-lint:\n  rules:\n    anonymisation: off'));
    const gate = publicationGate(readFileSync(input, 'utf8'));
    assert.equal(gate.isPublic, true);
    assert.equal(gate.blocking.length, 3);
    assert.ok(
      gate.blocking.every((f) => f.hiddenBy.some((h) => /front matter “case-review-lint: rules: anonymisation: off” on line 9/.test(h))),
      JSON.stringify(gate.blocking.map((f) => f.hiddenBy)),
    );
    const out = join(dir, 'summary.docx');
    const result = await runExport([input, '--out', out]);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /found 3 problems/);
    assert.match(result.stderr, /Hidden from the normal lint by front matter/);
    assert.ok(!existsSync(out));
  });

  it('exports the same report when it is not marked public, and a public report once it is anonymised', async () => {
    const internal = join(dir, 'internal.md');
    writeFileSync(internal, UNSAFE.replace('publication: public', 'publication: internal'));
    assert.equal((await runExport([internal, '--out', join(dir, 'internal.docx')])).code, 0);
    const fixed = join(dir, 'fixed.md');
    writeFileSync(
      fixed,
      UNSAFE.replace('was born on 14/03/2007', 'was born in 2007')
        .replace('Darren Mitchell', 'Mr K')
        .replace('at 12 Acacia Avenue', 'at the family home'),
    );
    const result = await runExport([fixed, '--out', join(dir, 'fixed.docx')]);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(existsSync(join(dir, 'fixed.docx')));
  });

  it('does not overwrite without --force', async () => {
    const out = join(dir, 'report.docx');
    writeFileSync(out, 'keep me');
    await assert.rejects(
      runExport([EXAMPLE, '--out', out]),
      (error: Error) => error.name === 'UsageError' && /exists; use --force/.test(error.message),
    );
    assert.equal(readFileSync(out, 'utf8'), 'keep me');
    assert.equal((await runExport([EXAMPLE, '--out', out, '--force'])).code, 0);
    assert.notEqual(readFileSync(out, 'utf8'), 'keep me');
  });

  it('gives clear errors for unreadable input and bad options, and has --help', async () => {
    const usage = async (argv: string[]): Promise<string> => {
      try {
        await runExport(argv);
      } catch (error) {
        assert.equal((error as Error).name, 'UsageError');
        return (error as Error).message;
      }
      assert.fail(`no error for ${argv.join(' ')}`);
    };
    assert.match(await usage([join(dir, 'missing.md')]), /Cannot read “.*missing\.md”: no such file/);
    assert.match(await usage([dir]), /it is a folder/);
    assert.match(await usage([]), /No file given/);
    assert.match(await usage([EXAMPLE, '--out', join(dir, 'x.pdf')]), /must name a \.docx file/);
    assert.match(await usage([EXAMPLE, '--numbering', 'roman']), /Unknown numbering/);
    assert.match(await usage([EXAMPLE, '--report-type', 'novel']), /Unknown report type/);
    const help = await runExport(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: case-review-lint export FILE/);
  });

  it('writes next to the input by default', async () => {
    const input = join(dir, 'report.md');
    copyFileSync(EXAMPLE, input);
    assert.equal((await runExport([input])).code, 0);
    assert.ok(existsSync(join(dir, 'report.docx')));
  });
});
