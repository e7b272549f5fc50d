/**
 * The quick first pass. A thread's first lint is several times slower than the
 * next, and much of that is the language model (compromise), which loads the
 * first time a check needs it. So the worker's first lint of a report is done in
 * two passes: first without the checks that need the model, whose findings the
 * editor shows at once, then the whole lint, which replaces them. The two
 * passes share the parse, and the first compiles most of the code the second
 * runs, so both together take about as long as one cold lint.
 */
import type { LintConfig } from '../index.js';

/** The checks that load the language model (test/unit/lint-worker-start.test.ts keeps this list true). */
export const LANGUAGE_MODEL_RULES: readonly string[] = ['anonymisation'];

/** The configuration of the quick pass: the job's, with the language-model checks off. */
export function quickPassConfig(config: Partial<LintConfig>): Partial<LintConfig> {
  return { ...config, rules: { ...config.rules, ...Object.fromEntries(LANGUAGE_MODEL_RULES.map((id) => [id, 'off'])) } };
}
