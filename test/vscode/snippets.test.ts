/**
 * Every snippet the extension contributes, inserted into a Markdown editor as an
 * author would (`insertSnippet`): variables are resolved, tab stops filled with
 * their defaults, and the result is the table or recommendation it promises.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers.js';

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
      const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, file.path)))) as Record<string, Snippet>;
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
        if (/row/i.test(name) && /chronology/i.test(name)) assert.match(text, /\|\s*\d{2}\/\d{2}\/\d{4}\s*\|/, `${name} starts with today's date`);
        if (/recommendation/i.test(name)) assert.match(text, /\bwill\b.*\bby\b/s, `${name} names an owner's action and a date`);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        inserted++;
      }
    }
    assert.ok(inserted >= 6, `inserted ${inserted} snippets`);
  });
});
