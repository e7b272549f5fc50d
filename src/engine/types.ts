import type { Fix } from './fixes.js';
import type { SectionRole } from './section-roles.js';
/** Shared types of the lint engine. Nothing here knows about VS Code or Node. */

/** Severity of one reported message. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * How a rule is configured: `off`, a fixed level for every message it reports,
 * or `on` (the default) which keeps the level each message was reported with.
 */
export type RuleLevel = 'off' | 'on' | 'info' | 'warn' | 'error';

/** A 1-based line and column, as remark and the CLI report them. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Point;
  end: Point;
}

/** A text insertion the editor can apply (used for "insert missing section"). */
export interface Insertion {
  /** 0-based offset in the document where `text` goes. */
  offset: number;
  text: string;
}

/** Extra, machine-readable data a rule attaches to a message for editor fixes. */
export interface MessageData {
  /** Insert text at an offset (for example a missing section with its prompt). */
  insert?: Insertion;
  /** Free-form facts for front ends (section id, report type...). */
  [key: string]: unknown;
}

/** One finding, in the shape of the CLI's JSON contract plus editor data. */
export interface LintMessage {
  ruleId: string;
  severity: Severity;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 0-based offsets of the same range, for editors. */
  startOffset: number;
  endOffset: number;
  message: string;
  url: string;
  /** Replacement texts for the range; the first is the preferred quick fix. */
  expected?: string[];
  data?: MessageData;
  /** Typed fixes the rule reported with the problem (see fixes.ts); not part of the CLI's JSON. */
  fixes?: Fix[];
}

/** Outcome of linting one document. */
export interface LintResult {
  file: string;
  reportType: string;
  /** Where the report type came from. */
  reportTypeSource: ReportTypeSource;
  /** 0..1: how sure the engine is that this document is a case review of that type. */
  reportTypeConfidence: number;
  messages: LintMessage[];
  /** Rules that threw, isolated from the others (also reported as messages). */
  ruleFailures: { ruleId: string; error: string }[];
}

export type ReportTypeSource = 'front-matter' | 'option' | 'inferred' | 'default';

/** One section of a report profile. */
export interface ProfileSection {
  id: string;
  title: string;
  /**
   * What the section is for, in the words the rules ask for (see SECTION_ROLES in
   * section-roles.ts). Without it, the role its id names, if any.
   */
  role?: SectionRole;
  /** required: its absence is a warning; expected: an info; optional: never reported. */
  status: 'required' | 'expected' | 'optional';
  /**
   * Phrases that mean this section in a heading (lower case, without numbering), compared
   * as stemmed words in any order; a leading "^" means the phrase must be the whole heading.
   */
  synonyms: string[];
  /** Phrases that mean a heading is not this section although a synonym matches ("background reading"). */
  except?: string[];
  /** Only a top-level heading (not a subsection of another section) stands for this section ("3.1 Introduction"). */
  topLevel?: boolean;
  /** What belongs in the section; reused by templates and quick fixes. */
  prompt: string;
}

/** A report type: its sections in their expected order. */
export interface Profile {
  id: string;
  title: string;
  /**
   * Place in lists of report types, lower first; when two types fit a report's headings
   * equally well, the earlier one is taken. A type without it comes after those with one.
   */
  order?: number;
  /** Phrases in a title that identify this report type. */
  titlePhrases: string[];
  /** Several agencies contribute: its chronologies need an Agency column. */
  multiAgency: boolean;
  /** Profile sections in the expected order. */
  sections: ProfileSection[];
}

/** A board's change to a profile, from `.casereviewrc`. */
export interface ProfileOverride {
  /** `extend` (default) merges sections by id; `replace` uses only these sections. */
  mode?: 'extend' | 'replace';
  /** Base profile to start from when this is a new report type. */
  extends?: string;
  /**
   * A whole profile kept in its own JSON file (the config's `"type": "path.json"`), as
   * written, relative to the config file; the front end reads it (see profile-files.ts).
   */
  file?: string;
  title?: string;
  order?: number;
  titlePhrases?: string[];
  multiAgency?: boolean;
  sections?: (Partial<ProfileSection> & { id: string; after?: string })[];
}

/** Settings shared by all rules (from config files, front matter and front ends). */
export interface EngineSettings {
  /** Report type when front matter does not say and inference is unsure. */
  defaultReportType: string;
  /** Force the report type (CLI `--report-type`, editor "Treat this file as..."). */
  reportType?: string;
  /** Extra agency names and roles (extends the built-in gazetteer). */
  agencies: string[];
  /** The child's pseudonyms known to the front end (front matter `child:` adds to these). */
  child: string[];
  /** Board profile changes and new report types. */
  profiles: Record<string, ProfileOverride>;
  /** Base URL that rule doc paths (`docs/rules/ID.md`) are resolved against. */
  docsBaseUrl: string;
  /**
   * Texts of other documents, by path, that the front end has read for the
   * engine (which never reads files itself): for example the overview report
   * that an executive summary's front matter `overview:` names. Paths are
   * resolved against the linted file's path; `documentReferences()` in
   * `src/engine/documents.ts` lists the paths a document refers to.
   */
  documents?: Record<string, string>;
  /**
   * Documents the front end tried to read for the engine but could not, by the
   * same resolved path, with the reason in a few words (“no file at that
   * path”, “outside the workspace folder”): rules say why they did not compare.
   */
  documentErrors?: Record<string, string>;
  /**
   * Ignore the document's own rule settings (front matter
   * `case-review-lint: { rules: … }`): the publication gate's strict run.
   */
  ignoreDocumentRuleSettings?: boolean;
}

export type RuleSetting = RuleLevel | [RuleLevel] | [RuleLevel, Record<string, unknown>];

/** A resolved configuration: settings plus per-rule levels and options. */
export interface LintConfig extends EngineSettings {
  rules: Record<string, RuleSetting>;
}
