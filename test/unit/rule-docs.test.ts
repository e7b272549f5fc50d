/** The rule help an author opens from “Explain this check” (docs/rules/<id>.md, written by `npm run docs`). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { rules } from '../../lint-rules/index.js';
import { citedPoints, GOOD_PRACTICE } from '../../scripts/good-practice.js';

describe('rule help for authors', () => {
  for (const rule of rules) {
    it(`${rule.meta.id}: starts with the check's plain name, cites no primer or source path, and says what good practice says`, () => {
      const doc = readFileSync(new URL(`../../docs/rules/${rule.meta.id}.md`, import.meta.url), 'utf8');
      assert.ok(doc.startsWith(`# ${rule.meta.summary.replace(/\.$/, '')}\n`), 'no generator comment before the title');
      assert.doesNotMatch(doc, /<!--\s*Generated/);
      assert.doesNotMatch(doc, /Primer §|§\d/, 'no citation of a primer the author cannot open');
      assert.doesNotMatch(doc, /src\/data\//, 'no data file paths');
      const points = citedPoints(rule.meta.primer);
      assert.ok(points.length > 0, `the rule cites a primer point: ${rule.meta.primer}`);
      for (const n of points)
        assert.ok(doc.includes(`### Point ${n}: ${GOOD_PRACTICE[n]!.title}\n\n${GOOD_PRACTICE[n]!.text}`), `point ${n} is written out`);
    });
  }
});
