import { defineRule } from '../src/engine/rule.js';
import { hasRole, profileSectionsWithRole, roleOf, sectionsWithRole, type SectionRole } from '../src/engine/section-roles.js';
import { insertionFix } from '../src/engine/fixes.js';
import { sectionWritten } from '../src/engine/blocks.js';
import { sectionInsertText, type Section } from '../src/engine/outline.js';
import type { Report } from '../src/engine/report.js';
import type { ProfileSection } from '../src/engine/types.js';
import {
  blockSentences,
  bodyStart,
  childLexicon,
  findActors,
  reportTables,
  subjectOf,
  textBlocks,
  type ChildLexicon,
  type Mention,
  type TextBlock,
  wordsRegExp,
} from '../src/engine/child.js';
import { normalizePhrase, quote } from '../src/engine/text.js';
import type { ParagraphMemo } from '../src/engine/memo.js';
import data from '../src/data/child-voice.json' with { type: 'json' };

type Aspect = 'wishes-feelings' | 'lived-experience' | 'seen' | 'seen-alone';
const ASPECTS: Aspect[] = ['wishes-feelings', 'lived-experience', 'seen', 'seen-alone'];

interface Options {
  aspects: string[];
  minWords: number;
}

const VOICE_PHRASES = wordsRegExp(data.voicePhrases, 'iu')!;
const VOICE_NOUN_AFTER = new RegExp(
  `^['’]s?\\s{1,3}(?:[\\p{L}-]{1,20}\\s{1,3}){0,3}?(?:${data.voiceNouns.join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);
const VOICE_NOUN_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${data.voiceNouns.join('|')})(?:\\s{1,3}(?:and|or)\\s{1,3}[\\p{L}]{1,20})?\\s{1,3}of\\s{1,3}$`,
  'iu',
);
const SPEECH = wordsRegExp(data.speechVerbs, 'iu')!;
/** “asked Child A”, “listened to the children”: the child's voice was sought. */
const ASKED_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${data.askedBefore.join('|').replace(/ /g, '\\s{1,3}')})\\s{1,3}$`, 'iu');
const LIVED = wordsRegExp(data.livedExperience, 'iu')!;
const SEEN_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${data.seenBefore.join('|').replace(/ /g, '\\s{1,3}')})\\s{1,3}(?:with\\s{1,3})?$`,
  'iu',
);
const SEEN_AFTER = new RegExp(
  `^\\s{1,3}(?:was|were|is|are|had|has|had\\s{1,3}been|has\\s{1,3}been|have\\s{1,3}been)\\s{1,3}(?:not\\s{1,3}|never\\s{1,3}|only\\s{1,3}|rarely\\s{1,3}|regularly\\s{1,3})?(?:been\\s{1,3})?(?:${data.seenAfter.join('|').replace(/ /g, '\\s{1,3}')})(?![\\p{L}\\p{N}])`,
  'iu',
);
const SEEN_ALONE = wordsRegExp(data.seenAlone, 'iu')!;
/** “saw Child A at four visits but never alone”, “spoke to her on her own”. */
const SEEN_THEN_ALONE =
  /(?<![\p{L}\p{N}])(?:seen|saw|see|seeing|spoke|spoken|talked|interviewed|met)(?![\p{L}\p{N}])[^.;\n]{0,60}?(?<![\p{L}\p{N}])(?:alone|on (?:his|her|their) own|separately)(?![\p{L}\p{N}])/iu;
const SEEN_COLUMNS = data.seenColumns.map((c) => ` ${normalizePhrase(c)} `);
const ALONE_COLUMN = / alone /;
const ALONE_WORD = /alone|separately|own|without/i;
const VIEWS_COLUMN = / (?:views|voice|wishes|feelings) /;

/** Sections whose words do not record anything about the child (they ask, plan or define). */
const NOT_RECORDS: SectionRole[] = ['terms-of-reference', 'recommendations', 'action-plan', 'glossary'];

const DESCRIBE: Record<Aspect, string> = {
  'wishes-feelings': 'the child’s wishes, feelings and views',
  'lived-experience': 'the child’s daily lived experience',
  seen: 'whether the child was seen',
  'seen-alone': 'whether the child was seen alone',
};

function has(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/** Which aspects the sentences of a block record, together (kept across lints by block text, per lexicon; read-only). */
function aspectsOfBlock(
  report: Report,
  block: TextBlock,
  lexicon: ChildLexicon,
  kept: ParagraphMemo<ReadonlySet<Aspect>>,
): ReadonlySet<Aspect> {
  return kept.get(block.text, () => {
    const found = new Set<Aspect>();
    for (const sentence of blockSentences(report, block))
      for (const a of aspectsOfSentence(sentence.text, lexicon, sentence.actors)) found.add(a);
    return found;
  });
}

/** Which aspects one sentence records. */
export function aspectsOfSentence(sentence: string, lexicon: ChildLexicon, known?: Mention[]): Set<Aspect> {
  const found = new Set<Aspect>();
  if (sentence.trim().endsWith('?')) return found;
  const actors = known ?? findActors(sentence, lexicon);
  const children = actors.filter((a) => a.kind === 'child');
  const subject = subjectOf(sentence, actors);
  if (children.length > 0) {
    if (has(VOICE_PHRASES, sentence)) found.add('wishes-feelings');
    for (const m of children) {
      if (VOICE_NOUN_AFTER.test(sentence.slice(m.end, m.end + 80))) found.add('wishes-feelings');
      if (VOICE_NOUN_BEFORE.test(sentence.slice(Math.max(0, m.start - 60), m.start))) found.add('wishes-feelings');
      if (ASKED_BEFORE.test(sentence.slice(Math.max(0, m.start - 30), m.start))) found.add('wishes-feelings');
      if (SEEN_BEFORE.test(sentence.slice(Math.max(0, m.start - 30), m.start))) found.add('seen');
      if (SEEN_AFTER.test(sentence.slice(m.end, m.end + 60))) found.add('seen');
    }
    if (subject?.kind === 'child' && has(SPEECH, sentence.slice(subject.end))) found.add('wishes-feelings');
    if (has(LIVED, sentence)) found.add('lived-experience');
  }
  if (
    (has(SEEN_ALONE, sentence) && (children.length > 0 || subject?.kind !== 'family')) ||
    (children.length > 0 && SEEN_THEN_ALONE.test(sentence))
  ) {
    found.add('seen-alone');
    found.add('seen');
  }
  return found;
}

/** The lived-experience profile section: the report's own, else one from another profile, else a built-in one. */
function livedExperienceProfileSection(report: Report): ProfileSection {
  for (const profile of [report.profile, ...report.profiles]) {
    const [section] = profileSectionsWithRole(profile, 'lived-experience');
    if (section) return section;
  }
  return {
    id: 'lived-experience',
    title: 'The child’s lived experience',
    role: 'lived-experience',
    status: 'expected',
    synonyms: ['lived experience', 'voice of the child'],
    prompt:
      'Describe the child’s daily lived experience, the child’s wishes and feelings, and whether the child ' +
      'was seen, and seen alone, at key points.',
  };
}

function livedExperienceSections(report: Report, profileSection: ProfileSection): Section[] {
  const synonyms = profileSection.synonyms.map((s) => ` ${normalizePhrase(s)} `);
  return report.outline.filter(
    (s) => hasRole(report, s, 'lived-experience') || (!s.isTitle && synonyms.some((syn) => ` ${s.normalized} `.includes(syn))),
  );
}

interface Placement {
  anchor?: Section;
  offset: number;
  level: number;
  where: string;
}

const HOSTS: SectionRole[] = ['analysis', 'lessons', 'chronology'];

/** Where a lived-experience section belongs: by the profile's order, else at the end of the analysis. */
function placementOf(report: Report): Placement {
  const sections = report.profile.sections;
  const target = sections.findIndex((s) => roleOf(s) === 'lived-experience');
  const positions = (s: Section) => s.matches.map((id) => sections.findIndex((p) => p.id === id)).filter((i) => i >= 0);
  if (target >= 0) {
    let after: Section | undefined;
    for (const s of report.outline) {
      const pos = positions(s);
      if (pos.length > 0 && Math.max(...pos) < target) after = s;
    }
    if (after) return { anchor: after, offset: after.end, level: after.level, where: `after “${after.title}”` };
    const before = report.outline.find((s) => positions(s).some((p) => p > target));
    if (before) return { anchor: before, offset: before.start, level: before.level, where: `before “${before.title}”` };
  } else {
    for (const role of HOSTS) {
      const host = sectionsWithRole(report, role)[0];
      if (host) return { anchor: host, offset: host.end, level: Math.min(6, host.level + 1), where: `at the end of “${host.title}”` };
    }
  }
  const title = report.outline.find((s) => s.isTitle);
  return { anchor: title, offset: report.text.length, level: title ? Math.min(6, title.level + 1) : 2, where: 'at the end of the report' };
}

function withLead(report: Report, offset: number, body: string): string {
  const preceding = report.text.slice(Math.max(0, offset - 2), offset);
  const lead = offset === 0 ? '' : preceding.endsWith('\n\n') ? '' : preceding.endsWith('\n') ? '\n' : '\n\n';
  return lead + body;
}

function headingEnd(section: Section): number {
  return section.heading.position?.end.offset ?? section.start;
}

function listAspects(missing: Aspect[]): string {
  const parts = missing
    .filter((a) => !(a === 'seen-alone' && missing.includes('seen')))
    .map((a) => (a === 'seen' && missing.includes('seen-alone') ? 'whether the child was seen, and seen alone' : DESCRIBE[a]));
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/** Does a range have a table column that records whether the child was seen (or seen alone)? */
function seenColumn(report: Report, start: number, end: number, alone: boolean): boolean {
  return reportTables(report, start, end).some((t) =>
    t.header.some((cell) => {
      const h = ` ${normalizePhrase(cell.text)} `;
      return SEEN_COLUMNS.some((c) => h.includes(c)) && (!alone || ALONE_COLUMN.test(h));
    }),
  );
}

/** Does a range have a table column for the child's views (“Child seen / views”, “Wishes and feelings”)? */
function viewsColumn(report: Report, start: number, end: number): boolean {
  return reportTables(report, start, end).some((t) => t.header.some((cell) => VIEWS_COLUMN.test(` ${normalizePhrase(cell.text)} `)));
}

export default defineRule<Options>(
  {
    id: 'child-voice',
    summary:
      'The report records the child’s wishes and feelings, daily lived experience, and whether the child ' + 'was seen and seen alone.',
    description:
      'Reads every sentence that mentions the child (pseudonym, “Child A”, or a role word such as “the ' +
      'baby”; see `child-focus`) outside the terms of reference, recommendations, action plan and glossary, ' +
      'and looks for four things: the child’s **wishes, feelings and views** (“Child A’s wishes”, “the ' +
      'views of the child”, “wishes and feelings”, or the child as the subject of “said”, “told”, ' +
      '“disclosed”, “was frightened”…), the child’s **daily lived experience** (“lived experience”, “daily ' +
      'life”, “would have experienced”, hunger, nappies, sleep, play…), whether the child was **seen** ' +
      '(“the health visitor saw Child A”, “Child A was not seen”) and whether the child was **seen alone** ' +
      '(“seen alone”, “spoken to on her own”, “without her mother present”). A chronology column such as ' +
      '“Child seen”, “Seen alone” or “Child’s views” counts. Questions do not count: a question asks, it ' +
      'does not record.\n\nWhen one or more of the four are never recorded, one message points to where ' +
      'they belong — the lived-experience section if there is one, else the place the profile expects it ' +
      '(after the analysis in an overview report; at the end of the analysis in an IMR) — and offers a fix ' +
      'that inserts a “The child’s lived experience” section with its prompt (or, when the section exists, ' +
      'the prompt to add to it). Reports under `minWords` words are not judged yet.\n\nFor IMRs, a ' +
      'chronology that never says whether the child was seen at a contact (no “Child seen” column and no ' +
      'sentence saying so) is also reported, at the chronology’s heading.',
    why:
      'Reviewers keep finding that the child’s wishes and feelings were not recorded and that no one knew ' +
      'whether the child had been seen, or seen alone; a report that cannot say what daily life was like ' +
      'for the child has lost the child. Primer §5 (the child’s daily lived experience, wishes and ' +
      'feelings, seen and seen alone; “absence anywhere of ‘wishes’, ‘feelings’, ‘views’, ‘seen alone’, ' +
      '‘voice’, ‘lived experience’”) and §7 (chronology column “Child seen / child’s views”).',
    primer: '§5 Child focus, §7 Chronologies',
    defaultSeverity: 'warning',
    fixable: true,
    options: [
      {
        name: 'aspects',
        type: 'string[]',
        default: ASPECTS,
        description: 'Which of `wishes-feelings`, `lived-experience`, `seen` and `seen-alone` the report must record.',
      },
      {
        name: 'minWords',
        type: 'number',
        default: 200,
        description: 'Reports with fewer words than this (an early draft) are not judged.',
      },
    ],
    defaults: { aspects: ASPECTS, minWords: 200 },
    examples: [
      {
        title: 'A report that records the child’s voice and experience is left alone',
        options: { minWords: 20 },
        markdown: `---
report-type: overview
child: Child A
---
## Analysis

The health visitor saw Child A at home on 3 March 2008; Child A was not seen alone at any visit. At nursery Child A told staff that she was hungry and often asked for second helpings.

## The child's lived experience

For Child A, daily life meant long hours in a cot in a cold bedroom. Her wishes and feelings were never recorded.
`,
        flags: [],
      },
      {
        title: 'A report about the adults only is pointed to the lived-experience section it lacks',
        options: { minWords: 20 },
        markdown: `---
report-type: overview
child: Child A
---
## Analysis

The health visitor visited the home on 3 March 2008 and discussed Mother's low mood. The social worker assessed Mr G's drug use and closed the case.

## Findings

Agencies did not share information about Mr G.
`,
        flags: [{ line: 5, message: 'lived experience' }],
      },
      {
        title: 'An IMR chronology that never says whether the child was seen',
        options: { minWords: 20, aspects: [] },
        markdown: `---
report-type: imr
child: Child A
---
## Chronology

| Date | Source | Event | Action |
| --- | --- | --- | --- |
| 03/03/2008 | HV records | Home visit; Mother tearful | Referral to GP |
`,
        flags: [{ line: 5, message: 'seen' }],
      },
    ],
  },
  ({ report, options, flag, memo }) => {
    const lexicon = childLexicon(report);
    const aspectsByText = memo<ReadonlySet<Aspect>>('aspects', lexicon.key);
    const contentStart = report.frontMatter.end ?? 0;
    const excluded = sectionsWithRole(report, ...NOT_RECORDS);
    const inExcluded = (offset: number) => excluded.some((s) => offset >= s.start && offset < s.end);

    const wanted = ASPECTS.filter((a) => options.aspects.includes(a));
    const found = new Set<Aspect>();
    if (seenColumn(report, contentStart, report.text.length, false)) found.add('seen');
    if (seenColumn(report, contentStart, report.text.length, true)) found.add('seen-alone');
    if (viewsColumn(report, contentStart, report.text.length)) found.add('wishes-feelings');
    const profileSection = livedExperienceProfileSection(report);
    const leSections = livedExperienceSections(report, profileSection);
    for (const s of leSections) {
      // A lived-experience section written about the child counts as the child's lived experience.
      const body = textBlocks(report, bodyStart(s), s.end).filter((b) => b.prose);
      if (body.reduce((n, b) => n + b.words, 0) >= 30 && body.some((b) => b.childMentions.length > 0)) found.add('lived-experience');
    }
    let words = 0;
    for (const block of textBlocks(report, contentStart, report.text.length)) {
      if (inExcluded(block.start)) continue;
      words += block.words;
      if (wanted.every((a) => found.has(a))) continue;
      // Only a block that names the child, or says “alone”, can record any of the four.
      if (block.childMentions.length === 0 && !ALONE_WORD.test(block.text)) continue;
      for (const a of aspectsOfBlock(report, block, lexicon, aspectsByText)) found.add(a);
    }

    if (words >= options.minWords) {
      const missing = wanted.filter((a) => !found.has(a));
      if (missing.length > 0) {
        const existing = leSections[0];
        const prompt = profileSection.prompt.charAt(0).toLowerCase() + profileSection.prompt.slice(1);
        if (existing) {
          const offset = existing.ownEnd;
          flag({
            start: existing.start,
            end: headingEnd(existing),
            message: `The report never records ${listAspects(missing)}. In “${existing.title}”, ${prompt.replace(/\.?$/, '.')}`,
            data: { missing, sectionId: profileSection.id },
            fixes: [
              insertionFix(
                `Add the prompt to ${quote(existing.title)}`,
                offset,
                withLead(report, offset, `> Prompt: ${profileSection.prompt}\n\n`),
                { scaffold: true },
              ),
            ],
          });
        } else {
          const place = placementOf(report);
          const at = place.anchor
            ? { start: place.anchor.start, end: headingEnd(place.anchor) }
            : { start: contentStart, end: contentStart };
          flag({
            ...at,
            message: `The report never records ${listAspects(missing)}. Add a “${profileSection.title}” section ${place.where}: ${prompt.replace(/\.?$/, '.')}`,
            data: { missing, sectionId: profileSection.id },
            fixes: [
              insertionFix(
                `Insert missing section ${quote(profileSection.title)}`,
                place.offset,
                withLead(report, place.offset, sectionInsertText(profileSection, place.level)),
                {
                  scaffold: true,
                },
              ),
            ],
          });
        }
      }
    }

    if (report.type === 'imr') {
      for (const chronology of sectionsWithRole(report, 'chronology')) {
        // A chronology not yet written (only its template prompt) is reported as an unanswered prompt.
        if (!sectionWritten(report, chronology)) continue;
        const start = bodyStart(chronology);
        if (seenColumn(report, start, chronology.end, false)) continue;
        let said = false;
        for (const block of textBlocks(report, start, chronology.end)) {
          said = aspectsOfBlock(report, block, lexicon, aspectsByText).has('seen');
          if (said) break;
        }
        if (said) continue;
        flag({
          start: chronology.start,
          end: headingEnd(chronology),
          message: `This chronology never says whether the child was seen. Add a “Child seen” column (seen, seen alone, not seen), or say at each contact whether ${lexicon.label} was seen and what ${lexicon.label} said.`,
          data: {
            sectionId: profileSectionsWithRole(report.profile, 'chronology').find((p) => chronology.matches.includes(p.id))?.id,
            missing: ['seen'],
          },
        });
      }
    }
  },
);
