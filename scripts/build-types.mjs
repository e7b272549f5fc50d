// Declarations for the engine export (`require('case-review-lint')`), written to dist/types.
//   node scripts/build-types.mjs
// The engine bundle is CommonJS (dist/engine.cjs) while this package is `"type": "module"`,
// so dist/types gets its own package.json saying `commonjs`: TypeScript then reads the
// declarations as describing a CommonJS module, as it is.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
rmSync('dist/types', { recursive: true, force: true });
const tsc = require.resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.types.json'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
mkdirSync('dist/types', { recursive: true });
writeFileSync('dist/types/package.json', `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
