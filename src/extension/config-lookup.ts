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
import { CONFIG_FILE_NAMES, type ParsedConfig, type ProfileFileRead, profileFileRequests, withProfileFiles } from '../index.js';
import { parseConfigFile } from '../models/settings.js';

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

/** Whether a file exists, answered at once where that is possible (Node's file system, for `file:` URIs); undefined otherwise. */
export type IsFileNow = (uri: vscode.Uri) => boolean | undefined;

export class ConfigLookup {
  /**
   * @param isFileNow answers at once where it can (the desktop extension, for `file:` URIs): on a busy
   * extension host each look through vscode.workspace.fs waits its turn, seconds on a cold start.
   */
  constructor(private readonly isFileNow?: IsFileNow) {}

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
      parsed = withProfileFiles(parsed, await readProfileFiles(file, parsed));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      parsed = { config: {}, errors: [{ file: name, line: 1, column: 1, message: `cannot be read: ${reason}` }] };
    }
    for (const listener of this.parsedListeners) listener(file, parsed);
    return parsed;
  }

  /**
   * The config file nearest to a folder: its own, else its parent's, up to `stopAt` (or the root).
   * Every candidate file of the folder and its ancestors is looked for at once, not one after the
   * other (each look is a round trip to the file system; sixteen in a row took seconds on a busy
   * machine), and each folder's answer is cached.
   */
  private findFrom(folder: vscode.Uri, stopAt: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    const cached = this.byFolder.get(folder.toString());
    if (cached) return cached;
    const chain: vscode.Uri[] = [];
    let above: Promise<vscode.Uri | undefined> = Promise.resolve(undefined);
    for (let current: vscode.Uri | undefined = folder; current; current = parentWithin(current, stopAt)) {
      const known = this.byFolder.get(current.toString());
      if (known) {
        above = known;
        break;
      }
      chain.push(current);
    }
    const own = chain.map((f) =>
      firstFile(
        CONFIG_FILE_NAMES.map((name) => vscode.Uri.joinPath(f, name)),
        this.isFileNow,
      ),
    );
    // From the top down: a folder's answer is its own file, else the answer of the folder above.
    for (let i = chain.length - 1; i >= 0; i--) {
      const fromAbove = above;
      above = own[i]!.then((file) => file ?? fromAbove);
      this.byFolder.set(chain[i]!.toString(), above);
    }
    return above;
  }
}

/** The first of the candidates that is a file (all looked at at once). */
async function firstFile(candidates: vscode.Uri[], isFileNow: IsFileNow | undefined): Promise<vscode.Uri | undefined> {
  const isFile = await Promise.all(
    candidates.map(
      (candidate) =>
        isFileNow?.(candidate) ??
        vscode.workspace.fs.stat(candidate).then(
          (stat) => (stat.type & vscode.FileType.File) !== 0,
          () => false,
        ),
    ),
  );
  return candidates[isFile.indexOf(true)];
}

/** The folder above, unless the search stops here (at `stopAt`, or at the root). */
function parentWithin(folder: vscode.Uri, stopAt: vscode.Uri | undefined): vscode.Uri | undefined {
  if (stopAt && trimSlashes(folder.path) === trimSlashes(stopAt.path)) return undefined;
  const parent = vscode.Uri.joinPath(folder, '..');
  return parent.path === folder.path ? undefined : parent;
}

/** The board's report type files that a config names, read relative to the config file. */
async function readProfileFiles(configFile: vscode.Uri, parsed: ParsedConfig): Promise<Record<string, ProfileFileRead>> {
  const reads: Record<string, ProfileFileRead> = {};
  for (const { type, path } of profileFileRequests(parsed.config)) {
    const uri = vscode.Uri.joinPath(configFile, '..', path);
    const file = uri.scheme === 'file' ? uri.fsPath : uri.toString();
    try {
      reads[type] = { file, text: decoder.decode(await vscode.workspace.fs.readFile(uri)) };
    } catch (error) {
      const missing = error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
      reads[type] = { file, error: missing ? 'no file at that path' : error instanceof Error ? error.message : String(error) };
    }
  }
  return reads;
}

function trimSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}
