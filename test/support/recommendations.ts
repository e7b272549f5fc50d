/**
 * Shared by the recommendation and action plan tests
 * (test/unit/recommendations-*.test.ts, test/unit/action-plans.test.ts).
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { rules } from '../../lint-rules/index.js';
import { lintText } from '../../src/index.js';
import { buildReport, type Report } from '../../src/engine/report.js';
import { DEFAULT_SETTINGS } from '../../src/engine/settings.js';
import type { LintMessage, RuleSetting } from '../../src/engine/types.js';
import { lintWithRule } from '../unit/helpers.js';

export const REC_RULES = ['recommendation-owner', 'recommendation-deadline', 'recommendation-measure', 'recommendation-vague-action'];
export const PLAN_RULES = ['action-plan-columns', 'action-plan-owner', 'action-plan-date', 'action-plan-measure', 'action-plan-coverage'];

/** A report built from Markdown with the default settings. */
export function reportOf(markdown: string): Report {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(markdown) as Root;
  return buildReport(tree, markdown, DEFAULT_SETTINGS);
}

/** Lint with only the given rules switched on. */
export function lintWith(ids: string[], markdown: string, options: Record<string, Record<string, unknown>> = {}): LintMessage[] {
  const settings: Record<string, RuleSetting> = {};
  for (const rule of rules) settings[rule.meta.id] = ids.includes(rule.meta.id) ? ['on', options[rule.meta.id] ?? {}] : 'off';
  return lintText(markdown, { config: { rules: settings } }).messages;
}

/** The rule ids of messages, sorted. */
export function ids(messages: LintMessage[]): string[] {
  return messages.map((m) => m.ruleId).sort();
}

/** Does the rule report anything on the Markdown? */
export function flagged(ruleId: string, markdown: string, options?: Record<string, unknown>): boolean {
  return lintWithRule(ruleId, markdown, options).length > 0;
}

/** A Recommendations section with one numbered recommendation. */
export const rec = (text: string) => `## Recommendations\n\n1. ${text}\n`;
