/** Inline `<!-- case-review-lint ... -->` comments. */
import assert from 'node:assert/strict';
import { lintText } from '../../src/index.js';

const lines = (text: string, ruleId = 'template-placeholder') =>
  lintText(text)
    .messages.filter((m) => m.ruleId === ruleId)
    .map((m) => m.line);

describe('inline control comments', () => {
  const body = ['# Note', '', 'One TBC.', '', 'Two TBC.', '', 'Three TBC.', ''];

  it('reports every placeholder without comments', () => {
    assert.deepEqual(lines(body.join('\n')), [3, 5, 7]);
  });

  it('disable … enable switches a rule off for a stretch', () => {
    const text = [
      '# Note',
      '',
      '<!-- case-review-lint disable template-placeholder -->',
      'One TBC.',
      '',
      'Two TBC.',
      '<!-- case-review-lint enable template-placeholder -->',
      '',
      'Three TBC.',
    ].join('\n');
    assert.deepEqual(lines(text), [9]);
  });

  it('disable-next-line and disable-line touch one line only', () => {
    const text = [
      '# Note',
      '',
      '<!-- case-review-lint disable-next-line template-placeholder -->',
      'One TBC.',
      '',
      'Two TBC. <!-- case-review-lint disable-line template-placeholder -->',
      '',
      'Three TBC.',
    ].join('\n');
    assert.deepEqual(lines(text), [8]);
  });

  it('disable-file works from anywhere in the document', () => {
    const text = [...body, '<!-- case-review-lint disable-file template-placeholder -->'].join('\n');
    assert.deepEqual(lines(text), []);
  });

  it('a comment without rule ids applies to every rule; one naming another rule does not apply', () => {
    assert.deepEqual(lines(['<!-- case-review-lint disable -->', ...body].join('\n')), []);
    assert.deepEqual(lines(['<!-- case-review-lint disable tor-period, tor-agencies -->', ...body].join('\n')), [4, 6, 8]);
  });

  it('several rule ids in one comment, separated by spaces or commas', () => {
    const text = ['<!-- case-review-lint disable-file tor-period,template-placeholder -->', ...body].join('\n');
    assert.deepEqual(lines(text), []);
  });
});
