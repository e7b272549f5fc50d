/**
 * Deciding whether a Markdown document is a case review the editor should lint.
 * Pure (engine only, no VS Code), so it is unit-tested under Node and reused by
 * the web extension.
 *
 * Authors also write ordinary Markdown, so in `auto` mode a document is linted only when
 * - its front matter has a `report-type:` key (even a misspelt one: the
 *   front-matter rule then offers the known types), or
 * - a `.casereviewrc*` applies to it, or
 * - its headings match a report profile with confidence: the engine infers a type
 *   (from headings, or from a title phrase such as “Overview report”) with
 *   confidence of at least {@link MIN_CONFIDENCE}, and at least
 *   {@link MIN_MATCHED_SECTIONS} headings other than the title mean sections of
 *   that profile. A title alone (“# Project overview”) is never enough.
 * `caseReview.enable` (`always` / `never`) and a per-file choice made with
 * “Case Review: Treat this file as…” override all of that.
 */
import type { Root } from 'mdast';
import { buildReport, completeConfig, reportParser, type LintConfig, type ReportTypeSource, resolveProfiles } from '../index.js';

export type EnableMode = 'auto' | 'always' | 'never';

/** A per-file choice: a report type id, or `none` for “not a case review”. */
export const NOT_A_CASE_REVIEW = 'none';

/** Inferred types below this confidence (0..1) are not linted in `auto` mode. */
export const MIN_CONFIDENCE = 0.4;
/** Fewer headings (other than the title) matching the inferred profile and the document is not linted in `auto` mode. */
export const MIN_MATCHED_SECTIONS = 3;

export interface Classification {
  /** Does the front matter carry a `report-type:` key (known type or not)? */
  hasReportTypeKey: boolean;
  type: string;
  source: ReportTypeSource;
  confidence: number;
  /** Distinct sections of the inferred profile that headings (other than the title) stand for. */
  matchedSections: number;
}

const REPORT_TYPE_KEY = /^report-type[ \t]*:/m;

/** Parse the document and work out which report it looks like, without running any rule. */
export function classify(text: string, config: Partial<LintConfig> = {}): Classification {
  const complete = completeConfig(config);
  const tree = reportParser().parse(text) as Root;
  const { rules: _rules, ...settings } = complete;
  const report = buildReport(tree, text, settings);
  const first = tree.children[0];
  const rawFrontMatter = first && first.type === 'yaml' ? first.value : '';
  const matched = new Set(report.outline.filter((s) => !s.isTitle).flatMap((s) => s.matches));
  return {
    hasReportTypeKey: 'report-type' in report.frontMatter.data || REPORT_TYPE_KEY.test(rawFrontMatter),
    type: report.type,
    source: report.typeSource,
    confidence: report.typeConfidence,
    matchedSections: matched.size,
  };
}

export interface LintDecisionInput {
  enable: EnableMode;
  /** The per-file choice, if any: a report type id or {@link NOT_A_CASE_REVIEW}. */
  override?: string;
  /** Does a `.casereviewrc*` apply to the document? */
  configApplies: boolean;
  /** Computed lazily: only `auto` mode without front matter or config needs it. */
  classify: () => Classification;
}

export type LintReason =
  'chosen-type' | 'chosen-none' | 'always' | 'never' | 'front-matter' | 'config-file' | 'headings' | 'not-a-case-review';

export interface LintDecision {
  lint: boolean;
  reason: LintReason;
  /** Forced report type (the per-file choice). */
  reportType?: string;
  classification?: Classification;
}

export function decideLint(input: LintDecisionInput): LintDecision {
  if (input.override === NOT_A_CASE_REVIEW) return { lint: false, reason: 'chosen-none' };
  if (input.override) return { lint: true, reason: 'chosen-type', reportType: input.override };
  if (input.enable === 'never') return { lint: false, reason: 'never' };
  if (input.enable === 'always') return { lint: true, reason: 'always' };
  if (input.configApplies) return { lint: true, reason: 'config-file' };
  const classification = input.classify();
  if (classification.hasReportTypeKey) return { lint: true, reason: 'front-matter', classification };
  if (looksLikeCaseReview(classification)) return { lint: true, reason: 'headings', classification };
  return { lint: false, reason: 'not-a-case-review', classification };
}

export function looksLikeCaseReview(c: Classification): boolean {
  return c.source === 'inferred' && c.confidence >= MIN_CONFIDENCE && c.matchedSections >= MIN_MATCHED_SECTIONS;
}

/** Title of a report type for display (“Overview report”), board profiles included. */
export function reportTypeTitle(type: string, config: Partial<LintConfig> = {}): string {
  return resolveProfiles(config.profiles ?? {}).find((p) => p.id === type)?.title ?? type;
}

/** The report types a user can choose from (built-in plus a board's). */
export function reportTypeChoices(config: Partial<LintConfig> = {}): { id: string; title: string }[] {
  return resolveProfiles(config.profiles ?? {}).map((p) => ({ id: p.id, title: p.title }));
}

const SOURCE_TEXT: Record<ReportTypeSource, string> = {
  'front-matter': 'from the front matter',
  option: 'chosen for this file',
  inferred: 'inferred from the title and headings',
  default: 'the default report type',
};

export function describeSource(source: ReportTypeSource, confidence: number): string {
  return source === 'inferred' ? `${SOURCE_TEXT[source]}, ${Math.round(confidence * 100)}% sure` : SOURCE_TEXT[source];
}
