/** A rule's per-paragraph memo, asked of its lint context (src/engine/memo.ts, `context.memo`). */
import assert from 'node:assert/strict';
import { defineRule, lintText } from '../../src/index.js';
import { clearTextMemos, ruleMemo } from '../../src/engine/memo.js';

describe('rule memos through the lint context', () => {
  beforeEach(() => clearTextMemos());

  it('keeps a result per text across lints, separately for what it depends on', () => {
    let computed = 0;
    const compute = () => ++computed;
    const a = ruleMemo<number>('memo-test', 'counts', ['a']);
    assert.equal(a.get('one paragraph', compute), 1);
    assert.equal(ruleMemo<number>('memo-test', 'counts', ['a']).get('one paragraph', compute), 1, 'kept for a later lint');
    assert.equal(ruleMemo<number>('memo-test', 'counts', ['b']).get('one paragraph', compute), 2, 'not given under other options');
    assert.equal(ruleMemo<number>('memo-test', 'other', ['a']).get('one paragraph', compute), 3, 'each memo name is its own');
    assert.equal(ruleMemo<number>('another-rule', 'counts', ['a']).get('one paragraph', compute), 4, 'each rule is its own');
  });

  it('is what a rule gets from its context, and a second lint of the same text computes nothing again', () => {
    const seen: string[] = [];
    const rule = defineRule<{ word: string }>(
      {
        id: 'memo-test-rule',
        summary: 'Counts a word (test only).',
        description: '',
        why: '',
        primer: '',
        defaultSeverity: 'info',
        fixable: false,
        options: [],
        defaults: { word: 'seen' },
        examples: [],
      },
      ({ report, options, memo, flag }) => {
        const hits = memo<number>('hits', options.word);
        for (const paragraph of report.text.split('\n\n')) {
          const n = hits.get(paragraph, () => {
            seen.push(paragraph);
            return paragraph.split(options.word).length - 1;
          });
          if (n > 0) flag({ start: report.text.indexOf(paragraph), message: `${n} found.` });
        }
      },
    );
    const text = '# Report\n\nThe child was seen.\n\nNothing here.\n';
    const first = lintText(text, { extraRules: [rule], config: { rules: {} } }).messages.filter((m) => m.ruleId === 'memo-test-rule');
    const computedFirst = seen.length;
    const second = lintText(text, { extraRules: [rule], config: { rules: {} } }).messages.filter((m) => m.ruleId === 'memo-test-rule');
    assert.ok(computedFirst >= 3);
    assert.equal(seen.length, computedFirst, 'the second lint reused every paragraph');
    assert.deepEqual(second, first);
    lintText(text.replace('Nothing here.', 'Seen again, seen.'), { extraRules: [rule] });
    assert.deepEqual(seen.slice(computedFirst), ['Seen again, seen.\n'], 'only the changed paragraph is analysed');
  });
});
