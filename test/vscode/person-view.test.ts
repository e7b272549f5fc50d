/**
 * The example report as an author sees it: its findings in the editor are the
 * CLI's findings, and pictures of the Problems panel and of a quick-fix menu
 * are saved (test-results/*.png) through the harness's screenshot marker.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const root = () => vscode.workspace.workspaceFolders![0]!.uri;
const repo = () => vscode.Uri.joinPath(root(), '..', '..', '..');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface CliMessage {
  ruleId: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'case-review');
}

function waitForDiagnostics(uri: vscode.Uri, count: number): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const found = ours(uri);
      if (found.length >= count) {
        listener.dispose();
        clearTimeout(timer);
        resolve(found);
      }
    };
    const listener = vscode.languages.onDidChangeDiagnostics(check);
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`expected ${count} diagnostics on ${uri.path}, got ${ours(uri).length}`));
    }, 30000);
    check();
  });
}

describe('the example report, as an author sees it', function () {
  this.timeout(120000);
  const example = () => vscode.Uri.joinPath(repo(), 'examples', 'overview-report.md');

  it('shows the same findings as the CLI, in the Problems panel, with a quick-fix menu', async () => {
    const cli = JSON.parse(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(repo(), 'out', 'vscode-test', 'example-cli.json'))),
    ) as { messages: CliMessage[] }[];
    const expected = cli[0]!.messages;
    assert.ok(expected.length >= 10, `the CLI found ${expected.length} findings`);

    const document = await vscode.workspace.openTextDocument(example());
    const editor = await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(document.uri, expected.length);
    const severity = {
      error: vscode.DiagnosticSeverity.Error,
      warning: vscode.DiagnosticSeverity.Warning,
      info: vscode.DiagnosticSeverity.Information,
    };
    const key = (ruleId: string, line: number, column: number, level: vscode.DiagnosticSeverity) => `${ruleId} ${line}:${column} ${level}`;
    const inEditor = diagnostics
      .map((d) =>
        key(
          typeof d.code === 'object' ? String(d.code.value) : String(d.code),
          d.range.start.line + 1,
          d.range.start.character + 1,
          d.severity,
        ),
      )
      .sort();
    const fromCli = expected.map((m) => key(m.ruleId, m.line, m.column, severity[m.severity])).sort();
    assert.deepEqual(inEditor, fromCli);

    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await pause(1500);
    console.log('CASE_REVIEW_SCREENSHOT problems-panel');
    await pause(2500);

    const target = diagnostics.find((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'was-not-brought') ?? diagnostics[0]!;
    editor.selection = new vscode.Selection(target.range.start, target.range.start);
    editor.revealRange(target.range, vscode.TextEditorRevealType.InCenter);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      target.range,
    );
    assert.ok(
      actions.some((a) => a.kind?.value.startsWith('quickfix')),
      'the finding offers quick fixes',
    );
    await vscode.commands.executeCommand('editor.action.quickFix');
    await pause(2000);
    console.log('CASE_REVIEW_SCREENSHOT quick-fix-menu');
    await pause(2500);
    await vscode.commands.executeCommand('hideCodeActionWidget');
    assert.equal(document.isDirty, false, 'looking changed nothing');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
