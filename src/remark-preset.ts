/**
 * The remark preset for `remark-cli` (usage: docs/remark.md):
 * `.remarkrc.json` → `{ "plugins": ["case-review-lint/remark-preset"] }`.
 *
 * It lints each file as the command line does: the same rules on the same syntax (GFM tables,
 * YAML front matter); the `.casereviewrc` that applies to that file (the nearest one from the
 * file's own folder upwards, so a sub-folder's config wins there); and an executive summary
 * compared with the overview report its front matter names, read from disk. Preset options, if
 * given (`["case-review-lint/remark-preset", { "rules": { … } }]`), are merged over the config file.
 */
import { resolve } from 'node:path';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { createProcessor, mergeConfigs, type PresetOptions } from './index.js';
import { ConfigResolver } from './node/config-files.js';
import { docsBaseUrl } from './node/package-root.js';
import { readReferencedDocuments } from './node/referenced-documents.js';

/**
 * Config errors already written in this process. remark-cli sets the preset up again for each
 * file, so a broken `.casereviewrc` would otherwise be reported once per file under it.
 */
const reportedConfigErrors = new Set<string>();

export default function remarkPresetCaseReview(this: Processor, options: PresetOptions = {}) {
  this.use(remarkGfm).use(remarkFrontmatter, ['yaml']);
  const { extraRules = [], ...fromOptions } = options;
  const configs = new ConfigResolver();
  const base = docsBaseUrl();
  return (tree: Root, file: VFile) => {
    const cwd = file.cwd || process.cwd();
    // As the command line: the config from the file's folder (standard input: from the working folder).
    const where = file.path ? resolve(cwd, file.path) : resolve(cwd, '<stdin>');
    const { file: configFile, parsed } = configs.forDocument(where);
    for (const e of configFile ? parsed.errors : []) {
      const line = `case-review-lint: ${e.file}:${e.line}:${e.column}: config error: ${e.message} (linting continues with defaults for that setting)\n`;
      if (reportedConfigErrors.has(line)) continue;
      reportedConfigErrors.add(line);
      process.stderr.write(line);
    }
    const config = {
      ...mergeConfigs({ docsBaseUrl: base }, parsed.config, fromOptions),
      ...readReferencedDocuments(file.toString(), file.path || undefined, cwd),
    };
    createProcessor(config, extraRules).runSync(tree, file);
  };
}
