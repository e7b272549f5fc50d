/** The IMR section snippets generated from the IMR profile (scripts/section-snippets.ts). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IMR_SNIPPETS_PATH, escapePlaceholder, imrSnippetsFile, reuseBody } from '../../scripts/section-snippets.js';
import { BUILT_IN_PROFILES } from '../../src/engine/profiles.js';

const root = resolve(import.meta.dirname, '../..');

interface Snippet {
  prefix: string[];
  body: string[];
}

const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, Snippet>;

describe('IMR section snippets', () => {
  const imr = BUILT_IN_PROFILES.find((p) => p.id === 'imr')!;
  const snippets = Object.values(read(IMR_SNIPPETS_PATH));

  it('are up to date with the IMR profile (npm run docs writes them)', () => {
    assert.equal(readFileSync(join(root, IMR_SNIPPETS_PATH), 'utf8'), imrSnippetsFile(root));
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { snippets: { path: string }[] } };
    assert.ok(
      manifest.contributes.snippets.some((s) => s.path === `./${IMR_SNIPPETS_PATH}`),
      'contributed in package.json',
    );
  });

  it('give one snippet per section, in order: its heading and its prompt as tab stops', () => {
    assert.equal(snippets.length, imr.sections.length);
    for (const [i, section] of imr.sections.entries()) {
      const snippet = snippets[i]!;
      assert.ok(snippet.prefix.includes(`imr-${section.id}`), section.id);
      assert.equal(snippet.body[0], `## \${1:${section.title}}`);
      assert.equal(snippet.body[2], `\${2:> Prompt: ${section.prompt}}`);
      assert.equal(snippet.body.at(-1), '$0');
      assert.equal(snippet.body.filter((l) => l.includes('$0')).length, 1, `${section.id}: one final tab stop`);
    }
  });

  it('reuse the chronology, recommendation and action plan snippets for those sections, tab stops renumbered', () => {
    const chronology = read('snippets/chronology.code-snippets')['Chronology table (single agency)']!.body;
    const actionPlan = read('snippets/recommendations.code-snippets')['Action plan table']!.body;
    const byId = (id: string) => snippets[imr.sections.findIndex((s) => s.id === id)]!.body;
    assert.equal(byId('chronology')[4], chronology[0], 'the chronology table header');
    assert.equal(byId('chronology')[5], chronology[1]);
    assert.match(byId('chronology')[6]!, /^\| \$\{3:\$CURRENT_DATE\/\$CURRENT_MONTH\/\$CURRENT_YEAR\} \| \$\{4:/);
    assert.equal(
      byId('action-plan')[4],
      actionPlan.find((l) => l.startsWith('| Recommendation')),
      'the action plan header, without its own heading',
    );
    assert.ok(
      !byId('action-plan')
        .slice(1)
        .some((l) => l.startsWith('#')),
      'one heading only',
    );
    assert.match(byId('recommendations')[4]!, /^\$\{3:1\}\. \$\{4:The Hospital Trust\} will /);
    assert.deepEqual(byId('analysis').slice(3), ['$0'], 'other sections: heading and prompt only');
  });

  it('escape snippet syntax in prompts and renumber reused bodies', () => {
    assert.equal(escapePlaceholder('costs $5 {a} \\ end'), 'costs \\$5 {a\\} \\\\ end');
    assert.deepEqual(reuseBody(['## ${1:Heading}', '', '| ${2:a} | ${4|x,y|} | \\$3 |', '$0'], 5), ['| ${6:a} | ${7|x,y|} | \\$3 |']);
  });
});
