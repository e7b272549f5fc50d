/** Test helpers: lint a Markdown string with only one rule switched on. */
import { rules } from '../../lint-rules/index.js';
import { lintText } from '../../src/engine/lint.js';
import type { EngineSettings, LintMessage, RuleSetting } from '../../src/engine/types.js';

export function lintWithRule(
  ruleId: string,
  markdown: string,
  options: Record<string, unknown> = {},
  settings: Partial<EngineSettings> = {},
): LintMessage[] {
  const ruleSettings: Record<string, RuleSetting> = {};
  for (const rule of rules) ruleSettings[rule.meta.id] = rule.meta.id === ruleId ? ['on', options] : 'off';
  return lintText(markdown, { config: { ...settings, rules: ruleSettings } }).messages;
}

export function lintAll(markdown: string, settings: Partial<EngineSettings> = {}): LintMessage[] {
  return lintText(markdown, { config: settings }).messages;
}
