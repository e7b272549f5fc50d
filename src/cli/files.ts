/** Turning command-line arguments (files, folders, globs) into a list of Markdown files. */
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globSync } from 'tinyglobby';
import { UsageError } from './usage-error.js';

/** The ignore file: gitignore syntax, patterns relative to its folder. */
export const IGNORE_FILE = '.casereviewignore';

export interface SelectedFile {
  path: string;
  /** Named on the command line itself (not found in a folder or by a glob): always linted. */
  explicit: boolean;
}

export interface Selection {
  files: SelectedFile[];
  /** Files found in folders or by globs that the ignore file, a config's `ignores` or a `!glob` left out. */
  ignored: number;
}

/** Where a file's config `ignores` come from (the CLI's ConfigResolver): patterns relative to `base`. */
export interface IgnoresSource {
  ignoresFor(absolutePath: string): { base: string; patterns: readonly string[] } | undefined;
}

/** The nearest `.casereviewignore` from `cwd` upwards, if any. */
export function findIgnoreFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, IGNORE_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Does the ignore file (rules relative to `base`) leave `file` out? Files outside `base` are never ignored by it. */
function ignoredBy(rules: Ignore, base: string, file: string, cwd: string): boolean {
  const rel = relative(base, resolve(cwd, file));
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return false;
  return rules.ignores(rel.split(sep).join('/'));
}

/** Files a negated pattern (`!drafts/old/**`, `!drafts/old`) names, as absolute paths; a folder stands for everything in it. */
function negatedMatcher(patterns: readonly string[], cwd: string): (file: string) => boolean {
  const exact = new Set<string>();
  const folders: string[] = [];
  for (const pattern of patterns) {
    const full = resolve(cwd, pattern);
    if (existsSync(full) && statSync(full).isDirectory()) {
      folders.push(full.endsWith(sep) ? full : `${full}${sep}`);
      continue;
    }
    exact.add(full);
    try {
      for (const f of globSync(pattern, { cwd, onlyFiles: true, dot: true })) exact.add(resolve(cwd, f));
    } catch (error) {
      throw new UsageError(`Bad glob “!${pattern}”: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return (file) => {
    const full = resolve(cwd, file);
    return exact.has(full) || folders.some((folder) => full.startsWith(folder));
  };
}

/** A matcher for the `ignores` of the config that applies to each file (one gitignore matcher per config folder). */
function configIgnoresMatcher(source: IgnoresSource, cwd: string): (file: string) => boolean {
  const matchers = new Map<string, Ignore>();
  return (file) => {
    const found = source.ignoresFor(resolve(cwd, file));
    if (!found) return false;
    let rules = matchers.get(found.base);
    if (!rules) {
      rules = ignore().add([...found.patterns]);
      matchers.set(found.base, rules);
    }
    return ignoredBy(rules, found.base, file, cwd);
  };
}

/**
 * The files to lint: named files as they are, Markdown files in folders, files
 * matching globs; then `!glob` arguments take files out (named ones too), and
 * the nearest `.casereviewignore` (gitignore syntax) and the `ignores` of the
 * config that applies to a file (gitignore patterns relative to the config's
 * folder) take out files found in folders or by globs (a file named on the
 * command line is linted anyway).
 */
export function selectFiles(patterns: readonly string[], cwd = process.cwd(), configs?: IgnoresSource): Selection {
  const negated = patterns.filter((p) => p.startsWith('!') && p.length > 1).map((p) => p.slice(1));
  const positive = patterns.filter((p) => !(p.startsWith('!') && p.length > 1));
  const explicit = new Set<string>();
  const found: string[] = [];
  for (const pattern of positive) {
    const list = expandFiles([pattern], cwd);
    if (list.length === 1 && list[0] === pattern && !isDirectory(pattern, cwd)) explicit.add(pattern);
    found.push(...list);
  }
  const excluded = negated.length > 0 ? negatedMatcher(negated, cwd) : () => false;
  const ignoreFile = findIgnoreFile(cwd);
  const rules = ignoreFile ? ignore().add(readFileSync(ignoreFile, 'utf8')) : undefined;
  const base = ignoreFile ? dirname(ignoreFile) : cwd;
  const ignoredByConfig = configs ? configIgnoresMatcher(configs, cwd) : () => false;
  const files: SelectedFile[] = [];
  let ignored = 0;
  for (const path of [...new Set(found)]) {
    const isExplicit = explicit.has(path);
    if (excluded(path) || (!isExplicit && ((rules && ignoredBy(rules, base, path, cwd)) || ignoredByConfig(path)))) {
      ignored++;
      continue;
    }
    files.push({ path, explicit: isExplicit });
  }
  return { files, ignored };
}

function isDirectory(path: string, cwd: string): boolean {
  try {
    return statSync(resolve(cwd, path)).isDirectory();
  } catch {
    return false;
  }
}

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
    if (bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46)
      return 'it is a program (a binary file), not text';
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'it is a compressed file (such as a Word document), not text';
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
      return 'it is saved as UTF-16 text; save it as UTF-8';
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

/** Read standard input as UTF-8 text; throws NotTextError for binary or non-UTF-8 input. */
export function readTextStdin(): string {
  const bytes = readFileSync(0);
  const reason = notTextReason(bytes);
  if (reason) throw new NotTextError(reason);
  return bytes.toString('utf8');
}
