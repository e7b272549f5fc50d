/** The “lint workspace” task (TaskProvider of type case-review-lint) in a real VS Code. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateApi, fixture, waitFor } from './helpers.js';

describe('Case Review: lint workspace task', function () {
  this.timeout(60000);

  before(async () => {
    await activateApi();
  });

  it('is provided for the workspace folder, running the bundled CLI with the problem matcher', async () => {
    const tasks = await vscode.tasks.fetchTasks({ type: 'case-review-lint' });
    assert.equal(tasks.length, 1);
    const task = tasks[0]!;
    assert.equal(task.name, 'lint workspace');
    assert.equal(task.source, 'case-review-lint');
    assert.deepEqual(task.problemMatchers, ['$case-review-lint']);
    assert.equal((task.scope as vscode.WorkspaceFolder).uri.toString(), vscode.workspace.workspaceFolders![0]!.uri.toString());
    const execution = task.execution as vscode.ProcessExecution;
    assert.ok(execution instanceof vscode.ProcessExecution, 'a process execution');
    assert.match(execution.args[0]!, /dist[\\/]cli\.cjs$/);
    assert.equal(execution.args[1], '--no-color');
    assert.equal(execution.args[2], '.');
    assert.equal(execution.options?.env?.ELECTRON_RUN_AS_NODE, '1');
    assert.equal(execution.options?.cwd, vscode.workspace.workspaceFolders![0]!.uri.fsPath);
  });

  it('reports the CLI’s problems in the Problems view when run', async () => {
    const [task] = await vscode.tasks.fetchTasks({ type: 'case-review-lint' });
    assert.ok(task);
    let finished = false;
    const ended = new Promise<number | undefined>((resolve) => {
      const subscription = vscode.tasks.onDidEndTaskProcess((event) => {
        if (event.execution.task.definition.type !== 'case-review-lint') return;
        subscription.dispose();
        finished = true;
        resolve(event.exitCode);
      });
    });
    const execution = await vscode.tasks.executeTask(task);
    try {
      const exitCode = await ended;
      // 2: the workspace's broken-config/.casereviewrc.json has errors (the CLI still lints every case review).
      assert.ok(exitCode === 0 || exitCode === 1 || exitCode === 2, `exit code ${exitCode}`);
      const uri = fixture('reviews/fixes-child-e.md');
      // The problem matcher publishes the CLI's lines as they come: wait for the one this test looks at.
      const fromTask = await waitFor(
        'the chronology-order problem from the task',
        () => {
          const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'case-review-lint');
          return found.some((d) => d.code === 'chronology-order') ? found : undefined;
        },
        [vscode.languages.onDidChangeDiagnostics],
      );
      const order = fromTask.find((d) => d.code === 'chronology-order');
      assert.ok(order, fromTask.map((d) => `${String(d.code)}: ${d.message}`).join('\n'));
      assert.equal(order.range.start.line, 21);
      assert.equal(order.severity, vscode.DiagnosticSeverity.Warning);
    } finally {
      if (!finished) execution.terminate();
    }
  });
});
