/**
 * The `$case-review-lint` problem matcher (package.json contributes.problemMatchers)
 * against the CLI's real text output, read the way VS Code reads a looping
 * multi-line matcher: a file line, then problem lines until one does not match.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'dist/cli.cjs');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

interface Pattern {
  regexp: string;
  [key: string]: unknown;
}
interface Problem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  message: string;
  code: string;
}

function matcher(): { file: Pattern; problem: Pattern; fileLocation: unknown; owner: string } {
  const found = manifest.contributes.problemMatchers.find((m: { name: string }) => m.name === 'case-review-lint');
  assert.ok(found, 'the case-review-lint problem matcher is contributed');
  assert.equal(found.pattern.length, 2);
  assert.equal(found.pattern[1].loop, true);
  return { file: found.pattern[0], problem: found.pattern[1], fileLocation: found.fileLocation, owner: found.owner };
}

/** Apply a two-line looping matcher to output, as VS Code's ProblemMatcher does. */
function readProblems(output: string): Problem[] {
  const { file, problem } = matcher();
  const fileRe = new RegExp(file.regexp);
  const problemRe = new RegExp(problem.regexp);
  const group = (m: RegExpExecArray, pattern: Pattern, key: string) => m[pattern[key] as number]!;
  const problems: Problem[] = [];
  let current: string | undefined;
  for (const line of output.split(/\r?\n/)) {
    const f = fileRe.exec(line);
    if (f) {
      current = group(f, file, 'file');
      continue;
    }
    const p = current !== undefined ? problemRe.exec(line) : null;
    if (!p) {
      current = undefined;
      continue;
    }
    problems.push({
      file: current!,
      line: Number(group(p, problem, 'line')),
      column: Number(group(p, problem, 'column')),
      endLine: Number(group(p, problem, 'endLine')),
      endColumn: Number(group(p, problem, 'endColumn')),
      severity: group(p, problem, 'severity'),
      message: group(p, problem, 'message'),
      code: group(p, problem, 'code'),
    });
  }
  return problems;
}

function runCli(...args: string[]): string {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  return result.stdout;
}

describe('the case-review-lint problem matcher', function () {
  this.timeout(60000);
  before(() => {
    if (!existsSync(cli)) spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
  });

  it('reads every problem of the CLI’s text output, with its file, range, severity, message and rule', () => {
    const files = ['examples/overview-report.md', 'test/fixtures/vscode-workspace/reviews/fixes-child-e.md'];
    const text = runCli(...files);
    const json = JSON.parse(runCli(...files, '--format', 'json')) as {
      file: string;
      messages: (Omit<Problem, 'file' | 'code'> & { ruleId: string })[];
    }[];
    const expected: Problem[] = json.flatMap((f) =>
      f.messages.map((m) => ({
        file: f.file,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        severity: m.severity,
        message: m.message,
        code: m.ruleId,
      })),
    );
    assert.ok(expected.length > 20, `${expected.length} problems`);
    assert.ok(
      expected.some((p) => p.severity === 'info'),
      'the output has info problems',
    );
    assert.ok(expected.some((p) => p.severity === 'warning'));
    assert.deepEqual(readProblems(text), expected);
  });

  it('maps the CLI’s severities to VS Code’s and keeps its problems apart from the live diagnostics', () => {
    const { problem, owner, fileLocation } = matcher();
    const re = new RegExp(problem.regexp);
    for (const severity of ['error', 'warning', 'info']) {
      const m = re.exec(`  3:1-3:9     ${severity}  Unexpected thing, expected another  some-rule`);
      assert.ok(m, severity);
      assert.equal(m[problem.severity as number], severity);
      assert.equal(m[problem.message as number], 'Unexpected thing, expected another');
      assert.equal(m[problem.code as number], 'some-rule');
    }
    assert.notEqual(owner, 'case-review');
    assert.deepEqual(fileLocation, ['autoDetect', '${workspaceFolder}']);
  });

  it('ignores the summary line and files without problems', () => {
    assert.deepEqual(readProblems('README.md (overview)\n\n✔ 0 errors, 0 warnings, 0 infos in 1 file\n'), []);
  });
});
