/** Per-file choices made with “Case Review: Treat this file as…”, kept in the workspace state. */
import * as vscode from 'vscode';

const KEY = 'caseReview.treatAs';

export class Overrides implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly memento: vscode.Memento) {}

  private all(): Record<string, string> {
    const value = this.memento.get<Record<string, string>>(KEY);
    return value && typeof value === 'object' ? value : {};
  }

  /** A report type id, `none` (not a case review), or undefined (decide automatically). */
  get(uri: vscode.Uri): string | undefined {
    return this.all()[uri.toString()];
  }

  async set(uri: vscode.Uri, choice: string | undefined): Promise<void> {
    const all = { ...this.all() };
    if (choice === undefined) delete all[uri.toString()];
    else all[uri.toString()] = choice;
    await this.memento.update(KEY, all);
    this.emitter.fire(uri);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
