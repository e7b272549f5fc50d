/**
 * Every snippet the extension contributes, inserted into a Markdown editor as an
 * author would (`insertSnippet`): variables are resolved, tab stops filled with
 * their defaults, and the result is the table or recommendation it promises.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BUILT_IN_PROFILES } from '../../src/engine/profiles.js';
import { EXTENSION_ID, activateApi, closeAll, codeOf, ours, waitForState } from './helpers.js';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

describe('Case Review snippets', function () {
  this.timeout(60000);

  it('are contributed for Markdown, and each inserts its table or recommendation', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (extension.packageJSON.contributes.snippets ?? []) as { language: string; path: string }[];
    assert.ok(contributed.length >= 2, 'snippet files are contributed');
    let inserted = 0;
    for (const file of contributed) {
      assert.equal(file.language, 'markdown');
      const snippets = JSON.parse(
        new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, file.path))),
      ) as Record<string, Snippet>;
      for (const [name, snippet] of Object.entries(snippets)) {
        const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
        const editor = await vscode.window.showTextDocument(document, { preview: false });
        const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
        assert.ok(await editor.insertSnippet(new vscode.SnippetString(body)), `${name} inserts`);
        const text = document.getText();
        assert.ok(text.length > 20, `${name}: ${text}`);
        assert.doesNotMatch(text, /\$\{?\d|\$CURRENT_/, `${name}: every tab stop and variable is resolved`);
        if (/table|row/i.test(name)) assert.match(text, /^\|.*\|$/m, `${name} is a table or a table row`);
        if (/table/i.test(name)) {
          const lines = text.split('\n');
          const header = lines.findIndex((line) => line.startsWith('|'));
          assert.match(lines[header + 1] ?? '', /^\|(?:\s*:?-{3,}:?\s*\|)+$/, `${name} has a header and alignment row`);
        }
        if (/row/i.test(name) && /chronology/i.test(name))
          assert.match(text, /\|\s*\d{2}\/\d{2}\/\d{4}\s*\|/, `${name} starts with today's date`);
        if (/recommendation/i.test(name)) assert.match(text, /\bwill\b.*\bby\b/s, `${name} names an owner's action and a date`);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        inserted++;
      }
    }
    assert.ok(inserted >= 6, `inserted ${inserted} snippets`);
  });

  it('insert, one IMR section after another, a report with every IMR section, its prompt, chronology and action plan', async () => {
    const { api, extension } = await activateApi();
    const imr = BUILT_IN_PROFILES.find((p) => p.id === 'imr')!;
    const snippets = JSON.parse(
      new TextDecoder().decode(
        await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'snippets', 'imr.code-snippets')),
      ),
    ) as Record<string, Snippet>;
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content:
        '---\nreport-type: imr\nchild: Child M\nagency: Northshire Police\n---\n\n# Individual Management Review: Northshire Police\n\n',
    });
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    try {
      for (const section of imr.sections) {
        const snippet = Object.values(snippets).find((s) =>
          (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).includes(`imr-${section.id}`),
        );
        assert.ok(snippet, `a snippet for ${section.id}`);
        const end = document.lineAt(document.lineCount - 1).range.end;
        const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
        assert.ok(await editor.insertSnippet(new vscode.SnippetString(`${body}\n\n`), end), `${section.id} inserts`);
        await vscode.commands.executeCommand('leaveSnippet');
      }
      const text = document.getText();
      assert.deepEqual(
        text.split('\n').filter((l) => l.startsWith('## ')),
        imr.sections.map((s) => `## ${s.title}`),
      );
      assert.doesNotMatch(text, /\$\{?\d|\$CURRENT_/, 'every tab stop and variable is resolved');
      const state = await waitForState(api, document, (s) => s.linted);
      assert.equal(state.reportType, 'imr');
      const diagnostics = ours(document.uri);
      assert.ok(!diagnostics.some((d) => codeOf(d) === 'required-sections'), 'no section is missing');
      assert.equal(
        diagnostics.filter((d) => codeOf(d) === 'template-placeholder' && d.message.includes('prompt')).length,
        imr.sections.length,
        'each prompt is flagged until answered',
      );
      const checklist = api.checklist.getChildren().map((node) => node.section);
      assert.deepEqual(
        checklist.map((s) => s.id),
        imr.sections.map((s) => s.id),
      );
      assert.ok(
        checklist.every((s) => s.state !== 'missing' && s.state !== 'empty'),
        checklist.map((s) => `${s.id}:${s.state}`).join(' '),
      );
      assert.equal(checklist.find((s) => s.id === 'chronology')?.chronologyRows, 1, 'the chronology table has its row');
      assert.equal(checklist.find((s) => s.id === 'recommendations')?.recommendations?.total, 1, 'the SMART recommendation');
      assert.match(text, /^## Action plan\n\n> Prompt: .*\n\n\| Recommendation \| Action \|.*\n\| --- .*\n\| 1 \| \[action\] \|/m);
    } finally {
      await closeAll();
    }
  });
});
