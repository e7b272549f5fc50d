/**
 * The configuration a lint job runs with, built the same way wherever it is
 * built: by the editor for each lint (src/extension/linter.ts), and by the lint
 * worker for the lint it runs ahead of the editor's first job (a speculation:
 * document-linter.ts, started by src/extension/lint-worker-prestart.ts).
 * Settings, then the config file, then the rule documentation's location, then
 * the chosen report type and the referenced documents.
 */
import type { LintConfig } from '../index.js';
import { combineConfig, configFromSettings } from '../models/settings.js';
import type { LintJob } from './protocol.js';

/** The referenced documents' texts and, for those that could not be read, why (see ReferencedDocuments). */
export interface ReferencedTexts {
  documents: Record<string, string>;
  documentErrors: Record<string, string>;
}

export const NO_REFERENCED_TEXTS: ReferencedTexts = { documents: {}, documentErrors: {} };

export interface LintConfigParts {
  fromSettings: Partial<LintConfig>;
  fromFile?: Partial<LintConfig>;
  /** The report type chosen for the file (“Treat this file as…”). */
  reportType?: string;
  referenced: ReferencedTexts;
  /** Where the rule documentation is (the extension's folder, as a URI). */
  docsBaseUrl: string;
}

export function lintConfigOf(parts: LintConfigParts): Partial<LintConfig> {
  const base = combineConfig(parts.fromSettings, parts.fromFile, { docsBaseUrl: parts.docsBaseUrl });
  return { ...base, ...(parts.reportType ? { reportType: parts.reportType } : {}), ...parts.referenced };
}

/** A document's first lint as the editor is expected to ask for it, read before the extension activates. */
export interface Speculation {
  text: string;
  filePath: string;
  /** The `caseReview.*` settings' values (those that shape the configuration). */
  settings: { rules?: unknown; defaultReportType?: unknown; child?: unknown };
  docsBaseUrl: string;
}

/**
 * The job the editor will send for a speculation's document when no config file applies, nothing is
 * referenced and no report type was chosen (the settings read as readSettings in linter.ts reads them).
 * Otherwise the editor's job differs and the speculation is not used.
 */
export function speculativeJob(speculation: Speculation): LintJob {
  const { rules, defaultReportType, child } = speculation.settings;
  const fromSettings = configFromSettings({
    enable: 'auto',
    rules: (rules as Record<string, unknown> | undefined) ?? {},
    defaultReportType: (defaultReportType as string | undefined) ?? '',
    child: child ?? [],
    throttleMs: 0,
  }).config;
  const config = lintConfigOf({ fromSettings, referenced: NO_REFERENCED_TEXTS, docsBaseUrl: speculation.docsBaseUrl });
  return { text: speculation.text, filePath: speculation.filePath, config, summaries: true };
}
