/**
 * The unified preset: every rule, configured from one LintConfig, followed by
 * inline message control. Used by the CLI, the editor and `remark-cli` alike.
 */
import type { Processor } from 'unified';
import { rules } from '../../lint-rules/index.js';
import type { LintConfig } from './types.js';
import { completeConfig } from './settings.js';
import { caseReviewMessageControl } from './message-control.js';

export function caseReviewPreset(this: Processor, options: Partial<LintConfig> = {}) {
  const config = completeConfig(options);
  const { rules: ruleSettings, ...settings } = config;
  this.data('caseReviewSettings', settings);
  for (const rule of rules) this.use(rule, ruleSettings[rule.meta.id]);
  this.use(caseReviewMessageControl);
}
