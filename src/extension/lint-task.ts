/**
 * The “lint workspace” task: a TaskProvider of type `case-review-lint` that runs
 * the bundled CLI (dist/cli.cjs) with VS Code's own Node (ELECTRON_RUN_AS_NODE)
 * on each workspace folder, its output read by the `$case-review-lint` problem
 * matcher (contributed in package.json; see problem-matcher.ts for the patterns).
 */
import * as vscode from 'vscode';

export const TASK_TYPE = 'case-review-lint';
export const PROBLEM_MATCHER = '$case-review-lint';

export interface LintTaskDefinition extends vscode.TaskDefinition {
  type: typeof TASK_TYPE;
  /** Files, folders or globs to lint, relative to the workspace folder (default: the folder). */
  paths?: string[];
  /** Treat every file as this report type (the CLI's --report-type). */
  reportType?: string;
}

function execution(extensionUri: vscode.Uri, folder: vscode.WorkspaceFolder, definition: LintTaskDefinition): vscode.ProcessExecution {
  const cli = vscode.Uri.joinPath(extensionUri, 'dist', 'cli.cjs').fsPath;
  // No colour codes: the problem matcher reads the plain lines.
  const args = [cli, '--no-color', ...(definition.paths && definition.paths.length > 0 ? definition.paths : ['.'])];
  if (definition.reportType) args.push('--report-type', definition.reportType);
  return new vscode.ProcessExecution(process.execPath, args, { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } });
}

function makeTask(
  extensionUri: vscode.Uri,
  folder: vscode.WorkspaceFolder,
  definition: LintTaskDefinition,
  name = 'lint workspace',
): vscode.Task {
  const task = new vscode.Task(definition, folder, name, TASK_TYPE, execution(extensionUri, folder, definition), [PROBLEM_MATCHER]);
  task.group = vscode.TaskGroup.Test;
  task.detail = `Lint the case reviews in ${folder.name} with case-review-lint`;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

export class LintTaskProvider implements vscode.TaskProvider {
  constructor(private readonly extensionUri: vscode.Uri) {}

  provideTasks(): vscode.Task[] {
    // Processes run on local files only (not in virtual workspaces).
    return (vscode.workspace.workspaceFolders ?? [])
      .filter((folder) => folder.uri.scheme === 'file')
      .map((folder) => makeTask(this.extensionUri, folder, { type: TASK_TYPE }));
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const definition = task.definition as LintTaskDefinition;
    const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
    if (definition.type !== TASK_TYPE || !folder || folder.uri.scheme !== 'file') return undefined;
    return makeTask(this.extensionUri, folder, definition, task.name);
  }
}

export function registerLintTask(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.tasks.registerTaskProvider(TASK_TYPE, new LintTaskProvider(context.extensionUri)));
}
