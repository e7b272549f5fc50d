/** hindsight-language and acronym-first-use (primer §5, §10), on invented passages written the way case reviews are. */
import assert from 'node:assert/strict';
import type { LintMessage } from '../../src/engine/types.js';
import { lintWithRule } from './helpers.js';

function replaceRange(text: string, m: LintMessage, replacement: string): string {
  return text.slice(0, m.startOffset) + replacement + text.slice(m.endOffset);
}

describe('hindsight-language', () => {
  it('points at hindsight wording as info', () => {
    const md = `It is now clear that Mr K was living in the household. The health visitor clearly failed to ask who he was, and the GP should have known about the injury. Inevitably, the family moved.\n`;
    const messages = lintWithRule('hindsight-language', md);
    assert.deepEqual(
      messages.map((m) => md.slice(m.startOffset, m.endOffset)),
      ['It is now clear', 'clearly failed', 'should have known', 'Inevitably'],
    );
    assert.ok(messages.every((m) => m.severity === 'info'));
    assert.match(messages[0]!.message, /^“It is now clear” judges practice with hindsight\. Say what practitioners knew at the time/);
  });

  it('leaves alone sentences that guard against hindsight, quotations and explanations of local rationality', () => {
    const md = `The panel has guarded against hindsight bias throughout. Reviewers should avoid judging with the benefit of hindsight. Mother told the review: "obviously I loved her". At the time the explanation fitted the injury, and the paediatrician had no reason to doubt it.\n`;
    assert.deepEqual(lintWithRule('hindsight-language', md), []);
  });

  it('takes more phrases from options', () => {
    assert.equal(lintWithRule('hindsight-language', 'The risk was plain to see.\n', { phrases: ['plain to see'] }).length, 1);
    assert.equal(lintWithRule('hindsight-language', 'The risk was plain to see.\n').length, 0);
  });
});

describe('acronym-first-use', () => {
  const fix = (md: string, options: Record<string, unknown> = {}) => {
    const messages = lintWithRule('acronym-first-use', md, options);
    let text = md;
    for (const m of [...messages].reverse()) if (m.expected) text = replaceRange(text, m, m.expected[0]!);
    return { messages, text };
  };

  it('expands a glossary acronym at its first use', () => {
    const { messages, text } = fix('Mother was discussed at MARAC in May. MARAC referred her to the IDVA.\n');
    assert.equal(messages.length, 2);
    assert.equal(
      text,
      'Mother was discussed at Multi-Agency Risk Assessment Conference (MARAC) in May. MARAC referred her to the Independent Domestic Violence Adviser (IDVA).\n',
    );
    assert.deepEqual(lintWithRule('acronym-first-use', text), []);
  });

  it('expands plurals and capitalises at the start of a sentence', () => {
    assert.equal(fix('Four IMRs were received.\n').text, 'Four Individual Management Reviews (IMRs) were received.\n');
    assert.equal(fix('CP plans were not used.\n').text, 'Child protection (CP) plans were not used.\n');
    assert.equal(fix('A s47 enquiry began.\n').text, 'A section 47 (s47) enquiry began.\n');
  });

  it('leaves alone acronyms spelled out before, or after in brackets, or listed in a glossary section', () => {
    const md = `The Child and Adolescent Mental Health Services (CAMHS) saw Child A. CAMHS closed the case. The YOT (Youth Offending Team) held records. The Multi-Agency Safeguarding Hub received the referral, but the MASH did not check police records.

## Glossary

- **LSCB** – Local Safeguarding Children Board
- **Cafcass**: Children and Family Court Advisory and Support Service

## Background

The LSCB asked Cafcass for its records.
`;
    assert.deepEqual(lintWithRule('acronym-first-use', md), []);
  });

  it('leaves alone a glossary table outside a glossary section', () => {
    const md = `## Abbreviations used in this report\n\n| Term | Meaning |\n| --- | --- |\n| HV | Health visitor |\n\n## Analysis\n\nThe HV saw Child A.\n`;
    assert.deepEqual(lintWithRule('acronym-first-use', md), []);
    const elsewhere = `## Analysis\n\nThe HV saw Child A.\n\n## Notes\n\n| Term | Meaning |\n| --- | --- |\n| HV | Health visitor |\n`;
    const messages = lintWithRule('acronym-first-use', elsewhere);
    assert.equal(messages.length, 1);
    assert.equal(
      messages[0]!.message,
      '“HV” is used before it is spelled out (on line 9). Write “health visitor (HV)” here, where it first appears, or list it in a glossary.',
    );
  });

  it('keeps to a small allow-list and leaves emphasis, numerals and pseudonyms alone', () => {
    const md = `The NHS trust in the UK saw Child A NOT once but twice, as Part II explains. Mr GH and Child AB are pseudonyms. DO NOT SHARE THIS REPORT.\n`;
    assert.deepEqual(lintWithRule('acronym-first-use', md), []);
    const gp = lintWithRule('acronym-first-use', 'The GP saw Child A.\n');
    assert.equal(gp.length, 1);
    assert.deepEqual(gp[0]!.expected, ['general practitioner (GP)']);
    assert.deepEqual(lintWithRule('acronym-first-use', 'The GP saw Child A.\n', { allow: ['GP'] }), []);
  });

  it('reports unknown acronyms without a fix, unless told not to', () => {
    const [m] = lintWithRule('acronym-first-use', 'The ABCD team held a meeting.\n');
    assert.equal(m!.expected, undefined);
    assert.equal(
      m!.message,
      '“ABCD” is not spelled out. Write the words it stands for, followed by “(ABCD)”, the first time, or list it in a glossary.',
    );
    assert.deepEqual(lintWithRule('acronym-first-use', 'The ABCD team held a meeting.\n', { unknown: false }), []);
  });

  it('takes more acronyms from options', () => {
    assert.equal(
      fix('The FNP nurse visited.\n', { acronyms: ['FNP: Family Nurse Partnership'] }).text,
      'The Family Nurse Partnership (FNP) nurse visited.\n',
    );
  });

  it('leaves alone cover pages in capitals, qualifications, pseudonym initials, board names given in full and well-known names', () => {
    const md = `SERIOUS CASE REVIEW RELATING TO A CHILD AGED 2 YEARS 3 MONTHS\n\nAUTHOR: JON ROE\n\nJULY 2020\n\nSERIOUS case review: baby OLLIE\n\nReport by Rosa Pike, OBE, BA (Hons); panel nurse Ewan Dale RGN RM HV\n\nNorthmoor Safeguarding Children Board Serious Case Review CHILD BW\n\n## Introduction\n\nBW was born in 2019 and lived with her mother SR. The NSCB chair agreed the review, which Ofsted, the NSPCC and (in the COVD lockdown) the SE Wessex Trust joined. The Tarnside Safeguarding Children Partnership (Tarnside SCP) took part.\n`;
    assert.deepEqual(lintWithRule('acronym-first-use', md), []);
  });

  it('keeps the findings that are right beside what it leaves alone', () => {
    const md = `Report by Rosa Pike, OBE, BA\n\n## Introduction\n\nThe HV visited Child BW. BW was seen by the LSCB panel.\n`;
    assert.deepEqual(
      lintWithRule('acronym-first-use', md).map((m) => m.expected),
      [['health visitor (HV)'], ['Local Safeguarding Children Board (LSCB)']],
    );
  });

  it('offers the meaning of an ambiguous acronym its paragraph points to, else a choice with no one-click fix', () => {
    const [resuscitation] = lintWithRule('acronym-first-use', 'The paramedics continued CPR in the ambulance.\n');
    assert.deepEqual(resuscitation!.expected, ['cardiopulmonary resuscitation (CPR)']);
    const [review] = lintWithRule(
      'acronym-first-use',
      'The regional safeguarding board commissioned a CPR in 2016; the reviewer met the family.\n',
    );
    assert.deepEqual(review!.expected, ['Child Practice Review (CPR)']);
    const [unsure] = lintWithRule('acronym-first-use', 'CPR was mentioned in the notes.\n');
    assert.deepEqual(unsure!.expected, ['Cardiopulmonary resuscitation (CPR)', 'Child Practice Review (CPR)']);
    assert.match(
      unsure!.message,
      /^“CPR” is not spelled out\. It can mean more than one thing: write “Cardiopulmonary resuscitation \(CPR\)” or “Child Practice Review \(CPR\)” the first time, whichever is meant, or list it in a glossary\.$/,
    );
  });

  it('does not read headings, table headers, code or front matter as first uses', () => {
    const md = `---\ntitle: SCR Child A\n---\n# SCR: Child A\n\nUse \`LSCB\` as the template says. The Serious Case Review (SCR) was commissioned.\n\n| DATE | AGENCY | EVENT |\n| --- | --- | --- |\n| 03/08/2007 | Police | Officers attended the address. |\n`;
    assert.deepEqual(lintWithRule('acronym-first-use', md), []);
  });
});
