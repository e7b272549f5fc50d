import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lintText } from '../../src/index.js';
import { WorkerLintRunner } from '../../src/lint-worker/worker-runner.js';
import { buildWorkerBundle } from '../support/worker-bundle.js';
import { InProcessLintRunner } from '../../src/lint-worker/runner.js';
import { computeChecklist } from '../../src/models/checklist-model.js';
import { childFocusSummary } from '../../src/models/child-focus-model.js';

const root = resolve(import.meta.dirname, '../..');
const example = readFileSync(resolve(root, 'examples/overview-report.md'), 'utf8');
const job = (text: string) => ({ text, filePath: 'report.md', config: {} });

describe('lint runners', function () {
  this.timeout(120000);
  let runner: WorkerLintRunner | undefined;
  let problems: string[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'crl-worker-'));
  const script = join(tmp, 'lint-worker.cjs');
  // The worker runs the bundled script, as in the extension (built here from the source).
  before(() => buildWorkerBundle(script));
  beforeEach(() => (problems = []));
  afterEach(() => runner?.dispose());
  after(() => rmSync(tmp, { recursive: true, force: true }));
  const workerRunner = () => new WorkerLintRunner({ script, onProblem: (p) => problems.push(p) });

  it('lints in a worker thread with the same result as lintText', async () => {
    runner = workerRunner();
    const outcome = await runner.lint('a', job(example));
    assert.deepEqual(outcome?.result, lintText(example, { filePath: 'report.md' }));
    assert.ok(outcome!.result.messages.length > 0);
    assert.deepEqual(problems, []);
    assert.equal(runner.usesWorker, true);
  });

  it('cancels a waiting job that a newer one for the same document replaces, and runs the newest', async () => {
    runner = workerRunner();
    const running = runner.lint('a', job(example)); // sent at once
    const replaced = runner.lint('b', job('# Old\n'));
    const other = runner.lint('c', job('# Other\n'));
    const newest = runner.lint('b', job(example));
    assert.equal(await replaced, undefined, 'the replaced job is cancelled');
    assert.ok(await running);
    assert.ok(await other, 'jobs of other documents still run');
    assert.equal((await newest)!.result.messages.length, (await running)!.result.messages.length);
    assert.deepEqual(problems, [], 'all in the worker');
  });

  it('forget cancels the waiting job of a closed document', async () => {
    runner = workerRunner();
    const first = runner.lint('a', job(example));
    const waiting = runner.lint('b', job(example));
    runner.forget('b');
    assert.equal(await waiting, undefined);
    assert.ok(await first);
    assert.deepEqual(problems, []);
  });

  it('falls back to linting in process when the worker cannot start, and says so', async () => {
    runner = new WorkerLintRunner({ script: resolve(root, 'does-not-exist.cjs'), onProblem: (p) => problems.push(p) });
    const outcome = await runner.lint('a', job(example));
    assert.deepEqual(outcome?.result, lintText(example, { filePath: 'report.md' }));
    assert.ok(
      problems.some((p) => p.includes('lint worker')),
      problems.join('\n'),
    );
    // After three failed starts the runner stops trying.
    for (let i = 0; i < 3; i++) await runner.lint('a', job('# x\n'));
    assert.equal(runner.usesWorker, false);
  });

  it('the in-process runner gives the same findings after edits as a fresh lint', async () => {
    const inProcess = new InProcessLintRunner();
    await inProcess.lint('a', job(example));
    const edited = example.replace('## ', '## Extra ');
    assert.deepEqual((await inProcess.lint('a', job(edited)))?.result, lintText(edited, { filePath: 'report.md' }));
  });

  it('computes the checklist and child-focus summary in the worker, as the editor would on its own thread', async () => {
    runner = workerRunner();
    const config = {};
    const outcome = await runner.lint('a', { ...job(example), summaries: true });
    const messages = outcome!.result.messages;
    assert.deepEqual(outcome!.checklist, computeChecklist(example, config, messages));
    assert.deepEqual(outcome!.childFocus, childFocusSummary(example, config, messages));
    assert.ok(outcome!.checklist!.sections.length > 5);
    assert.deepEqual(problems, []);
  });
});
