/**
 * Which room imports which (issue 19):
 * - src/engine knows nothing of VS Code, the extension, the front ends or the rules (the rule set is handed in);
 * - a rule never imports another rule (what rules share lives in the engine);
 * - src/extension/ is the room that needs VS Code: every file there imports it, and no file elsewhere
 *   does; the lint worker, the VS Code-free models (src/models/), the CLI and the export import no extension file;
 * - front ends reach the engine through the package API (src/index.ts) only;
 * - every parse of a report goes through the one parser factory (src/engine/markdown-syntax.ts).
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
      .flatMap((f) =>
        imports(f)
          .filter((s) => s.startsWith('./'))
          .map((s) => `${f} imports ${s}`),
      );
    assert.deepEqual(offending, []);
  });

  it('the engine imports neither VS Code, the extension, the front ends nor the rules', () => {
    const outside = /\/(extension|models|lint-worker|cli|export|node|lint-rules)\/|^\.\.\/index\.js$/;
    const offending = files('src/engine').flatMap((f) =>
      imports(f)
        .filter((s) => s === 'vscode' || s.startsWith('node:') || outside.test(s))
        .map((s) => `${f} imports ${s}`),
    );
    assert.deepEqual(offending, []);
  });

  it('every file in src/extension imports VS Code, and no file elsewhere does', () => {
    const without = files('src/extension').filter((f) => !imports(f).includes('vscode'));
    assert.deepEqual(without, [], 'a file that does not need VS Code belongs in src/models/ (or the engine)');
    const elsewhere = [...files('src'), ...files('lint-rules')].filter(
      (f) => !f.startsWith(join('src', 'extension')) && imports(f).includes('vscode'),
    );
    assert.deepEqual(elsewhere, []);
  });

  it('nothing outside src/extension imports an extension file', () => {
    const offending = [...files('src'), ...files('lint-rules')]
      .filter((f) => !f.startsWith(join('src', 'extension')))
      .flatMap((f) =>
        imports(f)
          .filter((s) => s.includes('/extension/'))
          .map((s) => `${f} imports ${s}`),
      );
    assert.deepEqual(offending, []);
  });

  it('front ends reach the engine and the rules through the package API only', () => {
    const frontEnds = ['cli', 'extension', 'models', 'lint-worker', 'export', 'node'].flatMap((d) => files(join('src', d)));
    const offending = [...frontEnds, join('src', 'remark-preset.ts')].flatMap((f) =>
      imports(f)
        .filter((s) => /\/engine\/|\/lint-rules\//.test(s))
        .map((s) => `${f} imports ${s}`),
    );
    assert.deepEqual(offending, []);
  });

  it('only the package API hands the engine the built-in rules', () => {
    const offending = files('src')
      .filter((f) => f !== join('src', 'index.ts'))
      .flatMap((f) =>
        imports(f)
          .filter((s) => s.includes('lint-rules'))
          .map((s) => `${f} imports ${s}`),
      );
    assert.deepEqual(offending, []);
  });

  it('no rule holds a cache of its own: rules ask their lint context for a memo', () => {
    const offending = files('lint-rules').filter((f) =>
      /\b(?:ContextMemo|TextMemo)\b|^(?:export )?(?:const|let) [^=\n]{1,80}= new (?:Weak)?Map(?:<[^>\n]{1,80}>)?\(\)|contextKey\(/m.test(
        readFileSync(f, 'utf8'),
      ),
    );
    assert.deepEqual(offending, []);
  });

  it('every parse goes through the one parser factory', () => {
    const offending = [...files('src'), ...files('lint-rules')]
      .filter((f) => f !== join('src', 'engine', 'markdown-syntax.ts'))
      .filter((f) => imports(f).includes('remark-parse') || /\bunified\(\)/.test(readFileSync(f, 'utf8')))
      .map((f) => `${f} builds its own parser`);
    assert.deepEqual(offending, []);
  });
});
