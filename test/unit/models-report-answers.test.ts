/** The New Report wizard's questions and checks (src/models/report-answers.ts). */
import assert from 'node:assert/strict';
import { periodProblem, readChildAnswer, readDateAnswer, wizardSteps } from '../../src/models/report-answers.js';

describe('New Report wizard answers', () => {
  it('asks six questions, seven for an IMR (its agency), and none that were answered beforehand', () => {
    assert.deepEqual(wizardSteps(undefined, new Set()), ['reportType', 'child', 'periodStart', 'periodEnd', 'reportDate', 'independence']);
    assert.deepEqual(wizardSteps('overview', new Set()).length, 6);
    assert.deepEqual(wizardSteps('imr', new Set()), [
      'reportType',
      'child',
      'agency',
      'periodStart',
      'periodEnd',
      'reportDate',
      'independence',
    ]);
    assert.deepEqual(wizardSteps('imr', new Set(['reportType', 'agency', 'independence'])), [
      'child',
      'periodStart',
      'periodEnd',
      'reportDate',
    ]);
  });

  it('reads a date typed day first in any usual form and writes it one way', () => {
    for (const [typed, written] of [
      ['1 March 2007', '01/03/2007'],
      ['01/03/2007', '01/03/2007'],
      ['1.3.07', '01/03/2007'],
      ['  1st March 2007 ', '01/03/2007'],
      ['2007-03-01', '01/03/2007'],
      ['March 2007', 'March 2007'],
    ]) {
      assert.deepEqual(readDateAnswer(typed!), { kind: 'date', date: written }, typed);
    }
    assert.deepEqual(readDateAnswer('   '), { kind: 'empty' });
  });

  it('refuses an impossible or unreadable date with a plain message saying how to write it', () => {
    const impossible = readDateAnswer('31/02/2020');
    assert.equal(impossible.kind, 'error');
    assert.equal(
      (impossible as { message: string }).message,
      '“31/02/2020” is not a real date: February 2020 has 29 days. Type it day first, such as 01/03/2007 or 1 March 2007.',
    );
    const monthFirst = readDateAnswer('03/31/2007');
    assert.match(
      (monthFirst as { message: string }).message,
      /^“03\/31\/2007” is not a real date: there is no month 31\. Type it day first/,
    );
    const words = readDateAnswer('next Tuesday');
    assert.match((words as { message: string }).message, /^“next Tuesday” is not a date that can be read\. Type it day first/);
    for (const result of [impossible, monthFirst, words])
      assert.doesNotMatch((result as { message: string }).message, /Unexpected|dd\/MM|yyyy/);
  });

  it('wants the end of the review period after its start', () => {
    assert.equal(periodProblem('01/02/2020', '30/11/2021'), undefined);
    assert.equal(
      periodProblem('30/11/2021', '01/02/2020'),
      'The review period cannot end on 01/02/2020 when it starts on 30/11/2021. Type a date after the start.',
    );
    assert.ok(periodProblem('01/02/2020', '01/02/2020'), 'a period of no length');
    assert.equal(periodProblem('March 2007', 'March 2007'), undefined, 'a month is a period');
    assert.equal(periodProblem('15/03/2007', 'March 2007'), undefined, 'to the end of the month');
    assert.ok(periodProblem('15/03/2007', 'February 2007'));
    assert.equal(periodProblem(undefined, '01/02/2020'), undefined, 'nothing to compare yet');
  });

  it('never leaves the child empty: the author types a pseudonym, one or several', () => {
    assert.deepEqual(readChildAnswer('Child D'), { children: ['Child D'] });
    assert.deepEqual(readChildAnswer(' Child D , Child E,, '), { children: ['Child D', 'Child E'] });
    for (const empty of ['', '   ', ' , ']) {
      assert.deepEqual(readChildAnswer(empty), {
        error: 'Type the child’s pseudonym, such as “Child D”. For brothers and sisters, separate the names with commas.',
      });
    }
  });
});
