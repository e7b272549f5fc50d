/** Where this package is installed: the folder holding its package.json and docs/. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function packageRoot(from: string = typeof __dirname === 'string' ? __dirname : process.cwd()): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        if ((JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'case-review-lint') return dir;
      } catch {
        // not ours; keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
}

/** file: URL of the bundled rule docs base, so message urls open offline. */
export function docsBaseUrl(): string {
  return pathToFileURL(`${packageRoot()}/`).href;
}
