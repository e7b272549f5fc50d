/**
 * A board's own report type in one JSON file, named in `.casereviewrc`:
 * `"profiles": { "neglect-thematic-review": "report-types/neglect-thematic-review.json" }`.
 * The file has the shape of a built-in profile (src/profiles/*.json,
 * schemas/profile.schema.json). Pure: the front end reads the files
 * (`profileFileRequests`) and hands their texts back (`withProfileFiles`); each
 * mistake becomes a clear error with the file's line and column, and what can be
 * used is kept.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { strictJsonError, type ConfigError, type ParsedConfig } from './config.js';
import { isSectionRole, SECTION_ROLE_NAMES } from './section-roles.js';
import type { LintConfig, ProfileOverride, ProfileSection } from './types.js';

/** A profile file a config names: the report type and the path as written (relative to the config file). */
export interface ProfileFileRequest {
  type: string;
  path: string;
}

/** What the front end found at a requested path: the file's text, or why it could not be read. */
export interface ProfileFileRead {
  /** The file as errors name it (an absolute path or a URI). */
  file: string;
  text?: string;
  /** Why it could not be read, in a few words (“no file at that path”). */
  error?: string;
}

const TOP_KEYS = ['$schema', 'id', 'title', 'titlePhrases', 'multiAgency', 'order', 'sections'];
const SECTION_KEYS = ['id', 'title', 'role', 'status', 'synonyms', 'except', 'topLevel', 'prompt'];
const STATUSES = ['required', 'expected', 'optional'];
/** Lower-case words joined by hyphens, as built-in ids are (“terms-of-reference”). */
const ID = /^[a-z0-9]{1,40}(?:-[a-z0-9]{1,40}){0,10}$/;

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The profile files a config names, to be read by the front end. */
export function profileFileRequests(config: Partial<LintConfig>): ProfileFileRequest[] {
  return Object.entries(config.profiles ?? {}).flatMap(([type, override]) => (override.file ? [{ type, path: override.file }] : []));
}

/**
 * The config with each profile file it names put in place (by report type), and the
 * files' errors after the config's own. A file not read stays a report type without sections.
 */
export function withProfileFiles(parsed: ParsedConfig, reads: Readonly<Record<string, ProfileFileRead>>): ParsedConfig {
  const requests = profileFileRequests(parsed.config);
  if (requests.length === 0) return parsed;
  const profiles = { ...parsed.config.profiles };
  const errors = [...parsed.errors];
  for (const { type, path } of requests) {
    const read = reads[type];
    if (!read || read.text === undefined) {
      const file = read?.file ?? path;
      errors.push({
        file,
        line: 1,
        column: 1,
        message: `the file for report type "${type}" cannot be read (${read?.error ?? 'not read'}); check the path in the config, which is relative to the config file`,
      });
      continue;
    }
    const result = parseProfileFile(read.text, read.file, type);
    errors.push(...result.errors);
    profiles[type] = result.profile;
  }
  return { ...parsed, config: { ...parsed.config, profiles }, errors };
}

/** Read one profile file for report type `type`: the profile it gives (invalid parts left out) and its errors. */
export function parseProfileFile(text: string, file: string, type: string): { profile: ProfileOverride; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const empty: ProfileOverride = { mode: 'replace', title: type, sections: [] };
  const strictJson = strictJsonError(text, file);
  if (strictJson) return { profile: empty, errors: [strictJson] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const pos = lineCounter.linePos(doc.errors[0]!.pos[0]);
    return {
      profile: empty,
      errors: [{ file, line: pos.line, column: pos.col, message: `cannot be read: ${doc.errors[0]!.message.split('\n')[0]}` }],
    };
  }
  const fail = (node: YamlNode | null | undefined, message: string) => {
    const pos = lineCounter.linePos(node?.range?.[0] ?? 0);
    errors.push({ file, line: pos.line, column: pos.col, message });
  };
  const root = doc.contents;
  if (!isMap(root)) {
    fail(root, `a report type file holds one object with "title", "multiAgency" and "sections", like the built-in profiles`);
    return { profile: empty, errors };
  }
  const node = (map: typeof root, key: string) => map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  const value = (n: unknown): unknown => (n && typeof n === 'object' && 'toJSON' in n ? (n as { toJSON(): unknown }).toJSON() : n);

  for (const pair of root.items) {
    if (isPair(pair) && isScalar(pair.key) && !TOP_KEYS.includes(String(pair.key.value))) {
      fail(pair.key as YamlNode, `unknown key "${String(pair.key.value)}"; a report type file has only ${quoted(TOP_KEYS.slice(1))}`);
    }
  }
  const profile: ProfileOverride = { mode: 'replace', title: type, sections: [] };

  const id = node(root, 'id');
  if (id && value(id.value) !== type) {
    fail(
      id.value as YamlNode,
      `the file says its id is ${JSON.stringify(value(id.value))} but the config names it "${type}"; write "id": "${type}" or leave the id out`,
    );
  }
  const title = node(root, 'title');
  if (!title) fail(root, `"title" is missing: give the report type's name as authors know it, such as "Neglect thematic review"`);
  else if (typeof value(title.value) !== 'string' || !String(value(title.value)).trim())
    fail(title.value as YamlNode, `"title" must be the report type's name, such as "Neglect thematic review"`);
  else profile.title = String(value(title.value)).trim();

  const phrases = node(root, 'titlePhrases');
  if (phrases) {
    if (isStringList(value(phrases.value))) profile.titlePhrases = value(phrases.value) as string[];
    else
      fail(
        phrases.value as YamlNode,
        `"titlePhrases" must be a list of phrases that, in a report's title, mean this type (such as ["neglect thematic review"])`,
      );
  }
  const multi = node(root, 'multiAgency');
  if (!multi)
    fail(
      root,
      `"multiAgency" is missing: write true when several agencies contribute (its chronologies then need an Agency column), or false for one agency's own review`,
    );
  else if (typeof value(multi.value) !== 'boolean') fail(multi.value as YamlNode, `"multiAgency" must be true or false`);
  else profile.multiAgency = value(multi.value) as boolean;

  const order = node(root, 'order');
  if (order) {
    const n = value(order.value);
    if (typeof n === 'number' && Number.isFinite(n)) profile.order = n;
    else fail(order.value as YamlNode, `"order" must be a number (lower comes first in lists of report types)`);
  }

  const sections = node(root, 'sections');
  if (!sections) fail(root, `"sections" is missing: list the report's sections in their expected order`);
  else if (!isSeq(sections.value) || sections.value.items.length === 0)
    fail(sections.value as YamlNode, `"sections" must be a list of the report's sections in their expected order`);
  else {
    const seen = new Set<string>();
    for (const item of sections.value.items) {
      const section = readSection(item as YamlNode, seen, fail, value);
      if (section) profile.sections!.push(section);
    }
  }
  return { profile, errors };
}

function readSection(
  item: YamlNode,
  seen: Set<string>,
  fail: (node: YamlNode | null | undefined, message: string) => void,
  value: (n: unknown) => unknown,
): ProfileSection | undefined {
  if (!isMap(item)) {
    fail(item, `each section is an object with "id", "title", "status" and "prompt"`);
    return undefined;
  }
  const raw = value(item) as Record<string, unknown>;
  const where = (key: string) =>
    (item.items.find((p) => isScalar(p.key) && String(p.key.value) === key)?.value as YamlNode | undefined) ?? item;
  const name = typeof raw.title === 'string' ? `section "${raw.title}"` : typeof raw.id === 'string' ? `section "${raw.id}"` : 'a section';
  // An unknown key is reported but does not lose the section; a wrong value does.
  for (const pair of item.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!SECTION_KEYS.includes(key))
      fail(pair.key as YamlNode, `${name}: unknown key "${key}"; a section has only ${quoted(SECTION_KEYS)}`);
  }
  const problems: [string, string][] = [];
  if (typeof raw.id !== 'string' || !ID.test(raw.id))
    problems.push(['id', `${name}: "id" must be lower-case words joined by hyphens, such as "neglect-themes"`]);
  else if (seen.has(raw.id)) problems.push(['id', `${name}: another section already has the id "${raw.id}"; give each section its own id`]);
  if (typeof raw.title !== 'string' || !raw.title.trim())
    problems.push(['title', `${name}: "title" must be the heading an author writes, such as "Neglect themes"`]);
  if (typeof raw.status !== 'string' || !STATUSES.includes(raw.status)) {
    problems.push(['status', `${name}: "status" must be "required" (missing is a warning), "expected" (missing is advice) or "optional"`]);
  }
  if (typeof raw.prompt !== 'string' || !raw.prompt.trim())
    problems.push(['prompt', `${name}: "prompt" must say what belongs in the section (templates and quick fixes show it)`]);
  if (raw.role !== undefined && !isSectionRole(raw.role))
    problems.push([
      'role',
      `${name}: "role" ${JSON.stringify(raw.role)} is not a section role; use one of ${quoted(SECTION_ROLE_NAMES)}, or leave it out`,
    ]);
  if (raw.synonyms !== undefined && !isStringList(raw.synonyms))
    problems.push(['synonyms', `${name}: "synonyms" must be a list of phrases that mean this section in a heading`]);
  if (raw.except !== undefined && !isStringList(raw.except))
    problems.push(['except', `${name}: "except" must be a list of heading phrases that are not this section`]);
  if (raw.topLevel !== undefined && typeof raw.topLevel !== 'boolean')
    problems.push(['topLevel', `${name}: "topLevel" must be true or false`]);
  if (problems.length > 0) {
    for (const [key, message] of problems) fail(where(key), message);
    return undefined;
  }
  const id = raw.id as string;
  seen.add(id);
  return {
    id,
    title: (raw.title as string).trim(),
    ...(raw.role ? { role: raw.role as ProfileSection['role'] } : {}),
    status: raw.status as ProfileSection['status'],
    synonyms: (raw.synonyms as string[] | undefined) ?? [],
    ...(raw.except ? { except: raw.except as string[] } : {}),
    ...(raw.topLevel ? { topLevel: true } : {}),
    prompt: (raw.prompt as string).trim(),
  };
}
