/**
 * Inline control comments:
 *   <!-- case-review-lint disable RULE [RULE...] -->      from here on
 *   <!-- case-review-lint enable RULE [RULE...] -->       from here on
 *   <!-- case-review-lint disable-next-line RULE... -->   the next line only
 *   <!-- case-review-lint disable-line RULE... -->        this line only
 *   <!-- case-review-lint disable-file RULE... -->        the whole document
 * Without rule ids a comment applies to every rule.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { location } from 'vfile-location';
import { SOURCE } from './rule.js';
import { readFrontMatter } from './front-matter.js';
import { isPublicationException, PUBLICATION_EXCEPTIONS_KEY, PUBLICATION_GATE_RULE, readPublicationExceptions } from './publication.js';

export type Directive = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

export interface ControlComment {
  directive: Directive;
  /** Rule ids; empty means all rules. */
  rules: string[];
  line: number;
  endLine: number;
  /** 0-based offsets of the whole comment, and the comment as written. */
  start: number;
  end: number;
  text: string;
  /** 0-based offset of each rule id, in the order of `rules`. */
  ruleOffsets: number[];
}

const COMMENT = /<!--[ \t]*case-review-lint[ \t]+(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->/g;

export function readControlComments(text: string): ControlComment[] {
  const place = location(text);
  const comments: ControlComment[] = [];
  COMMENT.lastIndex = 0;
  for (let m = COMMENT.exec(text); m; m = COMMENT.exec(text)) {
    const idsStart = m.index + m[0].length - 3 - m[2]!.length;
    const rules: string[] = [];
    const ruleOffsets: number[] = [];
    for (const id of m[2]!.matchAll(/[^\s,]+/g)) {
      rules.push(id[0]);
      ruleOffsets.push(idsStart + id.index);
    }
    comments.push({
      directive: m[1] as Directive,
      rules,
      line: place.toPoint(m.index)?.line ?? 1,
      endLine: place.toPoint(m.index + m[0].length)?.line ?? 1,
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      ruleOffsets,
    });
  }
  return comments;
}

/** Is a message on `line` from `ruleId` switched off by the comments? */
export function isSuppressed(comments: readonly ControlComment[], ruleId: string, line: number): boolean {
  const applies = (c: ControlComment) => c.rules.length === 0 || c.rules.includes(ruleId);
  let disabled = false;
  for (const c of comments) {
    if (!applies(c)) continue;
    switch (c.directive) {
      case 'disable-file':
        return true;
      case 'disable-line':
        if (line >= c.line && line <= c.endLine) return true;
        break;
      case 'disable-next-line':
        if (line === c.endLine + 1) return true;
        break;
      case 'disable':
        if (c.line <= line) disabled = true;
        break;
      case 'enable':
        if (c.line <= line) disabled = false;
        break;
    }
  }
  return disabled;
}

/** The comments that switch off messages from `ruleId` on `line` (empty: none does). */
export function suppressingComments(comments: readonly ControlComment[], ruleId: string, line: number): ControlComment[] {
  const applies = (c: ControlComment) => c.rules.length === 0 || c.rules.includes(ruleId);
  const found: ControlComment[] = [];
  let open: ControlComment | undefined;
  for (const c of comments) {
    if (!applies(c)) continue;
    if (c.directive === 'disable-file') found.push(c);
    else if (c.directive === 'disable-line' && line >= c.line && line <= c.endLine) found.push(c);
    else if (c.directive === 'disable-next-line' && line === c.endLine + 1) found.push(c);
    else if (c.directive === 'disable' && c.line <= line) open = c;
    else if (c.directive === 'enable' && c.line <= line) open = undefined;
  }
  if (open) found.push(open);
  return found;
}

/** A unified plugin, last in the preset: drops this product's messages that comments switch off. */
export function caseReviewMessageControl() {
  return (_tree: Root, file: VFile) => {
    const text = String(file.value ?? '');
    // Reasoned front matter `publication-exceptions:` entries: those names and identifiers are published on purpose.
    const exceptions = text.includes(PUBLICATION_EXCEPTIONS_KEY) ? readPublicationExceptions(text, readFrontMatter(_tree)).exceptions : [];
    if (exceptions.length > 0) {
      file.messages = file.messages.filter((m: VFileMessage) => {
        if (m.source !== SOURCE || m.ruleId !== PUBLICATION_GATE_RULE) return true;
        const place = m.place && 'start' in m.place ? m.place : undefined;
        const flagged =
          place?.start.offset !== undefined && place.end.offset !== undefined ? text.slice(place.start.offset, place.end.offset) : '';
        return !isPublicationException(flagged, exceptions);
      });
    }
    const comments = readControlComments(text);
    if (comments.length === 0) return;
    file.messages = file.messages.filter(
      (m: VFileMessage) => m.source !== SOURCE || !m.ruleId || !isSuppressed(comments, m.ruleId, m.line ?? 1),
    );
  };
}
