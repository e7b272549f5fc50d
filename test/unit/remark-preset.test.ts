/**
 * The remark preset lints as the command line does (issue 18): the config that applies to each
 * file (a sub-folder's `.casereviewrc` turning a rule off), and an executive summary compared with
 * the overview report it names. The preset runs here through unified, as remark-cli runs it (one
 * processor per file, files given relative to the working folder); test/slow/remark-preset.test.ts
 * runs remark-cli itself.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkPresetCaseReview from '../../src/remark-preset.js';
import { cli, ensureBuilt } from '../support/cli.js';
import { findingKey, makeRemarkProject, OVERVIEW, SUMMARY } from '../support/remark-project.js';

describe('the remark preset and the command line', function () {
  this.timeout(60000);
  let project: string;

  before(() => {
    ensureBuilt();
    project = makeRemarkProject();
  });
  after(() => rmSync(project, { recursive: true, force: true }));

  /** Lint one file as remark-cli does: parse, then run the plugins, with the file's path relative to the working folder. */
  async function lintWithPreset(path: string, text = readFileSync(join(project, path))): Promise<VFile> {
    const file = new VFile({ path, cwd: project, value: text });
    const processor = unified().use(remarkParse).use(remarkPresetCaseReview);
    await processor.run(processor.parse(file), file);
    return file;
  }

  /** What the preset finds in one file of the project. */
  async function presetFindings(path: string): Promise<string[]> {
    const file = await lintWithPreset(path);
    return file.messages
      .filter((m) => m.source === 'case-review-lint')
      .map((m) => {
        const place = m.place && 'start' in m.place ? m.place : { start: m.place, end: m.place };
        const severity = m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info';
        return findingKey({
          line: place.start!.line,
          column: place.start!.column,
          endLine: place.end!.line,
          endColumn: place.end!.column,
          severity,
          ruleId: m.ruleId ?? '',
        });
      })
      .sort();
  }

  /** What the command line finds in each file of the project's folder, by path. */
  function cliFindings(): Map<string, string[]> {
    const run = spawnSync(process.execPath, [cli, '--format', 'json', '.'], { cwd: project, encoding: 'utf8' });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    const results = JSON.parse(run.stdout) as { file: string; messages: Parameters<typeof findingKey>[0][] }[];
    return new Map(results.map((r) => [r.file.replace(/\\/g, '/'), r.messages.map(findingKey).sort()]));
  }

  it('gives the same findings as the command line on each file of a folder', async () => {
    const fromCli = cliFindings();
    assert.deepEqual([...fromCli.keys()].sort(), [OVERVIEW, SUMMARY]);
    for (const path of [OVERVIEW, SUMMARY]) assert.deepEqual(await presetFindings(path), fromCli.get(path), path);
  });

  it('applies the sub-folder’s config to the summary, not the working folder’s', async () => {
    const summary = await presetFindings(SUMMARY);
    assert.ok(!summary.some((f) => f.endsWith(' was-not-brought')), 'summary/.casereviewrc.json turns was-not-brought off');
    // Without that config the rule finds “did not attend” in the summary: the config is what hides it.
    const elsewhere = await lintWithPreset('summary-copy.md', readFileSync(join(project, SUMMARY)));
    assert.ok(
      elsewhere.messages.some((m) => m.ruleId === 'was-not-brought'),
      'the same text outside summary/ is flagged',
    );
  });

  it('compares the executive summary with the overview report its front matter names', async () => {
    const summary = await presetFindings(SUMMARY);
    const consistency = summary.filter((f) => f.endsWith(' summary-consistency'));
    // The panel member without an organisation, recommendations 2, 3 and 4 left out, the summary's
    // own recommendation, and the action plan not in full.
    assert.equal(consistency.length, 6, consistency.join('\n'));
    assert.ok(!summary.some((f) => f.includes(' info summary-consistency')), 'no “the overview report was not available”');
  });

  it('reports a broken config once, not once per file, and lints on with the defaults', async () => {
    mkdirSync(join(project, 'broken'));
    writeFileSync(join(project, 'broken/.casereviewrc.json'), '{ "rules": { "tor-vauge-language": "off" } }');
    const written: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      for (const name of ['a.md', 'b.md']) {
        const file = await lintWithPreset(`broken/${name}`, readFileSync(join(project, OVERVIEW)));
        assert.ok(
          file.messages.some((m) => m.ruleId === 'tor-vague-language'),
          `${name} is linted`,
        );
      }
    } finally {
      process.stderr.write = write;
    }
    const configErrors = written.filter((line) => line.includes('config error'));
    assert.equal(configErrors.length, 1, written.join(''));
    assert.match(configErrors[0]!, /broken[\\/]\.casereviewrc\.json:1:\d+: config error: unknown rule "tor-vauge-language"/);
  });
});
