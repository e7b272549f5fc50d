/**
 * The package's public API (`require('case-review-lint')`): the lint engine with the built-in rules.
 *
 * The engine (src/engine) owns no rules; this module hands it the built-in set (lint-rules/), so
 * every front end (the CLI, the editor and its lint worker, the remark preset, the Word export's
 * publication gate) runs the same rules by importing from here. Nothing here imports VS Code or
 * Node built-ins.
 */
import type { Processor } from 'unified';
import { rules } from '../lint-rules/index.js';
import {
  caseReviewPreset as engineCaseReviewPreset,
  createProcessor as engineCreateProcessor,
  lintText as engineLintText,
  ruleInfosOf,
  type AnyCaseReviewRule,
  type LintConfig,
  type LintOptions as EngineLintOptions,
  type LintResult,
  type PresetOptions as EnginePresetOptions,
  type RuleInfo,
} from './engine/index.js';

export * from './engine/index.js';
export { rules };

/** How to lint one document: as the engine's options, with the built-in rules unless `ruleSet` says otherwise. */
export type LintOptions = Omit<EngineLintOptions, 'ruleSet'> & Partial<Pick<EngineLintOptions, 'ruleSet'>>;
/** The preset's options: a LintConfig, plus a board's own rules (`extraRules`), run after the built-in ones. */
export type PresetOptions = Omit<EnginePresetOptions, 'ruleSet'>;

/** Lint a document's text with the built-in rules (plus `extraRules`). Never throws for any input text. */
export function lintText(text: string, options: LintOptions = {}): LintResult {
  return engineLintText(text, { ...options, ruleSet: options.ruleSet ?? rules });
}

/** A unified processor with the built-in rules, then `extraRules` (a board's own rules). */
export function createProcessor(config: Partial<LintConfig> = {}, extraRules: readonly AnyCaseReviewRule[] = []) {
  return engineCreateProcessor(config, rules, extraRules);
}

/** The unified preset with the built-in rules, for `processor.use(caseReviewPreset, config)`. */
export function caseReviewPreset(this: Processor, options: PresetOptions = {}) {
  engineCaseReviewPreset.call(this, { ...options, ruleSet: rules });
}

/** The built-in rules' ids and options, for config validation and settings UIs. */
export function ruleInfos(): RuleInfo[] {
  return ruleInfosOf(rules);
}
