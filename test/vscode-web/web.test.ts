/**
 * The web extension (dist/browser.js) in VS Code's web worker extension host
 * (run.mjs --web): no Node, files through vscode.workspace.fs on the remote
 * file system. Diagnostics appear for a report with their quick fixes, a
 * .casereviewrc is read, Export to Word writes a .docx, and the lint task
 * (which needs a process) is not offered. Plain checks, no node:assert (no
 * Node here).
 */
import * as vscode from 'vscode';
import type { CaseReviewApi } from '../../src/extension/extension.js';
import type { ExportOutcome } from '../../src/extension/export-command.js';
import type { LintState } from '../../src/extension/linter.js';

const EXTENSION_ID = 'case-review-lint.case-review-lint';
const WAIT_MS = 20000;

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  check(folder, 'a workspace folder is open');
  return folder.uri;
}

/** Resolve once `probe()` gives a value: tried now and on each event, until the timeout. */
function waitFor<T>(what: string, probe: () => T | undefined, events: vscode.Event<unknown>[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (fn: () => void) => {
      clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
      fn();
    };
    const attempt = () => {
      const value = probe();
      if (value !== undefined) finish(() => resolve(value));
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`))), WAIT_MS);
    for (const event of events) subscriptions.push(event(attempt));
    attempt();
  });
}

async function openAndLint(api: CaseReviewApi, relative: string): Promise<{ document: vscode.TextDocument; state: LintState }> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root(), ...relative.split('/')));
  await vscode.window.showTextDocument(document, { preview: false });
  const state = await waitFor(
    `a lint of ${relative}`,
    () => {
      const s = api.stateOf(document.uri);
      return s && s.version === document.version ? s : undefined;
    },
    [api.onDidLint],
  );
  return { document, state };
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'case-review');
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

export function defineWebSuite(): void {
  describe('Case Review Lint as a web extension', function () {
    let api: CaseReviewApi;

    before(async () => {
      const extension = vscode.extensions.getExtension<CaseReviewApi>(EXTENSION_ID);
      check(extension, `${EXTENSION_ID} is installed`);
      api = await extension.activate();
      check(api && typeof api.stateOf === 'function', 'activate() returned the API');
    });

    afterEach(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('runs in a web worker, without Node, from the manifest’s browser entry', () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      check(extension?.isActive, 'the extension is active');
      check((extension.packageJSON as { browser?: string }).browser === './dist/browser.js', 'package.json has the browser entry');
      check(typeof (globalThis as { process?: unknown }).process === 'undefined', 'no process global');
      check(typeof (globalThis as { require?: unknown }).require === 'undefined', 'no require global');
      check(typeof (globalThis as { importScripts?: unknown }).importScripts === 'function', 'a worker global scope (importScripts)');
      check(root().scheme === 'vscode-remote', `the workspace is on the remote file system (got ${root().scheme})`);
    });

    it('shows diagnostics for a report', async () => {
      const { document, state } = await openAndLint(api, 'reviews/overview-child-d.md');
      check(state.linted && state.reportType === 'overview', `linted as an overview report (got ${JSON.stringify(state)})`);
      const diagnostics = ours(document.uri);
      check(
        diagnostics.length === state.problems && diagnostics.length > 0,
        `diagnostics published (${diagnostics.length} of ${state.problems})`,
      );
      const has = (ruleId: string, includes: string) => diagnostics.some((d) => codeOf(d) === ruleId && d.message.includes(includes));
      const got = diagnostics.map((d) => `${codeOf(d)}: ${d.message}`).join('\n');
      check(has('tor-period', 'ends before it starts'), `the reversed period under review is reported; got\n${got}`);
      check(has('required-sections', 'No “Methodology'), `the missing Methodology section is reported; got\n${got}`);
      check(has('template-placeholder', '[insert date]'), `the placeholder is reported; got\n${got}`);
    });

    it('offers quick fixes', async () => {
      const { document } = await openAndLint(api, 'reviews/overview-child-d.md');
      const missing = ours(document.uri).find((d) => codeOf(d) === 'required-sections' && d.message.includes('No “Methodology'));
      check(missing, 'the missing Methodology section is reported');
      const actions =
        (await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          document.uri,
          missing.range,
          undefined,
          50,
        )) ?? [];
      const insert = actions.find((a) => a.edit && a.title.includes('Methodology'));
      check(insert, `a quick fix inserts the section (got ${actions.map((a) => a.title).join(' | ')})`);
    });

    it('reads a .casereviewrc through vscode.workspace.fs', async () => {
      const { document, state } = await openAndLint(api, 'northshire/draft-notes.md');
      check(
        state.linted && state.reason === 'config-file' && state.reportType === 'rapid-review',
        `linted by the folder's config (got ${JSON.stringify(state)})`,
      );
      const placeholder = ours(document.uri).find((d) => codeOf(d) === 'template-placeholder' && d.message.includes('TBC'));
      check(placeholder?.severity === vscode.DiagnosticSeverity.Error, 'the config sets template-placeholder to error');
    });

    it('exports to Word through vscode.workspace.fs', async () => {
      const { document } = await openAndLint(api, 'reviews/overview-child-d.md');
      // Out of the fixtures: the repository's out/ folder (root is <repo>/test/fixtures/vscode-workspace).
      const folder = vscode.Uri.joinPath(root(), '..', '..', '..', 'out', 'vscode-test-web', 'exported');
      const target = vscode.Uri.joinPath(folder, 'overview-child-d.docx');
      try {
        const outcome = await vscode.commands.executeCommand<ExportOutcome>('caseReview.exportToWord', document.uri, target);
        check(outcome.status === 'written', `written (got ${JSON.stringify(outcome)})`);
        const bytes = await vscode.workspace.fs.readFile(target);
        check(bytes.length > 1000 && bytes[0] === 0x50 && bytes[1] === 0x4b, 'a zip (.docx) file');
      } finally {
        await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
      }
    });

    it('does not offer the lint task, which needs a process', async () => {
      const registered = await vscode.commands.getCommands(true);
      for (const command of ['caseReview.lintWorkspace', 'caseReview.exportToWord', 'caseReview.treatAs'])
        check(registered.includes(command), `${command} is registered`);
      const tasks = await vscode.tasks.fetchTasks({ type: 'case-review-lint' });
      check(tasks.length === 0, `no case-review-lint task (got ${tasks.map((t) => t.name).join(', ')})`);
    });
  });
}
