/**
 * Keeping the child in focus (primer §5, §6, §10): the shared child model in
 * src/engine/child.ts and the rules child-focus, child-voice, was-not-brought,
 * household-members, siblings-considered, hindsight-language and
 * acronym-first-use, on invented passages written the way case reviews are.
 */
import assert from 'node:assert/strict';
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { buildReport } from '../../src/engine/report.js';
import {
  childFocusBySection,
  childFocusOfText,
  childFocusTotal,
  childLexicon,
  describeFocus,
  findActors,
  lexiconFor,
  sentenceSubject,
} from '../../src/engine/child.js';
import { familyComposition } from '../../src/engine/family.js';
import { DEFAULT_SETTINGS } from '../../src/engine/settings.js';
import type { LintMessage } from '../../src/engine/types.js';
import { lintWithRule, insertionOf } from './helpers.js';

function report(markdown: string) {
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(markdown) as Root;
  return buildReport(tree, markdown, DEFAULT_SETTINGS);
}

function apply(text: string, offset: number, insert: string): string {
  return text.slice(0, offset) + insert + text.slice(offset);
}

function replaceRange(text: string, m: LintMessage, replacement: string): string {
  return text.slice(0, m.startOffset) + replacement + text.slice(m.endOffset);
}

function repeat(paragraph: string, times: number): string {
  return Array.from({ length: times }, () => paragraph).join('\n\n');
}

// ---------------------------------------------------------------------------
// Invented passages
// ---------------------------------------------------------------------------

/** About 110 words, every sentence about adults or agencies. */
const ADULT_PARAGRAPH = `The health visitor completed the new birth visit and recorded that Mother appeared tired and low in mood. Mother told the health visitor that Mr G had moved out in the spring. The GP prescribed antidepressants for Mother at the next consultation and did not tell the health visitor. Children's Social Care received a referral from the police after a domestic incident at the address. The social worker spoke to Mother on the telephone and closed the referral because Mother said that Mr G no longer visited. The team manager agreed the decision without a home visit, and the case was closed on the same day.`;

/** About 110 words about the same events with the child in view. */
const CHILD_PARAGRAPH = `The health visitor completed the new birth visit and saw Child A, who was feeding well and alert. Mother told the health visitor that Mr G had moved out, but no one asked Child A's grandmother who cared for the baby at night. The GP prescribed antidepressants for Mother, and no one asked what her low mood meant for a baby of six weeks. Children's Social Care received a referral from the police after a domestic incident at the address. Child A was in the flat during the incident but was not seen by the officers. The social worker closed the referral without seeing Child A or asking where she slept.`;

const COMPOSITION = `## Family composition

| Name | Relationship to Child A | Age | Ethnicity |
| --- | --- | --- | --- |
| Child A | Subject child | 17 months | White British |
| Child B | Half-brother | 4 years | White British |
| Mother | Mother | 23 | White British |
| Maternal grandmother | Maternal grandmother | 49 | White British |
`;

describe('child model (src/engine/child.ts)', () => {
  const lexicon = lexiconFor(['Child A']);

  it('finds the child by pseudonym, role word and “Child X” pattern', () => {
    const actors = findActors('The baby was asleep; Child A and the children were seen by Sibling 2.', lexicon);
    assert.deepEqual(
      actors.filter((a) => a.kind === 'child').map((a) => a.text),
      ['The baby', 'Child A', 'the children', 'Sibling 2'],
    );
  });

  it('does not take services, plans or partner agencies for the child or a family member', () => {
    const actors = findActors(
      "Children's Social Care held a child protection conference with partner agencies about the child protection plan.",
      lexicon,
    );
    assert.ok(actors.length > 0);
    assert.ok(
      actors.every((a) => a.kind === 'agency'),
      JSON.stringify(actors),
    );
  });

  it('reads “Child A’s mother” as the mother, not the child', () => {
    const actors = findActors("Child A's mother told the GP that she was tired.", lexicon);
    assert.equal(actors[0]!.kind, 'family');
    assert.equal(actors[0]!.text, "Child A's mother");
    assert.ok(!actors.some((a) => a.kind === 'child'));
  });

  it('takes the subject of a sentence to be the first actor not governed by a preposition', () => {
    assert.equal(sentenceSubject('At nursery Child A told staff that she was hungry.', lexicon)?.kind, 'child');
    assert.equal(sentenceSubject('On 3 March 2008 the health visitor saw Child A at home.', lexicon)?.kind, 'agency');
    assert.equal(sentenceSubject('During the visit by the social worker, Mother said the flat was cold.', lexicon)?.kind, 'family');
    assert.equal(sentenceSubject('Child A was seen by the health visitor.', lexicon)?.kind, 'child');
  });

  it('learns the other children’s names from the family composition', () => {
    const r = report(
      `---\nchild: Child A\n---\n## Family composition\n\n| Name | Relationship | Age |\n| --- | --- | --- |\n| Child A | Subject | 2 |\n| Jack | Half-brother | 7 |\n| Kayleigh | Mother's sister | 19 |\n\n## Analysis\n\nJack told his teacher that he was frightened at home.\n`,
    );
    const lex = childLexicon(r);
    assert.ok(lex.names.includes('Jack'));
    assert.ok(!lex.names.includes('Kayleigh'), 'an adult aunt is not a child');
    const analysis = childFocusBySection(r).find((s) => s.title === 'Analysis')!;
    assert.equal(analysis.childSentences, 1);
    assert.equal(analysis.childSubjectSentences, 1);
  });

  it('computes per-section figures of child focus', () => {
    const r = report(
      `---\nchild: Child A\n---\n# Overview report\n\n## Analysis of health involvement\n\n${ADULT_PARAGRAPH}\n\n## Analysis of police involvement\n\n${CHILD_PARAGRAPH}\n`,
    );
    const sections = childFocusBySection(r);
    assert.equal(sections.length, 3);
    const [title, adult, child] = sections;
    assert.equal(title!.words, 0);
    assert.equal(adult!.childSentences, 0);
    assert.equal(adult!.share, 0);
    assert.equal(adult!.sentences, 6);
    assert.equal(adult!.familySentences + adult!.agencySentences + adult!.otherSentences, 6);
    assert.ok(adult!.agencySentences >= 4, `agency sentences ${adult!.agencySentences}`);
    assert.ok(adult!.words > 100);
    // “a baby of six weeks” is not this child, and the referral sentence names only agencies.
    assert.equal(child!.childSentences, 4);
    assert.equal(child!.share, 4 / 6);
    assert.ok(child!.firstChildMention! > child!.start);
    assert.equal(r.text.slice(child!.firstChildMention!, child!.firstChildMention! + 7), 'Child A');
    const total = childFocusTotal(r);
    assert.equal(total.sentences, adult!.sentences + child!.sentences);
    assert.match(
      describeFocus(adult!),
      /^none of 6 sentences is about the child; \d+ about the parents and other adults, \d+ about agencies and professionals$/,
    );
    assert.match(describeFocus(child!), /^\d of 6 sentences \(\d+%\) are about the child/);
  });

  it('gives front ends the figures of a document’s text', () => {
    const focus = childFocusOfText(`## Analysis\n\n${ADULT_PARAGRAPH}\n\n## Voice of the child\n\n${CHILD_PARAGRAPH}\n`, {
      child: ['Child A'],
    });
    assert.equal(focus.child, 'Child A');
    assert.deepEqual(
      focus.sections.map((s) => [s.title, s.childSentences, s.sentences]),
      [
        ['Analysis', 0, 6],
        ['Voice of the child', 4, 6],
      ],
    );
    assert.equal(focus.total.childSentences, 4);
    assert.equal(focus.total.share, 4 / 12);
  });

  it('leaves template prompts, code and headings out of the figures', () => {
    const r = report(`## Analysis\n\n> Prompt: Describe the child's experience.\n\n\`\`\`\nChild A\n\`\`\`\n\nThe GP saw Mother.\n`);
    const [analysis] = childFocusBySection(r);
    assert.equal(analysis!.childMentions, 0);
    assert.equal(analysis!.sentences, 1);
  });
});

describe('child-focus', () => {
  const long = (paragraph: string) => repeat(paragraph, 3);

  it('reports an adult-centred analysis of more than 300 words, with the figures', () => {
    const md = `---\nchild: Child A\n---\n# Overview report\n\n## Analysis\n\n${long(ADULT_PARAGRAPH)}\n`;
    const messages = lintWithRule('child-focus', md);
    assert.equal(messages.length, 1);
    const [m] = messages;
    assert.equal(m!.line, 6);
    assert.match(
      m!.message,
      /^The analysis in “Analysis” never mentions the child in \d{3} words \(none of 18 sentences is about the child; /,
    );
    assert.match(m!.message, /Keep Child A in view/);
    assert.equal(m!.data?.sentences, 18);
    assert.equal(m!.data?.childSentences, 0);
    assert.equal(m!.data?.share, 0);
  });

  it('leaves a child-centred analysis of the same length alone', () => {
    const md = `---\nchild: Child A\n---\n## Analysis\n\n${long(CHILD_PARAGRAPH)}\n`;
    assert.deepEqual(lintWithRule('child-focus', md), []);
  });

  it('judges subsections of the analysis on their own when the whole mentions the child', () => {
    const md = `## Analysis\n\n### Health visiting\n\n${long(CHILD_PARAGRAPH)}\n\n### Adult mental health services\n\n${long(ADULT_PARAGRAPH)}\n`;
    const messages = lintWithRule('child-focus', md);
    assert.equal(messages.length, 1);
    assert.match(messages[0]!.message, /“Adult mental health services”/);
    assert.equal(messages[0]!.line, 1 + md.split('\n').findIndex((l) => l.startsWith('### Adult')));
  });

  it('reports the chronology narrative as narrative, and a practice heading no profile knows', () => {
    const md = `---\nreport-type: overview\n---\n## Summary of events\n\n${long(ADULT_PARAGRAPH)}\n\n## Health agency involvement\n\n${long(ADULT_PARAGRAPH)}\n`;
    const messages = lintWithRule('child-focus', md);
    assert.equal(messages.length, 2);
    assert.match(messages[0]!.message, /narrative in “Summary of events” never mentions the child/);
    assert.match(messages[1]!.message, /“Health agency involvement”/);
  });

  it('does not count the child as the owner of an adult (“Child A’s mother”) as keeping the child in view', () => {
    const paragraph = ADULT_PARAGRAPH.replaceAll('Mother', "Child A's mother");
    const md = `## Analysis\n\n${long(paragraph)}\n`;
    assert.equal(lintWithRule('child-focus', md).length, 1);
  });

  it('leaves alone sections about the review itself, and short sections', () => {
    const md = `## Methodology\n\n${long(ADULT_PARAGRAPH)}\n\n## Recommendations\n\n${long(ADULT_PARAGRAPH)}\n\n## Analysis\n\n${ADULT_PARAGRAPH}\n`;
    assert.deepEqual(lintWithRule('child-focus', md), []);
  });

  it('takes its threshold and extra headings from options', () => {
    const md = `## Key practice episode 1\n\n${ADULT_PARAGRAPH}\n\n## Reflections\n\n${ADULT_PARAGRAPH}\n`;
    assert.equal(lintWithRule('child-focus', md, { minWords: 50 }).length, 1);
    assert.equal(lintWithRule('child-focus', md, { minWords: 50, headings: ['reflections'] }).length, 2);
    assert.equal(lintWithRule('child-focus', md).length, 0);
  });
});

describe('child-voice', () => {
  const ADULT_REPORT = `---
report-type: overview
child: Child A
---
# Overview report: Child A

## Introduction

The Local Safeguarding Children Board commissioned this review after Child A was admitted to hospital with a skull fracture in August 2008.

## Terms of reference

- Was Child A seen alone by any practitioner?
- How were Child A's wishes and feelings sought?

## Analysis

${ADULT_PARAGRAPH}

## Findings

Agencies did not share what they knew about Mr G. The health visitor's concerns about Mother's mood did not reach the GP.

## Recommendations

1. The Hospital Trust will make sure that children are seen alone at every safeguarding medical by March 2010.
`;

  it('reports a report about the adults only at the analysis, with a section to insert after it', () => {
    const messages = lintWithRule('child-voice', ADULT_REPORT, { minWords: 50 });
    assert.equal(messages.length, 1);
    const [m] = messages;
    assert.equal(m!.line, ADULT_REPORT.split('\n').indexOf('## Analysis') + 1);
    assert.match(
      m!.message,
      /never records the child’s wishes, feelings and views, the child’s daily lived experience or whether the child was seen, and seen alone/,
    );
    assert.match(m!.message, /Add a “The child's lived experience” section after “Analysis”/);
    const insert = insertionOf(m)!;
    assert.equal(m!.fixes?.[0]?.title, "Insert missing section “The child's lived experience”");
    assert.equal(insert.offset, ADULT_REPORT.indexOf('## Findings'));
    assert.match(insert.text, /^## The child's lived experience\n\n> Prompt: Describe the child's daily lived experience/);
    assert.deepEqual(m!.data?.missing, ['wishes-feelings', 'lived-experience', 'seen', 'seen-alone']);
  });

  it('after the inserted section is written, nothing is reported', () => {
    const [m] = lintWithRule('child-voice', ADULT_REPORT, { minWords: 50 });
    const insert = insertionOf(m)!;
    const withPrompt = apply(ADULT_REPORT, insert.offset, insert.text);
    const again = lintWithRule('child-voice', withPrompt, { minWords: 50 });
    assert.equal(again.length, 1, 'an unanswered prompt does not record anything');
    assert.match(again[0]!.message, /In “The child's lived experience”, describe/);
    const written = withPrompt.replace(
      /> Prompt:[^\n]*\n/,
      'For Child A, daily life meant long hours in a cot in a cold bedroom. The health visitor saw Child A at four visits but never alone, and no one asked Child A’s grandmother what the baby’s days were like. Child A cried when Mr G came into the room.\n',
    );
    assert.deepEqual(lintWithRule('child-voice', written, { minWords: 50 }), []);
  });

  it('does not count questions in the terms of reference or promises in recommendations as records', () => {
    const messages = lintWithRule('child-voice', ADULT_REPORT, { minWords: 50, aspects: ['seen-alone'] });
    assert.equal(messages.length, 1);
    assert.match(messages[0]!.message, /whether the child was seen alone/);
  });

  it('leaves alone a report that records the child’s voice, experience and being seen', () => {
    const md = ADULT_REPORT.replace(
      '## Findings',
      `## The child's lived experience

Child A spent most days in her cot. At nursery Child A told staff that she was hungry, and she often asked for second helpings. The health visitor saw Child A at home four times; Child A was never seen alone.

## Findings`,
    );
    assert.deepEqual(lintWithRule('child-voice', md, { minWords: 50 }), []);
  });

  it('in an IMR, proposes a lived-experience subsection at the end of the analysis and checks the chronology', () => {
    const md = `---
report-type: imr
child: Child A
---
# Individual Management Review: Northshire Health Visiting Service

## Chronology

| Date | Source | Event | Action |
| --- | --- | --- | --- |
| 03/03/2008 | HV records | Home visit; Mother tearful and the flat cold | Referral to GP |

## Analysis of involvement

${ADULT_PARAGRAPH}

## Lessons learned

The service did not share information about Mr G.
`;
    const messages = lintWithRule('child-voice', md, { minWords: 50 });
    assert.equal(messages.length, 2);
    const chronology = messages.find((m) => /This chronology never says/.test(m.message))!;
    assert.equal(chronology.line, 7);
    assert.match(chronology.message, /Add a “Child seen” column/);
    const voice = messages.find((m) => m !== chronology)!;
    assert.match(voice.message, /at the end of “Analysis of involvement”/);
    const insert = insertionOf(voice)!;
    assert.equal(insert.offset, md.indexOf('## Lessons learned'));
    assert.match(insert.text, /^### The child's lived experience\n/);

    const withColumn = md
      .replace('| Date | Source | Event | Action |', '| Date | Source | Event | Child seen | Action |')
      .replace('| --- | --- | --- | --- |', '| --- | --- | --- | --- | --- |')
      .replace('| Home visit; Mother tearful and the flat cold |', '| Home visit; Mother tearful and the flat cold | No – asleep |');
    assert.ok(!lintWithRule('child-voice', withColumn, { minWords: 50 }).some((m) => /IMR chronology/.test(m.message)));
  });

  it('counts a sentence in the chronology that says the child was not seen', () => {
    const md = `---\nreport-type: imr\n---\n## Chronology\n\nOn 3 March 2008 the health visitor visited; Child A was not seen because Mother said she was asleep.\n`;
    assert.deepEqual(lintWithRule('child-voice', md), []);
  });

  it('counts asking the child as seeking the child’s voice', () => {
    const md = `---\nreport-type: executive-summary\nchild: Child A\n---\n# Executive summary\n\n## Key issues\n\nChild A was seen by the health visitor but never alone. Nobody asked Child A what life at home was like.\n`;
    assert.deepEqual(lintWithRule('child-voice', md, { minWords: 10 }), []);
  });

  it('does not judge an early draft', () => {
    assert.deepEqual(lintWithRule('child-voice', `## Analysis\n\nThe GP saw Mother.\n`), []);
  });
});

describe('was-not-brought', () => {
  const fix = (md: string) => {
    const messages = lintWithRule('was-not-brought', md);
    let text = md;
    for (const m of [...messages].reverse()) if (m.expected) text = replaceRange(text, m, m.expected[0]!);
    return { messages, text };
  };

  it('rewrites a child’s missed appointment grammatically', () => {
    assert.equal(
      fix('Child A did not attend the paediatric clinic on 4 May 2008.\n').text,
      'Child A was not brought to the paediatric clinic on 4 May 2008.\n',
    );
    assert.equal(
      fix('The children did not attend the dental appointment.\n').text,
      'The children were not brought to the dental appointment.\n',
    );
    assert.equal(
      fix('Child A has not attended any of her immunisation appointments.\n').text,
      'Child A has not been brought to any of her immunisation appointments.\n',
    );
    assert.equal(fix('The baby failed to attend for immunisation twice.\n').text, 'The baby was not brought for immunisation twice.\n');
    assert.equal(fix('Child A did not attend (DNA) the hearing test.\n').text, 'Child A was not brought to the hearing test.\n');
    assert.equal(fix('Child A did not attend on 4 May.\n').text, 'Child A was not brought on 4 May.\n');
    assert.equal(
      fix("Mother said that Child A didn't attend nursery that week.\n").text,
      'Mother said that Child A was not brought to nursery that week.\n',
    );
  });

  it('uses what follows when no one is named before it', () => {
    const { messages, text } = fix('Did not attend paediatric outpatients on 12 March.\n');
    assert.equal(messages.length, 1);
    assert.equal(text, 'Was not brought to paediatric outpatients on 12 March.\n');
    assert.equal(fix('The 8-month check was recorded as DNA.\n').text, 'The 8-month check was recorded as “was not brought”.\n');
  });

  it('leaves adults’ own appointments alone', () => {
    for (const md of [
      'Mother did not attend her antenatal appointment on 2 February 2008.',
      'Mr G did not attend his probation appointment.',
      "Child A's mother did not attend the parenting course.",
      'Mother failed to attend the core group meeting, and Child A was seen at nursery.',
      'Mother DNA her drug and alcohol service appointment.',
      'She did not attend.',
    ]) {
      assert.deepEqual(lintWithRule('was-not-brought', `${md}\n`), [], md);
    }
  });

  it('leaves professionals’ meetings and visits alone', () => {
    for (const md of [
      'The health visitor did not attend the strategy meeting.',
      'The GP did not attend the case conference about Child A.',
      'Police did not attend the address until the next day.',
      "Child A's social worker did not attend.",
    ]) {
      assert.deepEqual(lintWithRule('was-not-brought', `${md}\n`), [], md);
    }
  });

  it('reads “DNA’d” as a verb and reports a count of DNAs without a fix', () => {
    const { messages, text } = fix("The baby DNA'd the 6-8 week check. Two DNAs for Child A were not followed up.\n");
    assert.equal(messages.length, 2);
    assert.equal(text, 'The baby was not brought to the 6-8 week check. Two DNAs for Child A were not followed up.\n');
    assert.equal(messages[1]!.expected, undefined);
  });

  it('leaves school attendance and DNA evidence alone', () => {
    for (const md of [
      'Child A, aged 14, did not attend school for two weeks.',
      'A DNA sample was taken from the bedding.',
      'The paternity DNA test showed that Mr G was the father of Child A.',
    ]) {
      assert.deepEqual(lintWithRule('was-not-brought', `${md}\n`), [], md);
    }
  });

  it('reads a DNA cell of a chronology by its row', () => {
    const md = `| Date | Agency | Event | Outcome |
| --- | --- | --- | --- |
| 12/03/2008 | Hospital | Child A's 8-month check | DNA |
| 14/03/2008 | Midwifery | Mother's antenatal booking | DNA |
| 20/03/2008 | GP | Immunisations for the baby | dna |
| 28/03/2008 | Probation | Mr G supervision appointment | DNA |
`;
    const messages = lintWithRule('was-not-brought', md);
    assert.deepEqual(
      messages.map((m) => [m.line, m.expected?.[0]]),
      [
        [3, 'Was not brought'],
        [5, 'was not brought'],
      ],
    );
    assert.equal(md.slice(messages[0]!.startOffset, messages[0]!.endOffset), 'DNA');
  });

  it('explains why in the message', () => {
    const [m] = lintWithRule('was-not-brought', 'Child A did not attend the eye clinic.\n');
    assert.match(
      m!.message,
      /^“did not attend” makes “Child A” responsible for a missed appointment\. Write “was not brought to”: a child depends on an adult/,
    );
  });
});

describe('household-members', () => {
  it('finds a hidden man in the chronology and offers a pre-filled row', () => {
    const md = `---\nchild: Child A\n---\n${COMPOSITION}\n## Integrated chronology\n\n| Date | Agency | Event |\n| --- | --- | --- |\n| 29/10/2007 | Health | New birth visit; a man present who was not introduced. |\n\n## Analysis\n\nIn April 2008 Mr K, Mother's partner, gave the address as his own when he was arrested. Ms Carter, the health visitor, did not ask who he was.\n`;
    const messages = lintWithRule('household-members', md);
    assert.deepEqual(
      messages.map((m) => md.slice(m.startOffset, m.endOffset)),
      ['a man', 'Mr K'],
    );
    const mrK = messages[1]!;
    assert.match(
      mrK.message,
      /^“Mr K” is in the narrative but not in the family composition\. Add a row for Mr K in “Family composition” with their relationship to Child A/,
    );
    const row = mrK.data?.row as { insertOffset: number; text: string };
    assert.equal(row.text, "\n| Mr K | Mother's partner | [insert age] | [insert ethnicity] |");
    assert.equal(
      row.insertOffset,
      md.indexOf('| Maternal grandmother | Maternal grandmother | 49 | White British |') +
        '| Maternal grandmother | Maternal grandmother | 49 | White British |'.length,
    );
    assert.deepEqual(insertionOf(mrK), { offset: row.insertOffset, text: row.text });
    assert.equal(mrK.fixes?.[0]?.title, 'Add “Mr K” to the family composition');
    const man = messages[0]!;
    assert.equal((man.data?.row as { text: string }).text, '\n| [insert pseudonym] | Visiting man | [insert age] | [insert ethnicity] |');

    const fixed = apply(md, row.insertOffset, row.text).replace('a man present who was not introduced', 'Mr K present but not introduced');
    assert.deepEqual(lintWithRule('household-members', fixed), []);
  });

  it('pre-fills the relationship given before a name, and does not take a possessive for a name', () => {
    const md = `---\nchild: Child A\n---\n${COMPOSITION.replace('| Mother | Mother | 23 | White British |', '| Mother | Mother | 23 | White British |\n| Mr G | Father | 25 | White British |')}\n## Analysis\n\nMr G's new girlfriend, Ms T, moved in during May.\n`;
    const messages = lintWithRule('household-members', md);
    assert.deepEqual(
      messages.map((m) => md.slice(m.startOffset, m.endOffset)),
      ['Ms T'],
    );
    assert.equal(
      (messages[0]!.data?.row as { text: string }).text,
      "\n| Ms T | Mr G's new girlfriend | [insert age] | [insert ethnicity] |",
    );
  });

  it('tells maternal from paternal relatives, and takes an unqualified entry for either', () => {
    const md = `${COMPOSITION}\n## Summary of events\n\nChild A stayed with her paternal grandmother at weekends. Her maternal grandmother visited on Sundays.\n`;
    const messages = lintWithRule('household-members', md);
    assert.equal(messages.length, 1);
    assert.equal(md.slice(messages[0]!.startOffset, messages[0]!.endOffset), 'paternal grandmother');
    const unqualified = md.replace(
      '| Maternal grandmother | Maternal grandmother | 49 | White British |',
      '| Ms R | Grandmother | 49 | White British |',
    );
    assert.deepEqual(lintWithRule('household-members', unqualified), []);
  });

  it('leaves professionals, generic wording and partner agencies alone', () => {
    const md = `${COMPOSITION}\n## Analysis\n\nThe social worker, Ms Patel, visited twice. Health visitor Mrs Jones saw Child A. Ms Jones later left the service. A father is often unseen by services, and partner agencies did not ask about any father figure. The nursery key worker, Mr Shah, noticed the bruise.\n\n## Recommendations\n\n1. Agencies will record every adult in the household, including a new partner or lodger, from April 2010.\n`;
    assert.deepEqual(lintWithRule('household-members', md), []);
  });

  it('reports a composition person without a relationship to the child', () => {
    const md = `---\nchild: Child A\n---\n## Family composition\n\n| Name | Relationship to Child A | Age |\n| --- | --- | --- |\n| Child A | Subject | 2 |\n| Mother | Mother | 23 |\n| Mr G | | 31 |\n| Ms H | – | 40 |\n`;
    const messages = lintWithRule('household-members', md);
    assert.deepEqual(
      messages.map((m) => m.line),
      [10, 11],
    );
    assert.match(
      messages[0]!.message,
      /^“Mr G” has no relationship to the child in the family composition\. Say how Mr G is related to Child A/,
    );
  });

  it('reads a composition written as a list', () => {
    const md = `## Family members\n\n- Child A, aged 2 (subject)\n- Mother, 23\n- Mr G, 31, White British\n\n## Background\n\nMr G and Mother's new boyfriend both stayed at the flat.\n`;
    const messages = lintWithRule('household-members', md);
    assert.deepEqual(
      messages.map((m) => md.slice(m.startOffset, m.endOffset)),
      ['Mr G, 31, White British', "Mother's new boyfriend"],
    );
    assert.match(messages[0]!.message, /“Mr G” has no relationship to the child/);
    const row = messages[1]!.data?.row as { insertOffset: number; text: string };
    assert.equal(row.insertOffset, md.indexOf('White British') + 'White British'.length);
    assert.equal(row.text, "\n- [insert pseudonym]: Mother's new boyfriend");
  });

  it('reports a composition table with no relationship column', () => {
    const md = `## Genogram\n\n| Name | Age | Ethnicity |\n| --- | --- | --- |\n| Child A | 2 | White British |\n| Mr G | 31 | White British |\n`;
    const messages = lintWithRule('household-members', md);
    assert.equal(messages.length, 1);
    assert.equal(messages[0]!.line, 3);
    assert.equal(messages[0]!.data?.missingColumn, 'relationship');
  });

  it('takes more household roles from options, and says nothing without a composition', () => {
    const md = `${COMPOSITION}\n## Analysis\n\nChild A's godfather collected her from nursery.\n`;
    assert.deepEqual(lintWithRule('household-members', md), []);
    assert.equal(lintWithRule('household-members', md, { roles: ['godfather'] }).length, 1);
    assert.deepEqual(lintWithRule('household-members', `## Analysis\n\nMr G and a lodger lived at the flat.\n`), []);
  });
});

describe('siblings-considered', () => {
  it('reports an analysis that never considers the half-brother', () => {
    const md = `${COMPOSITION}\n## Analysis\n\n${CHILD_PARAGRAPH}\n`;
    const messages = lintWithRule('siblings-considered', md);
    assert.equal(messages.length, 1);
    assert.match(messages[0]!.message, /“Child B” \(half-brother\)/);
    assert.deepEqual(messages[0]!.data?.children, ['Child B']);
    assert.equal(messages[0]!.line, md.split('\n').indexOf('## Analysis') + 1);
  });

  it('is satisfied by the sibling’s pseudonym or by a word for the children together', () => {
    for (const sentence of [
      'Child B, who was at nursery every day, was never asked what he saw at home.',
      'No agency considered the risk to both children.',
      'The siblings were not seen together.',
    ]) {
      assert.deepEqual(
        lintWithRule('siblings-considered', `${COMPOSITION}\n## Analysis\n\n${CHILD_PARAGRAPH} ${sentence}\n`),
        [],
        sentence,
      );
    }
  });

  it('finds children by age, and names them', () => {
    const md = `---\nchild: Child A\n---\n## Family composition\n\n| Name | Relationship | Age |\n| --- | --- | --- |\n| Child A | | 2 |\n| Jack | Son of Mr G | 9 |\n| Mr G | Mother's partner | 31 |\n\n## Findings\n\n${CHILD_PARAGRAPH}\n`;
    const messages = lintWithRule('siblings-considered', md);
    assert.equal(messages.length, 1);
    assert.match(messages[0]!.message, /“Jack” \(son of mr g\)/);
    assert.ok(!/Mr G”/.test(messages[0]!.message));
  });

  it('says nothing when there are no other children or no analysis', () => {
    const only = COMPOSITION.replace(/\| Child B[^\n]*\n/, '');
    assert.deepEqual(lintWithRule('siblings-considered', `${only}\n## Analysis\n\n${CHILD_PARAGRAPH}\n`), []);
    assert.deepEqual(lintWithRule('siblings-considered', `${COMPOSITION}\n## Introduction\n\n${CHILD_PARAGRAPH}\n`), []);
  });

  it('composition model: the subject, the other children and the adults', () => {
    const r = report(`---\nchild: Child A\n---\n${COMPOSITION}`);
    const c = familyComposition(r)!;
    assert.deepEqual(
      c.members.map((m) => [m.name, m.isChild, m.isSubject]),
      [
        ['Child A', true, true],
        ['Child B', true, false],
        ['Mother', false, false],
        ['Maternal grandmother', false, false],
      ],
    );
  });
});
