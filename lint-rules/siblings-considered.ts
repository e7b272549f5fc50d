import { defineRule } from '../src/engine/rule.js';
import { sectionsWithRole, type SectionRole } from '../src/engine/section-roles.js';
import type { Report } from '../src/engine/report.js';
import { bodyStart, childLexicon, CHILD_FOCUS_DATA, textBlocks, wordsRegExp } from '../src/engine/child.js';
import { familyComposition } from '../src/engine/family.js';
import { stringList } from '../src/engine/front-matter.js';
import { escapeRegExp, normalizePhrase } from '../src/engine/text.js';

/** Sections where the children of the household should be considered. */
const ANALYSIS_ROLES: SectionRole[] = ['analysis', 'lessons', 'lived-experience', 'conclusions', 'immediate-actions', 'equality'];
/** Words that consider the children of the household together, or a sibling by relationship. */
const COLLECTIVE = [
  'the children',
  'both children',
  'all the children',
  'all three children',
  'all four children',
  'the two children',
  'the three children',
  'the other children',
  'other children',
  'each child',
  'the siblings',
  'siblings',
  'sibling',
  'half-sibling',
  'half-siblings',
  'brother',
  'brothers',
  'sister',
  'sisters',
  'half-brother',
  'half-sister',
  'stepbrother',
  'stepsister',
  'step-brother',
  'step-sister',
  'the twins',
  'the boys',
  'the girls',
  'her children',
  'his children',
  'their children',
  'children in the household',
  'children of the family',
];
const COLLECTIVE_RE = wordsRegExp(COLLECTIVE, 'iu')!;
const MASK = wordsRegExp(CHILD_FOCUS_DATA.notChild)!;
/** “Mother's sister” is an aunt, not a sibling. */
const ADULT_SIBLING =
  /\b(?:mother|father|mum|dad|grandmother|grandfather|maternal|paternal)(?:['’]s)?\s{1,3}(?:half-|step-?)?(?:brother|sister|sibling)s?\b/gi;

interface OtherChild {
  name: string;
  relationship: string;
  start: number;
  end: number;
}

/** The other children of the family: from the composition (not the subject) and front matter `siblings:`. */
export function otherChildren(report: Report): OtherChild[] {
  const composition = familyComposition(report);
  const children: OtherChild[] = (composition?.members ?? [])
    .filter((m) => m.isChild && !m.isSubject)
    .map((m) => ({ name: m.name, relationship: m.relationship, start: m.start, end: m.end }));
  for (const name of stringList(report.frontMatter.data['siblings'])) {
    if (!children.some((c) => normalizePhrase(c.name) === normalizePhrase(name)))
      children.push({ name, relationship: 'sibling', start: -1, end: -1 });
  }
  return children;
}

export default defineRule(
  {
    id: 'siblings-considered',
    summary: 'When the family has other children, the analysis considers them.',
    description:
      'Reads the other children of the family from the family composition (people under 18, or whose ' +
      'relationship is sibling, brother, sister, half- or step-sibling, son or daughter, other than the ' +
      'subject child) and from front matter `siblings:`. If the analysis, findings and lessons, ' +
      'lived-experience, key issues, equality and conclusions sections never consider them — neither by ' +
      'pseudonym nor by a collective or sibling word (“the children”, “both children”, “siblings”, “his ' +
      'sister”, “the other children”; “Mother’s sister” is an aunt, not a sibling) — the first analysis ' +
      'heading is reported, naming the children left out.',
    why:
      'Reviews found that agencies focused on one child and did not ask about the safety and needs of the ' +
      'other children in the household; a well-known review’s terms of reference missed the other children ' +
      'in the family. Primer §5 (siblings and other children in the household are considered) and §3.',
    primer: '§5 Child focus',
    defaultSeverity: 'warning',
    fixable: false,
    options: [],
    defaults: {},
    examples: [
      {
        title: 'The analysis never considers the half-brother listed in the composition',
        markdown: `## Family composition

| Name | Relationship | Age |
| --- | --- | --- |
| Child A | Subject | 2 |
| Child B | Half-brother | 6 |
| Mother | Mother | 24 |

## Analysis

The health visitor did not see Child A alone at any of the four home visits.
`,
        flags: [{ line: 9, message: 'Child B' }],
      },
      {
        title: 'An analysis that considers the other child is left alone',
        markdown: `## Family composition

| Name | Relationship | Age |
| --- | --- | --- |
| Child A | Subject | 2 |
| Child B | Half-brother | 6 |

## Analysis

No agency asked what Child B, who was at school every day, saw of the injuries to his sister.
`,
        flags: [],
      },
      {
        title: 'Mother’s sister is an aunt: it does not consider the siblings',
        markdown: `---
siblings: [Child B]
---
## Analysis

Mother’s sister told the health visitor that Child A was often left alone.
`,
        flags: [{ line: 4, message: 'Child B' }],
      },
    ],
  },
  ({ report, flag }) => {
    const others = otherChildren(report);
    if (others.length === 0) return;
    const sections = sectionsWithRole(report, ...ANALYSIS_ROLES);
    if (sections.length === 0) return;
    const texts: string[] = [];
    for (const section of sections) {
      for (const block of textBlocks(report, bodyStart(section), section.end)) {
        texts.push(
          block.text
            .replace(new RegExp(MASK.source, MASK.flags), (m) => m.replace(/[^\n]/g, ' '))
            .replace(ADULT_SIBLING, (m) => m.replace(/[^\n]/g, ' ')),
        );
      }
    }
    const text = texts.join('\n');
    COLLECTIVE_RE.lastIndex = 0;
    if (COLLECTIVE_RE.test(text)) return;
    const left = others.filter((c) => {
      if (!c.name) return true;
      return !new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(c.name).replace(/\s+/g, '\\s{1,3}')}(?![\\p{L}\\p{N}])`, 'u').test(text);
    });
    if (left.length === 0) return;
    const first = sections[0]!;
    const names = left
      .map((c) => `“${c.name || 'a child'}”${c.relationship ? ` (${c.relationship.replace(/\s+/g, ' ').toLowerCase()})` : ''}`)
      .join(', ');
    const name = childLexicon(report).label;
    const label = name === 'the child' ? 'the subject child' : name;
    flag({
      start: first.start,
      end: first.heading.position?.end.offset ?? first.start,
      message: `The analysis never mentions the other ${left.length === 1 ? 'child' : 'children'} of the family: ${names}. Say how agencies considered the safety, needs and experience of every child in the household, not only ${label}.`,
      data: { children: left.map((c) => c.name) },
    });
  },
);
