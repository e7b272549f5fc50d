/** Build the engine's report model of a text with a lint config (pure: no VS Code). */
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { createProcessor, type LintConfig, type Report } from '../engine/index.js';
import { getReport } from '../engine/report.js';
import { completeConfig } from '../engine/settings.js';

/** `tree`: the text's tree when the caller has parsed it already (the lint worker's incremental parse). */
export function reportOf(text: string, config: Partial<LintConfig> = {}, tree?: Root): Report {
  const settings = completeConfig(config);
  const file = new VFile({ value: text });
  return getReport(tree ?? (createProcessor(settings).parse(file) as Root), file, settings);
}
