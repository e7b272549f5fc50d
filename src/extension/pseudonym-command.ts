/** “Replace with a pseudonym everywhere…”: asks for the pseudonym, then applies the name fix. */
import * as vscode from 'vscode';
import { applyChanges } from '../index.js';
import { pseudonymChanges, type NameFix } from '../models/pseudonym.js';

export const REPLACE_NAME_COMMAND = 'caseReview.replaceNameWithPseudonym';

export function registerPseudonymCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(REPLACE_NAME_COMMAND, async (uri: vscode.Uri, version: number, fix: NameFix, given?: string) => {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (!document) return false;
      if (document.version !== version) {
        void vscode.window.showWarningMessage('The report changed since this fix was offered; try the fix again.');
        return false;
      }
      const pseudonym = (
        given ??
        (await vscode.window.showInputBox({
          title: `Replace “${fix.name}” everywhere (${fix.occurrences.length}×)`,
          prompt: 'Pseudonym or role to use instead; it is also added to the front matter key (pseudonyms:)',
          placeHolder: 'for example “Mr D” or “Adult 1”',
          validateInput: (value) => (value.trim() ? undefined : 'Enter a pseudonym'),
        }))
      )?.trim();
      if (!pseudonym || document.version !== version) return false;
      const text = document.getText();
      const changes = pseudonymChanges(fix, pseudonym);
      const edit = new vscode.WorkspaceEdit();
      // One replacement of the whole changed stretch keeps the edit atomic and the offsets exact.
      const start = Math.min(...changes.map((c) => c.start));
      const end = Math.max(...changes.map((c) => c.end));
      const replaced = applyChanges(text, changes);
      edit.replace(
        document.uri,
        new vscode.Range(document.positionAt(start), document.positionAt(end)),
        replaced.slice(start, replaced.length - (text.length - end)),
      );
      return vscode.workspace.applyEdit(edit);
    }),
  );
}
