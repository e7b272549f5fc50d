/**
 * The remark preset for `remark-cli`: `.remarkrc` → `"plugins": ["case-review-lint/remark-preset"]`.
 * Runs the same rules as the CLI on the same syntax (GFM tables, YAML front
 * matter), with the nearest `.casereviewrc` (from the working folder) applied;
 * preset options, if given, are merged over it.
 */
import { resolve } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Processor } from 'unified';
import { caseReviewPreset } from './engine/preset.js';
import { mergeConfigs } from './engine/config.js';
import type { LintConfig } from './engine/types.js';
import { findConfigFile, loadConfigFile } from './node/config-files.js';
import { docsBaseUrl } from './node/package-root.js';

export default function remarkPresetCaseReview(this: Processor, options: Partial<LintConfig> = {}) {
  this.use(remarkGfm).use(remarkFrontmatter, ['yaml']);
  const file = findConfigFile(resolve(process.cwd()));
  const fromFile = file ? loadConfigFile(file) : undefined;
  for (const e of fromFile?.errors ?? []) process.stderr.write(`case-review-lint: ${e.file}:${e.line}:${e.column}: config error: ${e.message}\n`);
  caseReviewPreset.call(this, mergeConfigs({ docsBaseUrl: docsBaseUrl() }, fromFile?.config ?? {}, options));
}
