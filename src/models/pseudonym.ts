/**
 * The anonymisation quick fix: replace every occurrence of a name with a
 * pseudonym the author chooses and add the pseudonym to the front matter key
 * (`pseudonyms:`). Pure: the command asks for the pseudonym and applies these changes.
 */
import { type LintMessage, type TextChange } from '../index.js';

export interface NameFix {
  name: string;
  occurrences: { start: number; end: number }[];
  keyInsert: { offset: number; end?: number; text: string; placeholder: string };
}

/** The name fix an anonymisation message carries, if it is about a personal name. */
export function nameFixOf(message: LintMessage): NameFix | undefined {
  const data = message.data as { name?: unknown; occurrences?: unknown; pseudonymKeyInsert?: unknown } | undefined;
  if (message.ruleId !== 'anonymisation' || !data || typeof data.name !== 'string') return undefined;
  const occurrences = Array.isArray(data.occurrences)
    ? data.occurrences.filter((o): o is { start: number; end: number } => typeof o?.start === 'number' && typeof o?.end === 'number')
    : [];
  const key = data.pseudonymKeyInsert as NameFix['keyInsert'] | undefined;
  if (
    occurrences.length === 0 ||
    !key ||
    typeof key.offset !== 'number' ||
    typeof key.text !== 'string' ||
    typeof key.placeholder !== 'string'
  )
    return undefined;
  return { name: data.name, occurrences, keyInsert: key };
}

/** A pseudonym as a YAML scalar: plain when safe, quoted otherwise. */
export function yamlScalar(value: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} .'’-]*$/u.test(value) && !/^(?:yes|no|true|false|null|on|off)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

/** The changes that put `pseudonym` in place of every occurrence and add it to the key. */
export function pseudonymChanges(fix: NameFix, pseudonym: string): TextChange[] {
  const keyStart = fix.keyInsert.offset;
  const keyEnd = fix.keyInsert.end ?? keyStart;
  const key: TextChange = {
    start: keyStart,
    end: keyEnd,
    text: fix.keyInsert.text.split(fix.keyInsert.placeholder).join(yamlScalar(pseudonym)),
  };
  const replacements = fix.occurrences
    .filter((o) => o.end <= keyStart || o.start >= keyEnd)
    .map((o) => ({ start: o.start, end: o.end, text: pseudonym }));
  return [key, ...replacements].sort((a, b) => a.start - b.start);
}
