/**
 * The publication gate for exports: a report whose front matter says
 * `publication: public` (or `published`) is not exported while the
 * anonymisation rule finds errors in it. Pure (no VS Code or Node imports), so
 * the CLI and the extension refuse the same documents.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { readFrontMatter, stringValue } from '../engine/front-matter.js';
import { lintText } from '../engine/lint.js';
import { coerceSetting } from '../engine/rule.js';
import type { LintConfig, LintMessage, RuleSetting } from '../engine/types.js';
import { rules } from '../../lint-rules/index.js';

export const GATE_RULE = 'anonymisation';
const PROMPT_RULE = 'template-placeholder';

export interface GateResult {
  /** Front matter says `publication: public` or `published`. */
  isPublic: boolean;
  /** Anonymisation errors that stop the export (empty unless `isPublic`). */
  blocking: LintMessage[];
  /** The document's own front matter turns the anonymisation rule off (so nothing was checked). */
  ruleOffInDocument: boolean;
  /** Unanswered template prompts and placeholders: worth a warning, not a refusal. */
  prompts: LintMessage[];
}

/**
 * Lint with only the gate rules on. The anonymisation rule runs whatever level
 * the config gives it (`off` or `warn` in .casereviewrc cannot open the gate),
 * with the config's options (allowNames, places, schools); suppression comments
 * and the document's own front matter settings still apply, since they stand
 * in the document for any reader to see.
 */
export function publicationGate(text: string, options: { filePath?: string; config?: Partial<LintConfig> } = {}): GateResult {
  const config = options.config ?? {};
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(text) as Root;
  const data = readFrontMatter(tree).data;
  const publication = (stringValue(data['publication']) ?? '').toLowerCase();
  const isPublic = publication === 'public' || publication === 'published';
  const inDocument = (data['case-review-lint'] as { rules?: Record<string, RuleSetting> } | undefined)?.rules?.[GATE_RULE];

  const levels: Record<string, RuleSetting> = Object.fromEntries(rules.map((r) => [r.meta.id, 'off' as const]));
  levels[GATE_RULE] = ['on', coerceSetting(config.rules?.[GATE_RULE]).options];
  levels[PROMPT_RULE] = ['on', coerceSetting(config.rules?.[PROMPT_RULE]).options];
  const messages = lintText(text, { filePath: options.filePath, config: { ...config, rules: levels } }).messages;
  return {
    isPublic,
    blocking: isPublic ? messages.filter((m) => m.ruleId === GATE_RULE && m.severity === 'error') : [],
    ruleOffInDocument: inDocument !== undefined && coerceSetting(inDocument).level === 'off',
    prompts: messages.filter((m) => m.ruleId === PROMPT_RULE),
  };
}
