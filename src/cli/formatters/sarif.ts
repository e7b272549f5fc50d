/**
 * SARIF 2.1.0 output for code-scanning dashboards (GitHub code scanning first):
 * - each rule carries `shortDescription`, `fullDescription` and `help` (text and
 *   Markdown) from its meta (summary, description, why), so an author sees what
 *   the rule checks and why, not a bare message;
 * - `helpUri` and `informationUri` only where they are web addresses: a `file:`
 *   link to the runner's disk is a dead link in a browser, so it is left out;
 * - artifact locations are relative to `%SRCROOT%` (the working folder, given in
 *   `originalUriBaseIds`), as GitHub needs to place results in the repository;
 * - a message's mechanical fixes (never the scaffolds the author must complete)
 *   become SARIF `fixes`, by character offset.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Fix as SarifFix, Log, ReportingDescriptor, Result } from 'sarif';
import { type LintMessage, type LintResult, rules as builtInRules, type Severity } from '../../index.js';

export interface SarifRule {
  id: string;
  summary: string;
  /** Where the rule's documentation is; used as `helpUri` only when it is an http(s) address. */
  url: string;
  defaultSeverity: Severity;
  /** What the rule checks, in full (Markdown); taken from the built-in rule when absent. */
  description?: string;
  /** Why it matters (Markdown); taken from the built-in rule when absent. */
  why?: string;
  /** The primer point(s) it serves. */
  primer?: string;
}

/** The tool's home page, for `informationUri`: only an http(s) address is used. */
export interface SarifOptions {
  informationUri?: string;
  /** The folder `%SRCROOT%` stands for (default: the working folder). */
  root?: string;
}

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };
export const SRCROOT = '%SRCROOT%';

/** Is `uri` a web address (http or https)? */
export function isWebAddress(uri: string | undefined): uri is string {
  if (!uri) return false;
  try {
    const { protocol } = new URL(uri);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Markdown to plain text, for the `text` half of a SARIF message (links keep their text, markup goes). */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\][]*)\]\([^()]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])\*(?!\s)([^*\n]+?)\*(?![\w*])/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .trim();
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase());
}

function descriptor(rule: SarifRule): ReportingDescriptor {
  const builtIn = builtInRules.find((r) => r.meta.id === rule.id)?.meta;
  const description = rule.description ?? builtIn?.description;
  const why = rule.why ?? builtIn?.why;
  const primer = rule.primer ?? builtIn?.primer;
  const fullMarkdown = description ?? rule.summary;
  const helpMarkdown = [
    rule.summary,
    ...(description ? ['## What it checks', description] : []),
    ...(why ? ['## Why it matters', why] : []),
    ...(primer ? [`Primer: ${primer}.`] : []),
  ].join('\n\n');
  const helpText = [
    rule.summary,
    ...(description ? [`What it checks: ${plainText(description)}`] : []),
    ...(why ? [`Why it matters: ${plainText(why)}`] : []),
    ...(primer ? [`Primer: ${primer}.`] : []),
  ].join('\n\n');
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: plainText(rule.summary) },
    fullDescription: { text: plainText(fullMarkdown), markdown: fullMarkdown },
    help: { text: helpText, markdown: helpMarkdown },
    ...(isWebAddress(rule.url) ? { helpUri: rule.url } : {}),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: ['case-review'] },
  };
}

/** The artifact location of a linted file: relative to `%SRCROOT%` when it is inside it, else an absolute file URI. */
function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: string } {
  const rel = relative(root, file);
  if (rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) {
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(file).href };
}

/** The message's mechanical fixes (not scaffolds) as SARIF fixes, by character offset. */
function sarifFixes(m: LintMessage, location: { uri: string; uriBaseId?: string }): SarifFix[] {
  return (m.fixes ?? [])
    .filter((f) => f.mechanical === true && f.scaffold !== true && f.changes.length > 0)
    .map((f) => ({
      description: { text: f.title },
      artifactChanges: [
        {
          artifactLocation: location,
          replacements: [...f.changes]
            .sort((a, b) => a.start - b.start)
            .map((c) => ({
              deletedRegion: { charOffset: c.start, charLength: c.end - c.start },
              ...(c.text !== '' ? { insertedContent: { text: c.text } } : {}),
            })),
        },
      ],
    }));
}

export function formatSarif(
  results: readonly LintResult[],
  rules: readonly SarifRule[],
  version: string,
  options: SarifOptions = {},
): string {
  const root = options.root ?? process.cwd();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const rootUri = pathToFileURL(root.endsWith(sep) ? root : `${root}${sep}`).href;
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'case-review-lint',
            version,
            ...(isWebAddress(options.informationUri) ? { informationUri: options.informationUri } : {}),
            rules: rules.map(descriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri.endsWith('/') ? rootUri : `${rootUri}/` } },
        // Columns and offsets are counted as JavaScript counts them.
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) => {
          const location = artifactLocation(r.file, root);
          return r.messages.map((m): Result => {
            const fixes = sarifFixes(m, location);
            return {
              ruleId: m.ruleId,
              ...(index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId)! } : {}),
              level: LEVEL[m.severity],
              message: { text: m.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: location,
                    region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
                  },
                },
              ],
              ...(fixes.length > 0 ? { fixes } : {}),
            };
          });
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
