/**
 * The bundles (esbuild.js) lint exactly as the source does, though they are minified, carry the
 * English word lists as strings, load compromise on first use and build tables' plain rows
 * without micromark; and a command loads only what it needs (issue 20).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { lintText } from '../../src/index.js';
import { chronologyReport, raggedChronology } from '../../scripts/bench/chronology.js';
import { syntheticReport } from '../../scripts/bench/synthetic-report.js';

const root = resolve(import.meta.dirname, '../..');
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('the bundles', function () {
  this.timeout(120000);

  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  it('dist/engine.cjs gives the source’s findings on reports, long chronologies and names', () => {
    const bundle = createRequire(import.meta.url)(join(root, 'dist/engine.cjs')) as { lintText: typeof lintText };
    const fixtures = join(root, 'test/fixtures');
    const texts = [
      readFileSync(join(root, 'examples/overview-report.md'), 'utf8'),
      ...readdirSync(fixtures)
        .filter((name) => name.endsWith('.md'))
        .map((name) => readFileSync(join(fixtures, name), 'utf8')),
      syntheticReport(20000).text,
      chronologyReport(400),
      raggedChronology(400),
      '# Review\n\nDarren Mitchell and Okonkwo visited; Consultation with Grievous Bodily Harm noted. Sarah said so.\n',
    ];
    for (const text of texts) assert.deepEqual(plain(bundle.lintText(text)), plain(lintText(text)), text.slice(0, 80));
  });

  it('the CLI does not load the language model for a report that needs no name check', () => {
    const mark = "Symbol.for('case-review-lint.compromise-loaded')";
    const script = `
      const engine = require(${JSON.stringify(join(root, 'dist/engine.cjs'))});
      engine.lintText('# Report\\n\\n## Introduction\\n\\nThe review was commissioned in 2009.\\n');
      const before = globalThis[${mark}] === true;
      engine.lintText('# Report\\n\\nDarren Mitchell visited the family.\\n');
      console.log(JSON.stringify({ before, after: globalThis[${mark}] === true }));`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { before: false, after: true });
  });
});
