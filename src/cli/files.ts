/** Turning command-line arguments (files, folders, globs) into a list of Markdown files. */
import { existsSync, lstatSync, statSync } from 'node:fs';
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
