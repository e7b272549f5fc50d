/** The anonymisation quick fix's edits (src/models/pseudonym.ts), on real rule output. */
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { lintText } from '../../src/index.js';
import { applyChanges } from '../../src/index.js';
import { nameFixOf, pseudonymChanges } from '../../src/models/pseudonym.js';

const REPORT = `---
report-type: overview
pseudonyms: [Child A, Mother]
---
# Overview report

## Analysis

Darren Mitchell, Mother's partner, moved in during March 2008. The health visitor never met Darren Mitchell.
`;

const nameMessages = (text: string) => lintText(text).messages.filter((m) => nameFixOf(m) !== undefined);

describe('anonymisation quick fix: replace a name everywhere with a pseudonym', () => {
  it('replaces every occurrence and adds the pseudonym to the key, after which the name is no longer flagged', () => {
    const [message] = nameMessages(REPORT);
    assert.ok(message, 'the rule flags the name');
    const fix = nameFixOf(message)!;
    assert.equal(fix.name, 'Darren Mitchell');
    assert.equal(fix.occurrences.length, 2);
    const fixed = applyChanges(REPORT, pseudonymChanges(fix, 'Mr D'));
    assert.doesNotMatch(fixed, /Darren|Mitchell/);
    assert.match(fixed, /Mr D, Mother's partner[\s\S]*never met Mr D\./);
    const frontMatter = parseYaml(/^---\n([\s\S]*?)\n---/.exec(fixed)![1]!) as { pseudonyms: string[] };
    assert.deepEqual(frontMatter.pseudonyms, ['Child A', 'Mother', 'Mr D']);
    assert.deepEqual(nameMessages(fixed), []);
  });

  it('quotes a pseudonym that YAML would misread', () => {
    const fix = nameFixOf(nameMessages(REPORT)[0]!)!;
    const fixed = applyChanges(REPORT, pseudonymChanges(fix, 'Yes'));
    const frontMatter = parseYaml(/^---\n([\s\S]*?)\n---/.exec(fixed)![1]!) as { pseudonyms: unknown[] };
    assert.deepEqual(frontMatter.pseudonyms, ['Child A', 'Mother', 'Yes']);
  });
});
