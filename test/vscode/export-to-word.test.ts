/** “Case Review: Export to Word” in a real VS Code: the .docx read back, and the publication gate's refusal. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import * as vscode from 'vscode';
import type { CaseReviewApi } from '../../src/extension/extension.js';
import type { ExportOutcome } from '../../src/extension/export-command.js';
import { activateApi, closeAll, fixture, open, openUntitled } from './helpers.js';

const COMMAND = 'caseReview.exportToWord';

/** An invented public executive summary that still names an adult, a date of birth and an address. */
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

/** The text of every w:t run in a part of the .docx, joined. */
const wordText = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('Case Review: Export to Word', function () {
  this.timeout(60000);
  let api: CaseReviewApi;
  let dir: string;

  before(async () => {
    ({ api } = await activateApi());
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'case-review-export-'));
  });

  afterEach(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await closeAll();
  });

  it('is contributed, in the command palette for Markdown and in the Explorer context menu', () => {
    const manifest = vscode.extensions.getExtension('case-review-lint.case-review-lint')?.packageJSON as
      | { contributes: { commands: { command: string; title: string }[]; menus: Record<string, { command: string; when?: string }[]> } }
      | undefined;
    // Under --vsix the tests run against the installed copy, which has the same manifest.
    if (!manifest) return;
    assert.ok(manifest.contributes.commands.some((c) => c.command === COMMAND && c.title === 'Export to Word'));
    assert.ok(manifest.contributes.menus['commandPalette']!.some((m) => m.command === COMMAND && m.when === 'editorLangId == markdown'));
    assert.ok(
      manifest.contributes.menus['explorer/context']!.some((m) => m.command === COMMAND && m.when === 'resourceLangId == markdown'),
    );
  });

  it('exports the active report to the given .docx: headings, numbered sections and the chronology table', async () => {
    const { document } = await open(api, 'reviews/overview-child-d.md');
    const before = document.getText();
    const target = vscode.Uri.file(path.join(dir, 'overview-child-d.docx'));
    const outcome = await vscode.commands.executeCommand<ExportOutcome>(COMMAND, undefined, target);
    assert.equal(outcome.status, 'written', JSON.stringify(outcome));
    assert.ok(outcome.status === 'written');
    assert.equal(outcome.target, target.toString());
    assert.equal(outcome.title, 'Serious Case Review Overview Report: Child D');

    const files = unzipSync(new Uint8Array(await vscode.workspace.fs.readFile(target)));
    assert.ok(files['[Content_Types].xml'], 'a .docx package');
    const xml = strFromU8(files['word/document.xml']!);
    const text = wordText(xml);
    // Sections are Word headings; the numbers typed in the Markdown are left to Word's numbering.
    for (const heading of [
      'Introduction',
      'Terms of reference',
      'Integrated chronology',
      'Analysis',
      'Lessons learned',
      'Recommendations',
    ]) {
      assert.ok(text.includes(heading), `heading “${heading}” in document.xml`);
    }
    assert.ok(!text.includes('6. Integrated chronology'), 'the typed section number is not doubled');
    assert.match(xml, /<w:pStyle w:val="Heading1"\/>/);
    // The chronology is a Word table whose header row repeats on every page.
    const table = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    assert.ok(table.length > 0, 'a table');
    assert.match(table, /<w:tblHeader\/>/);
    for (const cell of ['Date', 'Agency', 'Event', '3 March 2019', 'Health visiting'])
      assert.ok(wordText(table).includes(cell), `cell “${cell}”`);
    // The report itself is untouched.
    assert.equal(document.getText(), before);
    assert.equal(document.isDirty, false);
  });

  it('exports a report given by URI without opening it (Explorer context menu), its unsaved edits when open', async () => {
    const source = fixture('imrs/imr-police.md');
    const target = vscode.Uri.file(path.join(dir, 'imr.docx'));
    const written = await vscode.commands.executeCommand<ExportOutcome>(COMMAND, source, target);
    assert.equal(written.status, 'written', JSON.stringify(written));
    const first = wordText(strFromU8(unzipSync(new Uint8Array(await vscode.workspace.fs.readFile(target)))['word/document.xml']!));
    assert.ok(first.length > 100);

    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '---\nreport-type: imr\n---\n# IMR\n\n## Summary\n\nUnsaved text only in the editor.\n',
    });
    await vscode.window.showTextDocument(document);
    const again = await vscode.commands.executeCommand<ExportOutcome>(COMMAND, document.uri, target);
    assert.equal(again.status, 'written', JSON.stringify(again));
    const text = wordText(strFromU8(unzipSync(new Uint8Array(await vscode.workspace.fs.readFile(target)))['word/document.xml']!));
    assert.ok(text.includes('Unsaved text only in the editor.'), 'the editor text is exported and overwrites the earlier file');
  });

  it('refuses a report marked publication: public while the anonymisation rule finds errors, and writes nothing', async () => {
    const document = await openUntitled(api, UNSAFE);
    const target = vscode.Uri.file(path.join(dir, 'summary.docx'));
    const outcome = await vscode.commands.executeCommand<ExportOutcome>(COMMAND, document.uri, target);
    assert.equal(outcome.status, 'refused', JSON.stringify(outcome));
    assert.ok(outcome.status === 'refused');
    assert.equal(outcome.errors.length, 3, outcome.errors.join('\n'));
    assert.match(outcome.errors.join('\n'), /^14:25 “14\/03\/2007” looks like a full date of birth/m);
    assert.match(outcome.errors.join('\n'), /^14:62 “Darren Mitchell” looks like a personal name/m);
    assert.match(outcome.errors.join('\n'), /^14:81 “12 Acacia Avenue” looks like a street address/m);
    assert.equal(fs.existsSync(target.fsPath), false, 'nothing written');

    // The same report, no longer marked public, is exported.
    const edit = new vscode.WorkspaceEdit();
    const at = document.getText().indexOf('publication: public');
    edit.replace(
      document.uri,
      new vscode.Range(document.positionAt(at), document.positionAt(at + 'publication: public'.length)),
      'publication: internal',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    const internal = await vscode.commands.executeCommand<ExportOutcome>(COMMAND, document.uri, target);
    assert.equal(internal.status, 'written', JSON.stringify(internal));
    assert.ok(fs.existsSync(target.fsPath));
  });

  it('is not opened by a disable comment, front matter or caseReview.rules switching the anonymisation rule off, and says what would have hidden each finding', async () => {
    const target = vscode.Uri.file(path.join(dir, 'summary.docx'));
    const routes: [string, RegExp][] = [
      [
        UNSAFE.replace('# Executive', '<!-- case-review-lint disable-file -->\n\n# Executive'),
        /Hidden from the normal lint by the comment <!-- case-review-lint disable-file --> on line 10/,
      ],
      [
        UNSAFE.replace('\n1.1', '\n<!-- case-review-lint disable-next-line anonymisation -->\n1.1'),
        /disable-next-line anonymisation --> on line 14/,
      ],
      [
        UNSAFE.replace('publication: public', 'publication: public\ncase-review-lint: { rules: { anonymisation: off } }'),
        /front matter “case-review-lint: rules: anonymisation: off” on line 7/,
      ],
    ];
    for (const [text, hidden] of routes) {
      const document = await openUntitled(api, text);
      const outcome = await vscode.commands.executeCommand<ExportOutcome>(COMMAND, document.uri, target);
      assert.equal(outcome.status, 'refused', JSON.stringify(outcome));
      assert.ok(outcome.status === 'refused');
      assert.equal(outcome.errors.length, 3, outcome.errors.join('\n'));
      for (const error of outcome.errors) assert.match(error, hidden);
      assert.equal(fs.existsSync(target.fsPath), false, 'nothing written');
    }
    const config = vscode.workspace.getConfiguration('caseReview');
    await config.update('rules', { anonymisation: 'off' }, vscode.ConfigurationTarget.Global);
    try {
      const document = await openUntitled(api, UNSAFE);
      const outcome = await vscode.commands.executeCommand<ExportOutcome>(COMMAND, document.uri, target);
      assert.equal(outcome.status, 'refused', JSON.stringify(outcome));
      assert.ok(outcome.status === 'refused');
      assert.match(outcome.errors.join('\n'), /Hidden from the normal lint by “anonymisation: off” in the settings or \.casereviewrc/);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    // A reasoned exception per item is honoured; the rest still refuse.
    const excepted = UNSAFE.replace(
      'publication: public',
      'publication: public\npublication-exceptions:\n  - text: Darren Mitchell\n    reason: named by the coroner in open court',
    );
    const document = await openUntitled(api, excepted);
    const outcome = await vscode.commands.executeCommand<ExportOutcome>(COMMAND, document.uri, target);
    assert.ok(outcome.status === 'refused', JSON.stringify(outcome));
    assert.equal(outcome.errors.length, 2, outcome.errors.join('\n'));
    assert.doesNotMatch(outcome.errors.join('\n'), /Darren Mitchell/);
  });
});
