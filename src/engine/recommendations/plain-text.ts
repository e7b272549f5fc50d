/**
 * The text recommendations are read in: Markdown markup blanked out with offsets
 * kept, so a position in the plain text is a position in the document.
 */
import { maskMarkup } from '../blocks.js';

/** A piece of the document: 0-based offsets and the text as written. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

const blank = (m: string) => m.replace(/[^\n]/g, ' ');

/** Source with inline code, comments, emphasis markers, list and quote markers and escapes blanked (same length). */
export function plainText(source: string): string {
  return maskMarkup(source)
    .replace(/\*\*|__/g, '  ')
    .replace(/(?<![\p{L}\p{N}*_])[*_](?=\S)|(?<=\S)[*_](?![\p{L}\p{N}*_])/gu, ' ')
    .replace(/(?<=\n)[ \t]{0,12}(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/g, (m) => blank(m))
    .replace(/(?<=\n)[ \t]{0,12}>/g, (m) => blank(m))
    .replace(/\\([|*_[\]()#!`~-])/g, ' $1');
}
