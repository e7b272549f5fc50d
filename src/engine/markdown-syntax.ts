/**
 * The Markdown the linter reads: CommonMark with the GFM constructs reports use —
 * tables (chronologies, action plans, family composition), footnotes,
 * strikethrough and task lists — and YAML front matter. GFM's autolink literals
 * (bare `www.…`, URLs and e-mail addresses turned into links) are left out: no
 * rule looks at link nodes (rules read each paragraph's source text, where a bare
 * address is the same either way), and they cost about a third of the parse.
 * The Word export keeps full GFM (src/export/docx/), where a bare URL becomes a
 * hyperlink.
 *
 * Long tables' plain body rows are built without micromark (src/engine/table-rows.ts):
 * the same tree, a fraction of the time. And micromark's table construct, which reads every
 * line of every paragraph as a possible table head before it looks at the next line, is
 * only tried on lines whose next line could be a delimiter row (`tableLookahead`).
 */
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import { unified, type Processor } from 'unified';
import { parseWithPlainRows } from './table-rows.js';

/**
 * A line a GFM delimiter row could stand on: only spaces, tabs, container marks (`>`) and
 * the row's `|`, `:` and `-`, with at least one of those three. (No other character may
 * appear in a delimiter row or before it on its line; list item continuations are indented.)
 */
const DELIMITER_LIKE = /^[ \t>]*[|:-][ \t>|:-]*$/;

/** Lines of the text being parsed (1-based) whose next line is `DELIMITER_LIKE`; set only while `remarkPlainTableRows` parses. */
let tableHeads: Uint8Array | undefined;

function possibleTableHeads(text: string): Uint8Array {
  // micromark's lines: `\r\n`, `\r` and `\n` each end one.
  const lines = text.split(/\r\n|\r|\n/);
  const heads = new Uint8Array(lines.length + 1);
  for (let i = 1; i < lines.length; i++) if (DELIMITER_LIKE.test(lines[i]!)) heads[i] = 1;
  return heads;
}

/** Is the tokenizer just after a table's head or body row (where the table construct reads another row)? */
function afterTableRow(self: TokenizeContext): boolean {
  let index = self.events.length - 1;
  while (index > -1 && (self.events[index]![1].type === 'lineEnding' || self.events[index]![1].type === 'linePrefix')) index--;
  const tail = index > -1 ? self.events[index]![1].type : undefined;
  return tail === 'tableHead' || tail === 'tableRow';
}

/**
 * micromark-extension-gfm-table with a look ahead: a new table is tried only on a line whose
 * next line could be its delimiter row; on any other line the construct fails at once, as it
 * would after reading the line (it has no other effect). Rows of a table already open, and
 * every line when no look ahead is set, go to the construct as before.
 */
export function tableWithLookahead(): Extension {
  const extension = gfmTable();
  // The table is micromark's flow construct for any first character (`null`).
  const construct = (extension.flow as unknown as Record<string, Construct>)['null']!;
  const tokenize = construct.tokenize;
  const lookahead: Construct = {
    ...construct,
    tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
      const start = tokenize.call(this, effects, ok, nok);
      const heads = tableHeads;
      if (!heads) return start;
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- micromark's tokenizer context, read by the state function below
      const self = this;
      return (code: Code) => (heads[self.now().line] === 1 || afterTableRow(self) ? start(code) : nok(code));
    },
  };
  return { ...extension, flow: { null: lookahead } as unknown as Extension['flow'] };
}

/** A unified plugin: the GFM syntax extensions above (use after remark-parse). */
export function remarkReportSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(tableWithLookahead(), gfmFootnote(), gfmStrikethrough(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(
    gfmTableFromMarkdown(),
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
  );
}

/** A unified plugin (use after remark-parse): tables' plain body rows built directly (table-rows.ts), and the table construct's look ahead. */
export function remarkPlainTableRows(this: Processor): void {
  const self = this as unknown as Processor<Root>;
  const parse = self.parser;
  if (!parse) return;
  self.parser = (text, file) =>
    parseWithPlainRows(text, (short) => {
      tableHeads = possibleTableHeads(short);
      try {
        return parse(short, file);
      } finally {
        tableHeads = undefined;
      }
    });
}

/** remark-parse with the report syntax and YAML front matter: every parse of a report goes through this. */
export function reportParser() {
  return unified().use(remarkParse).use(remarkReportSyntax).use(remarkFrontmatter, ['yaml']).use(remarkPlainTableRows);
}

/**
 * remark-parse with all of GitHub Flavoured Markdown (strikethrough, autolinks, footnotes, task
 * lists) and YAML front matter: for rendering a report as written (the Word export), not for linting.
 */
export function renderingParser() {
  return unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
}
