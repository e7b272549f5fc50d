import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chunkStarts } from '../../src/engine/chunks.js';
import { IncrementalParser, parser } from '../../src/engine/incremental-parse.js';

const root = resolve(import.meta.dirname, '../..');
/** The lines at which the text is cut (1-based), for readable expectations. */
const cutLines = (text: string) => chunkStarts(text).map((offset) => text.slice(0, offset).split('\n').length);
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('chunkStarts (where a document can be parsed in pieces)', () => {
  it('cuts before an ATX heading that follows a blank line', () => {
    assert.deepEqual(cutLines('# Report\n\n## Chronology\n\n| a |\n| - |\n\n### 1.1 More\n'), [1, 3, 8]);
  });

  it('cuts before a paragraph that starts with a letter at column 0 after a blank line', () => {
    assert.deepEqual(cutLines('# Report\n\nText.\n\nMore text.\nSame paragraph.\n\nÉtude.\n'), [1, 3, 5, 8]);
  });

  it('does not cut before a line that could continue a list or a quote, or an indented line', () => {
    assert.deepEqual(cutLines('Intro.\n\n- a\n\n- b\n\n  more of b\n\n1. one\n\n> quote\n\n> more\n\n    code\n\n*emphasis*\n'), [1]);
  });

  it('does not cut before a heading that directly follows a paragraph, list or table line', () => {
    assert.deepEqual(cutLines('Text.\n## A\n- item\n## B\n| a |\n| - |\n## C\n'), [1]);
  });

  it('does not cut inside front matter, even at a YAML comment', () => {
    assert.deepEqual(cutLines('---\nreport-type: imr\n\n# a comment\n---\n\n# Title\n'), [1, 7]);
  });

  it('does not cut inside fenced code until the matching fence closes', () => {
    const text = '````\n\n# not a heading\n```\n\n# still code\n````\n\n# Heading\n';
    assert.deepEqual(cutLines(text), [1, 9]);
    assert.deepEqual(cutLines('~~~\n\n# code\n```\n\n# code\n'), [1], 'a backtick fence does not close a tilde fence');
  });

  it('does not cut inside an HTML comment or <pre> block that spans blank lines', () => {
    assert.deepEqual(cutLines('<!--\n\n# hidden\n\n-->\n\n# Shown\n'), [1, 7]);
    assert.deepEqual(cutLines('<pre>\n\n# pre\n\n</pre>\n\n# After\n'), [1, 7]);
    assert.deepEqual(cutLines('<!-- one line -->\n\n# After\n'), [1, 3], 'a comment closed on its own line leaves nothing open');
  });

  it('does not cut a document with link reference or footnote definitions at all', () => {
    assert.deepEqual(cutLines('# A\n\nSee [the guidance][g].\n\n# B\n\n[g]: https://example.org\n'), [1]);
    assert.deepEqual(cutLines('# A\n\nText[^1].\n\n# B\n\n[^1]: A note.\n'), [1]);
  });

  it('needs a space, a tab or the line end after the hashes', () => {
    assert.deepEqual(cutLines('a\n\n#hashtag\n\n####### seven\n\n#\n'), [1, 7]);
  });
});

describe('IncrementalParser', () => {
  const example = readFileSync(resolve(root, 'examples/overview-report.md'), 'utf8');

  it('assembles the same tree as a whole-document parse, before and after edits', () => {
    const incremental = new IncrementalParser();
    assert.deepEqual(plain(incremental.parse(example)), plain(parser.parse(example)));
    assert.ok(incremental.stats.pieces > 5, `the example is cut into pieces (${incremental.stats.pieces})`);
    const middle = example.indexOf('\n', Math.floor(example.length / 2));
    const edited = `${example.slice(0, middle)} Extra words.${example.slice(middle)}`;
    assert.deepEqual(plain(incremental.parse(edited)), plain(parser.parse(edited)));
  });

  it('assembles the same tree as a whole-document parse where paragraphs follow lists, quotes, code, tables and HTML', () => {
    const documents = [
      '- a\n- b\n\nAfter a tight list.\n',
      '- a\n\n- b\n\nAfter a loose list.\n',
      '1. one\n   lazy\n\n   still one\n\nAfter.\n',
      '- a\n\n  continued\n\nAfter.\n\n- new list\n',
      '> quote\nlazy line\n\nAfter the quote.\n',
      '    indented code\n\n    more code\n\nAfter the code.\n',
      '| a | b |\n| - | - |\n| 1 | 2 |\n\nAfter the table.\n',
      '<div>\nhtml\n\nAfter the HTML.\n',
      'Setext\n\nTitle\n=====\n\nText\n---\n\nEnd.\n',
      '* * *\n\nText *emphasis\n\nacross* blank.\n',
      'Text with <!-- a comment\n\nspanning --> blank lines.\n',
      'Line one  \n\nHard break? No: new paragraph.\n',
    ];
    for (const text of documents)
      assert.deepEqual(plain(new IncrementalParser().parse(text)), plain(parser.parse(text)), JSON.stringify(text));
  });

  it('parses only the piece that changed after a small edit', () => {
    const incremental = new IncrementalParser();
    incremental.parse(example);
    const middle = example.indexOf('\n', Math.floor(example.length / 2));
    incremental.parse(`${example.slice(0, middle)}x${example.slice(middle)}`);
    assert.equal(incremental.stats.parsed, 1);
  });

  it('gives read-only trees, so that no caller can change a piece the next parse reuses', () => {
    const incremental = new IncrementalParser();
    const first = incremental.parse(example);
    assert.throws(() => {
      (first.children[0] as { type: string }).type = 'changed';
    }, TypeError);
    assert.throws(() => {
      (first.children[1] as { position: { start: { offset: number } } }).position.start.offset = 0;
    }, TypeError);
    assert.deepEqual(plain(incremental.parse(example)), plain(parser.parse(example)));
  });

  it('keeps the very nodes of the pieces before an edit, and places the pieces after it anew', () => {
    const incremental = new IncrementalParser();
    const before = incremental.parse(example);
    const middle = example.indexOf('\n', Math.floor(example.length / 2));
    const after = incremental.parse(`${example.slice(0, middle)}x${example.slice(middle)}`);
    assert.equal(after.children[0], before.children[0], 'the first piece is the same object');
    const last = after.children.length - 1;
    assert.notEqual(after.children[last], before.children[before.children.length - 1], 'a piece after the edit is a moved copy');
    assert.equal(after.children[last]!.position!.start.offset, before.children[before.children.length - 1]!.position!.start.offset! + 1);
  });
});
