/**
 * Every regular expression in the engine and the rules is checked for
 * catastrophic backtracking with recheck (a maintained ReDoS checker): the
 * literals in the source, and the patterns built at run time from data.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Regex literals in a TypeScript file, with their line numbers. */
function literals(file: string): { source: string; flags: string; where: string }[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { source: string; flags: string; where: string }[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(sf);
      const slash = literal.lastIndexOf('/');
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      found.push({ source: literal.slice(1, slash), flags: literal.slice(slash + 1), where: `${file.slice(root.length + 1)}:${line}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Patterns recheck could not decide in time; listed in the output, not failed. */
const undecided: string[] = [];

function verdict(source: string, flags: string): string {
  const result = checkSync(source, flags.replace(/[gy]/g, ''), { timeout: 3000 });
  if (result.status === 'unknown') undecided.push(source.slice(0, 80));
  return result.status === 'vulnerable'
    ? `vulnerable (${result.complexity?.type ?? '?'}; attack: ${JSON.stringify(result.attack?.pattern ?? '')})`
    : result.status;
}

describe('regular expressions cannot backtrack catastrophically', function () {
  this.timeout(600000);
  after(() => {
    if (undecided.length > 0)
      console.log(
        `      recheck could not decide ${undecided.length} pattern(s) within 3 s:\n${undecided.map((u) => `        ${u}`).join('\n')}`,
      );
  });

  it('regex literals in src/ and lint-rules/', () => {
    const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'lint-rules'))];
    const all = files.flatMap(literals);
    assert.ok(all.length > 20, `found ${all.length} literals`);
    const bad = all.map((r) => ({ ...r, verdict: verdict(r.source, r.flags) })).filter((r) => r.verdict.startsWith('vulnerable'));
    assert.deepEqual(
      bad.map((r) => `${r.where} /${r.source}/${r.flags}: ${r.verdict}`),
      [],
    );
  });

  it('patterns the engine builds at run time from data and strings', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'test/support/collect-regexes.ts'), join(root, 'examples/overview-report.md')],
      {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const patterns = JSON.parse(out) as { source: string; flags: string }[];
    assert.ok(patterns.length > 5, `captured ${patterns.length} patterns`);
    const bad = patterns
      .filter((p) => p.source.length < 20000)
      .map((p) => ({ ...p, verdict: verdict(p.source, p.flags) }))
      .filter((p) => p.verdict.startsWith('vulnerable'));
    assert.deepEqual(
      bad.map((p) => `/${p.source.slice(0, 200)}/${p.flags}: ${p.verdict}`),
      [],
    );
  });
});
