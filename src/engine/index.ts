/**
 * The lint engine's API. Nothing here imports VS Code, Node built-ins or the rules: the rule set
 * is handed in (`ruleSet`). Front ends import the package API (src/index.ts), which hands the
 * engine the built-in rules.
 */
export { lintText, createProcessor, type LintOptions } from './lint.js';
export { caseReviewPreset, type PresetOptions } from './preset.js';
export { IncrementalParser } from './incremental-parse.js';
export { parseConfigText, mergeConfigs, CONFIG_FILE_NAMES, type ConfigError, type ParsedConfig, type RuleInfo } from './config.js';
export { resolveProfiles, BUILT_IN_PROFILES } from './profiles.js';
export { parseProfileFile, profileFileRequests, withProfileFiles, type ProfileFileRead, type ProfileFileRequest } from './profile-files.js';
export {
  FRAMING_ROLES,
  hasRole,
  profileSectionsWithRole,
  roleOf,
  SECTION_ROLES,
  sectionsWithRole,
  type SectionRole,
} from './section-roles.js';
export { buildReport, type Report } from './report.js';
export { completeConfig, ruleDocUrl, DEFAULT_SETTINGS } from './settings.js';
export { readControlComments, isSuppressed } from './message-control.js';
export { documentReferences, MAX_DOCUMENT_BYTES, unreadableReason } from './documents.js';
export { childFocusBySection, childFocusOfText, childFocusTotal } from './child.js';
export { findRecommendations, findActionPlans } from './recommendations/index.js';
export { findChronologies } from './chronology/index.js';
export { mergeChronologies } from './merge-chronologies.js';
export { renderTemplate, type TemplateAnswers } from './templates.js';
export * from './types.js';
export {
  applyChanges,
  fixAll,
  fixesOf,
  insertionFix,
  mechanicalFix,
  minimalChange,
  replacementFixes,
  type AppliedFix,
  type Fix,
  type FixAllResult,
  type TextChange,
} from './fixes.js';
import { resolveProfiles } from './profiles.js';
import type { RuleInfo } from './config.js';
import type { AnyCaseReviewRule } from './rule.js';

export { defineRule, type AnyCaseReviewRule, type CaseReviewRule } from './rule.js';
export { renderingParser, reportParser } from './markdown-syntax.js';

/** Rule ids and options of a rule set, for config validation and settings UIs. */
export function ruleInfosOf(ruleSet: readonly AnyCaseReviewRule[]): RuleInfo[] {
  return ruleSet.map((r) => ({ id: r.meta.id, options: r.meta.options }));
}

/** Report type ids, built-in plus any a board adds. */
export function reportTypeIds(profiles = resolveProfiles()): string[] {
  return profiles.map((p) => p.id);
}

// What the front ends and the export room use beyond linting (they import nothing else from the engine).
export { describeFocus, type FocusFigures, type SectionFocus } from './child.js';
export { chronologyTimeline, normaliseChronologyDates, type TimelineData, type TimelineEvent } from './chronology/index.js';
export { dateEndKey, dateFormatError, dateKey, MONTH_NAMES, normaliseTypedDate, parseDate } from './dates.js';
export { readFrontMatter, stringList, stringValue } from './front-matter.js';
export { toLintMessage } from './lint.js';
export { type MergeInput } from './merge-chronologies.js';
export { suppressingComments } from './message-control.js';
export {
  frontMatterYaml,
  isPublicationException,
  isPublicReport,
  PUBLICATION_GATE_RULE,
  type PublicationException,
  readPublicationExceptions,
  type SettingProblem,
} from './publication.js';
export { getReport } from './report.js';
export { findBracketedPlaceholders } from './placeholders.js';
export { coerceSetting, SOURCE } from './rule.js';
export { missingSectionInsert } from './section-placement.js';
export { offsetOfLine } from './text.js';
export { describeGap, escapeXml, timelineSvg } from './timeline-svg.js';
