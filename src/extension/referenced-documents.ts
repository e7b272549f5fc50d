/**
 * Reads the documents a report refers to (an executive summary's `overview:`)
 * for the lint engine, which never reads files: the editor's text when the file
 * has unsaved changes, else the file through
 * vscode.workspace.fs, cached by modification time and size. Only files inside
 * a workspace folder are read, and nothing is ever written. When a referenced
 * document changes (typed in, saved, changed on disk, closed), the open reports
 * that refer to it are handed to `relint`.
 */
import * as vscode from 'vscode';
import { documentReferences, MAX_DOCUMENT_BYTES, unreadableReason } from '../index.js';
import { DependencyGraph, OUTSIDE_WORKSPACE, TextCache, TOO_LARGE, referenceTarget } from '../models/referenced-documents-model.js';

/** What the engine gets in its settings: texts and, for the files that could not be read, why. */
export interface ReferencedTexts {
  documents: Record<string, string>;
  documentErrors: Record<string, string>;
}

export class ReferencedDocuments implements vscode.Disposable {
  private readonly graph = new DependencyGraph();
  private readonly cache = new TextCache();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly relint: (dependent: vscode.Uri) => void) {
    // Referenced files are only read inside a workspace folder, so the workspace's own
    // recursive watcher (a string glob) sees every change to them, including the creation
    // of a file that did not exist yet. A watcher created per folder on demand starts
    // asynchronously and can miss a file written just after it (seen in CI under code-server).
    // Events are filtered by the dependency graph; files.watcherExclude applies.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.subscriptions = [
      watcher,
      watcher.onDidCreate((changed) => this.changed(changed, true)),
      watcher.onDidChange((changed) => this.changed(changed, true)),
      watcher.onDidDelete((changed) => this.changed(changed, true)),
      // Typing, and a change of dirty state (saved, or reverted without a content change).
      vscode.workspace.onDidChangeTextDocument((event) => this.changed(event.document.uri, false)),
      // Closing an edited document without saving brings back the text on disk.
      vscode.workspace.onDidCloseTextDocument((document) => this.changed(document.uri, false)),
      // Files created, renamed or deleted in the editor (Explorer, Save As, edits that create files) are
      // known at once, even where the file watcher has not caught up with a folder made just before.
      vscode.workspace.onDidCreateFiles((event) => event.files.forEach((file) => this.changed(file, true))),
      vscode.workspace.onDidRenameFiles((event) =>
        event.files.forEach(({ oldUri, newUri }) => [oldUri, newUri].forEach((file) => this.changed(file, true))),
      ),
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((file) => this.changed(file, true))),
    ];
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /**
   * The texts of the documents `text` refers to, keyed by the paths the engine resolves
   * (`documentReferences(text, filePath)`). With `track`, the report at `uri` is relinted
   * when one of them changes.
   */
  async read(uri: vscode.Uri, filePath: string, text: string, track: boolean): Promise<ReferencedTexts> {
    const texts: ReferencedTexts = { documents: {}, documentErrors: {} };
    const targets: string[] = [];
    await Promise.all(
      documentReferences(text, filePath).map(async (path) => {
        const target = referenceTarget(path);
        if (target.kind === 'unresolved') {
          texts.documentErrors[path] = target.problem;
          return;
        }
        const targetUri = target.kind === 'file' ? vscode.Uri.file(target.path) : vscode.Uri.parse(target.uri, true);
        if (!vscode.workspace.getWorkspaceFolder(targetUri)) {
          texts.documentErrors[path] = OUTSIDE_WORKSPACE;
          return;
        }
        targets.push(targetUri.toString());
        const read = await this.readOne(targetUri);
        if (read.text !== undefined) texts.documents[path] = read.text;
        else texts.documentErrors[path] = read.problem;
      }),
    );
    if (track) {
      this.graph.set(uri.toString(), targets);
      this.update();
    }
    return texts;
  }

  /** A report was closed: stop relinting it for its referenced documents. */
  forget(uri: vscode.Uri): void {
    this.graph.delete(uri.toString());
    this.update();
  }

  /** The reports that refer to a document (URI strings), for tests and the output channel. */
  dependentsOf(uri: vscode.Uri): string[] {
    return this.graph.dependentsOf(uri.toString());
  }

  private async readOne(uri: vscode.Uri): Promise<{ text: string; problem?: undefined } | { text?: undefined; problem: string }> {
    const key = uri.toString();
    // Unsaved changes count; a clean document is read from disk, which it matches (after a
    // “revert and close” the extension host may still hold the edited text, no longer dirty).
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (open?.isDirty) return { text: open.getText() };
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) return { problem: unreadableReason({ code: 'FileIsADirectory' }) };
      if (stat.size > MAX_DOCUMENT_BYTES) return { problem: TOO_LARGE(MAX_DOCUMENT_BYTES) };
      const stamp = { mtime: stat.mtime, size: stat.size };
      const cached = this.cache.get(key, stamp);
      if (cached !== undefined) return { text: cached };
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      this.cache.set(key, stamp, text);
      return { text };
    } catch (error) {
      this.cache.delete(key);
      return { problem: unreadableReason(error) };
    }
  }

  /** A document changed: relint the open reports that refer to it. */
  private changed(uri: vscode.Uri, onDisk: boolean): void {
    const key = uri.toString();
    if (onDisk) this.cache.delete(key);
    for (const dependent of this.graph.dependentsOf(key)) this.relint(vscode.Uri.parse(dependent, true));
  }

  /** Drop the cached texts no longer referenced by an open report. */
  private update(): void {
    this.cache.retain(this.graph.targets());
  }
}
