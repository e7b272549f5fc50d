/** Reading YAML front matter (the `yaml` node remark-frontmatter produces). */
import type { Root } from 'mdast';
import { parse as parseYaml, YAMLParseError } from 'yaml';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Present when the YAML does not parse or is not a mapping. */
  error?: { message: string; line: number; column: number };
  /** 0-based offsets of the whole front matter block, when there is one. */
  start?: number;
  end?: number;
}

export function readFrontMatter(tree: Root): FrontMatter {
  const node = tree.children[0];
  if (!node || node.type !== 'yaml') return { data: {} };
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  const firstLine = (node.position?.start.line ?? 1) + 1;
  try {
    const parsed: unknown = parseYaml(node.value, { uniqueKeys: false, maxAliasCount: 50 });
    if (parsed === null || parsed === undefined) return { data: {}, start, end };
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      return { data: {}, start, end, error: { message: 'front matter is not a mapping of keys to values', line: firstLine, column: 1 } };
    }
    return { data: parsed as Record<string, unknown>, start, end };
  } catch (error) {
    const where = error instanceof YAMLParseError ? error.linePos?.[0] : undefined;
    const line = firstLine + (where ? where.line - 1 : 0);
    // The parser counts lines from the start of the front matter; say the file's line instead.
    const message = (error instanceof Error ? error.message.split('\n')[0]! : String(error))
      .replace(/ at line \d+, column (\d+):?$/, (_all, column: string) => ` at line ${line}, column ${column}`)
      .replace(/:$/, '');
    return {
      data: {},
      start,
      end,
      error: { message, line, column: where?.col ?? 1 },
    };
  }
}

/** A front matter value as a list of strings (`child: Child A` or `child: [A, B]`). */
export function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  return [];
}

/** A front matter value as a string (dates written unquoted by YAML stay as text). */
export function stringValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}
