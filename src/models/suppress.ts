/**
 * Quick fixes that switch a rule off with the engine's inline comments:
 *   <!-- case-review-lint disable-next-line RULE -->  (own line, above a heading or block start)
 *   <!-- case-review-lint disable-line RULE -->       (at the end of a line inside a block)
 *   <!-- case-review-lint disable-file RULE -->       (after the front matter)
 * Pure: computes text changes from a message and the document text.
 *
 * Where the comment goes keeps the Markdown structure: a comment on its own line
 * would end a paragraph or a table, and a comment at the end of a heading would
 * become part of the heading's text, so headings and block starts get a comment
 * line above and other lines get one at their end. Lines in the front matter
 * (YAML) cannot carry an HTML comment: only “disable for this file” is offered there.
 */
import { type Fix, type LintMessage, offsetOfLine, type TextChange } from '../index.js';

const PREFIX = 'case-review-lint';

interface Line {
  start: number;
  /** Offset of the line ending (or the end of the text). */
  end: number;
  text: string;
}

function lineAt(text: string, offset: number): Line {
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const clampedStart = offset === 0 ? 0 : start;
  let end = text.indexOf('\n', clampedStart);
  if (end === -1) end = text.length;
  if (end > clampedStart && text[end - 1] === '\r') end--;
  return { start: clampedStart, end, text: text.slice(clampedStart, end) };
}

/** End offset of the YAML front matter block (after its closing line break), or 0. */
export function frontMatterEnd(text: string): number {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  return m ? open[0].length + m.index + m[0].length : 0;
}

function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Control comments of one directive in `[from, to)`: where their rule list ends, and the rules. Scans without regular expressions. */
function controlComments(text: string, directive: string, from: number, to: number): { idsEnd: number; ids: string[] }[] {
  const found: { idsEnd: number; ids: string[] }[] = [];
  for (let open = text.indexOf('<!--', from); open !== -1 && open < to; open = text.indexOf('<!--', open + 4)) {
    const close = text.indexOf('-->', open + 4);
    if (close === -1) break;
    const words = text
      .slice(open + 4, close)
      .split(/[\s,]+/)
      .filter(Boolean);
    if (words[0] !== PREFIX || words[1] !== directive) continue;
    let idsEnd = close;
    while (idsEnd > open && ' \t\r\n'.includes(text[idsEnd - 1]!)) idsEnd--;
    found.push({ idsEnd, ids: words.slice(2) });
  }
  return found;
}

/** Add `ruleId` to an existing comment of this directive in `[from, to)`; null when one already covers the rule. */
function extendExisting(text: string, directive: string, ruleId: string, from: number, to: number): TextChange | undefined | null {
  const comments = controlComments(text, directive, from, to);
  if (comments.some((c) => c.ids.length === 0 || c.ids.includes(ruleId))) return null;
  const first = comments[0];
  return first ? { start: first.idsEnd, end: first.idsEnd, text: ` ${ruleId}` } : undefined;
}

const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/** “Disable RULE for this line”, or undefined where no comment can go (front matter). */
export function disableLineFix(message: LintMessage, text: string): Fix | undefined {
  const ruleId = message.ruleId;
  const fmEnd = frontMatterEnd(text);
  const lineStart = offsetOfLine(text, message.line);
  if (lineStart < fmEnd) return undefined;
  const line = lineAt(text, lineStart);
  const title = `Disable ${ruleId} for this line`;
  const nl = eol(text);

  // An existing disable-line comment on the line, or disable-next-line just above it.
  const onLine = extendExisting(text, 'disable-line', ruleId, line.start, line.end + 1);
  if (onLine === null) return undefined;
  if (onLine) return { title, changes: [onLine] };
  if (line.start > 0) {
    const above = lineAt(text, line.start - 1);
    const before = extendExisting(text, 'disable-next-line', ruleId, above.start, above.end + 1);
    if (before === null) return undefined;
    if (before) return { title, changes: [before] };
  }

  const previous = line.start > fmEnd ? lineAt(text, line.start - 1) : undefined;
  const next = line.end < text.length ? lineAt(text, line.end + (text[line.end] === '\r' ? 2 : 1)) : undefined;
  const isHeading = HEADING.test(line.text) || (next !== undefined && line.text.trim() !== '' && SETEXT_UNDERLINE.test(next.text));
  const startsBlock = previous === undefined || previous.text.trim() === '' || HEADING.test(previous.text);
  if (isHeading || startsBlock || line.text.trim() === '') {
    const indent = /^[ \t]*/.exec(line.text)![0];
    return {
      title,
      changes: [
        {
          start: line.start,
          end: line.start,
          text: `${indent.length <= 3 ? '' : indent}<!-- ${PREFIX} disable-next-line ${ruleId} -->${nl}`,
        },
      ],
    };
  }
  const trailing = line.text.length - line.text.trimEnd().length;
  const at = line.end - trailing;
  return { title, changes: [{ start: at, end: at, text: ` <!-- ${PREFIX} disable-line ${ruleId} -->` }] };
}

/** “Disable RULE for this file”: a comment after the front matter (or extend one that is there). */
export function disableFileFix(message: LintMessage, text: string): Fix | undefined {
  const ruleId = message.ruleId;
  const title = `Disable ${ruleId} for this file`;
  const existing = extendExisting(text, 'disable-file', ruleId, 0, text.length);
  if (existing === null) return undefined;
  if (existing) return { title, changes: [existing] };
  const at = frontMatterEnd(text);
  const nl = eol(text);
  const lead = at > 0 && !/\n$/.test(text.slice(0, at)) ? nl : '';
  return { title, changes: [{ start: at, end: at, text: `${lead}<!-- ${PREFIX} disable-file ${ruleId} -->${nl}` }] };
}
