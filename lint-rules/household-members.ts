import type { ParagraphMemo } from '../src/engine/memo.js';
import { defineRule } from '../src/engine/rule.js';
import { sectionsWithRole, type SectionRole } from '../src/engine/section-roles.js';
import { insertionFix } from '../src/engine/fixes.js';
import type { Report } from '../src/engine/report.js';
import { childLexicon, CHILD_FOCUS_DATA, textBlocks, wordsRegExp } from '../src/engine/child.js';
import { compositionHas, familyComposition, HOUSEHOLD, type Composition } from '../src/engine/family.js';
import { escapeRegExp, normalizePhrase, quote } from '../src/engine/text.js';

interface Options {
  roles: string[];
}

interface Group {
  id: string;
  label: string;
  qualified?: boolean;
  phrases: string[];
  covered: string[];
}

/** Sections whose words are not about this household (they plan, ask or define). */
const NOT_NARRATIVE: SectionRole[] = ['terms-of-reference', 'recommendations', 'action-plan', 'glossary'];
/** Generic uses (“a mother”, “any father”, “every partner”) are not people of this case. */
const GENERIC_DETERMINER = /(?<![\p{L}\p{N}])(a|an|any|every|each|no|all|one)\s{1,3}$/iu;
/** Groups where “a …” is still a person of this case (“Mother had a new partner”, “a man was seen”). */
const INDEFINITE_OK = new Set(['partner', 'father-partner', 'lodger', 'visiting-man']);
/** “Mr G”, “Ms Smith”, “Adult B” (professionals are named by role in these reports; “Dr” is left out). */
const TITLED =
  /(?<![\p{L}\p{N}])(?:(?:Mr|Mrs|Ms|Miss|Mx)\.?\s[A-Z](?:[a-z]{1,20}(?:-[A-Z][a-z]{1,20})?)?|(?:Adult|Male|Man|Woman|Female)\s[A-Z])(?![\p{L}\p{N}])/gu;
const PROFESSIONAL_WORDS = HOUSEHOLD.professionalContext.map((w) => escapeRegExp(w).replace(/\s+/g, '\\s{1,3}')).join('|');
/** “Ms K, the social worker” / “Ms K (health visitor)”: a professional named beside the person. */
const PROFESSIONAL_AFTER = new RegExp(
  `^\\s{0,3}[,(–—-]\\s{0,3}(?:(?:the|a|an|his|her)\\s{1,3})?(?:[\\p{L}'’-]{1,20}\\s{1,3}){0,2}?(?:${PROFESSIONAL_WORDS})(?![\\p{L}\\p{N}])`,
  'iu',
);
/** “the health visitor, Ms K”. */
const PROFESSIONAL_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${PROFESSIONAL_WORDS})\\s{0,3},?\\s{1,3}$`, 'iu');
const MASK = wordsRegExp(CHILD_FOCUS_DATA.notChild)!;
const RELATIONSHIP = wordsRegExp(HOUSEHOLD.relationshipWords, 'iu')!;
const APPOSITION = /^\s{0,3}(?:,|\()\s{0,3}([^,()\n.;]{2,60})[,)]/u;
const STOP_LEAD = /^(?:by|with|and|to|from|the|a|an|her|his|their|that|of|was|is|had|as|when|called|named|visited|met|saw|said|told)$/i;

/** Was this surname introduced beside a professional role anywhere (“the health visitor, Helen Carter”, “Carter (social worker)”)? */
function introducedAsProfessional(text: string, surname: string): boolean {
  const name = escapeRegExp(surname);
  const before = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${PROFESSIONAL_WORDS})\\s{0,3},?\\s{1,3}(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\\.?\\s{1,3})?(?:[\\p{L}][\\p{L}'’-]{0,20}\\s{1,3})?${name}(?![\\p{L}\\p{N}])`,
    'iu',
  );
  const after = new RegExp(
    `(?<![\\p{L}\\p{N}])${name}\\s{0,3}[,(]\\s{0,3}(?:(?:the|a|an)\\s{1,3})?(?:[\\p{L}'’-]{1,20}\\s{1,3}){0,2}?(?:${PROFESSIONAL_WORDS})(?![\\p{L}\\p{N}])`,
    'iu',
  );
  return before.test(text) || after.test(text);
}

function has(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The relationship a sentence gives for a named person: “Mr G, Mother's partner,” or “her boyfriend, Mr G”. */
export function relationshipNear(before: string, after: string): string | undefined {
  const appos = APPOSITION.exec(after);
  if (appos && has(RELATIONSHIP, appos[1]!)) return capitalise(appos[1]!.trim().replace(/^(?:the|a|an)\s+/i, ''));
  // The last three words before the name (“… by Mother's partner, Mr G”).
  // Up to four words before the name, after the last small word (“… visited by Mother's partner, Mr G”, “Mr G's new girlfriend, Ms T”).
  const all = before.trimEnd().replace(/,$/, '').split(/\s+/);
  const words: string[] = [];
  for (let i = all.length - 1; i >= 0 && words.length < 4 && /^[\p{L}'’-]{1,20}$/u.test(all[i]!) && !STOP_LEAD.test(all[i]!); i--)
    words.unshift(all[i]!);
  const phrase = words.join(' ');
  return phrase && has(RELATIONSHIP, phrase) ? capitalise(phrase) : undefined;
}

function groupPattern(group: Group): RegExp {
  const body = group.phrases
    .slice()
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/\s+/g, '\\s{1,3}').replace(/'/g, "['’]"))
    .join('|');
  const qualifier = group.qualified ? '(?:(maternal|paternal)\\s{1,3})?' : '()';
  return new RegExp(`(?<![\\p{L}\\p{N}'’-])${qualifier}(?:${body})(?![\\p{L}\\p{N}'’-])`, 'giu');
}

/** Is a family group already in the composition? Qualified groups (“maternal grandmother”) need the same side or an unqualified entry. */
function groupCovered(composition: Composition, group: Group, qualifier: string | undefined): boolean {
  const text = composition.normalized;
  for (const phrase of group.covered) {
    const p = normalizePhrase(phrase);
    if (!qualifier) {
      if (text.includes(` ${p} `)) return true;
      continue;
    }
    if (text.includes(` ${qualifier} ${p} `)) return true;
    // An entry with no side given (“Grandmother”) covers either side.
    const re = new RegExp(`(?<!maternal|paternal) ${escapeRegExp(p)} `);
    if (re.test(text)) return true;
  }
  return false;
}

interface Missing {
  key: string;
  start: number;
  end: number;
  text: string;
  /** Name cell and relationship cell for the pre-filled row. */
  name: string;
  relationship: string;
  titled: boolean;
}

function customGroups(roles: readonly string[]): Group[] {
  return roles
    .filter((r) => r.trim())
    .map((r) => ({ id: `custom:${normalizePhrase(r)}`, label: capitalise(r.trim()), phrases: [r.trim()], covered: [r.trim()] }));
}

interface Hit {
  0: string;
  1?: string;
  index: number;
}

/** A block's text with child compounds masked, and its titled names and role words. */
interface BlockHits {
  text: string;
  titled: Hit[];
  roles: { group: Group; matches: Hit[] }[];
}

/** Block hits kept across lints (by block text, per set of roles; read-only). */
export type BlockHitsMemo = ParagraphMemo<BlockHits>;

function blockHits(blockText: string, groups: { group: Group; re: RegExp }[], kept: BlockHitsMemo | undefined): BlockHits {
  const compute = (): BlockHits => {
    const text = blockText.replace(new RegExp(MASK.source, MASK.flags), (m) => m.replace(/[^\n]/g, ' '));
    const hit = (m: RegExpMatchArray): Hit => ({ 0: m[0], 1: m[1], index: m.index! });
    return {
      text,
      titled: [...text.matchAll(new RegExp(TITLED.source, TITLED.flags))].map(hit),
      roles: groups.map(({ group, re }) => ({ group, matches: [...text.matchAll(re)].map(hit) })),
    };
  };
  return kept ? kept.get(blockText, compute) : compute();
}

/** Adults named in the narrative and chronology who are not in the family composition. */
export function missingHouseholdMembers(
  report: Report,
  composition: Composition,
  roles: readonly string[] = [],
  kept?: BlockHitsMemo,
): Missing[] {
  const label = childLexicon(report).label;
  const placeholder = `[insert relationship to ${label}]`;
  const groups = [...(HOUSEHOLD.adultGroups as Group[]), ...customGroups(roles)].map((g) => ({ group: g, re: groupPattern(g) }));
  const skip = [...composition.ranges, ...sectionsWithRole(report, ...NOT_NARRATIVE).map((s) => ({ start: s.start, end: s.end }))];
  const found = new Map<string, Missing>();
  const professionalNames = new Map<string, boolean>();
  const isProfessional = (surname: string) => {
    let known = professionalNames.get(surname);
    if (known === undefined) professionalNames.set(surname, (known = introducedAsProfessional(report.text, surname)));
    return known;
  };
  for (const block of textBlocks(report, report.frontMatter.end ?? 0, report.text.length)) {
    if (skip.some((r) => block.start >= r.start && block.start < r.end)) continue;
    const { text, titled, roles: roleHits } = blockHits(block.text, groups, kept);
    for (const m of titled) {
      const name = m[0].replace(/\./g, '').replace(/\s+/g, ' ');
      const key = `name:${normalizePhrase(name)}`;
      if (found.has(key) || compositionHas(composition, name)) continue;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 80);
      const before = text.slice(Math.max(0, m.index - 60), m.index);
      if (PROFESSIONAL_AFTER.test(after) || PROFESSIONAL_BEFORE.test(before)) continue;
      const surname = name.replace(/^\S+\s/, '');
      if (surname.length > 1 && isProfessional(surname)) continue;
      found.set(key, {
        key,
        start: block.start + m.index,
        end: block.start + m.index + m[0].length,
        text: m[0],
        name,
        relationship: relationshipNear(before, after) ?? placeholder,
        titled: true,
      });
    }
    for (const { group, matches } of roleHits) {
      for (const m of matches) {
        const qualifier = m[1]?.toLowerCase() || undefined;
        const key = `role:${group.id}:${qualifier ?? ''}`;
        if (found.has(key)) continue;
        const before = text.slice(Math.max(0, m.index - 12), m.index);
        const det = GENERIC_DETERMINER.exec(before);
        if (det && !(/^an?$/i.test(det[1]!) && INDEFINITE_OK.has(group.id))) continue;
        const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
        if (group.id === 'visiting-man' && PROFESSIONAL_AFTER.test(` ,${after}`)) continue;
        if (/^\s{1,3}(?:social|health|police|support|worker|officer|nurse|practitioner|professional)/i.test(after)) continue;
        if (groupCovered(composition, group, qualifier)) continue;
        const roleText = capitalise(m[0].replace(/^(?:a|an|the|her|his|their)\s+/i, '').replace(/\s+/g, ' '));
        found.set(key, {
          key,
          start: block.start + m.index,
          end: block.start + m.index + m[0].length,
          text: m[0],
          name: '[insert pseudonym]',
          relationship: group.id === 'visiting-man' ? group.label : roleText,
          titled: false,
        });
      }
    }
  }
  // A role that a missing titled person was introduced with (“Mr G, Mother's boyfriend”) is that person: keep the name.
  const titled = [...found.values()].filter((f) => f.titled);
  return [...found.values()]
    .filter(
      (f) =>
        f.titled ||
        !titled.some((t) => normalizePhrase(t.relationship).includes(normalizePhrase(f.text.replace(/^(?:a|an|the|her|his)\s+/i, '')))),
    )
    .sort((a, b) => a.start - b.start);
}

export default defineRule<Options>(
  {
    id: 'household-members',
    summary: 'Every adult around the child is in the family composition, with their relationship to the child.',
    description:
      'Finds the family composition (a section such as “Family composition”, “Genogram”, “Household ' +
      'members” or “Key people”, or a table with name and relationship columns) and compares it with the ' +
      'adults named everywhere else except the terms of reference, recommendations, action plan and ' +
      'glossary: titled pseudonyms (“Mr G”, “Ms H”, “Adult B”; not when a professional role stands beside ' +
      'them, as in “Ms K, the social worker”), and family and household roles — mother, father, the ' +
      'mother’s partner or boyfriend, stepfather, a father’s partner, lodger, a visiting man (“male ' +
      'visitor”, “a man”, “unknown male”), family friend, grandparents, aunts and uncles (“maternal” and ' +
      '“paternal” are told apart). An adult who is not in the composition is reported at the first mention, ' +
      'once per person, and the message carries `data.row` and a fix that inserts it: a pre-filled row for ' +
      'the composition table (or a list item) with the pseudonym, the relationship to the child found ' +
      'beside the name (“Mr G, Mother’s partner, …”) or a placeholder, and placeholders for age and ' +
      'ethnicity.\n\nThe composition itself is also checked: a table with no relationship column whose ' +
      'names are not relationships, and any person (except the subject child) with no relationship to the ' +
      'child, are reported. Roles are data (`src/data/household.json`); boards add their own with the ' +
      '`roles` option.',
    why:
      'Reviews kept finding “hidden” or “unseen” men — mothers’ partners, visiting men, lodgers — who were ' +
      'a risk to the child (or could have protected them) but whom no agency had identified; a terms of ' +
      'reference missed “who was living in the household”. A family composition that lists every adult with ' +
      'their relationship to the child is where this shows. Primer §5 (all adults around the child are ' +
      'known) and §2 (family composition: pseudonyms, relationship, age, ethnicity).',
    primer: '§5 Child focus, §2 Expected sections',
    defaultSeverity: 'warning',
    fixable: true,
    options: [
      {
        name: 'roles',
        type: 'string[]',
        default: [],
        description:
          'More words for adults of the household (for example “godfather”) that must be in the family ' + 'composition when named.',
      },
    ],
    defaults: { roles: [] },
    examples: [
      {
        title: 'A visiting man named in the chronology but missing from the composition',
        markdown: `## Family composition

| Name | Relationship to Child A | Age | Ethnicity |
| --- | --- | --- | --- |
| Child A | Subject | 2 | White British |
| Mother | Mother | 22 | White British |

## Summary of events

In June 2008 the health visitor met Mr G, Mother's boyfriend, at the flat.
`,
        flags: [{ line: 10, message: 'Mr G' }],
      },
      {
        title: 'A composition that lists every adult with their relationship is left alone',
        markdown: `## Family composition

| Name | Relationship to Child A | Age | Ethnicity |
| --- | --- | --- | --- |
| Child A | Subject | 2 | White British |
| Mother | Mother | 22 | White British |
| Mr G | Mother's partner from May 2008 | 31 | White British |

## Summary of events

In June 2008 the health visitor met Mr G, Mother's partner, at the flat. Ms K, the social worker, visited the next day.
`,
        flags: [],
      },
      {
        title: 'A composition without the relationship of each person to the child',
        markdown: `## Genogram

| Name | Age | Ethnicity |
| --- | --- | --- |
| Child A | 2 | White British |
| Mr G | 31 | White British |
`,
        flags: [{ line: 3, message: 'relationship' }],
      },
    ],
  },
  ({ report, options, flag, memo }) => {
    const composition = familyComposition(report);
    if (!composition) return;
    const label = childLexicon(report).label;
    const where = composition.sections[0] ? `“${composition.sections[0].title}”` : 'the family composition';

    for (const missing of missingHouseholdMembers(report, composition, options.roles, memo<BlockHits>('hits', options.roles))) {
      const row = { insertOffset: composition.insertOffset, text: composition.rowText(missing.name, missing.relationship) };
      flag({
        start: missing.start,
        end: missing.end,
        message: `“${missing.text.replace(/\s+/g, ' ')}” is in the narrative but not in the family composition. Add a row for ${missing.titled ? `${missing.name} in ${where} with their` : `this person in ${where} with a pseudonym, their`} relationship to ${label}, age and ethnicity: every adult around the child must be known.`,
        data: { person: missing.titled ? missing.name : missing.relationship, row },
        fixes: [
          insertionFix(
            `Add ${quote(missing.titled ? missing.name : missing.relationship)} to the family composition`,
            row.insertOffset,
            row.text,
            { scaffold: true },
          ),
        ],
      });
    }

    const members = composition.members;
    if (composition.table && composition.columns.relationship === undefined && members.some((m) => !m.hasRelationship && !m.isSubject)) {
      const header = composition.table.header;
      const start = header[0]?.start ?? composition.table.start;
      const end = header[header.length - 1]?.end ?? start;
      flag({
        start,
        end,
        message: `The family composition does not give each person’s relationship to the child. Add a “Relationship to ${label}” column (for example “Mother’s partner”, “Half-sister”, “Lodger, not related”).`,
        data: { missingColumn: 'relationship' },
      });
      return;
    }
    for (const member of members) {
      if (member.hasRelationship || member.isSubject) continue;
      flag({
        start: member.start,
        end: member.end,
        message: `${member.name ? `“${member.name}”` : 'A person'} has no relationship to the child in the family composition. Say how ${member.name || 'this person'} is related to ${label} (for example “Mother’s partner”, “Half-brother”, “Lodger, not related”).`,
        data: { person: member.name },
      });
    }
  },
);
