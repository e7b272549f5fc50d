/** Public API of the lint engine. Nothing here imports VS Code or Node built-ins. */
export { lintText, createProcessor, type LintOptions } from './lint.js';
export { caseReviewPreset } from './preset.js';
export { IncrementalParser } from './incremental-parse.js';
export { parseConfigText, mergeConfigs, CONFIG_FILE_NAMES, type ConfigError, type ParsedConfig, type RuleInfo } from './config.js';
export { resolveProfiles, BUILT_IN_PROFILES } from './profiles.js';
export { buildReport, type Report } from './report.js';
export { completeConfig, ruleDocUrl, DEFAULT_SETTINGS } from './settings.js';
export { readControlComments, isSuppressed } from './message-control.js';
export { documentReferences, MAX_DOCUMENT_BYTES, unreadableReason } from './documents.js';
export { childFocusBySection, childFocusOfText, childFocusTotal } from './child.js';
export { findRecommendations, findActionPlans } from './recommendations.js';
export { findChronologies } from './chronology.js';
export { mergeChronologies } from './merge-chronologies.js';
export { renderTemplate, type TemplateAnswers } from './templates.js';
export { rules } from '../../lint-rules/index.js';
export * from './types.js';
export { applyChanges, fixAll, fixesOf, insertionFix, mechanicalFix, minimalChange, replacementFixes, type AppliedFix, type Fix, type FixAllResult, type TextChange } from './fixes.js';
import { rules } from '../../lint-rules/index.js';
import { resolveProfiles } from './profiles.js';
import type { RuleInfo } from './config.js';

/** Rule ids and options, for config validation and settings UIs. */
export function ruleInfos(): RuleInfo[] {
  return rules.map((r) => ({ id: r.meta.id, options: r.meta.options }));
}

/** Report type ids, built-in plus any a board adds. */
export function reportTypeIds(profiles = resolveProfiles()): string[] {
  return profiles.map((p) => p.id);
}
