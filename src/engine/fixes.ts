/**
 * Typed fixes. A rule reports its fixes with the problem (in the manner of
 * markdownlint's `fixInfo` and ESLint's `fix`): each fix is a title and text
 * changes, and says whether it is the one right answer (`mechanical`) and whether
 * it inserts template text the author still has to complete (`scaffold`).
 * The functions here apply them, the same way for every front end: the editor's
 * quick fixes and Fix all, and the command line's `--fix`.
 */
import type { LintMessage } from './types.js';
import { quote } from './text.js';

/** Replace `[start, end)` (0-based offsets into the text the message was computed on) with `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** What the fix does, for a menu: “Replace with “was not brought””. */
  title: string;
  changes: TextChange[];
  /** The fix to offer first (the editor's “auto fix” shortcut). */
  preferred?: boolean;
  /** One right answer that needs no judgement: applied by Fix all and `--fix`. */
  mechanical?: boolean;
  /**
   * Inserts template text the author still has to complete (a section heading with
   * its prompt, an action plan row). Applied when fixing one rule, never by a
   * whole-file fix (`--fix`, fix on save).
   */
  scaffold?: boolean;
}

/** A placeholder in square brackets (“[insert date]”); not a Markdown link or footnote reference. */
const PLACEHOLDER = /\[(?!\^)[^[\]\n]{2,80}\](?![([:])/;

/**
 * Fixes that replace `[start, end)` (now `current`) with each replacement in turn: the
 * first is preferred, and the fix is mechanical only when there is one replacement
 * (a choice between several is the author's). A replacement with a placeholder in
 * square brackets is a scaffold: the author still has to complete it.
 */
export function replacementFixes(start: number, end: number, current: string, replacements: readonly string[]): Fix[] {
  return replacements
    .filter((replacement) => replacement !== current)
    .map((replacement, index) => ({
      title: replacement === '' ? `Remove ${quote(current)}` : `Replace with ${quote(replacement)}`,
      changes: [{ start, end, text: replacement }],
      preferred: index === 0,
      mechanical: replacements.length === 1,
      // “by [insert date]”, “[postcode removed]”: text in square brackets is for the author to complete or confirm.
      scaffold: PLACEHOLDER.test(replacement),
    }));
}

/** A fix that inserts `text` at `offset`. */
export function insertionFix(title: string, offset: number, text: string, options: { scaffold?: boolean; preferred?: boolean } = {}): Fix {
  return {
    title,
    changes: [{ start: offset, end: offset, text }],
    preferred: options.preferred ?? true,
    mechanical: true,
    scaffold: options.scaffold ?? false,
  };
}

function changesFit(changes: readonly TextChange[], text: string): boolean {
  return changes.every(
    (c) => Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.start <= c.end && c.end <= text.length,
  );
}

/** A message's fixes that fit `text` and change it. */
export function fixesOf(message: LintMessage, text: string): Fix[] {
  return (message.fixes ?? []).filter(
    (f) => f.changes.length > 0 && changesFit(f.changes, text) && f.changes.some((c) => text.slice(c.start, c.end) !== c.text),
  );
}

/** The fix Fix all applies for a message, if it has a mechanical one (scaffolds only when asked for). */
export function mechanicalFix(message: LintMessage, text: string, includeScaffolds = true): Fix | undefined {
  const fixes = fixesOf(message, text).filter((f) => f.mechanical && (includeScaffolds || !f.scaffold));
  return fixes.find((f) => f.preferred) ?? fixes[0];
}

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

/** One applied fix, for a summary of what Fix all did. */
export interface AppliedFix {
  ruleId: string;
  title: string;
  /** 1-based line of the problem, in the text as it was when the fix was chosen. */
  line: number;
}

export interface FixAllResult {
  text: string;
  /** Messages fixed. */
  fixed: number;
  /** What was done, in order. */
  applied: AppliedFix[];
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
  options: { ruleId?: string; maxRounds?: number; includeScaffolds?: boolean } = {},
): FixAllResult {
  const includeScaffolds = options.includeScaffolds ?? options.ruleId !== undefined;
  const maxRounds = options.maxRounds ?? 20;
  let fixed = 0;
  const applied: AppliedFix[] = [];
  for (let round = 0; round < maxRounds; round++) {
    const messages = lint(text).filter((m) => options.ruleId === undefined || m.ruleId === options.ruleId);
    const chosen: TextChange[] = [];
    const roundApplied: AppliedFix[] = [];
    for (const message of messages) {
      const fix = mechanicalFix(message, text, includeScaffolds);
      if (!fix) continue;
      if (!fix.changes.every((c) => chosen.every((d) => !conflicts(c, d)))) continue;
      chosen.push(...fix.changes);
      roundApplied.push({ ruleId: message.ruleId, title: fix.title, line: message.line });
    }
    if (roundApplied.length === 0) break;
    const next = applyChanges(text, chosen);
    if (next === text) break;
    text = next;
    fixed += roundApplied.length;
    applied.push(...roundApplied);
  }
  return { text, fixed, applied };
}

function conflicts(a: TextChange, b: TextChange): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  // Touching changes, and two insertions at one place, depend on each other's text.
  return a.start === b.end || b.start === a.end;
}
