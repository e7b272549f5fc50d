/**
 * Parsing and checking `.casereviewrc` files. Pure (no file system): the CLI and
 * the editor find and read the files, this module turns text into settings and
 * clear errors with file, line and column. Invalid entries are dropped, valid
 * ones kept, so linting continues with defaults where the config is wrong.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { LintConfig, ProfileOverride, RuleLevel, RuleSetting } from './types.js';
import type { RuleOption } from './rule.js';
import { isSectionRole } from './section-roles.js';

export const CONFIG_FILE_NAMES = ['.casereviewrc.json', '.casereviewrc.yaml', '.casereviewrc.yml', '.casereviewrc'] as const;

export interface ConfigError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface RuleInfo {
  id: string;
  options: readonly RuleOption[];
}

export interface ParsedConfig {
  config: Partial<LintConfig>;
  errors: ConfigError[];
  /**
   * Files the command line leaves out of folders and globs: gitignore patterns relative to
   * the config file's folder (`"ignores": ["drafts/archive/", "notes-*.md"]`). Not an engine
   * setting: the engine lints whatever text it is given.
   */
  ignores?: string[];
}

const LEVELS: readonly RuleLevel[] = ['off', 'on', 'info', 'warn', 'error'];
const TOP_LEVEL = ['reportType', 'rules', 'profiles', 'agencies', 'child', 'ignores', '$schema'] as const;
const SECTION_KEYS = ['id', 'title', 'role', 'status', 'synonyms', 'except', 'topLevel', 'prompt', 'after'];

function optionTypeOk(option: RuleOption, value: unknown): boolean {
  switch (option.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Parse a config file's text (JSON or YAML) against the known rules. */
export function parseConfigText(text: string, file: string, rules: readonly RuleInfo[], reportTypes: readonly string[]): ParsedConfig {
  const errors: ConfigError[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (node: YamlNode | null | undefined) => {
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const fail = (node: YamlNode | null | undefined, message: string) => errors.push({ file, ...at(node), message });

  const strictJson = strictJsonError(text, file);
  if (strictJson) return { config: {}, errors: [strictJson] };
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const pos = lineCounter.linePos(first.pos[0]);
    return { config: {}, errors: [{ file, line: pos.line, column: pos.col, message: `cannot be read: ${first.message.split('\n')[0]}` }] };
  }
  if (doc.contents === null) return { config: {}, errors };
  if (!isMap(doc.contents)) {
    fail(doc.contents, 'expected an object with keys such as "rules", "reportType", "profiles", "agencies"');
    return { config: {}, errors };
  }

  const config: Partial<LintConfig> = {};
  let ignores: string[] | undefined;
  for (const pair of doc.contents.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const valueNode = pair.value as YamlNode | null;
    const value: unknown = valueNode && 'toJSON' in valueNode ? (valueNode as { toJSON(): unknown }).toJSON() : null;
    switch (key) {
      case 'reportType':
        if (typeof value === 'string' && reportTypes.includes(value)) config.defaultReportType = value;
        else fail(valueNode, `"reportType" must be one of ${reportTypes.map((t) => `"${t}"`).join(', ')}`);
        break;
      case 'agencies':
      case 'child':
        if (isStringList(value)) config[key] = value;
        else fail(valueNode, `"${key}" must be a list of strings`);
        break;
      case 'profiles':
        config.profiles = readProfiles(valueNode, value, fail);
        break;
      case 'rules':
        config.rules = readRules(valueNode, rules, fail);
        break;
      case 'ignores':
        if (isStringList(value)) ignores = value;
        else fail(valueNode, '"ignores" must be a list of patterns in .gitignore syntax, such as ["drafts/archive/", "notes-*.md"]');
        break;
      case '$schema':
        break;
      default:
        fail(
          pair.key as YamlNode,
          `unknown setting "${key}"; expected one of ${TOP_LEVEL.filter((k) => k !== '$schema')
            .map((k) => `"${k}"`)
            .join(', ')}`,
        );
    }
  }
  return ignores ? { config, errors, ignores } : { config, errors };
}

/** `.json` files must be strict JSON (YAML would accept trailing commas and comments). */
export function strictJsonError(text: string, file: string): ConfigError | undefined {
  if (!file.endsWith('.json')) return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason);
    const offset = position ? Number(position[1]) : 0;
    const before = text.slice(0, offset).split('\n');
    return {
      file,
      line: before.length,
      column: before.at(-1)!.length + 1,
      message: `cannot be read: ${reason.split(' in JSON at position')[0]}`,
    };
  }
}

function readRules(
  node: YamlNode | null,
  rules: readonly RuleInfo[],
  fail: (node: YamlNode | null | undefined, message: string) => void,
): Record<string, RuleSetting> {
  const result: Record<string, RuleSetting> = {};
  if (!isMap(node)) {
    fail(node, '"rules" must be an object of rule ids to "off", "on", "info", "warn", "error" or [level, options]');
    return result;
  }
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const id = String(pair.key.value);
    const rule = rules.find((r) => r.id === id);
    if (!rule) {
      fail(pair.key as YamlNode, `unknown rule "${id}"`);
      continue;
    }
    const valueNode = pair.value as YamlNode | null;
    const value: unknown = valueNode && 'toJSON' in valueNode ? (valueNode as { toJSON(): unknown }).toJSON() : null;
    const [level, options] = Array.isArray(value) ? [value[0], value[1]] : [value, undefined];
    if (typeof level !== 'string' || !LEVELS.includes(level as RuleLevel)) {
      fail(valueNode, `rule "${id}": level must be one of ${LEVELS.map((l) => `"${l}"`).join(', ')}`);
      continue;
    }
    if (options === undefined) {
      result[id] = level as RuleLevel;
      continue;
    }
    const optionsNode = isSeq(valueNode) ? (valueNode.items[1] as YamlNode) : valueNode;
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      fail(optionsNode, `rule "${id}": options must be an object`);
      continue;
    }
    const good: Record<string, unknown> = {};
    for (const [name, optionValue] of Object.entries(options)) {
      const option = rule.options.find((o) => o.name === name);
      if (!option) {
        const known = rule.options.map((o) => `"${o.name}"`).join(', ');
        fail(optionsNode, `rule "${id}": unknown option "${name}"${known ? `; expected ${known}` : ' (the rule has no options)'}`);
      } else if (!optionTypeOk(option, optionValue)) {
        fail(optionsNode, `rule "${id}": option "${name}" must be a ${option.type}, not ${JSON.stringify(optionValue)}`);
      } else good[name] = optionValue;
    }
    result[id] = [level as RuleLevel, good];
  }
  return result;
}

function readProfiles(
  node: YamlNode | null,
  value: unknown,
  fail: (node: YamlNode | null | undefined, message: string) => void,
): Record<string, ProfileOverride> {
  const result: Record<string, ProfileOverride> = {};
  if (!isMap(node) || typeof value !== 'object' || value === null) {
    fail(node, '"profiles" must be an object of report types to profile changes');
    return result;
  }
  for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
    const where = node.items.find((p) => isScalar(p.key) && String(p.key.value) === id)?.value as YamlNode | undefined;
    if (typeof raw === 'string') {
      // A report type of the board's own in its own JSON file: the front end reads it (profile-files.ts).
      if (raw.trim().toLowerCase().endsWith('.json')) result[id] = { file: raw.trim() };
      else
        fail(
          where,
          `profile "${id}" must be an object of changes, or the path of the report type's JSON file (such as "report-types/${id}.json")`,
        );
      continue;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      fail(where, `profile "${id}" must be an object`);
      continue;
    }
    const profile = raw as Record<string, unknown>;
    if (profile.mode !== undefined && profile.mode !== 'extend' && profile.mode !== 'replace') {
      fail(where, `profile "${id}": "mode" must be "extend" or "replace"`);
      continue;
    }
    if (profile.multiAgency !== undefined && typeof profile.multiAgency !== 'boolean') {
      fail(where, `profile "${id}": "multiAgency" must be true or false`);
      continue;
    }
    const sections = profile.sections;
    if (sections !== undefined && !Array.isArray(sections)) {
      fail(where, `profile "${id}": "sections" must be a list`);
      continue;
    }
    const bad = (sections as unknown[] | undefined)?.find(
      (s) =>
        typeof s !== 'object' ||
        s === null ||
        typeof (s as { id?: unknown }).id !== 'string' ||
        Object.keys(s).some((k) => !SECTION_KEYS.includes(k)) ||
        ((s as { synonyms?: unknown }).synonyms !== undefined && !isStringList((s as { synonyms?: unknown }).synonyms)) ||
        ((s as { status?: unknown }).status !== undefined &&
          !['required', 'expected', 'optional'].includes(String((s as { status?: unknown }).status))) ||
        ((s as { role?: unknown }).role !== undefined && !isSectionRole((s as { role?: unknown }).role)) ||
        ((s as { except?: unknown }).except !== undefined && !isStringList((s as { except?: unknown }).except)) ||
        ((s as { topLevel?: unknown }).topLevel !== undefined && typeof (s as { topLevel?: unknown }).topLevel !== 'boolean'),
    );
    if (bad !== undefined) {
      fail(
        where,
        `profile "${id}": each section needs a string "id" and only ${SECTION_KEYS.map((k) => `"${k}"`).join(', ')} (status: required, expected or optional; synonyms and except: lists of strings; topLevel: true or false; role: a section role such as "chronology" or "recommendations")`,
      );
      continue;
    }
    result[id] = profile as ProfileOverride;
  }
  return result;
}

/** Later configs win: rules and profiles merge by key, lists are joined. */
export function mergeConfigs(...configs: Partial<LintConfig>[]): Partial<LintConfig> {
  const merged: Partial<LintConfig> = {};
  for (const c of configs) {
    if (c.defaultReportType) merged.defaultReportType = c.defaultReportType;
    if (c.reportType) merged.reportType = c.reportType;
    if (c.docsBaseUrl !== undefined) merged.docsBaseUrl = c.docsBaseUrl;
    if (c.agencies) merged.agencies = [...(merged.agencies ?? []), ...c.agencies];
    if (c.child) merged.child = [...(merged.child ?? []), ...c.child];
    if (c.profiles) merged.profiles = { ...(merged.profiles ?? {}), ...c.profiles };
    if (c.rules) merged.rules = { ...(merged.rules ?? {}), ...c.rules };
  }
  return merged;
}
