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

export type Directive = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

export interface ControlComment {
  directive: Directive;
  /** Rule ids; empty means all rules. */
  rules: string[];
  line: number;
  endLine: number;
}

const COMMENT = /<!--[ \t]*case-review-lint[ \t]+(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->/g;

export function readControlComments(text: string): ControlComment[] {
  const place = location(text);
  const comments: ControlComment[] = [];
  COMMENT.lastIndex = 0;
  for (let m = COMMENT.exec(text); m; m = COMMENT.exec(text)) {
    comments.push({
      directive: m[1] as Directive,
      rules: m[2]!.split(/[\s,]+/).filter(Boolean),
      line: place.toPoint(m.index)?.line ?? 1,
      endLine: place.toPoint(m.index + m[0].length)?.line ?? 1,
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

/** A unified plugin, last in the preset: drops this product's messages that comments switch off. */
export function caseReviewMessageControl() {
  return (_tree: Root, file: VFile) => {
    const comments = readControlComments(String(file.value ?? ''));
    if (comments.length === 0) return;
    file.messages = file.messages.filter(
      (m: VFileMessage) => m.source !== SOURCE || !m.ruleId || !isSuppressed(comments, m.ruleId, m.line ?? 1),
    );
  };
}
