import { defineRule } from '../src/engine/rule.js';
import { FRAMING_ROLES, hasRole, type SectionRole } from '../src/engine/section-roles.js';
import type { Section } from '../src/engine/outline.js';
import type { Report } from '../src/engine/report.js';
import { bodyStart, childLexicon, describeFocus, focusOfRange, wordsAndMentions, type FocusFigures } from '../src/engine/child.js';
import { normalizePhrase } from '../src/engine/text.js';

interface Options {
  minWords: number;
  headings: string[];
}

/** Profile sections that analyse practice or narrate it. */
const PRACTICE_ROLES: SectionRole[] = ['analysis', 'lessons', 'chronology'];
/** Heading words of a practice section that no profile section matched (“Health visiting involvement”). */
const PRACTICE_HEADINGS = [
  'analysis',
  'practice',
  'agency involvement',
  'involvement of',
  'involvement with',
  'findings',
  'learning',
  'lessons',
  'practice episode',
  'key episode',
  'response to',
  'assessment of',
  'chronology',
  'narrative',
  'events',
  'themes',
  'theme',
];

function kindOf(report: Report, section: Section): string {
  if (hasRole(report, section, 'chronology')) return 'narrative';
  if (hasRole(report, section, 'lessons')) return 'findings';
  return 'analysis';
}

function isPracticeHeading(report: Report, section: Section, extra: readonly string[]): boolean {
  if (hasRole(report, section, ...PRACTICE_ROLES)) return true;
  if (section.matches.length > 0) return false;
  const heading = ` ${section.normalized} `;
  return [...PRACTICE_HEADINGS, ...extra].some((h) => heading.includes(` ${normalizePhrase(h)} `));
}

function parentOf(report: Report, section: Section): Section | undefined {
  for (let i = section.index - 1; i >= 0; i--) {
    const candidate = report.outline[i]!;
    if (candidate.level < section.level && candidate.end >= section.end) return candidate;
  }
  return undefined;
}

export default defineRule<Options>(
  {
    id: 'child-focus',
    summary: 'Sections that analyse or narrate practice keep the child in view.',
    description:
      'Looks at the sections that analyse or narrate practice — analysis, findings and lessons, key issues, ' +
      'the chronology or summary of events, and any heading with words such as “involvement of”, “practice ' +
      'episode” or “themes”, with their subsections — and reports a section of more than `minWords` words ' +
      'of prose (default 300) in which the child is never mentioned. The child is the pseudonym from front ' +
      'matter `child:` (and `siblings:`/`children:`), the other children in the family composition, a ' +
      '“Child A” / “Sibling 1” / “Baby P” pseudonym, or a role word such as “the child”, “the baby”, “the ' +
      'children” or “her son”; siblings count as children. “Child A’s mother” is a mention of the mother, ' +
      'and “child protection plan” or “Children’s Social Care” are not mentions of the child. The message ' +
      'says how many sentences are about the child and how many are about the parents and other adults or ' +
      'about agencies and professionals (the subject of a sentence is taken to be the first person or ' +
      'agency it names). When a whole section never mentions the child, one message is given at its ' +
      'heading; otherwise each subsection is judged on its own.',
    why:
      'The most repeated finding of reviews of serious case reviews is that the child was lost from view ' +
      'behind the adults and the agencies’ processes; a section of analysis that never mentions the child ' +
      'is the plainest textual sign of it. Primer §5 (child focus: “sections of analysis in which the child ' +
      'is not mentioned at all”).',
    primer: '§5 Child focus',
    defaultSeverity: 'warning',
    fixable: false,
    options: [
      {
        name: 'minWords',
        type: 'number',
        default: 300,
        description: 'Words of prose a section may have without mentioning the child before it is reported.',
      },
      {
        name: 'headings',
        type: 'string[]',
        default: [],
        description: 'More heading words that mark a section analysing practice (for a board’s own headings).',
      },
    ],
    defaults: { minWords: 300, headings: [] },
    examples: [
      {
        title: 'Analysis centred on the adults and the agencies is reported',
        options: { minWords: 60 },
        markdown: `---
child: Child A
---
## Analysis

The health visitor completed the new birth visit and recorded that Mother appeared tired. Mother told the health visitor that Mr G had moved out. The GP prescribed antidepressants for Mother and did not share this with the health visitor. Children's Social Care received a referral from the police after a domestic incident at the address. The social worker spoke to Mother on the telephone and closed the referral because Mother said that Mr G no longer visited. The team manager agreed the decision without a home visit.
`,
        flags: [{ line: 4, message: 'none of 6 sentences is about the child' }],
      },
      {
        title: 'Analysis that keeps the child in view is left alone',
        options: { minWords: 60 },
        markdown: `---
child: Child A
---
## Analysis

The health visitor completed the new birth visit and saw Child A, who was feeding well and alert. Mother told the health visitor that Mr G had moved out. The GP prescribed antidepressants for Mother, and no one asked what her low mood meant for a baby of six weeks. Children's Social Care received a referral from the police after a domestic incident at the address. Child A was in the flat during the incident but was not seen by the officers. The social worker closed the referral without seeing Child A.
`,
        flags: [],
      },
      {
        title: 'Sections that are not about practice, and short sections, are left alone',
        options: { minWords: 40 },
        markdown: `## Methodology

The panel met six times. Each agency was asked for a management review and a chronology. The author interviewed the health visitor, the social worker and the team manager, and read the records of the GP practice and the hospital trust.

## Analysis

The GP did not share the prescription with the health visitor.
`,
        flags: [],
      },
    ],
  },
  ({ report, options, flag }) => {
    const label = childLexicon(report).label;
    const judged = new Map<number, boolean>();
    const isPractice = (section: Section): boolean => {
      const known = judged.get(section.index);
      if (known !== undefined) return known;
      let result = false;
      if (!section.isTitle && !hasRole(report, section, ...FRAMING_ROLES)) {
        const parent = parentOf(report, section);
        result = isPracticeHeading(report, section, options.headings) || (parent !== undefined && !parent.isTitle && isPractice(parent));
      }
      judged.set(section.index, result);
      return result;
    };

    const flagged: { start: number; end: number }[] = [];
    const reportSection = (section: Section, figures: FocusFigures, own: boolean) => {
      flagged.push({ start: section.start, end: own ? section.ownEnd : section.end });
      const kind = kindOf(report, section);
      flag({
        start: section.start,
        end: section.heading.position?.end.offset ?? section.start,
        message: `The ${kind} in “${section.title}” never mentions the child in ${figures.words} words (${describeFocus(figures)}). Keep ${label} in view: what the events meant for ${label}, what ${label} experienced, whether ${label} was seen and what ${label} said.`,
        data: {
          sectionId: section.matches[0],
          words: figures.words,
          sentences: figures.sentences,
          childSentences: figures.childSentences,
          familySentences: figures.familySentences,
          agencySentences: figures.agencySentences,
          share: figures.share,
        },
      });
    };

    for (const section of report.outline) {
      if (!isPractice(section)) continue;
      if (flagged.some((r) => section.start >= r.start && section.end <= r.end)) continue;
      // Words and mentions decide; the sentence figures are worked out only for a section reported.
      const whole = wordsAndMentions(report, bodyStart(section), section.end);
      if (whole.childMentions === 0 && whole.words > options.minWords) {
        reportSection(section, focusOfRange(report, bodyStart(section), section.end), false);
        continue;
      }
      if (section.ownEnd < section.end) {
        const own = wordsAndMentions(report, bodyStart(section), section.ownEnd);
        if (own.childMentions === 0 && own.words > options.minWords)
          reportSection(section, focusOfRange(report, bodyStart(section), section.ownEnd), true);
      }
    }
  },
);
