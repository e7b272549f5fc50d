/** Offsets to 0-based lines and characters (UTF-16, like VS Code), and the ranges diagnostics show. Pure. */
import { type LintMessage } from '../index.js';

export interface Pos {
  line: number;
  character: number;
}

export class TextIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  positionAt(offset: number): Pos {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    const lineStart = this.lineStarts[low]!;
    const lineEnd = this.lineEndOffset(low);
    return { line: low, character: Math.min(clamped, lineEnd) - lineStart };
  }

  /** Offset of the end of a 0-based line's content (before `\r\n` or `\n`). */
  lineEndOffset(line: number): number {
    const next = this.lineStarts[line + 1];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > this.lineStarts[line]! && this.text[end - 1] === '\r') end--;
    return end;
  }
}

/**
 * The range a message is shown on. Messages that point at a place rather than
 * a span (a missing section is reported where it belongs) are widened to the
 * rest of their line, so the squiggle can be seen and hovered.
 */
export function messageRange(message: LintMessage, index: TextIndex): { start: Pos; end: Pos } {
  const start = index.positionAt(message.startOffset);
  let end = index.positionAt(Math.max(message.startOffset, message.endOffset));
  if (end.line === start.line && end.character === start.character) {
    const lineEnd = index.lineEndOffset(start.line);
    const widened = index.positionAt(lineEnd);
    if (widened.character > start.character) end = widened;
  }
  return { start, end };
}
