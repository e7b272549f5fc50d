import { parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { defineRule } from '../src/engine/rule.js';
import { sectionsWithRole } from '../src/engine/section-roles.js';
import { blocksIn } from '../src/engine/blocks.js';
import { stringValue } from '../src/engine/front-matter.js';
import { findDates } from '../src/engine/dates.js';
import {
  findNames,
  HONORIFICS,
  learnPlaces,
  learnPseudonyms,
  pseudonymNames,
  professionalContext,
  maskComments,
  NOT_NAMES,
  trimEnd,
  RAG_WORDS,
  findPatternIdentifiers,
  identifierColumnKind,
  nhsNumberValid,
  wordKey,
  type Found,
  type IdentifierKind,
  type NameDetector,
} from '../src/engine/identifiers/index.js';
import type { Report } from '../src/engine/report.js';
import { matchColumns, tablesIn } from '../src/engine/tables.js';
import { escapeRegExp } from '../src/engine/text.js';
import type { Insertion, Severity } from '../src/engine/types.js';

interface Options {
  allowNames: string[];
  places: string[];
  schools: string[];
  nameDetector: string;
  flagProfessionalNames: boolean;
}

/** The placeholder in `data.pseudonymKeyInsert.text` that the editor replaces with the chosen pseudonym. */
export const PSEUDONYM_PLACEHOLDER = '{pseudonym}';

/**
 * How to add a pseudonym to front matter `pseudonyms:`: replace the range
 * [offset, end ?? offset) with `text`, after replacing `placeholder` in `text`
 * with the chosen pseudonym (quoted for YAML if it needs to be).
 */
export interface PseudonymKeyInsert extends Insertion {
  end?: number;
  placeholder: string;
  /** The shape of the key the text was made for. */
  shape: 'block-list' | 'flow-list' | 'block-map' | 'flow-map' | 'scalar' | 'empty' | 'new-key' | 'new-front-matter';
}

/** What each kind of identifier is called, what to write instead (a sentence), and its one-click replacements. */
const WHAT: Record<IdentifierKind, { label: string; advice: string; redact: string[] }> = {
  name: { label: 'a personal name', advice: '', redact: [] },
  'date-of-birth': {
    label: 'a full date of birth',
    advice: 'Write an age or the year alone: a date of birth identifies a child.',
    redact: ['[date of birth removed]'],
  },
  postcode: {
    label: 'a postcode',
    advice: 'Remove it: a report that may be published holds no postcodes.',
    redact: ['[postcode removed]'],
  },
  address: {
    label: 'a street address',
    advice: 'Write a description such as “the family home”: street names and addresses identify a family.',
    redact: ['the family home', '[address removed]'],
  },
  phone: {
    label: 'a phone number',
    advice: 'Remove it: a report that may be published holds no phone numbers.',
    redact: ['[phone number removed]'],
  },
  email: {
    label: 'an e-mail address',
    advice: 'Remove it: a report that may be published holds no e-mail addresses.',
    redact: ['[e-mail address removed]'],
  },
  'nhs-number': {
    label: 'an NHS number',
    advice: 'Remove it: a report that may be published holds no NHS numbers.',
    redact: ['[NHS number removed]'],
  },
  'ni-number': {
    label: 'a National Insurance number',
    advice: 'Remove it: a report that may be published holds no National Insurance numbers.',
    redact: ['[National Insurance number removed]'],
  },
  'record-number': {
    label: 'a case or record number',
    advice: 'Remove it: a report that may be published holds no case, crime or record references.',
    redact: ['[reference removed]'],
  },
  school: {
    label: 'a school name',
    advice: 'Write a description such as “the school” or “the nursery”: a school’s name identifies a child.',
    redact: ['the school', '[school removed]'],
  },
};

/** At most this many messages for one name or one identifier text (every occurrence is still in `data.occurrences`). */
const MAX_FLAGS_PER_TEXT = 100;

const BLANK_CELL = /^(?:|-+|–|—|n\/?a|none|not known|unknown|tbc|\?)$/i;

/** Names in the name column of family composition tables. */
function familyTableNames(report: Report): string[] {
  const names: string[] = [];
  for (const section of sectionsWithRole(report, 'family-composition')) {
    for (const table of tablesIn(report, section.start, section.end)) {
      const columns = matchColumns(table.header, { name: ['name', 'pseudonym', 'person', 'family member', 'member', 'individual', 'who'] });
      const column = columns.name ?? 0;
      for (const row of table.rows) {
        const cell = row.cells[column];
        if (cell?.text) names.push(cell.text);
      }
    }
  }
  return names;
}

function keysOf(phrases: readonly string[]): string[] {
  return phrases.flatMap((p) => p.match(/\p{L}[\p{L}\p{M}'\u2019-]{0,40}/gu) ?? []).map(wordKey);
}

/** Where and how to add a pseudonym to the front matter key (see `PseudonymKeyInsert`). */
export function pseudonymKeyInsert(report: Report): PseudonymKeyInsert {
  const P = PSEUDONYM_PLACEHOLDER;
  const node = report.tree.children[0];
  if (!node || node.type !== 'yaml' || report.frontMatter.start === undefined || report.frontMatter.end === undefined) {
    return { offset: 0, text: `---\npseudonyms:\n  - ${P}\n---\n\n`, placeholder: P, shape: 'new-front-matter' };
  }
  const fmStart = report.frontMatter.start;
  const closing = report.frontMatter.end - 3;
  const newKey: PseudonymKeyInsert = { offset: closing, text: `pseudonyms:\n  - ${P}\n`, placeholder: P, shape: 'new-key' };
  if (report.frontMatter.error) return newKey;
  const value = node.value;
  const base = value ? report.text.indexOf(value, fmStart) : -1;
  if (base < 0) return newKey;
  const doc = parseDocument(value);
  const key = doc.get('pseudonyms', true) as YamlNode | undefined;
  if (!key || !key.range) return newKey;
  const [from, to] = key.range;
  const indentOf = (offset: number) => {
    const lineStart = value.lastIndexOf('\n', offset - 1) + 1;
    return value.slice(lineStart, offset).match(/^[ \t]*/)![0];
  };
  if (isSeq(key) || isMap(key)) {
    const items = key.items as unknown[];
    if (key.flow) {
      const close = value.lastIndexOf(isSeq(key) ? ']' : '}', to);
      const item = isSeq(key) ? P : `${P}:`;
      return {
        offset: base + close,
        text: items.length ? `, ${item}` : item,
        placeholder: P,
        shape: isSeq(key) ? 'flow-list' : 'flow-map',
      };
    }
    const last = items[items.length - 1] as YamlNode | { key?: YamlNode; value?: YamlNode } | undefined;
    const lastEnd =
      last && 'range' in last && last.range
        ? last.range[1]
        : ((last as { value?: YamlNode; key?: YamlNode } | undefined)?.value?.range?.[1] ??
          (last as { key?: YamlNode } | undefined)?.key?.range?.[1] ??
          to);
    const indent = indentOf(from);
    return isSeq(key)
      ? { offset: base + lastEnd, text: `\n${indent}- ${P}`, placeholder: P, shape: 'block-list' }
      : { offset: base + lastEnd, text: `\n${indent}${P}:`, placeholder: P, shape: 'block-map' };
  }
  if (isScalar(key)) {
    if (key.value === null || key.value === '') return { offset: base + from, text: ` [${P}]`, placeholder: P, shape: 'empty' };
    return { offset: base + from, end: base + to, text: `[${value.slice(from, to)}, ${P}]`, placeholder: P, shape: 'scalar' };
  }
  return newKey;
}

/** Every occurrence of a phrase as whole words, case as written, any run of spaces between words. */
function occurrencesOf(text: string, phrase: string): { start: number; end: number }[] {
  const body = phrase
    .trim()
    .split(/\s+/)
    .map((w) => escapeRegExp(w).replace(/['\u2019]/g, "['\u2019]"))
    .join('\\s+');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Mask comments, inline code, link destinations, HTML tags and Markdown punctuation, keeping offsets. */
function maskForNames(source: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return maskComments(source)
    .replace(/`[^`\n]{0,500}`/g, blank)
    .replace(/\]\([^()\n]*\)/g, (m) => `]${blank(m.slice(1))}`)
    .replace(/<[^<>\n]{1,200}>/g, blank)
    .replace(/[*_#|>[\]~\\]/g, ' ');
}

export default defineRule<Options>(
  {
    id: 'anonymisation',
    summary:
      'Nothing in the report identifies the family: names outside the pseudonym key, dates of birth, ' +
      'addresses, postcodes, phone numbers, e-mail addresses, NHS, National Insurance and record numbers, ' +
      'school names.',
    description: `Looks through every paragraph, list item, heading and table cell (not code blocks, HTML comments or the front matter) for text that may identify the child or the family:

- **personal names** that are not in the report's pseudonym key. The key is front matter \`pseudonyms:\` (a list, a list of \`{ name: ... }\` items, or a mapping: its keys, and values whose every word is capitalised, such as \`mother: Ms B\`), front matter \`child:\`, the name column of the family composition table, and the rule options \`allowNames\` and \`places\`. Agency names and roles from the gazetteer (and \`agencies\` in configuration), months, days, report vocabulary, nationalities, languages and religions (\`src/data/anonymisation.json\`), acronyms (“SCRs”, “IoM” too), single letters and pseudonym forms (“Child A”, “Sibling 2”, “Mr G”) are never names. Pseudonyms the text introduces are learnt: the name after “Baby” or “Child” (“Baby Rowan”), names “referred to as” or given as a pseudonym, and a name followed by “(not her real name)”.

  What is **not** a person, learnt from published reviews (\`docs/accuracy.md\`): capitalised words that are ordinary English words in lower case (“Consultation”, “Minister”, “Grievous Bodily Harm”, “Post Mortem”, “Kennel Club”; SCOWL's English word list up to size 50) unless one of them is a first name; UK local authority areas, counties and large towns (\`src/data/uk-places.json\`: “Southwark”, “Shropshire”); the words before a condition, offence or test (“Treacher Collins Syndrome”); a RAG rating (“Red Amber Green”); a word that qualifies a role (“the Heath Visitor”).

  **Professionals named on purpose** are not flagged by default: a name after “Author:”, “Chair:”, “Lead reviewers:”, “written by”, “prepared by”, “the chair of the Board,”, “Minister of State,” (and the later names of such a list), a name followed by a role or an organisation (“, Independent Chair”, “, Head of Service”, “, NSPCC”) or by a qualification (“MSc”, “OBE”, “BA (Hons)”), and a name that “was appointed” to write or chair the review. Once a name is found in such a place, its other uses (“Mr Green”) are the same professional. A board that wants these names flagged too sets \`flagProfessionalNames: true\`. A name is recognised (detector \`combined\`, the default) when a title or an initial comes before it (“Mr Smith”, “PC Jones”, “J. Smith”), when two or more unknown capitalised words stand together (“Jane Brown”), when compromise's tagger reads a word at the start of a sentence as a first or last name (“Sarah told…”), or when a lone unknown capitalised word mid-sentence is not read by compromise as a place, organisation, date or ordinary word. Words followed by an organisation word (“Oakfield Surgery”) are places, not people. Once a name is found, **every** occurrence of it in the report is flagged.
- **full dates of birth**: a date with a day just after “born”, “DOB”, “date of birth” in the same sentence (with no death keyword or other date between: in “born on 4 June 2004 and died on 16 July 2006” only the first is a date of birth), or just before “(date of birth)”, and full dates in a table column headed “DOB” or “Date of birth”;
- **UK postcodes**, **street addresses** (a house number and a street word, “Flat 3, Jubilee Court”, or a named street such as “Acacia Avenue”), **UK phone numbers** (landline and mobile, with or without +44), **e-mail addresses**;
- **NHS numbers** (ten digits written 3-3-4; only numbers whose modulus 11 check digit is right, which cuts false alarms on other ten-digit numbers), **National Insurance numbers**, and **case, crime, file and record references** after words such as “case number”, “crime ref”, “hospital number”, “ref” (and cells of a column with such a header);
- **school names**: every name listed in the \`schools\` option, and distinctive names before “School”, “Academy”, “Nursery” or “College” (“Oakfield Primary School”, not “the primary school”).

Measured on four invented, labelled reports (\`test/fixtures/anonymisation/\`, 83 name words among about 2,400; \`npx tsx scripts/measure-anonymisation.ts\`), scoring words: on the two held-out reports scored before any tuning, \`caps\` reached precision 0.85 / recall 0.81 and 0.95 / 0.95, \`nlp\` 0.94 / 0.76 and 0.94 / 0.85, \`combined\` 0.83 / 0.95 and 0.91 / 0.95; on a third held-out report all three scored 1.0 / 1.0; after tuning, over all four, \`caps\` 1.0 / 0.93, \`nlp\` 0.99 / 0.88, \`combined\` 0.99 / 1.0. Configuring \`places\` matters less than it seems, because a word the report itself puts before an agency word (“Eastport Police”) is learnt as a place. compromise tags only the sentences that need it and remembers them, so relinting after an edit re-tags one sentence.

Messages are **errors** when front matter says \`publication: public\` (or \`published\`) and **warnings** otherwise. Export of a public report and \`--fail-on-identifiers\` run this check themselves: comments, front matter and configuration do not switch it off there (see “The publication gate” in the README). Make exceptions per item, with \`pseudonyms:\` or a reasoned \`publication-exceptions:\` entry.

Every message carries \`data.kind\` (\`name\`, \`date-of-birth\`, \`postcode\`, \`address\`, \`phone\`, \`email\`, \`nhs-number\`, \`ni-number\`, \`record-number\`, \`school\`), \`data.text\` and \`data.occurrences\` (\`[{ start, end }]\`, 0-based offsets of every occurrence of the same text in the document, so an editor can replace them all at once). Name messages also carry \`data.name\` and \`data.pseudonymKeyInsert\` = \`{ offset, end?, text, placeholder, shape }\`: to add the chosen pseudonym to the key, replace \`placeholder\` (\`{pseudonym}\`) in \`text\` with it and put the result in place of the range [\`offset\`, \`end\` ?? \`offset\`). \`shape\` says what was found (\`block-list\`, \`flow-list\`, \`block-map\`, \`flow-map\`, \`scalar\`, \`empty\`, \`new-key\`, \`new-front-matter\`). Other messages carry \`expected\` replacements (“[postcode removed]”, “the family home”…).`,
    why:
      'Executive summaries and, later, full reports are published. Children and family members are given ' +
      'pseudonyms or letters and professionals are described by role; anything that lets a reader identify ' +
      'the family — real names, dates of birth, addresses and postcodes, school or street names, NHS or ' +
      'case numbers — must be removed before publication. Primer §9 (publication and anonymisation) and §1 ' +
      '(the executive summary is the published, anonymised document).',
    primer: '§9 Publication and anonymisation; §1 The documents',
    defaultSeverity: 'warning',
    fixable: true,
    options: [
      {
        name: 'allowNames',
        type: 'string[]',
        default: [],
        description:
          'Names and words that are never flagged as personal names (pseudonyms kept in configuration, the ' +
          'names of a published report’s chair and author).',
      },
      {
        name: 'places',
        type: 'string[]',
        default: [],
        description: 'Place names (the board’s area, towns, estates) that are not personal names.',
      },
      { name: 'schools', type: 'string[]', default: [], description: 'School and nursery names to flag wherever they appear.' },
      {
        name: 'flagProfessionalNames',
        type: 'boolean',
        default: false,
        description:
          'Also flag the names of professionals named on purpose: the author, the chair, panel members, ' +
          'ministers and officials (after “Author:”, “Chair:”, “written by”, or before a role or qualification ' +
          'such as “, Independent Chair” or “MSc”). Off by default: reports name them deliberately.',
      },
      {
        name: 'nameDetector',
        type: 'string',
        default: 'combined',
        description:
          'How personal names are recognised: `combined` (capitalisation rules plus the compromise tagger; the ' +
          'default), `caps` (capitalisation rules only) or `nlp` (compromise’s people only). See docs for ' +
          'measured precision and recall.',
      },
    ],
    defaults: { allowNames: [], places: [], schools: [], nameDetector: 'combined', flagProfessionalNames: false },
    examples: [
      {
        title: 'Pseudonyms, roles, agencies, months, places and acronyms are left alone',
        markdown: `---
child: Child A
pseudonyms: [Mother, Mr G, Sibling 1]
---
# Overview report: Child A

## Summary of events

On Monday 3 May 2010 the health visitor from Northshire Hospital Trust saw Child A and Sibling 1. Mother said that Mr G had moved out in April. The GP referred Child A to CAMHS and the case was discussed at MARAC in June.

A Child Protection Conference was held in September. Children's Social Care, the Police and the Designated Nurse attended. Polish and Urdu interpreters were used.
`,
        options: { places: ['Northshire'] },
        flags: [],
      },
      {
        title: 'A name outside the pseudonym key is flagged at every occurrence; errors when the report will be published',
        markdown: `---
publication: public
pseudonyms:
  - Child A
  - Mother
---
## Summary of events

Mother's partner, Darren Mitchell, moved in during May 2011.
Child A was frightened of Darren Mitchell, and Mr Mitchell was not seen by any agency.
`,
        flags: [
          { line: 9, column: 19, severity: 'error', message: 'Darren Mitchell' },
          { line: 10, column: 27, severity: 'error', message: 'Darren Mitchell' },
          { line: 10, column: 51, severity: 'error', message: 'Mitchell' },
        ],
      },
      {
        title:
          'Professionals named on purpose (author, chair, minister), conditions, offences, places and ' +
          'pseudonyms the text introduces are left alone; a family name is not',
        markdown: `## Introduction

Overview report prepared by: Helen Marchbank, Independent Author. The chair of the Board, Owen Treharne, agreed the terms of reference after a letter from the Minister of State, Judith Carrow.

Baby Rowan was found to have Florid Rickets. Father was charged with Grievous Bodily Harm. The family had moved from Southwark to Haringey. The siblings are referred to as Tilly and Jem.

Mother's partner, Lyndon Tregarthen, was not known to any agency.
`,
        flags: [{ line: 7, column: 19, message: 'Lyndon Tregarthen' }],
      },
      {
        title: 'A date is a date of birth only when the text says so: the date of death beside it is left alone',
        markdown: `## Introduction

Child F was born on 9 February 2005 and died on 21 August 2007.
`,
        flags: [{ line: 3, column: 21, message: '9 February 2005' }],
      },
      {
        title: 'Dates of birth, addresses, postcodes, phone numbers, e-mail and NHS numbers',
        markdown: `## Background

Child A was born on 12 March 2007 and lived at 14 Acacia Avenue, Northtown NS1 4AB.
Mother's mobile was 07700 900123 and her e-mail jane.b@example.org.
Child A's NHS number is 943 476 5919 and the crime number was 14/12345/08.
`,
        options: { places: ['Northtown'] },
        flags: [
          { line: 3, column: 21, message: 'date of birth' },
          { line: 3, column: 48, message: 'street address' },
          { line: 3, column: 76, message: 'postcode' },
          { line: 4, column: 21, message: 'phone number' },
          { line: 4, column: 49, message: 'e-mail address' },
          { line: 5, column: 25, message: 'NHS number' },
          { line: 5, column: 63, message: 'record number' },
        ],
      },
      {
        title: 'A ten-digit number whose NHS check digit fails, a date that is not a date of birth and a year of ' + 'birth are left alone',
        markdown: `## Background

The file held 943 476 5910 pages of records. The conference met on 12 March 2007. Child A was born in 2007.
`,
        flags: [],
      },
      {
        title: 'School names: configured and by pattern',
        markdown: `## Summary of events

Sibling 1 attended Oakfield Primary School. Child A went to the Little Stars playgroup at Hillside.
The primary school made a referral.
`,
        options: { schools: ['Little Stars'], places: ['Hillside'] },
        flags: [
          { line: 3, column: 20, message: 'school name' },
          { line: 3, column: 65, message: 'school name' },
        ],
      },
    ],
  },
  ({ report, options, flag, memo }) => {
    const text = report.text;
    const publication = (stringValue(report.frontMatter.data['publication']) ?? '').toLowerCase();
    const severity: Severity = publication === 'public' || publication === 'published' ? 'error' : 'warning';
    const detector: NameDetector = options.nameDetector === 'caps' || options.nameDetector === 'nlp' ? options.nameDetector : 'combined';

    const keyNames = [
      ...pseudonymNames(report.frontMatter.data['pseudonyms']),
      ...report.childNames,
      ...familyTableNames(report),
      ...(options.allowNames ?? []),
    ];
    const allowed = new Set([...keysOf(keyNames), ...keysOf(options.places ?? []), ...keysOf(report.settings.agencies ?? [])]);
    const allowedPhrases = new Set(keyNames.map((n) => n.trim().replace(/\s+/g, ' ')));

    // Table header cells and identifier columns (DOB, NHS number...).
    const headerCells = new Set<number>();
    const found: Found[] = [];
    for (const table of tablesIn(report)) {
      table.header.forEach((cell) => headerCells.add(cell.start));
      table.header.forEach((cell, index) => {
        const kind = identifierColumnKind(cell.text);
        if (!kind || kind === 'school') return;
        for (const row of table.rows) {
          const c = row.cells[index];
          if (!c || BLANK_CELL.test(c.text)) continue;
          const source = text.slice(c.start, c.end);
          const lead = Math.max(0, source.search(/[^|\s]/));
          const trimmed = trimEnd(source.slice(lead), '| \t\n\r');
          if (kind === 'date-of-birth') {
            for (const d of findDates(source)) {
              if (d.precision === 'day' && d.valid) found.push({ kind, start: c.start + d.start, end: c.start + d.end, text: d.text });
            }
          } else if (kind === 'address') {
            // "the family home" describes; "Elm Cottage, Eastwood" or "22 Elm Road" identifies.
            const specific =
              /\d/.test(trimmed) || (trimmed.match(/\p{Lu}[\p{L}'\u2019-]{1,30}/gu) ?? []).some((w) => !NOT_NAMES.has(wordKey(w)));
            if (!specific) continue;
            found.push({ kind, start: c.start + lead, end: c.start + lead + trimmed.length, text: trimmed });
          } else if ((trimmed.match(/\d/g)?.length ?? 0) >= 3) {
            const k: IdentifierKind = kind === 'nhs-number' && !nhsNumberValid(trimmed.replace(/[ -]/g, '')) ? 'record-number' : kind;
            found.push({ kind: k, start: c.start + lead, end: c.start + lead + trimmed.length, text: trimmed });
          }
        }
      });
    }

    const blocks = blocksIn(report.tree, text, 0, text.length, true);
    const maskedForNames = memo<string>('masked');
    const masked = blocks.map((block) => maskedForNames.get(block.source, () => maskForNames(block.source)));
    // Places the document itself names before an agency word ("Eastport Police") are not people
    // (but a school named the same way is still a school: patterns use the configured words only).
    // Each paragraph's places and names are kept across lints, keyed by its text and the words allowed.
    const configured = new Set(allowed);
    const placesIn = memo<string[]>('places', [...configured].sort());
    for (const m of masked) for (const place of placesIn.get(m, () => learnPlaces(m, configured))) allowed.add(place);
    // Pseudonyms the text introduces ("Baby Claire", "referred to as Andrew and Susan").
    const pseudonymsIn = memo<string[]>('pseudonyms');
    for (const m of masked) for (const key of pseudonymsIn.get(m, () => learnPseudonyms(m))) allowed.add(key);
    const allowedNow = [detector, ...[...allowed].sort()];
    const namesInTitles = memo<Found[]>('names in titles', allowedNow);
    const namesInProse = memo<Found[]>('names in prose', allowedNow);
    const namesOf = (text: string, titleLike: boolean) =>
      (titleLike ? namesInTitles : namesInProse).get(text, () => findNames({ text, titleLike }, { allowed, detector }));
    const nameFinds: Found[] = [];
    /** Names written where professionals are named on purpose (author, chair, minister). */
    const professional = new Set<string>();
    const scanned: { start: number; end: number }[] = [];
    blocks.forEach((block, i) => {
      scanned.push({ start: block.start, end: block.end });
      const plain = maskComments(block.source);
      for (const f of findPatternIdentifiers(plain, { allowedWords: configured, schools: options.schools })) {
        found.push({ ...f, start: block.start + f.start, end: block.start + f.end });
      }
      const titleLike = block.node.type === 'heading' || headerCells.has(block.start);
      if (block.node.type === 'tableCell' && RAG_WORDS.has(wordKey(block.source.replace(/[|*_\s]/g, '')))) return;
      for (const f of namesOf(masked[i]!, titleLike)) {
        if (!options.flagProfessionalNames && professionalContext(masked[i]!, f.start, f.end)) {
          professional.add(f.text.replace(/\s+/g, ' '));
          continue;
        }
        nameFinds.push({ ...f, start: block.start + f.start, end: block.start + f.end });
      }
    });

    // Deduplicate pattern finds (a table column and a pattern can both find a cell); masks keep checks linear.
    const patternMask = new Uint8Array(text.length + 1);
    const scannedMask = new Uint8Array(text.length + 1);
    const takenMask = new Uint8Array(text.length + 1);
    const any = (mask: Uint8Array, start: number, end: number) => {
      for (let i = start; i < end; i++) if (mask[i]) return true;
      return false;
    };
    const patternFinds: Found[] = [];
    for (const f of found.sort((a, b) => a.start - b.start || b.end - a.end)) {
      if (any(patternMask, f.start, f.end)) continue;
      patternFinds.push(f);
      patternMask.fill(1, f.start, f.end);
    }
    for (const s of scanned) scannedMask.fill(1, s.start, s.end);
    const occurrenceCache = new Map<string, { start: number; end: number }[]>();
    const occurrences = (phrase: string) => {
      let list = occurrenceCache.get(phrase);
      if (!list) occurrenceCache.set(phrase, (list = occurrencesOf(text, phrase)));
      return list;
    };

    // Names: every occurrence of every name found, longest names first.
    const professionalWords = new Set([...professional].flatMap((n) => n.split(' ')).map(wordKey));
    const foundNames = nameFinds
      .filter((f) => !any(patternMask, f.start, f.end))
      .map((f) => f.text.replace(/\s+/g, ' '))
      // "Mr Green" after "Author: Richard Green" is the author again.
      .filter((n) => !professional.has(n) && !n.split(' ').every((w) => professionalWords.has(wordKey(w)) || HONORIFICS.has(wordKey(w))));
    // The parts of a full name are names too: "Amara Nwosu" makes "Nwosu" alone a name.
    const parts = foundNames
      .filter((n) => n.includes(' '))
      .flatMap((n) =>
        n
          .split(' ')
          .filter((w) => w.length >= 3 && !allowed.has(wordKey(w)) && !professionalWords.has(wordKey(w)) && !HONORIFICS.has(wordKey(w))),
      );
    const names = [...new Set([...foundNames, ...parts])].filter((n) => !allowedPhrases.has(n)).sort((a, b) => b.length - a.length);
    const nameFlags: { name: string; start: number; end: number; occurrences: { start: number; end: number }[] }[] = [];
    const keyInsert = names.length > 0 ? pseudonymKeyInsert(report) : undefined;
    const bodyStart = report.frontMatter.end ?? 0;
    for (const name of names) {
      const all = occurrences(name);
      let flagged = 0;
      for (const o of all) {
        if (flagged >= MAX_FLAGS_PER_TEXT) break;
        if (o.start < bodyStart || !scannedMask[o.start] || any(patternMask, o.start, o.end) || any(takenMask, o.start, o.end)) continue;
        takenMask.fill(1, o.start, o.end);
        nameFlags.push({ name, start: o.start, end: o.end, occurrences: all });
        flagged++;
      }
    }

    const messages: { start: number; run: () => void }[] = [];
    for (const n of nameFlags) {
      messages.push({
        start: n.start,
        run: () =>
          flag({
            start: n.start,
            end: n.end,
            severity,
            message: `“${n.name}” looks like a personal name, and it is not in the pseudonym key. Write a pseudonym (such as “Child A”, “Mother” or “Mr G”) or a role; if it is a pseudonym already, add it to \`pseudonyms:\` in the front matter.`,
            data: { kind: 'name', name: n.name, text: n.name, occurrences: n.occurrences, pseudonymKeyInsert: keyInsert },
          }),
      });
    }
    const perText = new Map<string, number>();
    for (const f of patternFinds) {
      const count = (perText.get(f.text) ?? 0) + 1;
      perText.set(f.text, count);
      if (count > MAX_FLAGS_PER_TEXT) continue;
      const what = WHAT[f.kind];
      messages.push({
        start: f.start,
        run: () =>
          flag({
            start: f.start,
            end: f.end,
            severity,
            message: `“${f.text.replace(/\s+/g, ' ')}” looks like ${what.label}. ${what.advice}`,
            expected: what.redact,
            data: { kind: f.kind, text: f.text, occurrences: occurrences(f.text) },
          }),
      });
    }
    for (const m of messages.sort((a, b) => a.start - b.start)) m.run();
  },
);
