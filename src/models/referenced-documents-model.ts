/**
 * The parts of reading referenced documents (an executive summary's
 * `overview:`) that do not need VS Code: where a resolved reference points,
 * which open reports depend on which documents, and a cache of texts read from
 * disk keyed by modification time and size. src/extension/referenced-documents.ts
 * does the reading with vscode.workspace.fs.
 */

/** Where a reference resolved by `documentReferences()` points: a file path, a URI, or nowhere. */
export type ReferenceTarget = { kind: 'file'; path: string } | { kind: 'uri'; uri: string } | { kind: 'unresolved'; problem: string };

export const NOT_SAVED = 'the report is not saved to a file, so a relative path has nothing to be resolved against';
export const OUTSIDE_WORKSPACE = 'it is outside the workspace folder, and the editor reads referenced documents only inside it';
export const TOO_LARGE = (limitBytes: number) => `larger than ${Math.round(limitBytes / (1024 * 1024))} MB`;

/**
 * Where a resolved reference points. `path` is what `documentReferences(text, fromPath)` gave,
 * with `fromPath` the linted document's file path (file URIs) or URI string (other schemes).
 */
export function referenceTarget(path: string): ReferenceTarget {
  if (/^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(path)) return { kind: 'uri', uri: path };
  if (/^(?:[A-Za-z]:)?\//.test(path)) return { kind: 'file', path };
  return { kind: 'unresolved', problem: NOT_SAVED };
}

/** Which open reports refer to which documents (both as URI strings). */
export class DependencyGraph {
  private readonly targetsOf = new Map<string, Set<string>>();

  /** Record the documents a report refers to now (replacing what it referred to before). */
  set(dependent: string, targets: Iterable<string>): void {
    const set = new Set(targets);
    if (set.size === 0) this.targetsOf.delete(dependent);
    else this.targetsOf.set(dependent, set);
  }

  delete(dependent: string): void {
    this.targetsOf.delete(dependent);
  }

  /** The reports that refer to a document. */
  dependentsOf(target: string): string[] {
    const found: string[] = [];
    for (const [dependent, targets] of this.targetsOf) if (targets.has(target)) found.push(dependent);
    return found;
  }

  /** Every document some report refers to. */
  targets(): Set<string> {
    const all = new Set<string>();
    for (const targets of this.targetsOf.values()) for (const target of targets) all.add(target);
    return all;
  }
}

/** What identifies one state of a file on disk. */
export interface FileStamp {
  mtime: number;
  size: number;
}

/** Texts read from disk, reused while the file's modification time and size are unchanged. */
export class TextCache {
  private readonly entries = new Map<string, FileStamp & { text: string }>();

  get(key: string, stamp: FileStamp): string | undefined {
    const entry = this.entries.get(key);
    return entry && entry.mtime === stamp.mtime && entry.size === stamp.size ? entry.text : undefined;
  }

  set(key: string, stamp: FileStamp, text: string): void {
    this.entries.set(key, { ...stamp, text });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drop every entry whose key is not in `keep`. */
  retain(keep: Set<string>): void {
    for (const key of this.entries.keys()) if (!keep.has(key)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
