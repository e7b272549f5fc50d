/**
 * Documents a report refers to (an executive summary's `overview:`), resolved
 * as paths without Node's `path` module so that the engine also runs in a
 * browser. Front ends read the files and pass their texts in
 * `EngineSettings.documents`.
 */
import { findPlaceholders } from './placeholders.js';
import { parse as parseYaml } from 'yaml';
import { stringValue } from './front-matter.js';

/** Forward slashes, no `.` segments, `..` folded where possible, no doubled slashes. */
export function normalizePath(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const root = /^(?:[A-Za-z]:)?\//.exec(slashed)?.[0] ?? '';
  const out: string[] = [];
  for (const segment of slashed.slice(root.length).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (segment === '..' && root) continue;
    else out.push(segment);
  }
  return root + out.join('/');
}

/** The folder of a path ("" for a bare file name). */
export function dirname(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const at = slashed.lastIndexOf('/');
  return at < 0 ? '' : slashed.slice(0, at + 1);
}

function isAbsolute(path: string): boolean {
  return /^(?:[A-Za-z]:)?[\\/]/.test(path) || /^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(path);
}

/** Resolve `reference` against the folder of `fromPath` (a URL such as `file:///…` is kept as it is). */
export function resolveReference(fromPath: string | undefined, reference: string): string {
  if (/^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(reference)) return reference;
  if (isAbsolute(reference) || !fromPath) return normalizePath(reference);
  if (/^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(fromPath)) return new URL(reference, fromPath).href;
  return normalizePath(dirname(fromPath) + reference);
}

/** The front matter keys that name another document. */
export const REFERENCE_KEYS = ['overview'] as const;

/** Paths of the documents a report's front matter refers to (resolved against `filePath`). */
export function documentReferences(markdown: string, filePath?: string): string[] {
  const match = /^---\r?\n([\s\S]{0,20000}?)\r?\n---(?:\r?\n|$)/.exec(markdown);
  if (!match) return [];
  let data: unknown;
  try {
    data = parseYaml(match[1]!);
  } catch {
    return [];
  }
  if (!data || typeof data !== 'object') return [];
  const refs: string[] = [];
  for (const key of REFERENCE_KEYS) {
    const value = stringValue((data as Record<string, unknown>)[key]);
    // A placeholder (“[insert the overview report’s file name]”) names no file yet: template-placeholder reports it.
    if (value && findPlaceholders(value).length === 0) refs.push(resolveReference(filePath, value));
  }
  return refs;
}

/** A document's text from the settings, by resolved path (comparing normalised paths). */
export function lookupDocument(documents: Record<string, string> | undefined, path: string, raw?: string): string | undefined {
  if (!documents) return undefined;
  if (path in documents) return documents[path];
  const wanted = normalizePath(path);
  for (const [key, text] of Object.entries(documents)) {
    if (normalizePath(key) === wanted) return text;
  }
  if (raw !== undefined) {
    for (const [key, text] of Object.entries(documents)) if (normalizePath(key) === normalizePath(raw)) return text;
  }
  return undefined;
}

/** The largest referenced document a front end reads (larger ones are reported, not read). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/**
 * Why a referenced document could not be read, in a few words, from a Node
 * error code (`ENOENT`…) or a VS Code `FileSystemError` code (`FileNotFound`…).
 */
export function unreadableReason(error: unknown): string {
  const code = error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT':
    case 'FileNotFound':
      return 'no file at that path';
    case 'EISDIR':
    case 'FileIsADirectory':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
    case 'NoPermissions':
      return 'permission denied';
    case 'Unavailable':
      return 'the file system is unavailable';
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return message.length > 200 ? `${message.slice(0, 200)}…` : message || 'unknown error';
    }
  }
}
