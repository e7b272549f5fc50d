/**
 * The editor's first lint (issues 16 and 20): the lint worker started before the
 * extension activates (a prestarted worker, handed to its runner later), the
 * speculation it lints ahead of the editor's first job, the warm-up, the
 * front-matter check that decides without parsing, and the start-up timeline.
 * Speed itself is measured by the editor test (test/vscode/first-lint.test.ts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lintText, rules } from '../../src/index.js';
import { DocumentLinter } from '../../src/lint-worker/document-linter.js';
import { lintConfigOf, NO_REFERENCED_TEXTS, speculativeJob, type Speculation } from '../../src/lint-worker/job-config.js';
import { PrestartedWorker } from '../../src/lint-worker/prestarted-worker.js';
import { jobFingerprint, type LintJob, type LintOutcome, type WorkerReply } from '../../src/lint-worker/protocol.js';
import { WARM_UP_REPORT } from '../../src/lint-worker/warm-up.js';
import { WorkerLintRunner } from '../../src/lint-worker/worker-runner.js';
import { buildWorkerBundle } from '../support/worker-bundle.js';
import { WorkerLoop } from '../../src/lint-worker/worker-loop.js';
import { LANGUAGE_MODEL_RULES, quickPassConfig } from '../../src/lint-worker/quick-pass.js';
import { frontMatterNamesReportType } from '../../src/models/report-front-matter.js';
import { configFromSettings } from '../../src/models/settings.js';
import { StartupTimeline } from '../../src/models/startup-timeline.js';

const root = resolve(import.meta.dirname, '../..');
const example = readFileSync(resolve(root, 'examples/overview-report.md'), 'utf8');
const speculation: Speculation = { text: example, filePath: '/reviews/overview-report.md', settings: {}, docsBaseUrl: 'file:///extension' };

/** Resolves once the timeline has the step (checked every 20 ms). */
function stepReached(timeline: StartupTimeline, step: 'worker-ready' | 'worker-warmed'): Promise<void> {
  return new Promise((done) => {
    const check = () => (timeline.has(step) ? done() : setTimeout(check, 20));
    check();
  });
}

describe('the editor’s first lint: speculation and warm-up', () => {
  it('a speculation answers the same job, once, and no other job', () => {
    const linter = new DocumentLinter();
    const job = speculativeJob(speculation);
    linter.speculate('a', job);
    const first = linter.lint('a', job);
    assert.equal(first.took?.speculated, true);
    assert.deepEqual(first.result, lintText(job.text, { filePath: job.filePath, config: job.config }));
    assert.ok(first.checklist && first.childFocus, 'with the summaries');
    assert.notEqual(linter.lint('a', job).took?.speculated, true, 'used once');

    linter.speculate('b', job);
    const other: LintJob = { ...job, config: { ...job.config, reportType: 'imr' } };
    const outcome = linter.lint('b', other);
    assert.notEqual(outcome.took?.speculated, true, 'another configuration is linted anew');
    assert.deepEqual(outcome.result, lintText(job.text, { filePath: job.filePath, config: other.config }));
  });

  it('a closed document’s speculation is dropped', () => {
    const linter = new DocumentLinter();
    const job = speculativeJob(speculation);
    linter.speculate('a', job);
    linter.forget('a');
    assert.notEqual(linter.lint('a', job).took?.speculated, true);
  });

  it('the speculative job is the one the editor builds from default settings, with no config file and nothing referenced', () => {
    const defaults = configFromSettings({ enable: 'auto', rules: {}, defaultReportType: '', child: [], throttleMs: 250 }).config;
    assert.deepEqual(speculativeJob(speculation), {
      text: example,
      filePath: speculation.filePath,
      config: lintConfigOf({ fromSettings: defaults, referenced: NO_REFERENCED_TEXTS, docsBaseUrl: speculation.docsBaseUrl }),
      summaries: true,
    });
    const withSettings = speculativeJob({ ...speculation, settings: { rules: { 'child-voice': 'off' }, child: 'Child A' } });
    assert.equal(withSettings.config.rules?.['child-voice'], 'off');
    assert.deepEqual(withSettings.config.child, ['Child A']);
  });

  it('the warm-up sample is a case review that the lint reads without failing', () => {
    assert.equal(frontMatterNamesReportType(WARM_UP_REPORT), true);
    const result = lintText(WARM_UP_REPORT, { filePath: 'warm-up.md' });
    assert.equal(result.reportType, 'overview');
    assert.deepEqual(result.ruleFailures, []);
  });
});

/** A worker loop whose replies are collected and whose “when idle” tasks wait until `idle()`. */
function loop() {
  const replies: WorkerReply[] = [];
  const tasks: { run: () => void; cancelled: boolean }[] = [];
  const worker = new WorkerLoop(
    (reply) => replies.push(reply),
    (run) => {
      const task = { run, cancelled: false };
      tasks.push(task);
      return () => (task.cancelled = true);
    },
  );
  const idle = () => tasks.splice(0).forEach((task) => task.cancelled || task.run());
  const types = () => replies.map((r) => r.type);
  return { worker, replies, tasks, idle, types };
}

const plainJob = (text: string): LintJob => ({ text, filePath: 'report.md', config: {}, summaries: true });

describe('the editor’s first lint: the worker’s quick first pass', function () {
  this.timeout(60000);

  it('a cold worker sends the quick pass’s findings first, then the whole lint’s; then only whole lints', () => {
    const { worker, replies, types } = loop();
    worker.handle({ type: 'lint', id: 1, key: 'a', job: plainJob(example) });
    assert.deepEqual(types(), ['partial', 'result']);
    const [partial, result] = replies as [Extract<WorkerReply, { type: 'partial' }>, Extract<WorkerReply, { type: 'result' }>];
    assert.deepEqual(partial.outcome.result, lintText(example, { filePath: 'report.md', config: quickPassConfig({}) }));
    assert.equal(partial.outcome.checklist, undefined, 'no summaries in the quick pass');
    assert.deepEqual(result.outcome.result, lintText(example, { filePath: 'report.md' }));
    assert.ok(result.outcome.checklist);
    worker.handle({ type: 'lint', id: 2, key: 'b', job: plainJob(example) });
    assert.deepEqual(types(), ['partial', 'result', 'result']);
  });

  it('a cold worker sends a speculation’s quick pass at once, for its job; the job that comes before the whole lint gets the speculation’s outcome', () => {
    const { worker, replies, tasks, types } = loop();
    worker.handle({ type: 'speculate', key: 'a', speculation });
    assert.deepEqual(types(), ['speculation-partial'], 'the whole lint waits until the worker is idle');
    const job = speculativeJob(speculation);
    const partial = replies[0] as Extract<WorkerReply, { type: 'speculation-partial' }>;
    assert.equal(partial.key, 'a');
    assert.equal(partial.fingerprint, jobFingerprint(job));
    assert.deepEqual(partial.outcome.result, lintText(job.text, { filePath: job.filePath, config: quickPassConfig(job.config) }));
    worker.handle({ type: 'lint', id: 1, key: 'a', job });
    assert.deepEqual(types(), ['speculation-partial', 'warmed', 'result']);
    assert.equal(tasks[0]!.cancelled, true);
    const result = replies[2] as Extract<WorkerReply, { type: 'result' }>;
    assert.equal(result.outcome.took?.speculated, true);
    assert.deepEqual(result.outcome.result, lintText(job.text, { filePath: job.filePath, config: job.config }));
  });

  it('when the worker is idle the speculation is linted whole, and its job takes the outcome without a quick pass', () => {
    const { worker, replies, idle, types } = loop();
    worker.handle({ type: 'speculate', key: 'a', speculation });
    idle();
    assert.deepEqual(types(), ['speculation-partial', 'warmed']);
    worker.handle({ type: 'lint', id: 1, key: 'a', job: speculativeJob(speculation) });
    assert.deepEqual(types(), ['speculation-partial', 'warmed', 'result']);
    assert.equal((replies[2] as Extract<WorkerReply, { type: 'result' }>).outcome.took?.speculated, true);
  });

  it('a job the speculation was not made for drops it', () => {
    const { worker, replies, tasks, types } = loop();
    worker.handle({ type: 'speculate', key: 'a', speculation });
    worker.handle({ type: 'lint', id: 1, key: 'b', job: plainJob(example) });
    assert.equal(tasks[0]!.cancelled, true);
    assert.deepEqual(types(), ['speculation-partial', 'partial', 'result'], 'still cold: a quick pass first');
    assert.notEqual((replies[2] as Extract<WorkerReply, { type: 'result' }>).outcome.took?.speculated, true);
  });

  it('the quick pass leaves out exactly what loads the language model (in the bundle, which loads it on first use)', () => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    const names = 'Darren Mitchell visited Sarah Okonkwo at 14 Acacia Avenue; Mother said Mr K had left.';
    const script = `
      const engine = require(${JSON.stringify(join(root, 'dist/engine.cjs'))});
      const loaded = () => globalThis[Symbol.for('case-review-lint.compromise-loaded')] === true;
      const texts = [require('fs').readFileSync(${JSON.stringify(join(root, 'examples/overview-report.md'))}, 'utf8'), ${JSON.stringify(`# Review\n\n${names}\n`)}];
      for (const text of texts) engine.lintText(text, { config: ${JSON.stringify(quickPassConfig({}))} });
      const quick = loaded();
      for (const text of texts) engine.lintText(text);
      console.log(JSON.stringify({ quick, whole: loaded() }));`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { quick: false, whole: true });
    const ids = new Set(rules.map((rule) => rule.meta.id));
    for (const id of LANGUAGE_MODEL_RULES) assert.ok(ids.has(id), `${id} is a rule`);
  });
});

describe('the editor’s first lint: a front matter that names the report type', () => {
  it('is found without parsing the document', () => {
    assert.equal(frontMatterNamesReportType('---\nreport-type: overview\n---\n# Title\n'), true);
    assert.equal(frontMatterNamesReportType('---\r\ntitle: A\r\nreport-type : imr\r\n---\r\n'), true);
    assert.equal(frontMatterNamesReportType('---\ntitle: A\n---\nreport-type: overview\n'), false, 'only in the front matter');
    assert.equal(frontMatterNamesReportType('# Title\n\nreport-type: overview\n'), false, 'no front matter');
    assert.equal(frontMatterNamesReportType('---\nreport-types: overview\n---\n'), false, 'another key');
    assert.equal(frontMatterNamesReportType('---\nreport-type: overview\n'), false, 'an unclosed front matter');
  });
});

describe('the editor’s first lint: the start-up timeline', () => {
  it('keeps the first time of each step and the first value of each duration and fact', () => {
    const timeline = new StartupTimeline();
    timeline.mark('activate-start', 10.04);
    timeline.mark('activate-start', 20);
    timeline.took('warm-up-or-speculation', 5.55);
    timeline.took('warm-up-or-speculation', 9);
    timeline.note('first-lint-was-speculated', true);
    timeline.note('first-lint-was-speculated', false);
    assert.equal(timeline.has('activate-start'), true);
    assert.equal(timeline.has('activate-end'), false);
    assert.deepEqual(timeline.snapshot(), {
      steps: { 'activate-start': 10 },
      durations: { 'warm-up-or-speculation': 5.6 },
      facts: { 'first-lint-was-speculated': true },
    });
  });
});

describe('the editor’s first lint: a worker started before its runner', function () {
  this.timeout(120000);
  const tmp = mkdtempSync(join(tmpdir(), 'crl-prestart-'));
  const script = join(tmp, 'lint-worker.cjs');
  let runner: WorkerLintRunner | undefined;
  let problems: string[] = [];
  // The worker runs the bundled script, as in the extension (built here from the source).
  before(() => buildWorkerBundle(script));
  beforeEach(() => (problems = []));
  afterEach(() => runner?.dispose());
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('lints the speculation ahead, hands over what the worker said before it was taken, and answers the editor’s job with it', async () => {
    const prestarted = new PrestartedWorker(script, { type: 'speculate', key: 'a', speculation });
    assert.equal(prestarted.problem, undefined);
    // The worker says “ready” and “warmed” while nobody listens: kept for the runner.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const timeline = new StartupTimeline();
    runner = new WorkerLintRunner({ script, prestarted, timeline, onProblem: (p) => problems.push(p) });
    runner.start();
    assert.equal(timeline.snapshot().facts['prestarted-worker-used'], true);
    await stepReached(timeline, 'worker-warmed');
    assert.ok(timeline.has('worker-ready'));
    assert.ok(timeline.has('speculation-quick-pass'));
    const job = speculativeJob(speculation);
    const partials: LintOutcome[] = [];
    const outcome = await runner.lint('a', job, (partial) => partials.push(partial));
    assert.equal(partials.length, 1, 'the speculation’s quick pass, for its job');
    assert.deepEqual(partials[0]!.result, lintText(job.text, { filePath: job.filePath, config: quickPassConfig(job.config) }));
    assert.equal(outcome?.took?.speculated, true, 'the speculation’s outcome');
    assert.deepEqual(outcome?.result, lintText(job.text, { filePath: job.filePath, config: job.config }));
    assert.equal(runner.completedInWorker, 1);
    assert.deepEqual(problems, []);
  });

  it('a prestarted worker is taken once: the next runner starts its own and warms it up', async () => {
    const prestarted = new PrestartedWorker(script, { type: 'warm-up' });
    const first = new WorkerLintRunner({ script, prestarted });
    first.start();
    first.dispose();
    const timeline = new StartupTimeline();
    runner = new WorkerLintRunner({ script, prestarted, timeline, onProblem: (p) => problems.push(p) });
    runner.start();
    assert.equal(timeline.snapshot().facts['prestarted-worker-used'], false);
    assert.ok(timeline.has('worker-start'), 'a worker of its own');
    await stepReached(timeline, 'worker-warmed');
    const outcome = await runner.lint('b', { text: example, filePath: 'report.md', config: {} });
    assert.deepEqual(outcome?.result, lintText(example, { filePath: 'report.md' }));
    assert.deepEqual(problems, []);
  });

  it('a prestarted worker that fails is replaced by a new one, and says so', async () => {
    const prestarted = new PrestartedWorker(resolve(root, 'does-not-exist.cjs'), { type: 'warm-up' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    runner = new WorkerLintRunner({ script, prestarted, onProblem: (p) => problems.push(p) });
    const outcome = await runner.lint('a', { text: example, filePath: 'report.md', config: {} });
    assert.deepEqual(outcome?.result, lintText(example, { filePath: 'report.md' }));
    assert.ok(
      problems.some((p) => p.includes('lint worker')),
      problems.join('\n'),
    );
    assert.equal(runner.usesWorker, true, 'one failure does not stop the worker');
  });
});
