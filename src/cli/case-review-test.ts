/**
 * Which files found in folders and by globs are case reviews: the same test the
 * editor's automatic mode uses (src/models/when-to-lint.ts, pure and engine-only):
 * front matter with `report-type:`, a `.casereviewrc*` that applies, or headings
 * that match a report profile with confidence. A README or a rule doc is not.
 */
import { type LintConfig } from '../index.js';
import { classify, decideLint } from '../models/when-to-lint.js';

export function looksLikeCaseReviewFile(text: string, config: Partial<LintConfig>, configApplies: boolean): boolean {
  return decideLint({ enable: 'auto', configApplies, classify: () => classify(text, config) }).lint;
}
