import { defineRule, type RuleContext } from '../src/engine/rule.js';
import type { Report } from '../src/engine/report.js';
import { blocksIn, maskMarkup } from '../src/engine/blocks.js';
import { reportTables } from '../src/engine/family.js';
import { escapeRegExp, normalizePhrase } from '../src/engine/text.js';
import { isEnglishWord } from '../src/engine/english-words.js';
import { hasRole } from '../src/engine/section-roles.js';
import type { Section } from '../src/engine/outline.js';
import data from '../src/data/acronyms.json' with { type: 'json' };

interface Options {
  acronyms: string[] | Record<string, string>;
  allow: string[];
  unknown: boolean;
}

/** One meaning of an acronym, with the words that point to it in a paragraph (ambiguous acronyms only). */
interface Meaning {
  expansion: string;
  context?: RegExp;
}

/** An all-capitals token of 2–10 characters (letters, digits, “&”), with an optional plural “s”. */
const TOKEN = /(?<![\p{L}\p{N}&'’])([A-Z][A-Z0-9&]{1,9})(s?)(?![\p{L}\p{N}&])/gu;
const ROMAN = /^[IVXLC]+$/;
const TWO_CAPITALS = /[A-Z][A-Z0-9&]|[A-Z]\d/;
/** Words before a pseudonym's letters (“Child BW”, “CHILD BW”, “Mr GH”, “Appendix B”), in any case. */
const PSEUDONYM_BEFORE =
  /(?<![\p{L}])(?:Child|Children|Mr|Mrs|Ms|Miss|Mx|Adult|Sibling|Baby|Family|Male|Female|Person|Appendix|Annex|Section|Part|CHILD|BABY|baby)\.?\s{1,3}$/u;
/** Relatives before a short pseudonym (“his mother SR”, “the father, KT”). */
const RELATIVE_BEFORE =
  /(?<![\p{L}])(?:mother|father|step-?mother|step-?father|parent|partner|boyfriend|girlfriend|husband|wife|grandmother|grandfather|grandparent|brother|sister|half-brother|half-sister|sibling|aunt|uncle|cousin|son|daughter|infant|boy|girl|man|woman|carer)['’]?,?\s{1,3}$/iu;
/** What follows a person's initials used as a pseudonym (“AB was an eighteen month old boy”, “AB’s mother”, “before AB died”). */
const PERSON_AFTER =
  /^(?:['’]s\s+(?:mother|father|parents?|sister|brother|siblings?|half-siblings?|grand\w+|aunt|uncle|life|death|birth|care|carers?|family|needs|health|welfare|behaviour|school|home|bedroom|cot|injur\w+)|\s+(?:was|had been)\s+(?:born|aged|killed|injured|admitted|taken|found|placed|an?\s+(?:[\p{L}-]+\s+){0,4}(?:boy|girl|baby|child|infant|toddler|teenager|young person))|\s+(?:died|and (?:his|her) (?:mother|father|sister|brother|siblings?)))(?![\p{L}])/iu;
/** Compass points before a place (“SE Dorset”), not acronyms. */
const COMPASS = /^(?:NE|NW|SE)$/;
const MONTHS_AND_DAYS =
  /^(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC|MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY)$/;
/** The last word of an agency's name (“… Regional Safeguarding Children Board”). */
const AGENCY_END =
  '(?:Board|Partnership|Service|Services|Team|Trust|Council|Unit|Panel|Group|Agency|Department|Hub|Committee|Forum|Network|Authority|Commission|Inspectorate|Office|Court|Constabulary|Police|Society|Foundation|Project|Programme|Centre|Conference)';
/** “ACR: The Mid Shire Safeguarding Children Board”, “ACR (Northshire Children’s Trust)”: a name that says what the letters are. */
const AGENCY_GLOSS = new RegExp(
  `^\\s{0,2}(?:[:–—(]|\\s-)\\s{0,3}(?:[Tt]he\\s+)?(?:[\\p{Lu}][\\p{L}'’-]*\\s+(?:(?:of|and|the|for|in|&)\\s+)*){1,8}${AGENCY_END}(?![\\p{L}])`,
  'u',
);
const GLOSSARY_HEADINGS = [
  'glossary',
  'glossary of terms',
  'abbreviations',
  'acronyms',
  'list of abbreviations',
  'abbreviations used',
  'acronyms used',
  'terms used',
  'key to abbreviations',
];
const CONTENTS_HEADINGS = ['contents', 'table of contents', 'list of contents', 'index'];
const SMALL_WORDS = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'to', 'a', 'an', 'with', 'at', 'by']);
const POST_NOMINALS = new Set(data.postNominals);
const POST_NOMINAL_WORD = `(?:${data.postNominals.map(escapeRegExp).join('|')})(?:\\s{0,2}\\((?:Hons|Oxon|Cantab|Open)\\))?`;
/** A personal name (two capitalised words, or a title and a name: “Rosa Pike”, “Dr Okafor”) or a qualification just before, and the commas and spaces between. */
const AFTER_NAME = new RegExp(
  `(?:(?<![\\p{L}])(?:[\\p{Lu}][\\p{Ll}'’-]+|Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Mx)\\.?\\s{1,2}[\\p{Lu}][\\p{Ll}'’-]+|(?<![\\p{L}])${POST_NOMINAL_WORD}),?\\s{1,3}$`,
  'u',
);
const BEFORE_POST_NOMINAL = new RegExp(`^,?\\s{1,3}${POST_NOMINAL_WORD}(?![\\p{L}])`, 'u');

interface Use {
  /** The acronym as a key (singular). */
  key: string;
  token: string;
  start: number;
  end: number;
  /** Is this occurrence itself a definition? */
  defines: boolean;
  sentenceStart: boolean;
  /** The paragraph or cell it stands in (masked), for the words that tell an ambiguous acronym's meaning. */
  block: string;
}

/** Do the initials of the words spell the acronym's letters in order? */
export function initialsMatch(acronym: string, expansion: string): boolean {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toUpperCase();
  const words = expansion.split(/[\s/,-]+/).filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()));
  const initials = words
    .map((w) =>
      w
        .replace(/^[^\p{L}]+/u, '')
        .charAt(0)
        .toUpperCase(),
    )
    .join('');
  let i = 0;
  for (const c of initials) if (c === letters[i]) i++;
  return i === letters.length && letters.length > 0;
}

/**
 * A name whose capitalised words begin with the acronym's letters, in order and
 * with nothing else between but small words and hyphens (“Bromley Safeguarding
 * Children Board” for BSCB, “Multi-Agency Risk Assessment Conference” for MARAC,
 * “Stoke-on-Trent Safeguarding Children Board” for SOTSCB, “serious case review” for SCR).
 * For acronyms of three letters or more; undefined for shorter or non-letter keys.
 */
export function nameRegExp(key: string): RegExp | undefined {
  if (!/^[A-Z]{3,10}$/.test(key)) return undefined;
  const word = (letter: string) => `[${letter}${letter.toLowerCase()}][\\p{Ll}'’]+`;
  // At most three small words between two initials (“Child and Adolescent Mental Health”); bounded so that the pattern stays linear.
  const between = `(?:-|\\s+(?:(?:of|and|the|for|in|on|to|&)\\s+){0,3})`;
  return new RegExp(`(?<![\\p{L}])${[...key].map(word).join(between)}(?![\\p{L}])`, 'u');
}

/** Is the token one letter short of a longer allowed word (“COVD” for “COVID”): a typo, not an acronym? */
function typoOf(token: string, allow: Iterable<string>): boolean {
  for (const word of allow) {
    if (word.length < 5 || word.length !== token.length + 1) continue;
    for (let i = 0; i < word.length; i++) if (word.slice(0, i) + word.slice(i + 1) === token) return true;
  }
  return false;
}

function parseGlossary(option: Options['acronyms']): Map<string, Meaning[]> {
  const map = new Map<string, Meaning[]>(Object.entries(data.acronyms).map(([k, v]) => [k, [{ expansion: v }]]));
  for (const [k, meanings] of Object.entries(data.ambiguous)) {
    map.set(
      k,
      meanings.map((m) => ({ expansion: m.expansion, context: new RegExp(`(?<![\\p{L}])(?:${m.context})`, 'iu') })),
    );
  }
  if (Array.isArray(option)) {
    for (const entry of option) {
      const colon = entry.indexOf(':');
      const equals = entry.indexOf('=');
      const at = colon === -1 ? equals : equals === -1 ? colon : Math.min(colon, equals);
      if (at <= 0) continue;
      const key = entry.slice(0, at).trim();
      const value = entry.slice(at + 1).trim();
      if (key && value) map.set(key, [{ expansion: value }]);
    }
  } else if (option && typeof option === 'object') {
    for (const [k, v] of Object.entries(option)) if (typeof v === 'string') map.set(k, [{ expansion: v }]);
  }
  return map;
}

function pluralise(expansion: string): string {
  return /s$/i.test(expansion) ? expansion : `${expansion}s`;
}

function isGlossarySection(report: Report, section: Section): boolean {
  if (hasRole(report, section, 'glossary')) return true;
  const norm = ` ${normalizePhrase(section.title)} `;
  return GLOSSARY_HEADINGS.some((h) => norm.includes(` ${h} `));
}

/** Is the token at [start, end) in a definition: “Expansion (ACR)”, “ACR (Expansion)”, or “ACR – Expansion” opening a line or cell? */
function isDefinition(text: string, start: number, end: number, token: string): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(end, end + 160);
  // “Local Safeguarding Children Board (LSCB)”, “(the LSCB)”, “(hereafter CAMHS)”, “(Devon SCP)”
  if (/\((?:the\s|hereafter\s|known as\s|referred to as\s)?(?:[\p{Lu}][\p{L}'’-]*\s){0,3}$/iu.test(before) && /^s?['’]?s?\)/.test(after))
    return true;
  // “LSCB (Local Safeguarding Children Board)”
  const paren = /^\s{0,2}\(([^()\n]{3,100})\)/.exec(after);
  if (paren && initialsMatch(token, paren[1]!)) return true;
  // “CYSUR: The Mid and West Wales Regional Safeguarding Children Board”
  if (AGENCY_GLOSS.test(after)) return true;
  // “LSCB – Local Safeguarding Children Board” / “**CAMHS**: Child and …” at the start of a line, list item or table cell
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lead = text.slice(lineStart, start);
  const defined = /^\s{0,3}(?:\*\*|__)?\s{0,2}[:–—=-]\s{0,3}(?:\*\*|__)?\s{0,2}([^\n|]{3,120})/.exec(after.replace(/^(?:\*\*|__)/, ''));
  if (/^\s{0,8}(?:[-*+]\s{1,4}|\d{1,3}[.)]\s{1,4}|\|\s{0,4})?(?:\*\*|__)?$/.test(lead) && defined && initialsMatch(token, defined[1]!))
    return true;
  return false;
}

/** Text before a token without the spaces, emphasis, pipes, brackets and quotes that open it. */
function trimOpeners(text: string): string {
  let end = text.length;
  while (end > 0 && ' \t\n*_|(“"\''.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

function mixedTest(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

/** Is a table cell that holds only the acronym followed by a cell that spells it out? */
function tableDefinition(next: string | undefined, cell: string, token: string, key: string): boolean {
  if (next === undefined) return false;
  const bare = cell.replace(/[|*_\s]/g, '');
  return bare === token && initialsMatch(key, next);
}

/**
 * Offsets of capitalised words that are shouting, not acronyms: runs of three
 * or more capitalised words (“DO NOT SHARE THIS REPORT”), and a capitalised
 * word beside an emphasis word (“NOT SEEN”).
 */
function shoutedWords(text: string, emphasis: ReadonlySet<string>): Set<number> {
  const words = [...text.matchAll(/(?<![\p{L}\p{N}&])[A-Z][A-Z&']{1,15}(?![\p{L}\p{N}&])/gu)].map((m) => ({
    index: m.index,
    end: m.index + m[0].length,
    word: m[0],
  }));
  const result = new Set<number>();
  let runStart = 0;
  for (let i = 1; i <= words.length; i++) {
    const joined = i < words.length && /^\s{1,3}$/.test(text.slice(words[i - 1]!.end, words[i]!.index));
    if (joined) continue;
    const run = words.slice(runStart, i);
    if (run.length >= 3 || (run.length === 2 && run.some((w) => emphasis.has(w.word)))) for (const w of run) result.add(w.index);
    runStart = i;
  }
  return result;
}

/** Is the capitalised word an ordinary word or a month or day (“SERIOUS”, “AUTHOR”, “JULY”), not letters standing for words? */
function isWordInCapitals(word: string): boolean {
  return MONTHS_AND_DAYS.test(word) || (word.length >= 4 && /^[A-Z]+$/.test(word) && isEnglishWord(word));
}

/**
 * A block written in capitals, as cover pages and titles are (“SERIOUS CASE
 * REVIEW RELATING TO A CHILD AGED 2 YEARS”, “AUTHOR: JON SMITH”, “JULY 2011”):
 * no lower-case letter, and an ordinary word or a month among its words, or
 * three capitalised words or more. A cell holding only “CAMHS” is not one.
 */
function isCapitalsBlock(text: string, glossary: ReadonlyMap<string, unknown>): boolean {
  if (/\p{Ll}/u.test(text)) return false;
  const words = text.match(/[A-Z][A-Z&'’]+/g) ?? [];
  return words.length >= 3 || words.some((w) => !glossary.has(w) && (MONTHS_AND_DAYS.test(w) || (w.length >= 3 && isEnglishWord(w))));
}

/** An acronym in one block's masked text (offsets in the block). */
interface BlockAcronym {
  key: string;
  token: string;
  index: number;
  /** Does the text define it here (“Words in Full (WIF)”)? */
  defines: boolean;
  sentenceStart: boolean;
  /** Letters introduced here as a pseudonym (“Child BW”, “his mother SR”): not an acronym anywhere in the report. */
  pseudonym: boolean;
}

/** Is the token a qualification or honour after a person's name (“Jane Doe MA RN”, “Gill Roe, OBE, BA (Hons)”), or one of several opening a cell (“MA, RN”)? */
function isPostNominal(text: string, index: number, token: string): boolean {
  if (!POST_NOMINALS.has(token)) return false;
  const before = text.slice(Math.max(0, index - 40), index);
  const after = text.slice(index + token.length, index + token.length + 40);
  return AFTER_NAME.test(before) || (/^[\s|*_]*$/.test(text.slice(0, index)) && BEFORE_POST_NOMINAL.test(after));
}

/** The acronyms one block's masked text uses, less shouted words, words in capitals, qualifications and compass points. */
function acronymsIn(
  text: string,
  glossary: ReadonlyMap<string, Meaning[]>,
  emphasis: ReadonlySet<string>,
  mixed: RegExp | undefined,
): BlockAcronym[] {
  if (isCapitalsBlock(text, glossary)) return [];
  const shouted = shoutedWords(text, emphasis);
  const found: { token: string; key: string; index: number }[] = [];
  for (const m of text.matchAll(new RegExp(TOKEN.source, TOKEN.flags))) {
    const base = m[1]!;
    const known = glossary.has(base);
    if ((base.match(/[A-Z]/g) ?? []).length < 2 && !known) continue;
    if (/\d/.test(base) && !known) continue;
    if (ROMAN.test(base) && !known) continue;
    // A word in capitals (“SERIOUS case review”, “baby PETER”, “JULY”), not letters standing for words.
    if (!known && isWordInCapitals(base)) continue;
    found.push({ token: m[0], key: base, index: m.index });
  }
  if (mixed) for (const m of text.matchAll(new RegExp(mixed.source, mixed.flags))) found.push({ token: m[0], key: m[0], index: m.index });
  const acronyms: BlockAcronym[] = [];
  for (const f of found) {
    if (shouted.has(f.index)) continue;
    const end = f.index + f.token.length;
    const before = text.slice(Math.max(0, f.index - 40), f.index);
    if (isPostNominal(text, f.index, f.token)) continue;
    if (COMPASS.test(f.token) && /^\s{1,2}[\p{Lu}][\p{Ll}]/u.test(text.slice(end, end + 4))) continue;
    const known = glossary.has(f.key);
    if (known && PSEUDONYM_BEFORE.test(before)) continue;
    const short = f.key.length <= 3 && f.token === f.key;
    const pseudonym =
      !known &&
      (PSEUDONYM_BEFORE.test(before) || (short && (RELATIVE_BEFORE.test(before) || PERSON_AFTER.test(text.slice(end, end + 60)))));
    const prev = trimOpeners(before);
    acronyms.push({
      ...f,
      defines: isDefinition(text, f.index, end, f.key),
      sentenceStart: prev === '' || /[.!?:]$/.test(prev),
      pseudonym,
    });
  }
  return acronyms;
}

function acronymUses(
  report: Report,
  glossary: Map<string, Meaning[]>,
  emphasis: ReadonlySet<string>,
  memo: RuleContext<Options>['memo'],
): { uses: Use[]; glossaryKeys: Set<string>; pseudonyms: Set<string> } {
  const mixedKeys = [...glossary.keys()].filter((k) => !/^[A-Z][A-Z0-9&]{1,9}s?$/.test(k));
  const mixed =
    mixedKeys.length > 0
      ? new RegExp(`(?<![\\p{L}\\p{N}&])(?:${mixedKeys.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}&])`, 'gu')
      : undefined;
  const glossaryRanges = report.outline.filter((s) => isGlossarySection(report, s)).map((s) => ({ start: s.start, end: s.end }));
  // A contents list repeats the headings: its lines are not uses.
  const contentsRanges = report.outline
    .filter((s) => CONTENTS_HEADINGS.includes(normalizePhrase(s.title)))
    .map((s) => ({ start: s.start, end: s.end }));
  const uses: Use[] = [];
  const glossaryKeys = new Set<string>();
  const pseudonyms = new Set<string>();
  // Kept across lints by block text, per glossary and emphasis words (read-only).
  const acronymsByText = memo<BlockAcronym[]>('acronyms', [[...glossary].map(([k, v]) => [k, v.map((m) => m.expansion)]), [...emphasis]]);
  // A glossary table outside a glossary section: “| LSCB | Local Safeguarding Children Board |”.
  const nextCell = new Map<number, string>();
  // Header cells are like headings (often in capitals): not uses.
  const headerCells = new Set<number>();
  for (const table of reportTables(report)) {
    for (const cell of table.header) headerCells.add(cell.start);
    for (const row of table.rows) row.cells.forEach((cell, i) => row.cells[i + 1] && nextCell.set(cell.start, row.cells[i + 1]!.text));
  }
  for (const block of blocksIn(report.tree, report.text, report.frontMatter.end ?? 0, report.text.length)) {
    if (headerCells.has(block.start) || contentsRanges.some((r) => block.start >= r.start && block.start < r.end)) continue;
    // Most blocks (dates, “Yes”, plain prose) have no run of two capitals and no mixed-case glossary word.
    if (!TWO_CAPITALS.test(block.source) && !(mixed && mixedTest(mixed, block.source))) continue;
    const text = maskMarkup(block.source);
    const inGlossary = glossaryRanges.some((r) => block.start >= r.start && block.start < r.end);
    for (const f of acronymsByText.get(text, () => acronymsIn(text, glossary, emphasis, mixed))) {
      if (f.pseudonym) {
        pseudonyms.add(f.key);
        continue;
      }
      if (inGlossary) {
        glossaryKeys.add(f.key);
        continue;
      }
      uses.push({
        key: f.key,
        token: f.token,
        start: block.start + f.index,
        end: block.start + f.index + f.token.length,
        defines: f.defines || tableDefinition(nextCell.get(block.start), text, f.token, f.key),
        sentenceStart: f.sentenceStart,
        block: text,
      });
    }
  }
  uses.sort((a, b) => a.start - b.start);
  return { uses, glossaryKeys, pseudonyms };
}

/** The expansions to offer for a use: the one its paragraph points to, or all of an ambiguous acronym's. */
function expansionsFor(use: Use, meanings: Meaning[] | undefined): string[] {
  if (!meanings) return [];
  const plural = use.token !== use.key;
  const pointed = meanings.length > 1 ? meanings.filter((m) => m.context?.test(use.block)) : meanings;
  const chosen = pointed.length === 1 ? pointed : meanings;
  return chosen.map((m) => (plural ? pluralise(m.expansion) : m.expansion));
}

/** The author-facing message: the problem, then what to write. */
function message(token: string, spelled: string[], laterLine: number | undefined): string {
  const problem =
    laterLine === undefined ? `“${token}” is not spelled out.` : `“${token}” is used before it is spelled out (on line ${laterLine}).`;
  const here = laterLine === undefined ? 'the first time' : 'here, where it first appears';
  if (spelled.length === 1) return `${problem} Write “${spelled[0]}” ${here}, or list it in a glossary.`;
  if (spelled.length > 1) {
    const choices = spelled.map((s) => `“${s}”`);
    return `${problem} It can mean more than one thing: write ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)} ${here}, whichever is meant, or list it in a glossary.`;
  }
  return `${problem} Write the words it stands for, followed by “(${token})”, ${here}, or list it in a glossary.`;
}

export default defineRule(
  {
    id: 'acronym-first-use',
    summary: 'Acronyms are spelled out at first use or listed in a glossary.',
    description:
      'Finds acronyms — words of two to ten capital letters (“LSCB”, “CAMHS”, “A&E”, plurals such as ' +
      '“IMRs”) and the built-in glossary’s mixed-case ones (“Cafcass”, “s47”) — outside headings, contents ' +
      'lists, table header rows, code and front matter, and reports the first use of each one that the ' +
      'reader has not been told the meaning of: neither “Local Safeguarding Children Board (LSCB)” nor ' +
      '“LSCB (Local Safeguarding Children Board)” nor a glossary line such as “LSCB – Local Safeguarding ' +
      'Children Board”. An acronym listed in a glossary section (“Glossary”, “Abbreviations”, “Acronyms ' +
      'used”) anywhere in the report is not reported, nor one whose full name the text has already used, ' +
      'with or without “(ABC)” after it: “Bromley Safeguarding Children Board” on the cover explains a ' +
      'later “BSCB”, and “serious case review” a later “SCR”.\n\nThe message says what is wrong and what to ' +
      'write: ““MARAC” is not spelled out. Write “Multi-Agency Risk Assessment Conference (MARAC)” the ' +
      'first time, or list it in a glossary.” The built-in glossary (`src/data/acronyms.json`, from primer ' +
      '§10) lets the quick fix write that expansion; boards add their own with the `acronyms` option (`"HV: ' +
      'Health Visitor"`). Some acronyms mean more than one thing (CPR is a Child Practice Review in Wales ' +
      'and cardiopulmonary resuscitation at a bedside; CP, SW): the rule offers the meaning the paragraph ' +
      'points to (“ambulance” for resuscitation), and when it cannot tell, a choice of meanings and no ' +
      'one-click fix. Acronyms the glossary does not know are reported without a fix (switch that off with ' +
      '`unknown: false`).\n\n**Allowed without expansion:** only acronyms the UK public reads as words or ' +
      'names — UK, NHS, NSPCC, COVID, TV, ID, OK, EU, USA, BBC, CCTV, MP — and DNA (as “did not attend” it ' +
      'is the business of `was-not-brought`). Ofsted is a name in its own right, not an acronym authors ' +
      'spell out, and is not reported. GP and A&E are *not* allowed by default, because the primer lists ' +
      'them among the acronyms to spell out; a board can allow them with `allow`.\n\n**Not acronyms:** ' +
      'words in capitals — cover pages and titles written in capitals (“SERIOUS CASE REVIEW … AGED 2 ' +
      'YEARS”, “AUTHOR: …”, “JULY 2011”), ordinary words and names in capitals (“SERIOUS case review”, ' +
      '“baby PETER”), emphasis (“NOT”, “NEVER”) and template markers (“TBC”); qualifications and honours ' +
      'after a person’s name (“Jane Roe MA RN RM HV”, “OBE, BA (Hons)”); initials used as pseudonyms ' +
      '(“Child BW” and then “BW” alone, “his mother SR”, “AB was an eighteen month old boy”); a compass ' +
      'point before a place (“SE Dorset”); a misspelling of an allowed word (“COVD”); Roman numerals.',
    why:
      'Reports are read by the public and by professionals of other agencies who do not share one agency’s ' +
      'shorthand; an unexplained “MARAC” or “s47” shuts them out, and published reviews are expected to ' +
      'spell acronyms out at first use or list them in a glossary. A finding on a word that is not an ' +
      'acronym, or a quick fix that writes a wrong meaning (“Child Practice Review” for a resuscitation), ' +
      'costs the author’s trust in every other finding, so the rule leaves alone what it cannot be sure of. ' +
      'Primer §10 (acronyms) and §1 (executive summaries are published).',
    primer: '§10 Acronyms',
    defaultSeverity: 'warning',
    fixable: true,
    options: [
      { name: 'acronyms', type: 'string[]', default: [], description: 'More acronyms with their expansions, as `"ACRONYM: Expansion"`.' },
      { name: 'allow', type: 'string[]', default: [], description: 'More acronyms that need no expansion (for example `GP`).' },
      {
        name: 'unknown',
        type: 'boolean',
        default: true,
        description: 'Also report acronyms that the glossary does not know (without a quick fix).',
      },
    ],
    defaults: { acronyms: [], allow: [], unknown: true },
    examples: [
      {
        title: 'An acronym that is never spelled out is reported, with its expansion',
        markdown: `The LSCB commissioned the review in May 2008.\n`,
        flags: [
          {
            line: 1,
            column: 5,
            message:
              '“LSCB” is not spelled out. Write “Local Safeguarding Children Board (LSCB)” the first time, or list ' + 'it in a glossary.',
          },
        ],
      },
      {
        title: 'Acronyms spelled out at first use, in the glossary, or allowed are left alone',
        markdown: `The Local Safeguarding Children Board (LSCB) asked the NHS trust and CAMHS for reports. The LSCB met in June.\n\n## Glossary\n\n| Acronym | Meaning |\n| --- | --- |\n| CAMHS | Child and Adolescent Mental Health Services |\n`,
        flags: [],
      },
      {
        title: 'Spelled out only later: the first use is reported',
        markdown: `A MARAC was held in March. The Multi-Agency Risk Assessment Conference (MARAC) heard from the police.\n`,
        flags: [
          {
            line: 1,
            column: 3,
            message:
              '“MARAC” is used before it is spelled out (on line 1). Write “Multi-Agency Risk Assessment Conference ' + '(MARAC)” here',
          },
        ],
      },
      {
        title: 'Cover pages in capitals, qualifications, pseudonym initials, a board named in full and Ofsted are left alone',
        markdown: `SERIOUS CASE REVIEW: CHILD KT\n\nAUTHOR: JANE ROE MA RN\n\nNorthmoor Safeguarding Children Partnership\n\nKT was born in 2019. Ofsted inspected the NSCP in 2021.\n`,
        flags: [],
      },
      {
        title:
          'An acronym with more than one meaning gets the meaning its paragraph points to (and a choice, with ' +
          'no one-click fix, when it points to none)',
        markdown: `A neighbour called an ambulance and began CPR.\n`,
        flags: [{ line: 1, column: 43, message: 'Write “cardiopulmonary resuscitation (CPR)” the first time' }],
      },
    ],
  },
  ({ report, options, flag, memo }) => {
    const glossary = parseGlossary(options.acronyms);
    const allow = new Set([...data.allow, ...options.allow]);
    const emphasis = new Set(data.emphasis);
    const { uses, glossaryKeys, pseudonyms } = acronymUses(report, glossary, emphasis, memo);
    const lowerText = report.text.toLowerCase();
    const seen = new Set<string>();
    for (const use of uses) {
      if (seen.has(use.key)) continue;
      seen.add(use.key);
      if (allow.has(use.key) || emphasis.has(use.key) || glossaryKeys.has(use.key) || use.defines) continue;
      const meanings = glossary.get(use.key);
      // Letters introduced as a pseudonym (“Child BW” in the title, “BW” later), and a typo of an allowed word (“COVD”).
      if (!meanings && (pseudonyms.has(use.key) || typoOf(use.key, allow))) continue;
      const before = report.text.slice(0, use.start);
      // The reader has already been told: an expansion stands earlier in the text…
      if (meanings?.some((m) => lowerText.slice(0, use.start).includes(m.expansion.toLowerCase()))) continue;
      // …or a name whose initials make the acronym (“Bromley Safeguarding Children Board” before “BSCB”).
      if (nameRegExp(use.key)?.test(before)) continue;
      // A name in capitals that the report also writes as a name (“PETER”, “Peter”).
      if (
        !meanings &&
        /^[A-Z]{3,}$/.test(use.key) &&
        new RegExp(`(?<![\\p{L}])${use.key.charAt(0)}${use.key.slice(1).toLowerCase()}(?![\\p{L}])`, 'u').test(report.text)
      )
        continue;
      if (!meanings && !options.unknown) continue;
      const later = uses.find((u) => u.start > use.start && u.defines && u.key === use.key);
      const expansions = expansionsFor(use, meanings);
      const spelled = expansions.map((e) => `${use.sentenceStart ? e.charAt(0).toUpperCase() + e.slice(1) : e} (${use.token})`);
      flag({
        start: use.start,
        end: use.end,
        message: message(use.token, spelled, later ? report.toPoint(later.start).line : undefined),
        expected: spelled.length > 0 ? spelled : undefined,
        data: {
          acronym: use.token,
          ...(expansions.length === 1 ? { expansion: expansions[0] } : {}),
          ...(expansions.length > 1 ? { expansions } : {}),
        },
      });
    }
  },
);
