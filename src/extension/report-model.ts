/** Build the engine's report model of a text with a lint config (pure: no VS Code). */
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { createProcessor, type LintConfig, type Report } from '../engine/index.js';
import { getReport } from '../engine/report.js';
import { completeConfig } from '../engine/settings.js';

export function reportOf(text: string, config: Partial<LintConfig> = {}): Report {
  const settings = completeConfig(config);
  const processor = createProcessor(settings);
  const file = new VFile({ value: text });
  const tree = processor.parse(file) as Root;
  return getReport(tree, file, settings);
}
