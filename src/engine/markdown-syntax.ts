/**
 * The Markdown the linter reads: CommonMark with the GFM constructs reports use —
 * tables (chronologies, action plans, family composition), footnotes,
 * strikethrough and task lists — and YAML front matter. GFM's autolink literals
 * (bare `www.…`, URLs and e-mail addresses turned into links) are left out: no
 * rule looks at link nodes (rules read each paragraph's source text, where a bare
 * address is the same either way), and they cost about a third of the parse.
 * The Word export keeps full GFM (src/export/docx.ts), where a bare URL becomes a
 * hyperlink.
 *
 * Long tables' plain body rows are built without micromark (src/engine/table-rows.ts):
 * the same tree, a fraction of the time.
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
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { unified, type Processor } from 'unified';
import { parseWithPlainRows } from './table-rows.js';

/** A unified plugin: the GFM syntax extensions above (use after remark-parse). */
export function remarkReportSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote(), gfmStrikethrough(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown());
}

/** A unified plugin (use after remark-parse): tables' plain body rows built directly, see table-rows.ts. */
export function remarkPlainTableRows(this: Processor): void {
  const self = this as unknown as Processor<Root>;
  const parse = self.parser;
  if (!parse) return;
  self.parser = (text, file) => parseWithPlainRows(text, (short) => parse(short, file));
}

/** remark-parse with the report syntax and YAML front matter: every parse of a report goes through this. */
export function reportParser() {
  return unified().use(remarkParse).use(remarkReportSyntax).use(remarkFrontmatter, ['yaml']).use(remarkPlainTableRows);
}
