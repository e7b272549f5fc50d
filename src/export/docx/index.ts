/**
 * Export to Word: a case review report (Markdown) as a .docx document, built
 * from the same mdast tree the linter reads, with the `docx` library.
 *
 * No VS Code or Node imports: the CLI and the VS Code extension both call it.
 *
 * What the document has:
 * - a title page from front matter: board, title, report type (the profile's
 *   title), child's pseudonym, agency (IMRs), period under review, report date
 *   and version;
 * - the protective marking (front matter `marking:` or the `marking` option),
 *   when there is one, at the head and foot of every page, the title page
 *   included; "Page X of Y" in the footer of every page after the title page;
 * - Markdown headings as Word heading styles. The report's title (the first
 *   `#` heading, before any `##`) goes on the title page, so the sections
 *   (`##`) are Word "Heading 1", `###` "Heading 2" and so on;
 * - numbered sections and paragraphs as boards number them (see below);
 * - bold, italic, strike-through, code, links, line breaks; bulleted and
 *   numbered lists (nested); block quotes; code blocks; thematic breaks;
 * - GFM tables (chronology, action plan, family composition...) as Word tables
 *   whose header row repeats at the top of every page and whose rows do not
 *   split across pages;
 * - GFM footnotes (`[^1]` and `[^1]: text`) as Word footnotes.
 * Left out: HTML (comments included), front matter, link definitions, and
 * template prompts (block quotes that open with "Prompt:"). Images become
 * "[Image: alt text]": the export does not read files.
 *
 * Numbering (`numbering` option, default `paragraphs`): Word's own numbering,
 * so a reader who edits the document in Word keeps consistent numbers.
 * - Each `##` section is numbered 1, 2, 3... (sections called Appendix,
 *   Annex, Glossary, References, Bibliography or Contents are not, unless the
 *   author typed a number in front of them).
 * - Body paragraphs of a numbered section are numbered 1.1, 1.2..., the count
 *   going on across `###` sub-headings; lists, tables and block quotes belong
 *   to the paragraph before them and are not numbered.
 * - Numbers the author typed ("## 3. Analysis", "6.1 The agencies'...") are
 *   taken out of the text so they are not doubled. When the author numbered
 *   paragraphs by hand, only the paragraphs they numbered get a number (an
 *   unnumbered paragraph between them is a continuation), so cross-references
 *   such as "see 6.2" keep pointing at the right paragraph; where a typed
 *   number differs from the one Word will show, the export says so
 *   (`warnings`).
 * - `sections`: only the `##` headings are numbered; paragraph text is kept as
 *   typed. `none`: nothing is numbered or taken out.
 *
 * - build.ts: the document (title page, headers, footers) and its bytes;
 * - converter.ts: blocks and inline content as Word paragraphs, lists, tables and footnotes;
 * - numbering.ts: numbers the author typed; layout.ts: page, styles, numbering, column widths;
 * - options.ts: what the export takes and gives back.
 */
export { buildDocx, markdownToDocx, packDocx } from './build.js';
export { DEFAULT_MARKING, type DocxBuild, type DocxExportOptions, type ExportWarning, type NumberingMode } from './options.js';
