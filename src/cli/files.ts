/** Turning command-line arguments (files, folders, globs) into a list of Markdown files. */
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { UsageError } from './usage-error.js';

const MARKDOWN = '**/*.{md,markdown}';
const IGNORE = ['**/node_modules/**', '**/.git/**'];

export function expandFiles(patterns: readonly string[], cwd = process.cwd()): string[] {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (existsSync(pattern)) {
      const stat = statSync(pattern);
      if (stat.isFile()) files.push(pattern);
      else if (stat.isDirectory()) {
        const found = globSync(MARKDOWN, { cwd: pattern, ignore: IGNORE }).map((f) => join(pattern, f));
        if (found.length === 0) throw new UsageError(`No Markdown files in folder “${pattern}”.`);
        files.push(...found.sort());
      }
      continue;
    }
    if (isDanglingLink(pattern)) {
      // Named explicitly but unreadable: the reader reports it as an I/O problem.
      files.push(pattern);
      continue;
    }
    let found: string[];
    try {
      found = globSync(pattern, { cwd, ignore: IGNORE, onlyFiles: true });
    } catch (error) {
      throw new UsageError(`Bad glob “${pattern}”: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (found.length === 0) {
      throw new UsageError(/[*?[\]{}]/.test(pattern) ? `No files match “${pattern}”.` : `File not found: “${pattern}”.`);
    }
    files.push(...found.sort());
  }
  return [...new Set(files)];
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** A file that is not UTF-8 text (a binary, a Word document, a file in another encoding). */
export class NotTextError extends Error {
  override readonly name = 'NotTextError';
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Why bytes are not a UTF-8 text file, or undefined when they are: a NUL byte
 * (binaries, UTF-16 files, Word documents) or bytes that are not UTF-8.
 */
export function notTextReason(bytes: Uint8Array): string | undefined {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    if (bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46) return 'it is a program (a binary file), not text';
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'it is a compressed file (such as a Word document), not text';
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'it is saved as UTF-16 text; save it as UTF-8';
    return `it holds a NUL byte (at byte ${nul}), so it is a binary file, not text`;
  }
  try {
    utf8.decode(bytes);
    return undefined;
  } catch {
    return 'it is not UTF-8 text (it may be saved in another encoding, such as Windows-1252; save it as UTF-8)';
  }
}

/** Read a text file as UTF-8; throws NotTextError for a binary or non-UTF-8 file, and the usual errors otherwise. */
export function readTextFile(path: string): string {
  const bytes = readFileSync(path);
  const reason = notTextReason(bytes);
  if (reason) throw new NotTextError(reason);
  return bytes.toString('utf8');
}
