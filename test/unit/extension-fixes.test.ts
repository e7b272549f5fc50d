/** Typed fixes as text changes (src/engine/fixes.ts, the editor's suppress.ts): the path the editor's quick fixes, Fix all and the command line's --fix share. */
import assert from 'node:assert/strict';
import { applyChanges, fixAll, fixesOf, lintText, minimalChange, type Fix, type LintMessage } from '../../src/index.js';
import { disableFileFix, disableLineFix, frontMatterEnd } from '../../src/models/suppress.js';

const lint = (text: string): LintMessage[] => lintText(text, {}).messages;
const apply = (text: string, fix: Fix | undefined): string => {
  assert.ok(fix, 'expected a fix');
  return applyChanges(text, fix.changes);
};

const OVERVIEW = `---
report-type: overview
period-start: 1 March 2019
period-end: 31 August 2020
---
# Overview report: Child D

## 1. Introduction

Child D was admitted to hospital in September 2020.

## 2. Terms of reference

The review covers the period from 31 August 2020 to 1 March 2019.

All relevant agencies will contribute, and the review will look at the relevant period.

## 6. Integrated chronology

Child D was seen at home.

## 7. Analysis

Agencies did not share information.

## 10. Lessons learned

Nothing was recorded. The plan is TBC.

## 12. Recommendations

Record who lives in the household.
`;

function only(messages: LintMessage[], ruleId: string, includes = ''): LintMessage[] {
  return messages.filter((m) => m.ruleId === ruleId && m.message.includes(includes));
}

describe('extension quick fixes (pure)', () => {
  describe('expected replacements', () => {
    it('replaces a reversed period with the first expected text, and the rule stops flagging it', () => {
      const [message] = only(lint(OVERVIEW), 'tor-period', 'ends before it starts');
      assert.ok(message);
      const fixes = fixesOf(message, OVERVIEW);
      assert.equal(fixes.length, 1);
      assert.equal(fixes[0]!.title, 'Replace with “1 March 2019 to 31 August 2020”');
      assert.equal(fixes[0]!.preferred, true);
      assert.equal(fixes[0]!.mechanical, true);
      const fixed = apply(OVERVIEW, fixes[0]);
      assert.ok(fixed.includes('from 1 March 2019 to 31 August 2020.'));
      assert.deepEqual(only(lint(fixed), 'tor-period', 'ends before it starts'), []);
    });

    it('offers every replacement of a front-matter typo, the most similar first and preferred, none mechanical', () => {
      const text = `---\nreport-type: overveiw\n---\n# Overview report\n`;
      const [message] = only(lint(text), 'front-matter');
      assert.ok(message);
      const fixes = fixesOf(message, text);
      assert.ok(fixes.length > 1);
      assert.equal(fixes[0]!.title, 'Replace with “overview”');
      assert.equal(fixes[0]!.preferred, true);
      assert.ok(fixes.slice(1).every((f) => !f.preferred));
      assert.ok(fixes.every((f) => !f.mechanical));
      const fixed = apply(text, fixes[0]);
      assert.ok(fixed.startsWith('---\nreport-type: overview\n---'));
      assert.deepEqual(only(lint(fixed), 'front-matter'), []);
    });
  });

  describe('inserting a missing section', () => {
    it('inserts the heading at the level of its neighbours with its prompt, after the section it follows', () => {
      const [message] = only(lint(OVERVIEW), 'required-sections', 'Methodology');
      assert.ok(message);
      const fixes = fixesOf(message, OVERVIEW);
      assert.equal(fixes.length, 1);
      assert.equal(fixes[0]!.title, 'Insert missing section “Methodology and review process”');
      const fixed = apply(OVERVIEW, fixes[0]);
      // Numbered like the section it follows (“## 2. Terms of reference”).
      const at = fixed.indexOf('## 3. Methodology and review process\n\n> Prompt: ');
      assert.ok(at > fixed.indexOf('the relevant period.'), 'after the terms of reference');
      assert.ok(at < fixed.indexOf('## 6. Integrated chronology'), 'before the chronology');
      assert.deepEqual(only(lint(fixed), 'required-sections', 'No “Methodology'), []);
    });
  });

  describe('fix all', () => {
    it('applies every mechanical fix of one rule, relinting between rounds, until the rule is satisfied', () => {
      const before = only(lint(OVERVIEW), 'required-sections');
      assert.ok(before.length >= 3);
      const result = fixAll(OVERVIEW, lint, { ruleId: 'required-sections' });
      assert.equal(result.fixed, before.length);
      assert.deepEqual(only(lint(result.text), 'required-sections'), []);
      // Sections inserted at one place keep the profile's order.
      const order = [
        '## 3. Methodology and review process',
        '## 4. Family involvement',
        '## 5. Family composition',
        '## 6. Integrated chronology',
      ];
      const positions = order.map((h) => result.text.indexOf(h));
      assert.ok(positions.every((p) => p > 0));
      assert.deepEqual(
        [...positions].sort((a, b) => a - b),
        positions,
      );
      assert.ok(!/\n\n\n/.test(result.text), 'no runs of blank lines');
      // Other rules' problems are left alone.
      assert.equal(only(lint(result.text), 'tor-period').length, 1);
    });

    it('applies mechanical fixes of every rule when no rule is given, and leaves judgement calls and scaffolds alone', () => {
      const result = fixAll(OVERVIEW, lint);
      const after = lint(result.text);
      assert.deepEqual(only(after, 'required-sections', 'No “Methodology').length, 1, 'no section scaffolds inserted');
      assert.ok(!result.text.includes('> Prompt:'));
      assert.deepEqual(only(after, 'tor-period', 'ends before it starts'), []);
      assert.deepEqual(only(after, 'tor-vague-language', 'the relevant period'), []);
      assert.equal(only(after, 'tor-vague-language', 'All relevant agencies').length, 1);
    });
  });

  describe('fixes reported with the message', () => {
    const base: LintMessage = {
      ruleId: 'r',
      severity: 'info',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      startOffset: 0,
      endOffset: 0,
      message: 'm',
      url: '',
    };

    it('leaves out fixes whose offsets fall outside the text and fixes that change nothing', () => {
      const outside: Fix = { title: 'outside', changes: [{ start: 0, end: 99, text: '' }] };
      const same: Fix = { title: 'same', changes: [{ start: 0, end: 1, text: 'a' }] };
      assert.deepEqual(fixesOf({ ...base, fixes: [outside, same] }, 'abc'), []);
      assert.deepEqual(
        fixesOf({ ...base, fixes: [outside] }, 'a'.repeat(100)).map((f) => f.title),
        ['outside'],
      );
    });

    it('turns `expected` into replacement fixes: one is mechanical, a choice is not, a placeholder is a scaffold', () => {
      const text = `---\nreport-type: overview\n---\n## Recommendations\n\n1. The Hospital Trust will audit missed appointments as soon as possible.\n`;
      const [deadline] = only(lint(text), 'recommendation-deadline');
      assert.ok(deadline);
      const replacement = fixesOf(deadline, text).find((f) => f.title.startsWith('Replace with'));
      assert.ok(replacement, 'a replacement for “as soon as possible”');
      assert.equal(replacement.mechanical, true);
      assert.equal(replacement.scaffold, true, '“by [insert date]” is for the author to complete');
      const result = fixAll(text, lint);
      assert.equal(result.text, text, 'a whole-file fix leaves placeholders out');
    });
  });

  describe('text helpers', () => {
    it('computes one minimal change', () => {
      assert.deepEqual(minimalChange('abcdef', 'abXYef'), { start: 2, end: 4, text: 'XY' });
      assert.deepEqual(minimalChange('aaa', 'aaaa'), { start: 3, end: 3, text: 'a' });
      assert.equal(minimalChange('same', 'same'), undefined);
      for (const [a, b] of [
        ['', 'x'],
        ['x', ''],
        ['abcabc', 'abc'],
        ['hello world', 'hello there world'],
      ]) {
        const change = minimalChange(a!, b!)!;
        assert.equal(applyChanges(a!, [change]), b);
      }
    });

    it('applies several changes by their offsets and refuses overlaps', () => {
      assert.equal(
        applyChanges('0123456789', [
          { start: 8, end: 9, text: 'X' },
          { start: 1, end: 2, text: 'Y' },
        ]),
        '0Y234567X9',
      );
      assert.throws(() =>
        applyChanges('0123', [
          { start: 0, end: 3, text: '' },
          { start: 2, end: 4, text: '' },
        ]),
      );
    });

    it('finds the end of the front matter', () => {
      assert.equal(frontMatterEnd('---\na: 1\n---\n# T\n'), 13);
      assert.equal(frontMatterEnd('# T\n'), 0);
      assert.equal(frontMatterEnd('---\na: 1\n'), 0);
    });
  });
});

describe('extension disable comments (pure)', () => {
  const TEXT = `---
report-type: overview
---
# Overview report: Child D

## Introduction

The review was requested on [insert date]
by the board, TBC.

| Date | Event |
| --- | --- |
| TBC | Visit |
`;

  const placeholders = () => only(lint(TEXT), 'template-placeholder');

  it('puts a disable-line comment at the end of a line inside a paragraph, and the message goes', () => {
    const message = placeholders().find((m) => m.message.includes('TBC') && m.line === 9)!;
    const fix = disableLineFix(message, TEXT);
    assert.equal(fix?.title, 'Disable template-placeholder for this line');
    const fixed = apply(TEXT, fix);
    assert.ok(fixed.includes('[insert date]\nby the board, TBC. <!-- case-review-lint disable-line template-placeholder -->\n'));
    const left = only(lint(fixed), 'template-placeholder');
    assert.ok(!left.some((m) => m.line === 9));
    assert.ok(
      left.some((m) => m.message.includes('[insert date]')),
      'other lines still flagged',
    );
  });

  it('puts a disable-next-line comment above the first line of a paragraph, keeping the paragraph whole', () => {
    const message = placeholders().find((m) => m.message.includes('[insert date]'))!;
    const fixed = apply(TEXT, disableLineFix(message, TEXT));
    assert.ok(
      fixed.includes(
        '## Introduction\n\n<!-- case-review-lint disable-next-line template-placeholder -->\nThe review was requested on [insert date]\nby the board',
      ),
    );
    const left = only(lint(fixed), 'template-placeholder');
    assert.ok(!left.some((m) => m.message.includes('[insert date]')));
    assert.ok(left.some((m) => m.message.includes('TBC')));
  });

  it('puts the comment at the end of a table row, leaving the table whole', () => {
    const message = placeholders().find((m) => m.line === 13)!;
    const fixed = apply(TEXT, disableLineFix(message, TEXT));
    assert.ok(fixed.includes('| --- | --- |\n| TBC | Visit | <!-- case-review-lint disable-line template-placeholder -->\n'));
    assert.ok(!only(lint(fixed), 'template-placeholder').some((m) => m.line === 13));
  });

  it('puts a disable-next-line comment above a heading, so the heading text is untouched', () => {
    const text = `---\nreport-type: overview\n---\n# Overview report\n\n## Introduction\n`;
    const message = only(lint(text), 'required-sections', 'Terms of reference')[0]!;
    const fix = disableLineFix(message, text);
    const fixed = apply(text, fix);
    const line = fixed.split('\n')[message.line - 1];
    assert.equal(line, '<!-- case-review-lint disable-next-line required-sections -->');
    assert.equal(fixed.split('\n')[message.line], text.split('\n')[message.line - 1]);
    assert.deepEqual(only(lint(fixed), 'required-sections', 'Terms of reference'), []);
  });

  it('adds the rule to a disable-line comment already on the line', () => {
    const text = TEXT.replace('by the board, TBC.', 'by the board, TBC. <!-- case-review-lint disable-line tor-questions -->');
    const message = only(lint(text), 'template-placeholder', 'TBC').find((m) => m.line === 9)!;
    const fixed = apply(text, disableLineFix(message, text));
    assert.ok(fixed.includes('<!-- case-review-lint disable-line tor-questions template-placeholder -->'));
    assert.deepEqual(
      only(lint(fixed), 'template-placeholder').filter((m) => m.line === message.line),
      [],
    );
  });

  it('offers no line comment inside the front matter', () => {
    const text = `---\nreport-type: overveiw\n---\n# Overview report\n`;
    const message = only(lint(text), 'front-matter')[0]!;
    assert.equal(disableLineFix(message, text), undefined);
  });

  it('puts a disable-file comment right after the front matter, and every message of the rule goes', () => {
    const message = placeholders()[0]!;
    const fix = disableFileFix(message, TEXT);
    assert.equal(fix?.title, 'Disable template-placeholder for this file');
    const fixed = apply(TEXT, fix);
    assert.ok(
      fixed.startsWith('---\nreport-type: overview\n---\n<!-- case-review-lint disable-file template-placeholder -->\n# Overview report'),
    );
    assert.deepEqual(only(lint(fixed), 'template-placeholder'), []);
    assert.equal(lintText(fixed).reportType, 'overview');
    // A second rule joins the same comment.
    const other = only(lint(fixed), 'required-sections')[0]!;
    const twice = apply(fixed, disableFileFix(other, fixed));
    assert.ok(twice.includes('<!-- case-review-lint disable-file template-placeholder required-sections -->'));
    assert.deepEqual(only(lint(twice), 'required-sections'), []);
  });

  it('puts a disable-file comment at the top of a file without front matter', () => {
    const text = `# Overview report\n\nTBC\n`;
    const message = only(lint(text), 'template-placeholder')[0]!;
    const fixed = apply(text, disableFileFix(message, text));
    assert.ok(fixed.startsWith('<!-- case-review-lint disable-file template-placeholder -->\n# Overview report'));
    assert.deepEqual(only(lint(fixed), 'template-placeholder'), []);
  });
});
