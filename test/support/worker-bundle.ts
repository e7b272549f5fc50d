/** The editor's lint worker bundled from the source, as esbuild.js bundles it for the extension. */
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';

const root = resolve(import.meta.dirname, '../..');

/** Bundle src/lint-worker/worker.ts to `outfile` (CommonJS, Node), for tests that start a real worker thread. */
export async function buildWorkerBundle(outfile: string): Promise<void> {
  await esbuild.build({
    entryPoints: [resolve(root, 'src/lint-worker/worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'error',
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
}
