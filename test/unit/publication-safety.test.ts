/**
 * Publication safety (primer §9): the anonymisation, summary-identifiers and
 * summary-consistency rules, the identifier detectors and the path helpers.
 */
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { lintText } from '../../src/index.js';
import { findPatternIdentifiers, nhsNumberValid, phoneValid } from '../../src/engine/identifiers/index.js';
import { documentReferences, lookupDocument, normalizePath, resolveReference } from '../../src/engine/documents.js';
import { similarity } from '../../lint-rules/summary-consistency.js';
import type { LintMessage } from '../../src/engine/types.js';
import { lintWithRule } from './helpers.js';
import { scoreNames } from './name-corpus.js';

const FIXTURES = 'test/fixtures/anonymisation';
const kinds = (messages: LintMessage[]) => messages.map((m) => `${String(m.data?.kind)}:${m.data?.text ?? ''}`);

/** Apply a `pseudonymKeyInsert` with a chosen pseudonym. */
function applyKeyInsert(
  text: string,
  insert: { offset: number; end?: number; text: string; placeholder: string },
  pseudonym: string,
): string {
  return text.slice(0, insert.offset) + insert.text.replace(insert.placeholder, pseudonym) + text.slice(insert.end ?? insert.offset);
}

describe('anonymisation', () => {
  describe('personal names on the labelled corpora', () => {
    const corpora = [
      { path: `${FIXTURES}/names-dev.md`, places: ['Northshire'] },
      { path: `${FIXTURES}/names-heldout.md`, places: ['Eastport'] },
      { path: `${FIXTURES}/names-heldout-2.md`, places: ['Southvale'] },
      { path: `${FIXTURES}/names-heldout-3.md`, places: ['Westmoor'] },
    ];
    for (const corpus of corpora) {
      it(`finds names with precision and recall of at least 0.9 in ${corpus.path.split('/').pop()}`, () => {
        // The corpora label every personal name, professionals' too, so professionals are flagged here.
        const score = scoreNames(corpus.path, { places: corpus.places, flagProfessionalNames: true });
        assert.ok(score.precision >= 0.9, `precision ${score.precision}; false alarms: ${score.falseAlarms.join(', ')}`);
        assert.ok(score.recall >= 0.9, `recall ${score.recall}; missed: ${score.missed.join(', ')}`);
      });
    }

    it('the combined detector (the default) scores at least as well as capitalisation rules or compromise alone, over all corpora', () => {
      const f1 = (detector: string) => {
        let tp = 0;
        let fp = 0;
        let fn = 0;
        for (const corpus of corpora) {
          const s = scoreNames(corpus.path, { places: corpus.places, nameDetector: detector, flagProfessionalNames: true });
          tp += s.truePositives;
          fp += s.falsePositives;
          fn += s.falseNegatives;
        }
        return (2 * tp) / (2 * tp + fp + fn);
      };
      const combined = f1('combined');
      assert.ok(combined >= f1('caps'), `combined ${combined} < caps ${f1('caps')}`);
      assert.ok(combined >= f1('nlp'), `combined ${combined} < nlp ${f1('nlp')}`);
    });

    it('reads the possessive of a pseudonym letter (“Mr C’s”, “Ms B’s”) as the pseudonym, not as a name', () => {
      const md = `## Analysis\n\nNobody asked about Mr C’s role or Ms B's view. Mr C’s account was accepted. Mr Smith’s account was not.\n`;
      assert.deepEqual(kinds(lintWithRule('anonymisation', md)), ['name:Smith’s']);
    });

    it('reads police ranks (“Detective Superintendent”) as titles, not names', () => {
      const md = `## Panel\n\n| Role | Organisation |\n| --- | --- |\n| Detective Superintendent, Public Protection | Northshire Police |\n\nThe panel was chaired by a Detective Superintendent. Superintendent Jones attended.\n`;
      assert.deepEqual(kinds(lintWithRule('anonymisation', md)), ['name:Jones']);
    });

    it('learns a place from the agency names the document uses (“Eastport Police”)', () => {
      const md = `## Summary\n\nEastport Police attended. The family had lived in Eastport since 2009.\n`;
      assert.deepEqual(kinds(lintWithRule('anonymisation', md)), []);
    });
  });

  it('leaves alone a report full of agency names, months, days, places, acronyms, headings and pseudonyms', () => {
    const md = `---
child: Child A
pseudonyms:
  Child A: the subject child
  Mother: Child A's mother
  Mr G: Mother's partner
  Sibling 1: half-brother
---
# Serious Case Review: Child A

## Introduction

Northshire Safeguarding Children Partnership commissioned this review in May 2014 under Working Together to Safeguard Children 2013. The LSCB, the CCG, CAMHS, MARAC and MAPPA contributed. The review used the SCIE Learning Together model.

## Terms of Reference

The period under review runs from 1 January 2012 to 31 March 2014. How did Northshire Constabulary, Children's Social Care, the Health Visiting Service, the GP Practice, Northshire Hospital Trust, the Youth Offending Team, Cafcass and the Crown Prosecution Service share information?

## Family Composition

| Pseudonym | Relationship | Age at incident | Ethnicity |
| --- | --- | --- | --- |
| Child A | subject | 2 | White British |
| Sibling 1 | half-brother | 7 | Mixed White and Black Caribbean |
| Mother | mother | 24 | White British |
| Mr G | mother's partner | 30 | Polish |

## Summary of Events

On Tuesday 4 June 2013 Mother took Child A to A&E at Northshire General Hospital. On Friday the Designated Nurse and the Named Doctor discussed the bruising. In July and August the health visitor visited twice; during Ramadan and Eid the family travelled to Birmingham. At Christmas Sibling 1 told his Year 3 teacher that Mr G shouted. The Child Protection Conference in September made a Child Protection Plan. Section 47 enquiries began on Monday 14 October 2013.

## Analysis

The Common Assessment Framework, the Signs of Safety approach and the Graded Care Profile were not used. The Emergency Duty Team and the Multi-Agency Safeguarding Hub were unaware of the Family Court proceedings. Sibling 1, Mother and Mr G all spoke Polish and English; an Urdu interpreter attended once by mistake, although an English-speaking Anglo-Polish worker was available. Ofsted and the Care Quality Commission had inspected the services in March 2012.

## Recommendations

1. Northshire Safeguarding Children Partnership will audit the use of interpreters by March 2015.
`;
    const messages = lintWithRule('anonymisation', md, { places: ['Northshire', 'Birmingham'] });
    assert.deepEqual(
      messages.map((m) => `${m.line}: ${m.message}`),
      [],
    );
  });

  describe('identifiers other than names', () => {
    const find = (text: string) => findPatternIdentifiers(text).map((f) => `${f.kind}:${f.text}`);

    it('finds UK postcodes, not lower-case look-alikes or references', () => {
      assert.deepEqual(find('They moved to NS1 4AB, then NE12 9XZ and SW1A 1AA.'), [
        'postcode:NS1 4AB',
        'postcode:NE12 9XZ',
        'postcode:SW1A 1AA',
      ]);
      assert.deepEqual(find('A s47 enquiry, recommendation R12 and ns1 4ab.'), []);
    });

    it('finds UK phone numbers in their usual forms and not dates, years or counts', () => {
      assert.deepEqual(find('Call 07700 900123, 01632 960001, 020 7946 0000, +44 7700 900123 or +44 (0)20 7946 0000.'), [
        'phone:07700 900123',
        'phone:01632 960001',
        'phone:020 7946 0000',
        'phone:+44 7700 900123',
        'phone:+44 (0)20 7946 0000',
      ]);
      assert.deepEqual(find('Between 2007 and 2009, 12 visits; 03/08/2007; 0 to 5 years; 0161 49.'), []);
      assert.equal(phoneValid('0 1 2 3 4 5 6 7 8 9'), false);
    });

    it('checks the NHS number check digit', () => {
      assert.equal(nhsNumberValid('9434765919'), true);
      assert.equal(nhsNumberValid('9434765910'), false);
      assert.deepEqual(find('NHS number 943 476 5919; also 943-476-5919; not 943 476 5918.'), [
        'nhs-number:943 476 5919',
        'nhs-number:943-476-5919',
      ]);
    });

    it('finds e-mail addresses, National Insurance numbers and record references', () => {
      assert.deepEqual(find('Write to jane.brown@example.org. NI number AB 12 34 56 C.'), [
        'email:jane.brown@example.org',
        'ni-number:AB 12 34 56 C',
      ]);
      assert.deepEqual(find('Case ref: CS-2008-0042. Crime number 14/12345/08. Hospital number is K1234567.'), [
        'record-number:CS-2008-0042',
        'record-number:14/12345/08',
        'record-number:K1234567',
      ]);
      assert.deepEqual(find('See ref 12, the Terms of Reference 2012 and case number 2008.'), []);
    });

    it('finds full dates of birth near “born” or “DOB”, not other dates or years', () => {
      assert.deepEqual(find('Child A (DOB 03/08/2007) was seen. Sibling 1 was born on 1st May 2005.'), [
        'date-of-birth:03/08/2007',
        'date-of-birth:1st May 2005',
      ]);
      assert.deepEqual(
        find('Child A was born in 2007. The visit on 3 May 2008 was missed. Born prematurely. On 4 May 2008 the GP saw her.'),
        [],
      );
    });

    it('finds addresses and street names, not courts or counts', () => {
      assert.deepEqual(find('The family lived at 14 Acacia Avenue, then Flat 3, Jubilee Court, and later on Mill Lane.'), [
        'address:14 Acacia Avenue',
        'address:Flat 3, Jubilee Court',
        'address:Mill Lane',
      ]);
      assert.deepEqual(find('There were 3 Family Court hearings and 2 Crown Court hearings near the High Street.'), []);
    });

    it('finds a full date of birth, an NHS number and an address in table columns with those headers', () => {
      const md = `## Family composition\n\n| Name | DOB | NHS number | Address |\n| --- | --- | --- | --- |\n| Child A | 03/08/2007 | 401 023 2137 | Elm Cottage, Eastwood |\n| Mother | 1988 | 12345 | the family home |\n| Mr G | not known | n/a | - |\n`;
      const found = kinds(lintWithRule('anonymisation', md));
      assert.deepEqual(found, [
        'date-of-birth:03/08/2007',
        'nhs-number:401 023 2137',
        'address:Elm Cottage, Eastwood',
        'record-number:12345',
      ]);
    });
  });

  describe('severity and quick-fix data', () => {
    const body = `## Summary\n\nMother's partner, Darren Mitchell, moved in. Later Darren Mitchell left.\n`;

    it('is an error for a public report and a warning otherwise', () => {
      const pub = lintWithRule('anonymisation', `---\npublication: public\n---\n${body}`);
      const draft = lintWithRule('anonymisation', `---\npublication: draft\n---\n${body}`);
      assert.ok(pub.length === 2 && pub.every((m) => m.severity === 'error' && m.ruleId === 'anonymisation'));
      assert.ok(draft.length === 2 && draft.every((m) => m.severity === 'warning'));
    });

    it('gives the name and every occurrence, including one in front matter', () => {
      const md = `---\nauthor: Darren Mitchell\npseudonyms: [Mother]\n---\n${body}`;
      const messages = lintWithRule('anonymisation', md);
      assert.equal(messages.length, 2, 'the front matter occurrence is not flagged');
      const data = messages[0]!.data!;
      assert.equal(data.name, 'Darren Mitchell');
      const occurrences = data.occurrences as { start: number; end: number }[];
      assert.equal(occurrences.length, 3);
      for (const o of occurrences) assert.equal(md.slice(o.start, o.end), 'Darren Mitchell');
    });

    const shapes: [string, string, string][] = [
      ['block-list', '---\npseudonyms:\n  - Mother\n  - Mr G\ntitle: x\n---\n', 'block-list'],
      ['flow list', '---\npseudonyms: [Mother, Mr G]\n---\n', 'flow-list'],
      ['empty flow list', '---\npseudonyms: []\n---\n', 'flow-list'],
      ['mapping', '---\npseudonyms:\n  Mother: the mother\n  Mr G: partner\n---\n', 'block-map'],
      ['scalar', '---\npseudonyms: Mother\n---\n', 'scalar'],
      ['empty key', '---\npseudonyms:\ntitle: x\n---\n', 'empty'],
      ['no key', '---\ntitle: x\n---\n', 'new-key'],
      ['no front matter', '', 'new-front-matter'],
    ];
    for (const [title, frontMatter, shape] of shapes) {
      it(`says how to add a pseudonym to the key: ${title}`, () => {
        const md = `${frontMatter}${body}`;
        const message = lintWithRule('anonymisation', md)[0]!;
        const insert = message.data!.pseudonymKeyInsert as {
          offset: number;
          end?: number;
          text: string;
          placeholder: string;
          shape: string;
        };
        assert.equal(insert.shape, shape);
        const fixed = applyKeyInsert(md, insert, 'Adult D');
        const yaml = /^---\n([\s\S]*?)\n?---\n/.exec(fixed)![1]!;
        const key = (parseYaml(yaml) as { pseudonyms: unknown }).pseudonyms;
        const names = Array.isArray(key) ? key : typeof key === 'object' && key ? Object.keys(key) : [key];
        assert.ok(names.includes('Adult D'), `${JSON.stringify(key)} from\n${fixed}`);
        // Replacing the name everywhere and adding the pseudonym leaves nothing to flag.
        let replaced = fixed;
        for (const name of ['Darren Mitchell']) replaced = replaced.split(name).join('Adult D');
        assert.deepEqual(lintWithRule('anonymisation', replaced), []);
      });
    }

    it('reads a mapping key: keys and pseudonym-like values are allowed, descriptions are not', () => {
      const md = `---\npseudonyms:\n  Mr P: Mother's partner, Lee Hartley\n  mother: Ms B\n---\n## Summary\n\nMs B and Mr P were visited. Lee Hartley was not seen.\n`;
      assert.deepEqual(
        lintWithRule('anonymisation', md).map((m) => m.data!.name),
        ['Lee Hartley'],
      );
    });

    it('offers redactions for other identifiers', () => {
      const [m] = lintWithRule('anonymisation', `## Background\n\nThe family lived at NS1 4AB.\n`);
      assert.equal(m!.data!.kind, 'postcode');
      assert.deepEqual(m!.expected, ['[postcode removed]']);
    });
  });
});

describe('summary-identifiers', () => {
  const lint = (body: string, options = {}) =>
    lintWithRule('summary-identifiers', `---\nreport-type: executive-summary\n---\n## Summary of events\n\n${body}\n`, options);

  it('offers the role as the replacement', () => {
    const messages = lint(
      'Dr Smith saw Child A. Later DS Kerr and Detective Constable Hughes attended. The health visitor, Jane Brown, visited.',
    );
    assert.deepEqual(
      messages.map((m) => [m.data!.name, m.expected![0]]),
      [
        ['Dr Smith', 'The doctor'],
        ['DS Kerr', 'the detective sergeant'],
        ['Hughes', 'the detective constable'],
        ['Jane Brown', 'health visitor'],
      ],
    );
  });

  it('leaves alone names the board publishes by agreement and places before a role', () => {
    assert.deepEqual(lint('The review was chaired by Jane Doe, Independent Chair.', { allowNames: ['Jane Doe'] }), []);
    assert.deepEqual(lint('The Named Nurse, Northshire Hospital Trust, attended.'), []);
  });
});

describe('summary-consistency', () => {
  const overview = `## Recommendations\n\n1. The Board will audit referrals by March 2014.\n\n## Action plan\n\n| Recommendation | Action | Lead | Target date |\n| --- | --- | --- | --- |\n| 1 | Audit referrals | Board Manager | March 2014 |\n`;
  const summary = `---\nreport-type: executive-summary\noverview: ../overview/report.md\n---\n# Executive summary\n\n## Recommendations\n\n1. The Board will audit referrals by March 2014.\n`;

  it('resolves `overview:` against the summary’s own path and finds the text the front end supplied', () => {
    const result = lintText(summary, {
      filePath: '/cases/child-a/summary/executive-summary.md',
      config: { documents: { '/cases/child-a/overview/report.md': overview }, rules: { 'summary-consistency': 'on' } },
    });
    const mine = result.messages.filter((m) => m.ruleId === 'summary-consistency');
    assert.equal(mine.length, 1, JSON.stringify(mine));
    assert.equal(mine[0]!.data!.check, 'action-plan-missing');
    assert.match(mine[0]!.fixes?.[0]?.changes[0]?.text ?? '', /\| 1 \| Audit referrals \| Board Manager \| March 2014 \|/);
  });

  it('reports one info, saying why, when the overview text was not supplied', () => {
    const result = lintText(summary, { filePath: 'C:\\cases\\summary\\es.md', config: { rules: { 'summary-consistency': 'on' } } });
    const mine = result.messages.filter((m) => m.ruleId === 'summary-consistency');
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.severity, 'info');
    assert.equal(mine[0]!.data!.path, 'C:/cases/overview/report.md');
  });

  it('lists the documents a report refers to, for front ends to read', () => {
    assert.deepEqual(documentReferences(summary, '/cases/child-a/summary/es.md'), ['/cases/child-a/overview/report.md']);
    assert.deepEqual(documentReferences('# No front matter\n', '/x.md'), []);
    assert.equal(resolveReference('docs/es.md', './overview.md'), 'docs/overview.md');
    assert.equal(resolveReference(undefined, 'overview.md'), 'overview.md');
    assert.equal(resolveReference('file:///cases/es.md', 'overview.md'), 'file:///cases/overview.md');
    assert.equal(normalizePath('a/./b/../c//d.md'), 'a/c/d.md');
    assert.equal(lookupDocument({ 'a\\b.md': 'x' }, 'a/b.md'), 'x');
  });

  it('measures similarity by content words, so rewording scores between the thresholds', () => {
    assert.equal(similarity('The Board will audit referrals.', 'the board WILL audit referrals'), 1);
    const reworded = similarity('The Board should consider auditing referrals.', 'The Board will audit 20 referrals by March 2014.');
    assert.ok(reworded >= 0.4 && reworded < 0.8, String(reworded));
    assert.ok(similarity('The Board will audit referrals.', 'Health visitors will ask who lives in the household.') < 0.4);
  });
});
