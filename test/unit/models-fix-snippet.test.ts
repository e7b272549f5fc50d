/** Fixes that leave placeholders go in as snippets with tab stops on them (src/models/fix-snippet.ts). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixesOf, lintText } from '../../src/index.js';
import { escapeSnippetText, snippetOf, tabStopRanges, wantsSnippet } from '../../src/models/fix-snippet.js';

const TEXT = readFileSync(new URL('../fixtures/vscode-workspace/reviews/fixes-child-e.md', import.meta.url), 'utf8');

/** What VS Code inserts for a snippet with its default texts: placeholders become their text, escapes their character. */
function inserted(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const ch = snippet[i]!;
    if (ch === '\\' && /[\\$}]/.test(snippet[i + 1] ?? '')) out += snippet[++i];
    else if (ch === '$' && snippet[i + 1] === '{') {
      const colon = snippet.indexOf(':', i);
      assert.match(snippet.slice(i + 2, colon), /^\d+$/, `a numbered tab stop at ${i}`);
      i = colon; // the default text follows; its closing brace is skipped below
    } else if (ch === '}') continue;
    else {
      assert.notEqual(ch, '$', `an unescaped $ at ${i}`);
      out += ch;
    }
  }
  return out;
}

const stops = (snippet: string) =>
  [...snippet.matchAll(/(?<!\\)\$\{(\d+):((?:\\.|[^\\}])*)\}/g)].map((m) => [Number(m[1]), m[2]!.replace(/\\(.)/g, '$1')]);

describe('fixes as snippets', () => {
  it('puts a tab stop on each placeholder, numbered in order, and inserts the same text', () => {
    const text = ' Lead: [named agency or role]; by: [insert date]; measure: [how success will be evidenced].';
    const { snippet, stops: count } = snippetOf(text);
    assert.equal(count, 3);
    assert.deepEqual(stops(snippet), [
      [1, '[named agency or role]'],
      [2, '[insert date]'],
      [3, '[how success will be evidenced]'],
    ]);
    assert.equal(inserted(snippet), text);
    assert.deepEqual(
      stops(snippetOf(text, 4).snippet).map(([n]) => n),
      [4, 5, 6],
      'numbered on from the changes before it',
    );
  });

  it('escapes $, } and \\ in the rest of the text and in the placeholders', () => {
    assert.equal(escapeSnippetText('cost $5 {a} C:\\x'), 'cost \\$5 {a\\} C:\\\\x');
    const text = 'Budget $TM_FILENAME ${1:x} \\n}: [insert cost in $]';
    const { snippet } = snippetOf(text);
    assert.equal(inserted(snippet), text);
    assert.deepEqual(stops(snippet), [[1, '[insert cost in $]']]);
    assert.ok(!/(?<!\\)\$(?!\{\d+:)/.test(snippet), snippet);
  });

  it('makes a template prompt line one tab stop, with any placeholder in it', () => {
    const text = '\n## Family involvement\n\n> Prompt: Say how [name of parent] was involved.\n\n';
    const ranges = tabStopRanges(text);
    assert.equal(ranges.length, 1);
    assert.equal(text.slice(ranges[0]!.start, ranges[0]!.end), '> Prompt: Say how [name of parent] was involved.');
    assert.equal(inserted(snippetOf(text).snippet), text);
  });

  it('leaves text without placeholders as it is, and finished brackets (“[see Appendix 2]”) alone', () => {
    assert.deepEqual(snippetOf('was not brought'), { snippet: 'was not brought', stops: 0 });
    assert.deepEqual(tabStopRanges('as agreed [see Appendix 2] and [postcode removed]'), []);
    assert.equal(wantsSnippet({ scaffold: false }, ['was not brought']), false);
    assert.equal(wantsSnippet({ scaffold: true }, ['\n## Learning\n']), true);
    assert.equal(wantsSnippet({}, ['by [insert date]']), true);
  });

  it('turns the rules’ own scaffolds into snippets whose first stop is the first placeholder', () => {
    const scaffolds = lintText(TEXT, {})
      .messages.flatMap((m) => fixesOf(m, TEXT))
      .filter((f) => f.scaffold);
    assert.ok(scaffolds.length >= 3, `${scaffolds.length} scaffold fixes`);
    const smart = scaffolds.find((f) => /^Add the missing SMART parts/.test(f.title));
    assert.ok(smart, scaffolds.map((f) => f.title).join(' | '));
    for (const fix of scaffolds) {
      assert.ok(
        wantsSnippet(
          fix,
          fix.changes.map((c) => c.text),
        ),
        fix.title,
      );
      for (const change of fix.changes) assert.equal(inserted(snippetOf(change.text).snippet), change.text, fix.title);
    }
    const first = stops(snippetOf(smart.changes[0]!.text).snippet)[0];
    assert.ok(first && first[0] === 1 && /^\[/.test(String(first[1])), JSON.stringify(first));
  });
});
