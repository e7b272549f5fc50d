/**
 * Publication: whether front matter marks a report for publication, and the
 * deliberate, reasoned exceptions to anonymisation it lists:
 *
 *   publication: public
 *   publication-exceptions:
 *     - text: Jane Hollis
 *       reason: independent author, named with consent
 *
 * An exception covers one text exactly as the anonymisation rule flags it (case
 * and spacing aside); an entry without a reason is not honoured and is itself
 * an error (see document-settings.ts and the publication gate).
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { stringValue, type FrontMatter } from './front-matter.js';

/** The rule whose findings stop a public report (the publication gate's identifier check). */
export const PUBLICATION_GATE_RULE = 'anonymisation';

export const PUBLICATION_EXCEPTIONS_KEY = 'publication-exceptions';

/** Values of `publication:` that mean the report will be published, and the other values accepted. */
export const PUBLIC_VALUES = ['public', 'published'] as const;
export const NOT_PUBLIC_VALUES = [
  'internal',
  'draft',
  'private',
  'restricted',
  'confidential',
  'unpublished',
  'not for publication',
] as const;

/**
 * Is the report to be published, for the gate? Any `publication:` value that is set and
 * is not one of the values that say it will not be (a typo such as “pubic” included)
 * counts as public: the gate errs on the side of the child.
 */
export function isPublicReport(data: Record<string, unknown>): boolean {
  const raw = data['publication'];
  if (raw === undefined || raw === null) return false;
  const value = (stringValue(raw) ?? String(raw)).trim().toLowerCase();
  if (value === '') return false;
  return !(NOT_PUBLIC_VALUES as readonly string[]).includes(value);
}

export interface PublicationException {
  text: string;
  reason: string;
  /** 0-based document offsets of the entry. */
  start: number;
  end: number;
}

/** Something wrong in the document's own settings, at 0-based document offsets. */
export interface SettingProblem {
  start: number;
  end: number;
  message: string;
  severity: 'error' | 'warning';
}

/** The front matter's YAML parsed with positions: `base` + a node's range offset is its offset in the document. */
export interface FrontMatterYaml {
  doc: Document.Parsed;
  base: number;
  lineCounter: LineCounter;
}

const yamlCache = new WeakMap<FrontMatter, FrontMatterYaml | null>();

/** The front matter as a YAML document with positions, or undefined (none, or it does not parse). */
export function frontMatterYaml(text: string, frontMatter: FrontMatter): FrontMatterYaml | undefined {
  if (frontMatter.start === undefined || frontMatter.end === undefined || frontMatter.error) return undefined;
  const cached = yamlCache.get(frontMatter);
  if (cached !== undefined) return cached ?? undefined;
  const block = text.slice(frontMatter.start, frontMatter.end);
  const firstBreak = block.indexOf('\n');
  const lastBreak = block.lastIndexOf('\n');
  let result: FrontMatterYaml | null = null;
  if (firstBreak !== -1 && lastBreak > firstBreak) {
    const base = frontMatter.start + firstBreak + 1;
    const lineCounter = new LineCounter();
    const doc = parseDocument(text.slice(base, frontMatter.start + lastBreak), { lineCounter, uniqueKeys: false, prettyErrors: false });
    result = doc.errors.length === 0 ? { doc, base, lineCounter } : null;
  } else if (firstBreak !== -1) {
    result = null;
  }
  yamlCache.set(frontMatter, result);
  return result ?? undefined;
}

/** The 0-based document offsets of a YAML node (its key when given a pair's key). */
export function nodeRange(yaml: FrontMatterYaml, node: YamlNode | null | undefined, fallback: number): { start: number; end: number } {
  const range = node?.range;
  if (!range) return { start: fallback, end: fallback };
  return { start: yaml.base + range[0], end: yaml.base + range[1] };
}

/** The value node of a top-level front matter key, and its key node. */
export function topLevelPair(yaml: FrontMatterYaml, key: string): { key: YamlNode; value: YamlNode | null } | undefined {
  const contents = yaml.doc.contents;
  if (!isMap(contents)) return undefined;
  for (const pair of contents.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key)
      return { key: pair.key as YamlNode, value: (pair.value ?? null) as YamlNode | null };
  }
  return undefined;
}

/** Spaces collapsed, curly quotes straightened, case ignored: how flagged texts and exceptions are compared. */
export function normaliseExceptionText(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The reasoned `publication-exceptions:` entries, and the entries that are not valid (not honoured). */
export function readPublicationExceptions(
  text: string,
  frontMatter: FrontMatter,
): { exceptions: PublicationException[]; problems: SettingProblem[] } {
  const exceptions: PublicationException[] = [];
  const problems: SettingProblem[] = [];
  if (frontMatter.data[PUBLICATION_EXCEPTIONS_KEY] === undefined) return { exceptions, problems };
  const yaml = frontMatterYaml(text, frontMatter);
  if (!yaml) return { exceptions, problems };
  const pair = topLevelPair(yaml, PUBLICATION_EXCEPTIONS_KEY);
  if (!pair) return { exceptions, problems };
  const example = 'such as “- text: Jane Hollis” with “reason: independent author, named with consent”';
  if (!isSeq(pair.value)) {
    const at = nodeRange(yaml, pair.value ?? pair.key, frontMatter.start ?? 0);
    problems.push({
      ...at,
      severity: 'error',
      message: `The publication exceptions are not a list. Write each exception as a list item with its text and reason, ${example}.`,
    });
    return { exceptions, problems };
  }
  for (const item of pair.value.items as (YamlNode | null)[]) {
    const at = nodeRange(yaml, item, nodeRange(yaml, pair.key, 0).start);
    const value: unknown = item && 'toJSON' in item ? (item as { toJSON(): unknown }).toJSON() : item;
    if (!isMap(item) || !value || typeof value !== 'object') {
      problems.push({
        ...at,
        severity: 'error',
        message: `This publication exception has no reason, so it does not apply. Write its text and the reason it is published, ${example}.`,
      });
      continue;
    }
    const entry = value as Record<string, unknown>;
    const textValue = typeof entry['text'] === 'string' ? entry['text'].trim() : '';
    const reason = typeof entry['reason'] === 'string' ? entry['reason'].trim() : '';
    const unknown = Object.keys(entry).filter((k) => k !== 'text' && k !== 'reason');
    if (!textValue) {
      problems.push({
        ...at,
        severity: 'error',
        message: `This publication exception does not say which text it allows, so it does not apply. Add “text:” with the name or identifier exactly as written.`,
      });
    } else if (!reason) {
      problems.push({
        ...at,
        severity: 'error',
        message: `The publication exception for “${textValue}” has no reason, so it does not apply. Add “reason:” saying why it may be published (for example “independent author, named with consent”).`,
      });
    } else if (unknown.length > 0) {
      problems.push({
        ...at,
        severity: 'error',
        message: `The publication exception for “${textValue}” has “${unknown[0]}”, which is not read. Write only “text:” and “reason:”.`,
      });
      exceptions.push({ text: textValue, reason, ...at });
    } else exceptions.push({ text: textValue, reason, ...at });
  }
  return { exceptions, problems };
}

/** Is a flagged text one of the exceptions (the same text, case and spacing aside)? */
export function isPublicationException(flagged: string, exceptions: readonly Pick<PublicationException, 'text'>[]): boolean {
  if (!flagged || exceptions.length === 0) return false;
  const key = normaliseExceptionText(flagged);
  return exceptions.some((e) => normaliseExceptionText(e.text) === key);
}
