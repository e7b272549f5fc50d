/**
 * Finding and reading the `.casereviewrc*` that applies to a document, through
 * `vscode.workspace.fs` only (so it works in virtual workspaces and, later, the
 * web extension). Results are cached per folder and per file until a config
 * file changes (the extension's FileSystemWatcher calls `invalidate`).
 *
 * The search walks up from the document's folder to its workspace folder (a
 * document outside every workspace folder: to the root of its file system).
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, type ParsedConfig } from '../engine/index.js';
import { parseConfigFile } from './settings.js';

export interface FoundConfig {
  file: vscode.Uri;
  parsed: ParsedConfig;
}

const decoder = new TextDecoder('utf-8');

/** Where an untitled document will be saved, when that is inside a workspace folder (`untitled:/path/in/folder/x.md`). */
export function placeOfUntitled(uri: vscode.Uri): vscode.Uri | undefined {
  if (uri.scheme !== 'untitled' || !uri.path.includes('/')) return undefined;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
    if (uri.path.startsWith(base)) return folder.uri.with({ path: uri.path });
  }
  return undefined;
}

export class ConfigLookup {
  private readonly byFolder = new Map<string, Promise<vscode.Uri | undefined>>();
  private readonly byFile = new Map<string, Promise<ParsedConfig>>();
  private readonly parsedListeners: ((file: vscode.Uri, parsed: ParsedConfig) => void)[] = [];

  /** Called each time a config file is read and parsed (to publish its errors). */
  onDidParse(listener: (file: vscode.Uri, parsed: ParsedConfig) => void): void {
    this.parsedListeners.push(listener);
  }

  invalidate(): void {
    this.byFolder.clear();
    this.byFile.clear();
  }

  /** The config that applies to a document, or undefined (untitled documents have none). */
  async forDocument(uri: vscode.Uri): Promise<FoundConfig | undefined> {
    if (uri.scheme === 'untitled') {
      // An untitled document with a path inside a workspace folder (New Report… makes those) takes that folder's config.
      const placed = placeOfUntitled(uri);
      if (!placed) return undefined;
      uri = placed;
    }
    const folder = vscode.Uri.joinPath(uri, '..');
    const file = await this.findFrom(folder, vscode.workspace.getWorkspaceFolder(uri)?.uri);
    if (!file) return undefined;
    return { file, parsed: await this.load(file) };
  }

  /** Read and parse one config file (cached until invalidated). */
  load(file: vscode.Uri): Promise<ParsedConfig> {
    const key = file.toString();
    let parsed = this.byFile.get(key);
    if (!parsed) {
      parsed = this.read(file);
      this.byFile.set(key, parsed);
    }
    return parsed;
  }

  private async read(file: vscode.Uri): Promise<ParsedConfig> {
    const name = file.scheme === 'file' ? file.fsPath : file.toString();
    let parsed: ParsedConfig;
    try {
      const text = decoder.decode(await vscode.workspace.fs.readFile(file));
      parsed = parseConfigFile(text, name);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      parsed = { config: {}, errors: [{ file: name, line: 1, column: 1, message: `cannot be read: ${reason}` }] };
    }
    for (const listener of this.parsedListeners) listener(file, parsed);
    return parsed;
  }

  private findFrom(folder: vscode.Uri, stopAt: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    const key = folder.toString();
    let found = this.byFolder.get(key);
    if (!found) {
      found = this.search(folder, stopAt);
      this.byFolder.set(key, found);
    }
    return found;
  }

  private async search(folder: vscode.Uri, stopAt: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = vscode.Uri.joinPath(folder, name);
      try {
        const stat = await vscode.workspace.fs.stat(candidate);
        if (stat.type & vscode.FileType.File) return candidate;
      } catch {
        // not there
      }
    }
    if (stopAt && trimSlashes(folder.path) === trimSlashes(stopAt.path)) return undefined;
    const parent = vscode.Uri.joinPath(folder, '..');
    if (parent.path === folder.path) return undefined;
    return this.findFrom(parent, stopAt);
  }
}

function trimSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}
