/**
 * Quick fixes as plain text changes computed from lint messages. Pure (no VS
 * Code): the code action provider turns these into WorkspaceEdits, the unit
 * tests apply them to strings.
 *
 * Fixes come from a registry of small providers, each keyed by the rule it
 * serves (or any rule) and the message field it reads (`expected`, or a key of
 * `data` such as `insert`). A provider for a specific rule and field replaces the
 * generic provider for that field, so a rule can give its replacements better
 * titles or more context without touching this file:
 *
 *   fixRegistry.register({
 *     id: 'acronym-expansion',
 *     ruleId: 'acronyms',
 *     field: 'expansion',
 *     provide: (message) => [{ title: `Expand to “${message.data!.expansion}”`, changes: [...], mechanical: true }],
 *   });
 */
import type { LintMessage } from '../engine/index.js';

/** Replace `[start, end)` (0-based offsets into the text the message was computed on) with `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** Title in the light-bulb menu. */
  title: string;
  changes: TextChange[];
  /** The fix to apply with the “auto fix” shortcut. */
  preferred?: boolean;
  /** One right answer that needs no judgement: used by “Fix all”. */
  mechanical?: boolean;
  /**
   * Inserts template text the author still has to complete (a section heading
   * with its prompt, a recommendation's “by: [insert date]”). Applied by “Fix all
   * of this rule”, never by the whole-file fix-all that can run on save.
   */
  scaffold?: boolean;
}

export interface FixProvider {
  /** Unique name of the provider (for replacing or removing it). */
  id: string;
  /** The rule whose messages it fixes; any rule when absent. */
  ruleId?: string;
  /** The message field it reads: `expected`, or a key of `data`. The provider runs only when the field is there. */
  field: string;
  provide(message: LintMessage, text: string): Fix[];
}

function hasField(message: LintMessage, field: string): boolean {
  if (field === 'expected') return (message.expected?.length ?? 0) > 0;
  return message.data !== undefined && message.data[field] !== undefined && message.data[field] !== null;
}

export class FixRegistry {
  private readonly providers = new Map<string, FixProvider>();

  /** Add (or replace, by id) a provider; returns a function that removes it. */
  register(provider: FixProvider): () => void {
    this.providers.set(provider.id, provider);
    return () => {
      if (this.providers.get(provider.id) === provider) this.providers.delete(provider.id);
    };
  }

  /** Every fix for one message, specific providers before generic ones. */
  fixesFor(message: LintMessage, text: string): Fix[] {
    const all = [...this.providers.values()].filter((p) => hasField(message, p.field));
    const specific = all.filter((p) => p.ruleId === message.ruleId);
    const coveredFields = new Set(specific.map((p) => p.field));
    const generic = all.filter((p) => p.ruleId === undefined && !coveredFields.has(p.field));
    const fixes: Fix[] = [];
    for (const provider of [...specific, ...generic]) {
      try {
        fixes.push(...provider.provide(message, text).filter((f) => f.changes.length > 0 && changesFit(f.changes, text)));
      } catch {
        // A faulty provider costs its own fixes only.
      }
    }
    return fixes;
  }

  /** The fix “Fix all” applies for a message, if it has a mechanical one (scaffolds only when asked for). */
  mechanicalFix(message: LintMessage, text: string, includeScaffolds = true): Fix | undefined {
    const fixes = this.fixesFor(message, text).filter((f) => f.mechanical && (includeScaffolds || !f.scaffold));
    return fixes.find((f) => f.preferred) ?? fixes[0];
  }
}

function changesFit(changes: TextChange[], text: string): boolean {
  return changes.every((c) => Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.start <= c.end && c.end <= text.length);
}

function quote(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `“${oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine}”`;
}

/** `expected`: replace the message's range with each replacement; the first is preferred. */
export const expectedReplacement: FixProvider = {
  id: 'expected-replacement',
  field: 'expected',
  provide(message, text) {
    const expected = message.expected ?? [];
    const current = text.slice(message.startOffset, message.endOffset);
    return expected
      .filter((replacement) => replacement !== current)
      .map((replacement, index) => ({
        title: replacement === '' ? `Remove ${quote(current)}` : `Replace with ${quote(replacement)}`,
        changes: [{ start: message.startOffset, end: message.endOffset, text: replacement }],
        preferred: index === 0,
        mechanical: expected.length === 1,
      }));
  },
};

/** `data.insert`: insert text at an offset, such as a missing section with its heading and prompt. */
export const dataInsertion: FixProvider = {
  id: 'data-insert',
  field: 'insert',
  provide(message) {
    const insert = message.data?.insert;
    if (!insert || typeof insert.offset !== 'number' || typeof insert.text !== 'string') return [];
    const heading = headingText(insert.text);
    return [
      {
        title: heading ? `Insert missing section ${quote(heading)}` : `Insert ${quote(insert.text)}`,
        changes: [{ start: insert.offset, end: insert.offset, text: insert.text }],
        preferred: true,
        mechanical: true,
        scaffold: true,
      },
    ];
  },
};

/** The text of the first ATX heading line in `text`, without its markers. */
function headingText(text: string): string | undefined {
  for (const line of text.split('\n')) {
    const hashes = /^#{1,6}[ \t]/.exec(line);
    if (!hashes) continue;
    let end = line.length;
    while (end > hashes[0].length && ' \t#\r'.includes(line[end - 1]!)) end--;
    const title = line.slice(hashes[0].length, end).trim();
    if (title) return title;
  }
  return undefined;
}

/** The registry the editor uses, with the generic providers every rule gets. */
export const fixRegistry = new FixRegistry();
fixRegistry.register(expectedReplacement);
fixRegistry.register(dataInsertion);

/** Apply changes (offsets into `text`) to `text`. Overlapping changes are an error. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  const sorted = changes.map((c, i) => ({ ...c, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let at = 0;
  for (const change of sorted) {
    if (change.start < at) throw new Error(`overlapping changes at offset ${change.start}`);
    out += text.slice(at, change.start) + change.text;
    at = change.end;
  }
  return out + text.slice(at);
}

/** The one change that turns `before` into `after` (common prefix and suffix kept). */
export function minimalChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { start, end: endBefore, text: after.slice(start, endAfter) };
}

export interface FixAllResult {
  text: string;
  /** Messages fixed. */
  fixed: number;
}

/**
 * Apply every mechanical fix, for one rule or all rules, re-linting after each
 * round so that fixes which move text or depend on each other stay right.
 * Within a round, fixes that touch or overlap an earlier one wait for the next round.
 * Scaffolds (template text to complete) are applied for one rule, not for all
 * rules unless `includeScaffolds` says so.
 */
export function fixAll(
  text: string,
  lint: (text: string) => LintMessage[],
  options: { ruleId?: string; registry?: FixRegistry; maxRounds?: number; includeScaffolds?: boolean } = {},
): FixAllResult {
  const registry = options.registry ?? fixRegistry;
  const includeScaffolds = options.includeScaffolds ?? options.ruleId !== undefined;
  const maxRounds = options.maxRounds ?? 20;
  let fixed = 0;
  for (let round = 0; round < maxRounds; round++) {
    const messages = lint(text).filter((m) => options.ruleId === undefined || m.ruleId === options.ruleId);
    const chosen: TextChange[] = [];
    let count = 0;
    for (const message of messages) {
      const fix = registry.mechanicalFix(message, text, includeScaffolds);
      if (!fix) continue;
      if (!fix.changes.every((c) => chosen.every((d) => !conflicts(c, d)))) continue;
      chosen.push(...fix.changes);
      count++;
    }
    if (count === 0) break;
    const next = applyChanges(text, chosen);
    if (next === text) break;
    text = next;
    fixed += count;
  }
  return { text, fixed };
}

function conflicts(a: TextChange, b: TextChange): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  // Touching changes, and two insertions at one place, depend on each other's text.
  return a.start === b.end || b.start === a.end;
}
