/**
 * The unified preset: the rules it is handed, configured from one LintConfig, followed by
 * inline message control. The engine owns no rules: the front ends hand in the built-in set
 * (src/index.ts). Used by the CLI, the editor and `remark-cli` alike.
 */
import type { Processor } from 'unified';
import type { LintConfig } from './types.js';
import type { AnyCaseReviewRule } from './rule.js';
import { completeConfig } from './settings.js';
import { caseReviewMessageControl } from './message-control.js';

export interface PresetOptions extends Partial<LintConfig> {
  /** The rules to run, in order. */
  ruleSet: readonly AnyCaseReviewRule[];
  /** Additional rules written with defineRule (a board's own), run after the built-in ones. */
  extraRules?: readonly AnyCaseReviewRule[];
}

export function caseReviewPreset(this: Processor, options: PresetOptions) {
  const { ruleSet, extraRules = [], ...rest } = options;
  if (!Array.isArray(ruleSet))
    throw new TypeError(
      "caseReviewPreset needs the rules to run (ruleSet); use the package's caseReviewPreset, which hands " + 'in the built-in rules',
    );
  const config = completeConfig(rest);
  const { rules: ruleSettings, ...settings } = config;
  this.data('caseReviewSettings', settings);
  for (const rule of [...ruleSet, ...extraRules]) this.use(rule, ruleSettings[rule.meta.id]);
  this.use(caseReviewMessageControl);
}
