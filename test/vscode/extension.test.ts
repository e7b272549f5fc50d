/**
 * The extension inside a real VS Code extension host (run by
 * scripts/vscode-test/run.mjs with test/fixtures/vscode-workspace open).
 *
 * Waits are event-driven (onDidChangeDiagnostics, the extension's onDidLint):
 * no fixed sleeps. Fixture files are edited in memory only and reverted; the
 * few files a test writes to disk are in a temporary folder it deletes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { CaseReviewApi } from '../../src/extension/extension.js';
import type { LintState } from '../../src/extension/linter.js';
import { EXTENSION_ID, SOURCE, codeOf, fixture, open as openWith, ours, waitFor, waitForState as waitForStateOf } from './helpers.js';

let api: CaseReviewApi;
let extension: vscode.Extension<CaseReviewApi>;

function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  ok: (diagnostics: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const diagnostics = ours(uri);
    return ok(diagnostics) ? diagnostics : undefined;
  }, [vscode.languages.onDidChangeDiagnostics]);
}

/** The extension's verdict on the document's current version. */
const waitForState = (document: vscode.TextDocument, ok?: (state: LintState) => boolean): Promise<LintState> =>
  waitForStateOf(api, document, ok);

const open = (relative: string): Promise<{ document: vscode.TextDocument; state: LintState }> => openWith(api, relative);

async function setText(document: vscode.TextDocument, text: string): Promise<LintState> {
  if (document.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
    assert.ok(await vscode.workspace.applyEdit(edit));
  }
  return waitForState(document);
}

async function closeAll(): Promise<void> {
  // Revert edited fixtures first: closing a dirty editor asks to save, and the
  // headless workbench would answer with the default button (Save).
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && document.uri.scheme === 'file') {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      assert.equal(document.isDirty, false, `${document.uri.toString()} reverted`);
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

async function codeActions(document: vscode.TextDocument, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (
    (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, kind, 100)) ?? []
  );
}

async function applyAction(document: vscode.TextDocument, action: vscode.CodeAction | undefined): Promise<LintState> {
  assert.ok(action, 'the code action is offered');
  assert.ok(action.edit, `“${action.title}” carries an edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  return waitForState(document);
}

/** Choose “Turn off this check…” and, in its choices, the check and where (as the quick pick would). */
async function turnOff(
  document: vscode.TextDocument,
  actions: vscode.CodeAction[],
  ruleId: string,
  scope: 'line' | 'file',
): Promise<LintState> {
  const action = actions.find((a) => a.title === 'Turn off this check…');
  assert.ok(action?.command, `“Turn off this check…” among ${actions.map((a) => a.title).join(' | ')}`);
  assert.equal(actions.filter((a) => /^Turn off/.test(a.title)).length, 1, 'one entry, whatever the number of checks here');
  const done = await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []), { ruleId, scope });
  assert.deepEqual(done, { ruleId, scope });
  return waitForState(document);
}

function find(uri: vscode.Uri, ruleId: string, includes = ''): vscode.Diagnostic | undefined {
  return ours(uri).find((d) => codeOf(d) === ruleId && d.message.includes(includes));
}

async function updateSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('caseReview').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('Case Review extension in VS Code', function () {
  this.timeout(60000);
  const overviewPath = 'reviews/overview-child-d.md';
  const edited = [overviewPath, 'reviews/front-matter-typo.md', 'README.md'];
  const onDisk = new Map<string, string>();
  let overviewText = '';
  const read = async (relative: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture(relative)));

  before(async () => {
    const found = vscode.extensions.getExtension<CaseReviewApi>(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is installed`);
    extension = found;
    api = await extension.activate();
    for (const relative of edited) onDisk.set(relative, await read(relative));
    overviewText = onDisk.get(overviewPath)!;
  });

  afterEach(closeAll);

  after(async () => {
    for (const relative of edited) assert.equal(await read(relative), onDisk.get(relative), `${relative} is unchanged on disk`);
  });

  describe('activation and commands', () => {
    it('activates on Markdown only, declares untrusted and virtual workspace support, and registers its commands', async () => {
      const manifest = extension.packageJSON as {
        activationEvents: string[];
        capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: boolean };
        contributes: { commands: { command: string; category: string }[] };
      };
      assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown']);
      assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
      assert.equal(manifest.capabilities.virtualWorkspaces, true);
      const registered = await vscode.commands.getCommands(true);
      for (const { command, category } of manifest.contributes.commands) {
        assert.equal(category, 'Case Review');
        assert.ok(registered.includes(command), `${command} is registered`);
      }
      for (const command of ['caseReview.lintWorkspace', 'caseReview.treatAs', 'caseReview.fixAll', 'caseReview.openRuleDoc']) {
        assert.ok(registered.includes(command), `${command} is registered`);
      }
    });
  });

  describe('when a Markdown file is linted', () => {
    it('does not lint a plain README', async () => {
      const { document, state } = await open('README.md');
      assert.equal(state.linted, false);
      assert.equal(state.reason, 'not-a-case-review');
      assert.deepEqual(ours(document.uri), []);
      assert.match(api.statusBar()?.text ?? '', /Not a case review/);
    });

    it('does not lint a file whose title merely contains a report title phrase (“overview”)', async () => {
      const { document, state } = await open('project-overview.md');
      assert.equal(state.linted, false);
      assert.deepEqual(ours(document.uri), []);
    });

    it('lints a file with report-type in its front matter and says so in the status bar', async () => {
      const { state } = await open(overviewPath);
      assert.equal(state.linted, true);
      assert.equal(state.reason, 'front-matter');
      assert.equal(state.reportType, 'overview');
      assert.equal(state.reportTypeSource, 'front-matter');
      const status = api.statusBar();
      assert.ok(status);
      assert.match(status.text, /Overview report/);
      assert.match(status.tooltip, /from the front matter/);
      assert.equal(status.command.command, 'caseReview.treatAs');
      assert.equal(String(status.command.arguments?.[0]), fixture(overviewPath).toString());
    });

    it('lints a file whose headings match a report profile', async () => {
      const { state } = await open('reviews/imr-by-headings.md');
      assert.equal(state.linted, true);
      assert.equal(state.reason, 'headings');
      assert.equal(state.reportType, 'imr');
      assert.equal(state.reportTypeSource, 'inferred');
      assert.match(api.statusBar()?.text ?? '', /Individual Management Review/);
    });

    it('lints any Markdown file a .casereviewrc applies to, with that config’s report type and rule levels', async () => {
      const { document, state } = await open('northshire/draft-notes.md');
      assert.equal(state.linted, true);
      assert.equal(state.reason, 'config-file');
      assert.equal(state.reportType, 'rapid-review');
      assert.match(state.configFile ?? '', /northshire\/\.casereviewrc\.json$/);
      const placeholder = find(document.uri, 'template-placeholder', 'TBC');
      assert.ok(placeholder);
      assert.equal(placeholder.severity, vscode.DiagnosticSeverity.Error, 'the config sets template-placeholder to error');
    });
  });

  describe('diagnostics', () => {
    it('carry source, code with the bundled doc as target, message, range and severity', async () => {
      const { document } = await open(overviewPath);
      const diagnostics = ours(document.uri);
      assert.ok(diagnostics.length > 5);
      for (const d of diagnostics) {
        assert.equal(d.source, SOURCE);
        assert.equal(typeof d.code, 'object');
        const code = d.code as { value: string; target: vscode.Uri };
        const expected = vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', `${code.value}.md`);
        assert.equal(code.target.toString(), expected.toString());
        // The doc ships with the extension: opening it needs no network.
        const stat = await vscode.workspace.fs.stat(code.target);
        assert.ok(stat.size > 0, `${code.target} exists`);
      }

      const period = find(document.uri, 'tor-period', 'ends before it starts');
      assert.ok(period);
      assert.equal(period.severity, vscode.DiagnosticSeverity.Warning);
      assert.deepEqual(
        [period.range.start.line, period.range.start.character, period.range.end.line, period.range.end.character],
        [14, 34, 14, 64],
      );
      assert.equal(document.getText(period.range), '31 August 2020 to 1 March 2019');

      const placeholder = find(document.uri, 'template-placeholder', '[insert date]');
      assert.ok(placeholder);
      assert.equal(document.getText(placeholder.range), '[insert date]');
      assert.equal(placeholder.message, 'The placeholder “[insert date]” is still in the text. Replace it with the finished text.');

      const methodology = find(document.uri, 'required-sections', 'No “Methodology');
      assert.ok(methodology);
      assert.equal(methodology.severity, vscode.DiagnosticSeverity.Warning, 'a missing required section is a warning');
      assert.equal(document.lineAt(methodology.range.start.line).text, '## 2. Terms of reference');

      const family = find(document.uri, 'required-sections', 'No “Family involvement');
      assert.ok(family);
      assert.equal(family.severity, vscode.DiagnosticSeverity.Information, 'info maps to Information');
    });

    it('relint on change with the throttle, keeping only the result for the latest text', async () => {
      const { document } = await open(overviewPath);
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      // Five quick edits: the diagnostics end up matching the final text.
      for (let i = 0; i < 5; i++) {
        await editor.edit((b) => b.insert(new vscode.Position(document.lineCount - 1, 0), `Note ${i}: TODO.\n\n`));
      }
      const state = await waitForState(document);
      assert.equal(state.version, document.version);
      const todos = ours(document.uri).filter((d) => codeOf(d) === 'template-placeholder' && d.message.includes('TODO'));
      assert.equal(todos.length, 5);
      for (const d of todos) assert.equal(document.getText(d.range), 'TODO');
    });

    it('are cleared when the file closes', async () => {
      const { document } = await open(overviewPath);
      assert.ok(ours(document.uri).length > 0);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await waitForDiagnostics(document.uri, 'diagnostics cleared on close', (d) => d.length === 0);
      assert.equal(api.stateOf(document.uri), undefined);
    });

    it('report a broken config file on that file, with its location, and lint with the rest', async () => {
      const { document, state } = await open('broken-config/report.md');
      assert.equal(state.linted, true);
      const configUri = fixture('broken-config/.casereviewrc.json');
      const errors = await waitForDiagnostics(configUri, 'config errors', (d) => d.length >= 2);
      const unknown = errors.find((d) => d.message.includes('unknown rule "no-such-rule"'));
      assert.ok(unknown);
      assert.equal(unknown.severity, vscode.DiagnosticSeverity.Error);
      assert.deepEqual([unknown.range.start.line, unknown.range.start.character], [2, 4]);
      const level = errors.find((d) => d.message.includes('template-placeholder'));
      assert.ok(level);
      assert.equal(level.range.start.line, 3);
      // The bad level is dropped: the rule runs at its default level.
      const placeholder = find(document.uri, 'template-placeholder', '[insert date]');
      assert.ok(placeholder);
      assert.equal(placeholder.severity, vscode.DiagnosticSeverity.Warning);
    });
  });

  describe('quick fixes', () => {
    let document: vscode.TextDocument;

    beforeEach(async () => {
      ({ document } = await open(overviewPath));
      await setText(document, overviewText);
    });

    it('apply a rule’s expected replacement', async () => {
      const period = find(document.uri, 'tor-period', 'ends before it starts');
      assert.ok(period);
      const actions = await codeActions(document, period.range);
      const replace = actions.find((a) => a.title === 'Replace with “1 March 2019 to 31 August 2020”');
      assert.equal(replace?.isPreferred, true);
      assert.equal(replace?.kind?.value, 'quickfix');
      await applyAction(document, replace);
      assert.equal(document.lineAt(14).text, 'The review covers the period from 1 March 2019 to 31 August 2020.');
      assert.equal(find(document.uri, 'tor-period', 'ends before it starts'), undefined);
    });

    it('insert a missing section with its heading and prompt at the right place in the outline', async () => {
      const missing = find(document.uri, 'required-sections', 'No “Methodology');
      assert.ok(missing);
      const actions = await codeActions(document, missing.range);
      const insert = actions.find((a) => a.title === 'Insert missing section “Methodology and review process”');
      await applyAction(document, insert);
      const text = document.getText();
      // Numbered like its neighbours (“## 2. Terms of reference”).
      const at = text.indexOf('## 3. Methodology and review process\n\n> Prompt: ');
      assert.ok(at > text.indexOf('will look at the relevant period.'), 'after the terms of reference');
      assert.ok(at < text.indexOf('## 6. Integrated chronology'), 'before the chronology');
      assert.ok(text.slice(0, at).endsWith('relevant period.\n\n'), 'separated by one blank line');
      assert.equal(find(document.uri, 'required-sections', 'No “Methodology'), undefined);
    });

    it('disable a rule for one line with an inline comment', async () => {
      const placeholder = find(document.uri, 'template-placeholder', '[insert date]');
      assert.ok(placeholder);
      const line = placeholder.range.start.line;
      const actions = await codeActions(document, placeholder.range);
      await turnOff(document, actions, 'template-placeholder', 'line');
      assert.equal(document.lineAt(line).text, '<!-- case-review-lint disable-next-line template-placeholder -->');
      assert.match(document.lineAt(line + 1).text, /^The board should ask/);
      assert.equal(find(document.uri, 'template-placeholder', '[insert date]'), undefined);
    });

    it('disable a rule for the whole file with an inline comment after the front matter', async () => {
      const vague = find(document.uri, 'tor-vague-language', 'as appropriate');
      assert.ok(vague);
      const actions = await codeActions(document, vague.range);
      await turnOff(document, actions, 'tor-vague-language', 'file');
      assert.equal(document.lineAt(6).text, '<!-- case-review-lint disable-file tor-vague-language -->');
      assert.equal(document.lineAt(5).text, '---');
      assert.equal(ours(document.uri).filter((d) => codeOf(d) === 'tor-vague-language').length, 0);
      assert.ok(ours(document.uri).length > 0, 'other rules still report');
    });

    it('fix all of one rule in the file', async () => {
      const before = ours(document.uri).filter((d) => codeOf(d) === 'required-sections');
      assert.ok(before.length >= 2);
      const actions = await codeActions(document, before[0]!.range);
      const fixAll = actions.find((a) => a.title === `Fix all ${before.length} problems like this in this file`);
      await applyAction(document, fixAll);
      assert.deepEqual(
        ours(document.uri)
          .filter((d) => codeOf(d) === 'required-sections')
          .map((d) => d.message),
        [],
      );
      const text = document.getText();
      const headings = [
        '## 3. Methodology and review process',
        '## 4. Family involvement',
        '## 5. Family composition',
        '## 6. Integrated chronology',
        '## 11. Conclusions',
        '## 13. Action plan',
      ];
      const positions = headings.map((h) => text.indexOf(h));
      assert.ok(
        positions.every((p) => p > 0),
        'every missing section inserted',
      );
      assert.deepEqual(
        [...positions].sort((a, b) => a - b),
        positions,
        'in the profile’s order',
      );
    });

    it('fix all mechanical problems of the file (source.fixAll), leaving judgement calls', async () => {
      const actions = await codeActions(document, new vscode.Range(0, 0, 0, 0), 'source.fixAll.caseReview');
      assert.equal(actions.length, 1);
      await applyAction(document, actions[0]);
      assert.equal(find(document.uri, 'tor-period', 'ends before it starts'), undefined);
      assert.equal(find(document.uri, 'tor-vague-language', 'the relevant period'), undefined);
      assert.ok(document.getText().includes('the period from 1 March 2019 to 31 August 2020'));
      assert.ok(find(document.uri, 'tor-vague-language', 'as appropriate'), 'no single right answer: left alone');
      assert.ok(!document.getText().includes('> Prompt:'), 'no section scaffolds on a whole-file fix');
    });

    it('the “Fix all” command does the same for the active file', async () => {
      const fixed = await vscode.commands.executeCommand<number>('caseReview.fixAll', document.uri);
      assert.ok(fixed >= 2, `fixed ${fixed}`);
      await waitForState(document);
      assert.equal(find(document.uri, 'tor-period', 'ends before it starts'), undefined);
    });

    it('“Fix all” gives the same text as the command line’s --fix (one fix function for both)', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension);
      // Two copies beside the report, so both find the same configuration: the command line fixes one,
      // the editor the other (the fixture itself is left alone).
      const folder = dirname(document.uri.fsPath);
      const forCli = join(folder, 'fix-all-cli.tmp.md');
      const forEditor = join(folder, 'fix-all-editor.tmp.md');
      writeFileSync(forCli, overviewText);
      writeFileSync(forEditor, overviewText);
      try {
        const cli = spawnSync(process.execPath, [join(extension.extensionPath, 'dist', 'cli.cjs'), '--fix', forCli], { encoding: 'utf8' });
        assert.ok(cli.status === 0 || cli.status === 1, `the command line ran: ${cli.stderr}`);
        const fixedByCli = readFileSync(forCli, 'utf8');
        assert.notEqual(fixedByCli, overviewText, 'the command line fixed something');
        const copy = await vscode.workspace.openTextDocument(vscode.Uri.file(forEditor));
        await vscode.window.showTextDocument(copy, { preview: false });
        await waitForState(copy);
        await vscode.commands.executeCommand<number>('caseReview.fixAll', copy.uri);
        await waitForState(copy);
        assert.equal(copy.getText(), fixedByCli);
        await closeAll();
      } finally {
        rmSync(forCli, { force: true });
        rmSync(forEditor, { force: true });
      }
    });

    it('fix a misspelt report type in the front matter', async () => {
      const typo = (await open('reviews/front-matter-typo.md')).document;
      const diagnostic = find(typo.uri, 'front-matter', 'overveiw');
      assert.ok(diagnostic);
      assert.equal(typo.getText(diagnostic.range), 'overveiw');
      const actions = await codeActions(typo, diagnostic.range);
      const preferred = actions.filter((a) => a.isPreferred);
      assert.equal(preferred.length, 1);
      assert.equal(preferred[0]!.title, 'Replace with “overview”');
      const targets = actions.find((a) => a.title === 'Turn off this check…')?.command?.arguments?.[2] as {
        ruleId: string;
        line?: unknown;
        file?: unknown;
      }[];
      assert.ok(
        targets.some((t) => t.ruleId === 'front-matter' && t.file),
        'for this file',
      );
      assert.ok(!targets.some((t) => t.ruleId === 'front-matter' && t.line), 'not for this line: no HTML comment inside YAML');
      await applyAction(typo, preferred[0]);
      assert.equal(typo.lineAt(1).text, 'report-type: overview');
      assert.equal(find(typo.uri, 'front-matter'), undefined);
    });

    it('“Explain this check” opens the rule’s bundled help, rendered', async () => {
      const period = find(document.uri, 'tor-period', 'ends before it starts');
      assert.ok(period);
      const actions = await codeActions(document, period.range);
      const learn = actions.find((a) => a.title === 'Explain this check');
      assert.ok(learn?.command);
      assert.equal(learn.command.command, 'caseReview.explainCheck');
      const opened = await vscode.commands.executeCommand<vscode.Uri>(learn.command.command, ...(learn.command.arguments ?? []));
      assert.equal(opened?.toString(), vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', 'tor-period.md').toString());
      const tab = await waitFor(
        'a tab showing the tor-period doc',
        () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => /tor-period\.md/.test(t.label)),
        [vscode.window.tabGroups.onDidChangeTabs],
      );
      assert.match(tab.label, /Preview tor-period\.md|tor-period\.md/);
      const help = new TextDecoder().decode(await vscode.workspace.fs.readFile(opened!));
      assert.doesNotMatch(help, /^<!--/, 'no generator comment at the top');
      assert.doesNotMatch(help, /src\/data|Primer §/, 'no source paths or primer citations an author cannot open');
      assert.match(help, /^# The terms of reference give the period under review/);
      assert.match(help, /## What good practice says\n\n### Point 3: /);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      console.log('CASE_REVIEW_SCREENSHOT rule-help');
      await new Promise((resolve) => setTimeout(resolve, 2500));
    });
  });

  describe('settings and choices', () => {
    afterEach(async () => {
      await updateSetting('rules', undefined);
      await updateSetting('enable', undefined);
    });

    it('caseReview.rules changes severities and switches rules off', async () => {
      const { document } = await open(overviewPath);
      assert.equal(find(document.uri, 'template-placeholder', '[insert date]')?.severity, vscode.DiagnosticSeverity.Warning);
      await updateSetting('rules', { 'template-placeholder': 'error', 'tor-vague-language': 'off' });
      await waitForDiagnostics(document.uri, 'template-placeholder as an error', (d) =>
        d.some((x) => codeOf(x) === 'template-placeholder' && x.severity === vscode.DiagnosticSeverity.Error),
      );
      assert.equal(ours(document.uri).filter((d) => codeOf(d) === 'tor-vague-language').length, 0);
      await updateSetting('rules', undefined);
      await waitForDiagnostics(document.uri, 'template-placeholder back to a warning', (d) =>
        d.some((x) => codeOf(x) === 'template-placeholder' && x.severity === vscode.DiagnosticSeverity.Warning),
      );
    });

    it('caseReview.enable: always lints a README, never lints nothing', async () => {
      const readme = (await open('README.md')).document;
      const overview = (await open(overviewPath)).document;
      await updateSetting('enable', 'always');
      await waitForDiagnostics(readme.uri, 'the README linted', (d) => d.length > 0);
      assert.equal(api.stateOf(readme.uri)?.reason, 'always');
      await updateSetting('enable', 'never');
      await waitForDiagnostics(readme.uri, 'the README cleared', (d) => d.length === 0);
      await waitForDiagnostics(overview.uri, 'the overview cleared', (d) => d.length === 0);
      assert.equal(api.stateOf(overview.uri)?.reason, 'never');
    });

    it('“Treat this file as…” lints a file as the chosen type, or not at all, until set back to automatic', async () => {
      const { document } = await open('README.md');
      try {
        assert.equal(await vscode.commands.executeCommand('caseReview.treatAs', document.uri, 'imr'), 'imr');
        let state = await waitForState(document, (s) => s.linted);
        assert.equal(state.reason, 'chosen-type');
        assert.equal(state.reportType, 'imr');
        assert.equal(state.reportTypeSource, 'option');
        assert.ok(ours(document.uri).length > 0);
        assert.match(api.statusBar()?.text ?? '', /Individual Management Review/);
        await vscode.commands.executeCommand('caseReview.treatAs', document.uri, 'none');
        state = await waitForState(document, (s) => !s.linted);
        assert.equal(state.reason, 'chosen-none');
        assert.deepEqual(ours(document.uri), []);
      } finally {
        await vscode.commands.executeCommand('caseReview.treatAs', document.uri, 'auto');
      }
      assert.equal((await waitForState(document)).reason, 'not-a-case-review');
    });
  });

  describe('config files', () => {
    const folder = () => fixture('tmp-config-watch');
    after(async () => {
      await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    });

    it('a created, changed or deleted .casereviewrc relints open files', async () => {
      await vscode.workspace.fs.createDirectory(folder());
      const notes = vscode.Uri.joinPath(folder(), 'notes.md');
      await vscode.workspace.fs.writeFile(notes, new TextEncoder().encode('# Panel notes\n\nMeeting date: TBC.\n'));
      const document = await vscode.workspace.openTextDocument(notes);
      await vscode.window.showTextDocument(document);
      assert.equal((await waitForState(document)).linted, false);

      const config = vscode.Uri.joinPath(folder(), '.casereviewrc.json');
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "reportType": "rapid-review" }\n'));
      await waitForDiagnostics(document.uri, 'the notes linted once a config applies', (d) =>
        d.some((x) => codeOf(x) === 'template-placeholder'),
      );
      assert.equal(api.stateOf(document.uri)?.reportType, 'rapid-review');

      await vscode.workspace.fs.writeFile(
        config,
        new TextEncoder().encode('{ "reportType": "rapid-review", "rules": { "template-placeholder": "off" } }\n'),
      );
      await waitForDiagnostics(
        document.uri,
        'template-placeholder switched off by the config',
        (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'template-placeholder'),
      );

      await vscode.workspace.fs.delete(config);
      await waitForDiagnostics(document.uri, 'the notes no longer linted', (d) => d.length === 0);
      assert.equal(api.stateOf(document.uri)?.linted, false);
    });
  });

  describe('Lint workspace', () => {
    it('lints the case reviews among the workspace’s Markdown files, files not open included', async () => {
      const summary = await vscode.commands.executeCommand<{ files: number; caseReviews: number; problems: number; cancelled: boolean }>(
        'caseReview.lintWorkspace',
      );
      assert.equal(summary.cancelled, false);
      assert.ok(summary.files >= 7, `found ${summary.files} Markdown files`);
      assert.equal(
        summary.caseReviews,
        9,
        'overview, IMR, typo, quick-fix report, two IMRs, northshire notes, broken-config report, board audit',
      );
      assert.ok(summary.problems > 0);
      assert.ok(ours(fixture('reviews/imr-by-headings.md')).length > 0, 'a file that is not open gets diagnostics');
      assert.deepEqual(ours(fixture('README.md')), []);
      assert.deepEqual(ours(fixture('project-overview.md')), []);
    });

    it('stops when cancelled', async () => {
      const source = new vscode.CancellationTokenSource();
      source.cancel();
      const summary = await vscode.commands.executeCommand<{ caseReviews: number; cancelled: boolean }>('caseReview.lintWorkspace', {
        cancellation: source.token,
      });
      assert.equal(summary.cancelled, true);
      assert.equal(summary.caseReviews, 0);
    });
  });
});
