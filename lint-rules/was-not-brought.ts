import { defineRule } from '../src/engine/rule.js';
import { blocksIn, maskMarkup } from '../src/engine/blocks.js';
import { childLexicon, findActors, type ChildLexicon, type Mention, wordsRegExp } from '../src/engine/child.js';
import { splitSentences } from '../src/engine/sentences.js';
import { reportTables } from '../src/engine/family.js';

import data from '../src/data/appointments.json' with { type: 'json' };

/** “did not attend”, “didn't attend”, “failed to attend”, “has not attended”, with an optional “(DNA)” after it. */
const NOT_ATTEND = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(did|does|do)\s{1,3}not|(didn|doesn|don)['’]t|(failed|fails|fail)\s{1,3}to|(has|have|had)\s{1,3}not|(hasn|haven|hadn)['’]t|(has|have|had)\s{1,3}failed\s{1,3}to)\s{1,3}(?:attend|attended)(?:\s{0,3}\((?:DNA|dna)\))?(?![\p{L}\p{N}])`,
  'giu',
);
/** “DNA” as in “did not attend” (upper case): “DNA”, “DNA'd”, “DNAed”, “DNAs”. */
const DNA = /(?<![\p{L}\p{N}])DNA(['’]?d|ed|s)?(?![\p{L}\p{N}])/gu;
const GENETIC_AFTER =
  /^\s{0,3}(?:test|tests|testing|sample|samples|evidence|profile|profiling|analysis|result|results|match|swab|swabs|database|kit)\b/i;
const GENETIC_BEFORE = /\b(?:paternity|forensic|genetic)\s{1,3}$/i;
const RECORDED_AS = /\b(?:recorded|marked|coded|noted|logged|entered|documented)\s{1,3}as\s{1,3}(?:an?\s{1,3})?$/i;
const CELL_ONLY = /^\s*(?:\*\*|__)?(DNA(?:['’]?d)?|did not attend|failed to attend|not attended|didn['’]t attend)(?:\*\*|__)?\.?\s*$/i;
const APPOINTMENT = wordsRegExp(data.appointmentWords, 'iu')!;
const CHILD_APPOINTMENT = wordsRegExp(data.childAppointments, 'iu')!;
const ADULT_APPOINTMENT = wordsRegExp(data.adultAppointments, 'iu')!;
const NOT_APPOINTMENT = new RegExp(
  `^\\s{1,3}(?:(?:the|her|his|their|any|a)\\s{1,3})?(?:${data.notAppointment.map((w) => w.replace(/ /g, '\\s{1,3}')).join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);
/** Words after “did not attend” that do not open an object, so the replacement needs no “to” (“did not attend on 4 May”, “… again”). */
const NOT_OBJECT =
  /^(?:on|at|in|for|to|again|when|as|because|and|but|or|either|twice|once|despite|after|before|until|with|without|since|due|following|during|so|yet|then|by|today|yesterday|tomorrow|regularly|weekly|though|although|while|whilst|if|unless|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/i;
const NEXT_WORD = /^\s{1,3}([\p{L}\p{N}][\p{L}\p{N}'’-]{0,30})/u;
const PLURAL = /children|twins|siblings|boys|girls|babies|young people|\band\b/i;

type Owner = 'child' | 'adult' | undefined;

function has(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

interface Decision {
  owner: Owner;
  /** The mention of the child, when the owner is a child. */
  child?: Mention;
}

/**
 * Whose appointment a “did not attend” or “DNA” at `at..end` of a clause is about: the
 * nearest person before it (the subject); else what follows it (a child, a
 * child health appointment, an adult's own appointment). Agencies and
 * professionals are not attendees.
 */
export function ownerOf(clause: string, at: number, end: number, lexicon: ChildLexicon): Decision {
  const actors = findActors(clause, lexicon).filter((a) => a.kind !== 'agency');
  const before = actors.filter((a) => a.end <= at);
  const nearest = before[before.length - 1];
  const adultAppointment = has(ADULT_APPOINTMENT, clause);
  if (nearest) {
    if (nearest.kind === 'family') return { owner: 'adult' };
    return adultAppointment ? { owner: 'adult' } : { owner: 'child', child: nearest };
  }
  if (adultAppointment) return { owner: 'adult' };
  const after = actors.find((a) => a.start >= end);
  if (after?.kind === 'child') return { owner: 'child', child: after };
  if (has(CHILD_APPOINTMENT, clause)) return { owner: 'child' };
  return { owner: undefined };
}

/** The grammatical replacement for a “did not attend” phrase. */
export function wasNotBrought(phrase: string, following: string, plural: boolean): string {
  const lower = phrase.toLowerCase().replace(/\s+/g, ' ');
  let verb: string;
  if (/^(?:has|hasn)/.test(lower)) verb = 'has not been brought';
  else if (/^(?:have|haven)/.test(lower)) verb = 'have not been brought';
  else if (/^(?:had|hadn)/.test(lower)) verb = 'had not been brought';
  else if (/^(?:does|doesn|fails)/.test(lower)) verb = plural ? 'are not brought' : 'is not brought';
  else if (/^(?:do |don|fail )/.test(lower)) verb = 'are not brought';
  else verb = plural ? 'were not brought' : 'was not brought';
  const next = NEXT_WORD.exec(following);
  const needsTo = next !== null && !NOT_OBJECT.test(next[1]!);
  const text = needsTo ? `${verb} to` : verb;
  return /^[A-Z]/.test(phrase) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** The clause around an offset: between semicolons or colons, and at most 300 characters before and 200 after it. */
function clauseAround(sentence: string, at: number): { start: number; text: string } {
  const start = Math.max(sentence.lastIndexOf(';', at), sentence.lastIndexOf(':', at), at - 301) + 1;
  let end = sentence.indexOf(';', at);
  if (end === -1) end = sentence.length;
  end = Math.min(end, at + 200);
  return { start: Math.max(0, start), text: sentence.slice(Math.max(0, start), end) };
}

interface Hit {
  start: number;
  end: number;
  phrase: string;
  expected?: string;
  child?: Mention;
}

/** Find “did not attend” and “DNA” about a child's appointment in a piece of prose (offsets relative to it). */
export function findNotAttended(text: string, lexicon: ChildLexicon, rowContext?: string): Hit[] {
  const hits: Hit[] = [];
  if (!/attend|DNA/i.test(text)) return hits;
  for (const sentence of splitSentences(text)) {
    const s = sentence.text;
    const covered: [number, number][] = [];
    for (const m of s.matchAll(new RegExp(NOT_ATTEND.source, NOT_ATTEND.flags))) {
      const end = m.index + m[0].length;
      covered.push([m.index, end]);
      const following = s.slice(end, end + 60);
      if (NOT_APPOINTMENT.test(following)) continue;
      const clause = clauseAround(s, m.index);
      let decision = ownerOf(clause.text, m.index - clause.start, end - clause.start, lexicon);
      if (decision.owner === undefined && rowContext !== undefined) decision = ownerOfRow(rowContext, lexicon);
      if (decision.owner !== 'child') continue;
      const plural = decision.child ? PLURAL.test(decision.child.text) : false;
      hits.push({
        start: sentence.start + m.index,
        end: sentence.start + end,
        phrase: m[0],
        expected: wasNotBrought(m[0], following, plural),
        child: decision.child,
      });
    }
    for (const m of s.matchAll(new RegExp(DNA.source, DNA.flags))) {
      const end = m.index + m[0].length;
      if (covered.some(([a, b]) => m.index >= a && m.index < b)) continue;
      if (GENETIC_AFTER.test(s.slice(end, end + 30)) || GENETIC_BEFORE.test(s.slice(Math.max(0, m.index - 30), m.index))) continue;
      const clause = clauseAround(s, m.index);
      const verbal = m[1] !== undefined && m[1] !== 's';
      if (!verbal && m[1] !== 's' && !has(APPOINTMENT, clause.text) && !has(CHILD_APPOINTMENT, clause.text) && rowContext === undefined)
        continue;
      let decision = ownerOf(clause.text, m.index - clause.start, end - clause.start, lexicon);
      if (decision.owner === undefined && rowContext !== undefined) decision = ownerOfRow(rowContext, lexicon);
      if (decision.owner !== 'child') continue;
      const before = s.slice(Math.max(0, m.index - 40), m.index);
      let expected: string | undefined;
      let start = m.index;
      if (verbal) {
        const plural = decision.child ? PLURAL.test(decision.child.text) : false;
        expected = wasNotBrought('did not attend', s.slice(end, end + 60), plural);
      } else if (m[1] === undefined && RECORDED_AS.test(before)) {
        const article = /\ban?\s{1,3}$/i.exec(before);
        if (article) start -= article[0].length;
        expected = '“was not brought”';
      } else if (m[1] === undefined && s.charAt(m.index - 1) === '(' && s.charAt(end) === ')') {
        expected = 'was not brought';
      }
      hits.push({ start: sentence.start + start, end: sentence.start + end, phrase: s.slice(start, end), expected, child: decision.child });
    }
  }
  return hits;
}

/** Whose appointment a table row is about, from the row's other cells. */
function ownerOfRow(row: string, lexicon: ChildLexicon): Decision {
  if (has(ADULT_APPOINTMENT, row)) return { owner: 'adult' };
  const actors = findActors(row, lexicon).filter((a) => a.kind !== 'agency');
  const child = actors.find((a) => a.kind === 'child');
  if (child) return { owner: 'child', child };
  if (has(CHILD_APPOINTMENT, row)) return { owner: 'child' };
  return { owner: actors.length > 0 ? 'adult' : undefined };
}

function messageFor(hit: Hit, label: string): string {
  const who = hit.child ? `“${hit.child.text.replace(/\s+/g, ' ')}”` : label;
  const phrase = hit.phrase.replace(/\s+/g, ' ');
  const instead = hit.expected
    ? `“${hit.expected.replace(/^“|”$/g, '')}”`
    : '“was not brought” (for example “Child A was not brought to the clinic”)';
  return `“${phrase}” makes ${who} responsible for a missed appointment. Write ${instead}: a child depends on an adult to bring them.`;
}

export default defineRule(
  {
    id: 'was-not-brought',
    summary: 'A child’s missed appointment is written “was not brought”, not “did not attend” or “DNA”.',
    description:
      'Finds “did not attend”, “didn’t attend”, “failed to attend”, “has not attended” (with any “(DNA)” ' +
      'after it) and “DNA” / “DNA’d” used for a missed appointment, and decides whose appointment it was: ' +
      'the nearest person named before it in the clause (the subject) — a child (pseudonym, “Child A”, “the ' +
      'baby”…) or an adult of the family (“Mother”, “Mr G”); when no one is named before it, what follows ' +
      '(“Did not attend paediatric outpatients”, “the 8-month check”) or, in a table, the rest of the row. ' +
      'Only a child’s appointment is reported. Adults’ own appointments (“Mother did not attend her ' +
      'antenatal appointment”, “Mr G DNA probation”) and school attendance are left alone, and so is “DNA” ' +
      'in “DNA test” or “paternity DNA”.\n\nThe quick fix is grammatical: “Child A did not attend the ' +
      'clinic” → “Child A was not brought to the clinic”; “the children have not attended” → “have not been ' +
      'brought”; a table cell “DNA” → “Was not brought”; “recorded as DNA” → “recorded as “was not ' +
      'brought””. The appointment words are data (`src/data/appointments.json`).',
    why:
      'A young child cannot take themselves to the clinic; writing that the child “did not attend” puts the ' +
      'failure on the child and hides the adult who did not bring them. Reviews found missed health ' +
      'appointments were an early sign of neglect that agencies recorded as “DNA” and closed. Primer §5 ' +
      '(“was not brought”, not “did not attend” / “DNA”).',
    primer: '§5 Child focus',
    defaultSeverity: 'warning',
    fixable: true,
    options: [],
    defaults: {},
    examples: [
      {
        title: 'A child’s missed appointment written “did not attend”',
        markdown: `Child A did not attend the paediatric clinic on 4 May 2008.\n`,
        flags: [{ line: 1, column: 9, message: 'was not brought to' }],
      },
      {
        title: '“DNA” in a chronology row about the child',
        markdown: `| Date | Agency | Event | Outcome |\n| --- | --- | --- | --- |\n| 12/03/2008 | Hospital | Child A's 8-month check | DNA |\n`,
        flags: [{ line: 3, message: 'Was not brought' }],
      },
      {
        title: 'An adult’s own appointment, school and DNA evidence are left alone',
        markdown: `Mother did not attend her antenatal appointment on 2 February 2008. Child A, aged 14, did not attend school for two weeks. A DNA sample was taken from the bedding.\n`,
        flags: [],
      },
    ],
  },
  ({ report, flag }) => {
    const lexicon = childLexicon(report);
    const label = lexicon.label === 'the child' ? 'a child' : lexicon.label;
    const emit = (offset: number, hit: Hit) =>
      flag({
        start: offset + hit.start,
        end: offset + hit.end,
        message: messageFor(hit, label),
        expected: hit.expected ? [hit.expected] : undefined,
      });

    for (const block of blocksIn(report.tree, report.text, report.frontMatter.end ?? 0, report.text.length)) {
      if (block.node.type === 'tableCell') continue;
      for (const hit of findNotAttended(maskMarkup(block.source), lexicon)) emit(block.start, hit);
    }

    for (const table of reportTables(report)) {
      for (const row of table.rows) {
        for (const cell of row.cells) {
          const source = maskMarkup(report.text.slice(cell.start, cell.end))
            .replace(/^\s*\|/, ' ')
            .replace(/\|\s*$/, ' ');
          const rowContext = row.cells
            .filter((c) => c !== cell)
            .map((c) => c.text)
            .join(' ; ');
          const only = CELL_ONLY.exec(source);
          if (only) {
            const decision = ownerOfRow(rowContext, lexicon);
            if (decision.owner !== 'child') continue;
            const at = source.indexOf(only[1]!);
            const word = only[1]!;
            const expected = /^[a-z]/.test(word) ? 'was not brought' : 'Was not brought';
            emit(cell.start, { start: at, end: at + word.length, phrase: word, expected, child: decision.child });
            continue;
          }
          for (const hit of findNotAttended(source, lexicon, rowContext)) emit(cell.start, hit);
        }
      }
    }
  },
);
