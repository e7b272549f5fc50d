/**
 * Whether a document's front matter has a `report-type:` key, which makes it a
 * case review in `auto` mode whatever else it holds. Read with two patterns,
 * without the lint engine: the lint worker's prestart (lint-worker-prestart.ts)
 * asks before the engine has loaded, and the editor decides without parsing the
 * document on the extension host's thread.
 */

const FRONT_MATTER = /^---\r?\n([\s\S]{0,20000}?)\r?\n---(?:\r?\n|$)/;
const REPORT_TYPE_KEY = /^report-type[ \t]*:/m;

export function frontMatterNamesReportType(text: string): boolean {
  const frontMatter = FRONT_MATTER.exec(text)?.[1];
  return frontMatter !== undefined && REPORT_TYPE_KEY.test(frontMatter);
}
