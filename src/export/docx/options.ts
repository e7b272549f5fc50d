/** What the Word export takes and gives back. */
import type { Document } from 'docx';
import type { LintConfig } from '../../index.js';

export type NumberingMode = 'paragraphs' | 'sections' | 'none';

export interface DocxExportOptions {
  /** Lint configuration: board profiles (report type titles), `reportType`, `defaultReportType`. */
  config?: Partial<LintConfig>;
  /**
   * Protective marking for the title page and every page's header and footer,
   * such as "Official – Sensitive". Overrides front matter `marking:`; `false`
   * leaves the marking out even when front matter has one.
   */
  marking?: string | false;
  /** How sections and paragraphs are numbered (see the module comment). Default `paragraphs`. */
  numbering?: NumberingMode;
}

/** Something the author may want to know about the exported document (not an error). */
export interface ExportWarning {
  line: number;
  column: number;
  message: string;
}

export interface DocxBuild {
  document: Document;
  /** The title on the title page. */
  title: string;
  /** The protective marking used, if any. */
  marking?: string;
  warnings: ExportWarning[];
}

/** The marking front matter `marking: true` (or `yes`) stands for. */
export const DEFAULT_MARKING = 'Official – Sensitive';
