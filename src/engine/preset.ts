/**
 * The unified preset: every rule, configured from one LintConfig, followed by
 * inline message control. Used by the CLI, the editor and `remark-cli` alike.
 */
import type { Processor } from 'unified';
import { rules } from '../../lint-rules/index.js';
import type { LintConfig } from './types.js';
import type { CaseReviewRule } from './rule.js';
import { completeConfig } from './settings.js';
import { caseReviewMessageControl } from './message-control.js';

export interface PresetOptions extends Partial<LintConfig> {
  /** Additional rules written with defineRule (a board's own), run after the built-in ones. */
  extraRules?: readonly CaseReviewRule<any>[];
}

export function caseReviewPreset(this: Processor, options: PresetOptions = {}) {
  const { extraRules = [], ...rest } = options;
  const config = completeConfig(rest);
  const { rules: ruleSettings, ...settings } = config;
  this.data('caseReviewSettings', settings);
  for (const rule of [...rules, ...extraRules]) this.use(rule, ruleSettings[rule.meta.id]);
  this.use(caseReviewMessageControl);
}
