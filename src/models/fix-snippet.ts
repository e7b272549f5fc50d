/**
 * A quick fix that leaves work for the author, as a snippet: its placeholders
 * (“[insert date]”, “[named agency or role]”) and template prompt lines
 * (“> Prompt: …”) become tab stops, so the first is selected once the fix is
 * applied and Tab moves to the next. Pure (no VS Code): the extension wraps the
 * result in a `SnippetString`.
 *
 * Everything else is copied as text, with the characters that mean something
 * in a snippet (`$`, `}` and `\`) escaped.
 */
import { findBracketedPlaceholders } from '../index.js';

/** A template prompt line as the templates and “insert missing section” write it. */
const PROMPT_LINE = /^>[ \t]?Prompt:[^\n]*/gm;

/** Escape text for a snippet body or a placeholder's default text. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (ch) => `\\${ch}`);
}

/** Where in `text` the author still has work to do: placeholders and prompt lines, in order, never overlapping. */
export function tabStopRanges(text: string): { start: number; end: number }[] {
  const ranges = [
    ...findBracketedPlaceholders(text).map((h) => ({ start: h.index, end: h.index + h.text.length })),
    ...[...text.matchAll(PROMPT_LINE)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: { start: number; end: number }[] = [];
  for (const range of ranges) {
    const last = kept[kept.length - 1];
    if (last && range.start < last.end) continue; // a placeholder inside a prompt line: the line is the stop
    kept.push(range);
  }
  return kept;
}

/**
 * The snippet for inserted text: tab stops numbered from `firstStop` on its
 * placeholders and prompt lines. `stops` is how many it used.
 */
export function snippetOf(text: string, firstStop = 1): { snippet: string; stops: number } {
  let snippet = '';
  let at = 0;
  let stop = firstStop;
  for (const range of tabStopRanges(text)) {
    snippet += escapeSnippetText(text.slice(at, range.start));
    snippet += `\${${stop++}:${escapeSnippetText(text.slice(range.start, range.end))}}`;
    at = range.end;
  }
  snippet += escapeSnippetText(text.slice(at));
  return { snippet, stops: stop - firstStop };
}

/** Should a fix's text go in as a snippet: it scaffolds text to complete, or it has a placeholder or prompt. */
export function wantsSnippet(fix: { scaffold?: boolean }, texts: readonly string[]): boolean {
  return fix.scaffold === true || texts.some((text) => tabStopRanges(text).length > 0);
}
