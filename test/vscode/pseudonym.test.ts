/** The anonymisation quick fix in the editor: replace a real name everywhere with a pseudonym and add it to the key. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateApi, codeOf, openUntitled, ours, waitFor } from './helpers.js';

const REPORT = `---
report-type: overview
pseudonyms: [Child A, Mother]
---
# Overview report

## Analysis

Darren Mitchell, Mother's partner, moved in during March 2008. The health visitor never met Darren Mitchell.
`;

describe('Case Review: anonymisation quick fix', function () {
  this.timeout(60000);

  it('replaces the name everywhere with the pseudonym given, adds it to the key, and the finding goes', async () => {
    const { api } = await activateApi();
    const document = await openUntitled(api, REPORT);
    const diagnostic = await waitFor(
      'the anonymisation finding',
      () => ours(document.uri).find((d) => codeOf(d) === 'anonymisation' && d.message.includes('Darren Mitchell')),
      [vscode.languages.onDidChangeDiagnostics],
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
    );
    const replace = actions.find((a) => a.title.startsWith('Replace “Darren Mitchell” everywhere with a pseudonym'));
    assert.ok(replace?.command, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    const applied = await vscode.commands.executeCommand<boolean>(replace.command.command, ...(replace.command.arguments ?? []), 'Mr D');
    assert.equal(applied, true);
    const text = document.getText();
    assert.doesNotMatch(text, /Darren|Mitchell/);
    assert.match(text, /^pseudonyms: \[Child A, Mother, Mr D\]$/m);
    await waitFor('the finding to go', () => (ours(document.uri).some((d) => codeOf(d) === 'anonymisation') ? undefined : true), [
      vscode.languages.onDidChangeDiagnostics,
    ]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
