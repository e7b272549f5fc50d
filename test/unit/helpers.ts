/** Test helpers: lint a Markdown string with only one rule switched on. */
import { rules } from '../../lint-rules/index.js';
import { lintText } from '../../src/index.js';
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

/** The insertion a message's first fix makes (`{ offset, text }`), or undefined when it has none. */
export function insertionOf(message: LintMessage | undefined): { offset: number; text: string } | undefined {
  const change = message?.fixes?.[0]?.changes[0];
  return change && change.start === change.end ? { offset: change.start, text: change.text } : undefined;
}
