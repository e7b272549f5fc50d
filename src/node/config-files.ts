/** Finding and reading `.casereviewrc` files on disk (Node front ends: CLI, remark preset). */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  CONFIG_FILE_NAMES,
  parseConfigText,
  profileFileRequests,
  type ParsedConfig,
  type ProfileFileRead,
  reportTypeIds,
  resolveProfiles,
  ruleInfos,
  withProfileFiles,
} from '../index.js';

/** The nearest config file at or above `startDir`, or undefined. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Read and check one config file; unreadable files become one clear error. */
export function loadConfigFile(path: string): ParsedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { config: {}, errors: [{ file: path, line: 1, column: 1, message: `cannot be read: ${reason}` }] };
  }
  const first = parseConfigText(text, path, ruleInfos(), reportTypeIds());
  // A board may add report types in the same file; check reportType against them too.
  const profiles = first.config.profiles;
  if (!profiles) return first;
  return withProfileFiles(
    parseConfigText(text, path, ruleInfos(), reportTypeIds(resolveProfiles(profiles))),
    readProfileFiles(first, path),
  );
}

/** The board's report type files that a config names, read from disk relative to the config file. */
function readProfileFiles(parsed: ParsedConfig, configPath: string): Record<string, ProfileFileRead> {
  const reads: Record<string, ProfileFileRead> = {};
  for (const { type, path } of profileFileRequests(parsed.config)) {
    const file = resolve(dirname(configPath), path);
    try {
      reads[type] = { file, text: readFileSync(file, 'utf8') };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      reads[type] = {
        file,
        error:
          code === 'ENOENT'
            ? 'no file at that path'
            : code === 'EISDIR'
              ? 'it is a folder'
              : error instanceof Error
                ? error.message
                : String(error),
      };
    }
  }
  return reads;
}

/** The `ignores` patterns of the config that applies to a file, and the folder they are relative to. */
export interface ConfigIgnores {
  /** The config file's folder (absolute). */
  base: string;
  patterns: readonly string[];
}

/** Cache of configs per directory for one run. */
export class ConfigResolver {
  private readonly byFile = new Map<string, ParsedConfig>();
  private readonly reported = new Set<string>();

  constructor(private readonly explicitFile?: string) {}

  /** The `ignores` of the config that applies to `documentPath` (the `--config` file, or the nearest), if it has any. */
  ignoresFor(documentPath: string): ConfigIgnores | undefined {
    const { file, parsed } = this.forDocument(documentPath);
    if (!file || !parsed.ignores || parsed.ignores.length === 0) return undefined;
    return { base: dirname(resolve(file)), patterns: parsed.ignores };
  }

  /** The config for a document at `documentPath` (explicit file wins over discovery). */
  forDocument(documentPath: string): { file?: string; parsed: ParsedConfig } {
    const file = this.explicitFile ?? findConfigFile(dirname(resolve(documentPath)));
    if (!file) return { parsed: { config: {}, errors: [] } };
    let parsed = this.byFile.get(file);
    if (!parsed) {
      parsed = loadConfigFile(file);
      this.byFile.set(file, parsed);
    }
    return { file, parsed };
  }

  /** Errors of a config file, only the first time they are asked for (a broken config is reported once). */
  takeErrors(file: string | undefined): ParsedConfig['errors'] {
    if (!file || this.reported.has(file)) return [];
    this.reported.add(file);
    return this.byFile.get(file)?.errors ?? [];
  }
}
