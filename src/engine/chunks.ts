/**
 * Where a Markdown document can be cut into pieces that parse independently:
 * before an ATX heading line (`#`…`######` at column 0), or a line that starts
 * with a letter at column 0 (a paragraph, or a table's first row), that follows
 * a blank line and lies outside front matter, fenced code and the HTML blocks
 * that may span blank lines (comments, `<script>`/`<pre>`/`<style>`/`<textarea>`,
 * `<?…?>`, `<!X…>`, CDATA). After a blank line such a line closes every open
 * container (a list item continues only with indented lines, a quote only with
 * `>`, indented code only with indented lines; tables and paragraphs end at the
 * blank line), so the document's tree is the concatenation of the pieces' trees.
 * A line that could continue a list (`-`, `*`, `+`, `1.`) or a quote is never a
 * cut point, nor is anything indented.
 *
 * The one thing that reaches across pieces is a link reference or footnote
 * definition (`[x]: …`, `[^x]: …`): when the text contains `]:` anywhere the
 * document is not cut at all. The scan is conservative: a construct it is unsure
 * of only removes cut points, it never adds one.
 */

/** Closing markers of the HTML blocks (CommonMark types 1–5) that may contain blank lines. */
const HTML_BLOCK_ENDS: { open: (line: string) => boolean; close: string[] }[] = [
  { open: (l) => /^<(?:script|pre|style|textarea)(?:[\s>]|$)/i.test(l), close: ['</script>', '</pre>', '</style>', '</textarea>'] },
  { open: (l) => l.startsWith('<!--'), close: ['-->'] },
  { open: (l) => l.startsWith('<?'), close: ['?>'] },
  { open: (l) => l.startsWith('<![CDATA['), close: [']]>'] },
  { open: (l) => /^<![A-Za-z]/.test(l), close: ['>'] },
];

function leadingSpaces(line: string): number {
  let n = 0;
  while (n < line.length && line[n] === ' ') n++;
  return n;
}

function isAtxHeading(line: string): boolean {
  let n = 0;
  while (n < line.length && line[n] === '#') n++;
  if (n === 0 || n > 6) return false;
  const next = line[n];
  return next === undefined || next === ' ' || next === '\t' || next === '\r';
}

/** A line starting with a letter at column 0: nothing before a blank line can continue into it. */
function startsWithLetter(line: string): boolean {
  const first = line.codePointAt(0);
  return first !== undefined && /\p{L}/u.test(String.fromCodePoint(first));
}

function isBlank(line: string): boolean {
  for (const ch of line) if (ch !== ' ' && ch !== '\t' && ch !== '\r') return false;
  return true;
}

/** A code fence opening (≤ 3 spaces, then 3+ backticks or tildes): its character and length. */
function fenceOpening(line: string): { char: string; length: number } | undefined {
  const indent = leadingSpaces(line);
  if (indent > 3) return undefined;
  const char = line[indent];
  if (char !== '`' && char !== '~') return undefined;
  let end = indent;
  while (line[end] === char) end++;
  const length = end - indent;
  if (length < 3) return undefined;
  // A backtick fence's info string may not contain a backtick.
  if (char === '`' && line.indexOf('`', end) !== -1) return undefined;
  return { char, length };
}

function closesFence(line: string, fence: { char: string; length: number }): boolean {
  const indent = leadingSpaces(line);
  if (indent > 3) return false;
  let end = indent;
  while (line[end] === fence.char) end++;
  return end - indent >= fence.length && isBlank(line.slice(end));
}

/** Offsets where the document may be cut (always starting with 0). */
export function chunkStarts(text: string): number[] {
  const starts = [0];
  if (text.includes(']:')) return starts;
  let offset = 0;
  let lineNo = 0;
  let previousBlank = true;
  let inFrontMatter = text.startsWith('---\n') || text.startsWith('---\r\n');
  let fence: { char: string; length: number } | undefined;
  let htmlClose: string[] | undefined;
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(offset, end);
    if (inFrontMatter) {
      if (lineNo > 0 && (line === '---' || line === '---\r' || line === '...' || line === '...\r')) inFrontMatter = false;
    } else if (fence) {
      if (closesFence(line, fence)) fence = undefined;
    } else if (htmlClose) {
      if (htmlClose.some((marker) => line.includes(marker))) htmlClose = undefined;
    } else if (offset > 0 && previousBlank && (isAtxHeading(line) || startsWithLetter(line))) {
      starts.push(offset);
    } else {
      fence = fenceOpening(line);
      if (!fence) {
        const trimmed = line.slice(Math.min(leadingSpaces(line), 3));
        const block = HTML_BLOCK_ENDS.find((b) => b.open(trimmed));
        // A block that closes on its own first line (after the opener) leaves nothing open.
        if (block && !block.close.some((marker) => trimmed.indexOf(marker, 2) !== -1)) htmlClose = block.close;
      }
    }
    previousBlank = isBlank(line);
    lineNo++;
    if (newline === -1) break;
    offset = newline + 1;
  }
  return starts;
}
