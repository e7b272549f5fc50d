/** Build the engine's report model of a text with a lint config (pure: no VS Code). */
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { completeConfig, reportParser, getReport, type LintConfig, type Report } from '../index.js';

/** `tree`: the text's tree when the caller has parsed it already (the lint worker's incremental parse). */
export function reportOf(text: string, config: Partial<LintConfig> = {}, tree?: Root): Report {
  const settings = completeConfig(config);
  const file = new VFile({ value: text });
  return getReport(tree ?? (reportParser().parse(file) as Root), file, settings);
}
