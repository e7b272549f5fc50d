import { defineRule } from '../src/engine/rule.js';
import { blocksIn } from '../src/engine/blocks.js';
import { stringValue } from '../src/engine/front-matter.js';
import { BUILT_IN_ROLES } from '../src/engine/gazetteer.js';
import {
  NOT_NAMES,
  PROFESSIONAL_TITLES,
  HONORIFICS,
  learnPlaces,
  maskComments,
  pseudonymNames,
  wordKey,
} from '../src/engine/identifiers/index.js';
import { escapeRegExp } from '../src/engine/text.js';
import data from '../src/data/anonymisation.json' with { type: 'json' };
import type { Severity } from '../src/engine/types.js';

interface Options {
  allowNames: string[];
  places: string[];
  roles: string[];
  flagReviewTeam: boolean;
}

/** The review's own people, whom published summaries name on purpose: its chair, author and reviewers, and ministers. */
const REVIEW_ROLE = /\b(?:chair|chairman|chairwoman|chairperson|author|reviewer|reviewers|minister|secretary of state)\b/i;

/** The role to write instead of a title and a name. */
const TITLE_ROLES: Record<string, string> = {
  dr: 'the doctor',
  doctor: 'the doctor',
  prof: 'the consultant',
  professor: 'the consultant',
  pc: 'the police officer',
  wpc: 'the police officer',
  pcso: 'the police community support officer',
  constable: 'the police officer',
  dc: 'the detective constable',
  ds: 'the detective sergeant',
  di: 'the detective inspector',
  dci: 'the detective chief inspector',
  dsi: 'the detective superintendent',
  sgt: 'the police sergeant',
  sergeant: 'the police sergeant',
  inspector: 'the police inspector',
  detective: 'the detective',
  officer: 'the officer',
  nurse: 'the nurse',
  sister: 'the nurse',
  matron: 'the matron',
  midwife: 'the midwife',
  councillor: 'the councillor',
  cllr: 'the councillor',
  judge: 'the judge',
  hhj: 'the judge',
  justice: 'the judge',
};

const NAME_WORD = "\\p{Lu}[\\p{Ll}'\u2019-][\\p{L}'\u2019-]{0,23}";
const NAME = `${NAME_WORD}(?:[ \\t]${NAME_WORD}){0,2}`;
const HONORIFIC = `(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\\.?[ \\t])?`;

/** A phrase as a pattern whose words may start with either case ("Health Visitor", "health visitor"). */
function anyCaseInitials(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => {
      const first = word[0]!;
      const rest = escapeRegExp(word.slice(1)).replace(/'/g, "['\u2019]");
      return first.toLowerCase() !== first.toUpperCase() && !/^\p{Lu}{2,}/u.test(word)
        ? `[${first.toUpperCase()}${first.toLowerCase()}]${rest}`
        : escapeRegExp(first) + rest;
    })
    .join('[ \\t]');
}

// "Dr Smith", "PC Jones", "Detective Constable Hughes", "Dr. Ahmed" (the name part is checked afterwards).
const TITLE_NAME = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...data.professionalTitles, 'Dr', 'Doctor', 'Prof', 'Professor'].map(escapeRegExp).join('|')})\\.?[ \\t](${NAME})(?![\\p{L}\\p{N}])`,
  'gu',
);

function rolePatterns(roles: readonly string[]) {
  const all = [...new Set([...BUILT_IN_ROLES, ...data.professionalRoles, ...roles])].sort((a, b) => b.length - a.length);
  const role = all.map(anyCaseInitials).join('|');
  return {
    // "social worker Jane Brown", "the health visitor, Jane Brown,"
    roleThenName: new RegExp(`(?<![\\p{L}\\p{N}])(${role}),?[ \\t](${HONORIFIC}${NAME})(?![\\p{L}\\p{N}])(,(?=[ \\t]))?`, 'gu'),
    // "Jane Brown, the social worker", "Jane Brown (Head of Safeguarding)"
    nameThenRole: new RegExp(
      `(?<![\\p{L}\\p{N}])(${HONORIFIC}${NAME})(?:,[ \\t]((?:[Tt]he|[Aa]n?)[ \\t])?|[ \\t]\\()(${role})(?![\\p{L}\\p{N}])(\\))?`,
      'gu',
    ),
  };
}

const NEEDS_ARTICLE_AFTER = new Set(
  (
    'by to with from for and or but that when while of at on in told asked saw called contacted visited ' +
    'informed met rang phoned emailed consulted'
  ).split(' '),
);

function withoutHonorific(name: string): string {
  return name.replace(/^(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]/, '');
}

/** Is this capitalised phrase a person's name (not a pseudonym, agency word, role word or allowed name)? */
function isPersonName(name: string, allowed: ReadonlySet<string>): boolean {
  const words = name.split(/\s+/);
  if (words.some((w) => /^\p{Lu}$/u.test(w))) return false;
  return words.every((w) => {
    const k = wordKey(w);
    return /^\p{Lu}\p{Ll}/u.test(w) && !NOT_NAMES.has(k) && !HONORIFICS.has(k) && !PROFESSIONAL_TITLES.has(k) && !allowed.has(k);
  });
}

export default defineRule<Options>(
  {
    id: 'summary-identifiers',
    summary: 'An executive summary describes professionals by role, not by name.',
    description: `In an executive summary, points at professionals named rather than described by role:

- a title and a name: “Dr Smith”, “PC Jones”, “DS Kerr”, “Nurse Okoro”, “Councillor Hughes”;
- a role and a name: “social worker Jane Brown”, “the health visitor, Jane Brown,”;
- a name and a role: “Jane Brown, the social worker”, “Jane Brown (Head of Safeguarding)” — also in the panel membership, which is listed by job title and organisation.

Roles come from the gazetteer (\`src/data/agencies.json\`), the professional roles in \`src/data/anonymisation.json\` and the \`roles\` option. Pseudonyms from front matter \`pseudonyms:\`, letters (“Dr X”) and names in \`allowNames\` (for example a chair or author whom the board names by agreement) are left alone. Messages are errors when front matter says \`publication: public\`, warnings otherwise, and offer the role as the replacement (“the doctor”, “the social worker”). \`data\` carries \`name\` and \`role\`.`,
    why:
      'The executive summary is the published, anonymised document: children and family members are given ' +
      'pseudonyms and professionals are described by role, and the panel is listed by job title and ' +
      'organisation. Naming a practitioner identifies them and, through them, the family. Primer §9 and §1.',
    primer: '§9 Publication and anonymisation; §1 The documents (executive summary)',
    reportTypes: ['executive-summary'],
    defaultSeverity: 'warning',
    fixable: true,
    options: [
      {
        name: 'allowNames',
        type: 'string[]',
        default: [],
        description: 'Names the board publishes by agreement (for example the independent chair and author).',
      },
      { name: 'places', type: 'string[]', default: [], description: 'Place names (the board’s area, towns) that are not personal names.' },
      { name: 'roles', type: 'string[]', default: [], description: 'Extra job titles to recognise next to a name.' },
      {
        name: 'flagReviewTeam',
        type: 'boolean',
        default: false,
        description:
          'Also point at the review’s own chair, author and reviewers, and ministers, when they are named ' +
          'beside their role (“Mike Tarver, Independent Chair”). Off by default: published summaries name them ' +
          'on purpose.',
      },
    ],
    defaults: { allowNames: [], places: [], roles: [], flagReviewTeam: false },
    examples: [
      {
        title: 'Professionals described by role, pseudonyms and lettered professionals are left alone',
        markdown: `---
report-type: executive-summary
pseudonyms: [Child A, Mother, Mr G]
---
## Summary of events

The health visitor saw Child A in May. The GP, Dr X, referred Child A to the paediatrician. Mr G told the social worker that he had moved out. A police officer from Northshire Constabulary attended.
`,
        flags: [],
      },
      {
        title: 'Titles and names, roles and names',
        markdown: `---
report-type: executive-summary
publication: public
---
## Summary of events

Dr Smith saw Child A in May and PC Jones attended in June.
The social worker, Jane Brown, visited twice.
Sam Patel, the health visitor, did not see Child A alone.
`,
        flags: [
          { line: 7, column: 1, severity: 'error', message: 'Dr Smith' },
          { line: 7, column: 33, severity: 'error', message: 'PC Jones' },
          { line: 8, column: 5, severity: 'error', message: 'Jane Brown' },
          { line: 9, column: 1, severity: 'error', message: 'Sam Patel' },
        ],
      },
      {
        title: 'Panel members are listed by job title and organisation, not by name',
        markdown: `---
report-type: executive-summary
---
## Panel membership

- Independent Chair
- Head of Safeguarding, Northshire Hospital Trust
- Mary Jones (Designated Nurse), Northshire Clinical Commissioning Group
`,
        flags: [{ line: 8, column: 3, severity: 'warning', message: 'Mary Jones' }],
      },
      {
        title: 'The review’s own chair and author, named beside their role, are left alone unless `flagReviewTeam` is on',
        markdown: `---
report-type: executive-summary
---
## Introduction

Overview report endorsed by: Owen Treharne, Independent Chair. Helen Marchbank, Independent Author, wrote the report.
`,
        flags: [],
      },
      {
        title: 'Not an executive summary: not this rule’s business',
        markdown: `---
report-type: overview
---
## Summary of events

Dr Smith saw Child A in May.
`,
        flags: [],
      },
    ],
  },
  ({ report, options, flag }) => {
    const publication = (stringValue(report.frontMatter.data['publication']) ?? '').toLowerCase();
    const severity: Severity = publication === 'public' || publication === 'published' ? 'error' : 'warning';
    const allowed = new Set(
      [
        ...pseudonymNames(report.frontMatter.data['pseudonyms']),
        ...report.childNames,
        ...(options.allowNames ?? []),
        ...(options.places ?? []),
        ...report.settings.agencies,
      ]
        .flatMap((n) => n.split(/\s+/))
        .map(wordKey),
    );
    const { roleThenName, nameThenRole } = rolePatterns(options.roles ?? []);
    const taken: { start: number; end: number }[] = [];
    const report1 = (start: number, end: number, name: string, role: string, replacement: string) => {
      if (taken.some((t) => t.start < end && start < t.end)) return;
      if (!options.flagReviewTeam && REVIEW_ROLE.test(role)) return;
      taken.push({ start, end });
      flag({
        start,
        end,
        severity,
        message: `“${name}” names a professional in an executive summary. Describe them by role alone: “${replacement}”.`,
        expected: [replacement],
        data: { name, role },
      });
    };
    const blocks = blocksIn(report.tree, report.text, 0, report.text.length);
    const texts = blocks.map((b) => maskComments(b.source).replace(/[*_`]/g, ' '));
    for (const t of texts) for (const place of learnPlaces(t, allowed)) allowed.add(place);
    blocks.forEach((block, i) => {
      const text = texts[i]!;
      const at = block.start;
      const sentenceStart = (offset: number) =>
        /^\s*$/.test(text.slice(0, offset)) || /[.!?:]\s{1,4}$/.test(text.slice(Math.max(0, offset - 6), offset));
      // At the start of a list item or a table cell ("Independent Chair, Margaret Holloway") the role stands alone.
      const itemStart = (offset: number) => /^\s*$/.test(text.slice(0, offset));
      const capitalise = (t: string) => t[0]!.toUpperCase() + t.slice(1);
      for (const m of text.matchAll(nameThenRole)) {
        const name = m[1]!;
        if (!isPersonName(withoutHonorific(name), allowed)) continue;
        const role = m[3]!;
        const paren = m[0].includes('(');
        let replacement = paren || itemStart(m.index) ? role : `${m[2]?.trim().toLowerCase() ?? 'the'} ${role}`;
        if (!paren && sentenceStart(m.index)) replacement = capitalise(replacement);
        report1(at + m.index, at + m.index + m[0].length, name, role, replacement);
      }
      for (const m of text.matchAll(roleThenName)) {
        const role = m[1]!;
        const name = m[2]!;
        if (!isPersonName(withoutHonorific(name), allowed)) continue;
        // "told social worker Jane Brown" needs an article; "the duty social worker, Jane Brown," has one already.
        const previous = /([\p{L}]{1,20})\s{1,3}$/u.exec(text.slice(Math.max(0, m.index - 24), m.index))?.[1]?.toLowerCase();
        const needsArticle =
          !itemStart(m.index) && (sentenceStart(m.index) || (previous !== undefined && NEEDS_ARTICLE_AFTER.has(previous)));
        let replacement = needsArticle ? `the ${role.toLowerCase()}` : role;
        if (needsArticle && sentenceStart(m.index)) replacement = capitalise(replacement);
        report1(at + m.index, at + m.index + m[0].length, name, role, replacement);
      }
      for (const m of text.matchAll(TITLE_NAME)) {
        // "Detective Constable Hughes": title words inside the name part belong to the title.
        const words = m[1]!.split(/\s+/);
        while (words.length > 0 && (PROFESSIONAL_TITLES.has(wordKey(words[0]!)) || HONORIFICS.has(wordKey(words[0]!)))) words.shift();
        const name = words.join(' ');
        if (!name || !isPersonName(name, allowed)) continue;
        const titleText = m[0].slice(0, m[0].length - m[1]!.length).trim();
        const lastTitle = m[0]
          .slice(0, m[0].length - name.length)
          .trim()
          .split(/\s+/)
          .pop()!;
        const role =
          TITLE_ROLES[wordKey(lastTitle.replace(/\.$/, ''))] ?? TITLE_ROLES[wordKey(titleText.replace(/\.$/, ''))] ?? 'the professional';
        const replacement = sentenceStart(m.index) ? role[0]!.toUpperCase() + role.slice(1) : role;
        report1(at + m.index, at + m.index + m[0].length, m[0].replace(/\s+/g, ' '), role.replace(/^the /, ''), replacement);
      }
    });
  },
);
