/**
 * Which room imports which (issue 19): the engine knows nothing of VS Code or the
 * extension, and a rule never imports another rule (what rules share lives in the engine).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The module specifiers a TypeScript file imports or re-exports. */
function imports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
}

describe('module boundaries', () => {
  it('no rule imports another rule', () => {
    const offending = files('lint-rules')
      .filter((f) => !f.endsWith('index.ts'))
      .flatMap((f) => imports(f).filter((s) => s.startsWith('./')).map((s) => `${f} imports ${s}`));
    assert.deepEqual(offending, []);
  });

  it('the engine imports neither VS Code nor the extension', () => {
    const offending = files('src/engine').flatMap((f) => imports(f).filter((s) => s === 'vscode' || s.includes('/extension/')).map((s) => `${f} imports ${s}`));
    assert.deepEqual(offending, []);
  });
});
