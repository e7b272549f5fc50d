import { defineRule } from '../src/engine/rule.js';
import type { Report } from '../src/engine/report.js';
import { blocksIn, maskMarkup } from '../src/engine/blocks.js';
import { reportTables } from '../src/engine/family.js';
import { escapeRegExp, normalizePhrase } from '../src/engine/text.js';
import { ContextMemo, contextKey } from '../src/engine/memo.js';
import data from '../src/data/acronyms.json' with { type: 'json' };

interface Options {
  acronyms: string[] | Record<string, string>;
  allow: string[];
  unknown: boolean;
}

/** An all-capitals token of 2–10 characters (letters, digits, “&”), with an optional plural “s”. */
const TOKEN = /(?<![\p{L}\p{N}&'’])([A-Z][A-Z0-9&]{1,9})(s?)(?![\p{L}\p{N}&])/gu;
const ROMAN = /^[IVXLC]+$/;
const TWO_CAPITALS = /[A-Z][A-Z0-9&]|[A-Z]\d/;
const PSEUDONYM_BEFORE = /(?:Child|Children|Mr|Mrs|Ms|Miss|Mx|Adult|Sibling|Baby|Family|Male|Female|Person|Appendix|Annex|Section|Part)\.?\s{1,3}$/;
const GLOSSARY_HEADINGS = ['glossary', 'glossary of terms', 'abbreviations', 'acronyms', 'list of abbreviations', 'abbreviations used', 'acronyms used', 'terms used', 'key to abbreviations'];
const SMALL_WORDS = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'to', 'a', 'an', 'with', 'at', 'by']);

interface Use {
  /** The acronym as a key (singular). */
  key: string;
  token: string;
  start: number;
  end: number;
  /** Is this occurrence itself a definition? */
  defines: boolean;
  sentenceStart: boolean;
}

/** Do the initials of the words spell the acronym's letters in order? */
export function initialsMatch(acronym: string, expansion: string): boolean {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toUpperCase();
  const words = expansion.split(/[\s/,-]+/).filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()));
  const initials = words.map((w) => w.replace(/^[^\p{L}]+/u, '').charAt(0).toUpperCase()).join('');
  let i = 0;
  for (const c of initials) if (c === letters[i]) i++;
  return i === letters.length && letters.length > 0;
}

function parseGlossary(option: Options['acronyms']): Map<string, string> {
  const map = new Map<string, string>(Object.entries(data.acronyms));
  if (Array.isArray(option)) {
    for (const entry of option) {
      const colon = entry.indexOf(':');
      const equals = entry.indexOf('=');
      const at = colon === -1 ? equals : equals === -1 ? colon : Math.min(colon, equals);
      if (at <= 0) continue;
      const key = entry.slice(0, at).trim();
      const value = entry.slice(at + 1).trim();
      if (key && value) map.set(key, value);
    }
  } else if (option && typeof option === 'object') {
    for (const [k, v] of Object.entries(option)) if (typeof v === 'string') map.set(k, v);
  }
  return map;
}

function pluralise(expansion: string): string {
  return /s$/i.test(expansion) ? expansion : `${expansion}s`;
}

function isGlossarySection(title: string, matches: string[]): boolean {
  if (matches.includes('glossary')) return true;
  const norm = ` ${normalizePhrase(title)} `;
  return GLOSSARY_HEADINGS.some((h) => norm.includes(` ${h} `));
}

/** Is the token at [start, end) in a definition: “Expansion (ACR)”, “ACR (Expansion)”, or “ACR – Expansion” opening a line or cell? */
function isDefinition(text: string, start: number, end: number, token: string): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  const after = text.slice(end, end + 120);
  // “Local Safeguarding Children Board (LSCB)”, “(the LSCB)”, “(hereafter CAMHS)”
  if (/\((?:the\s|hereafter\s|known as\s|referred to as\s)?$/i.test(before) && /^s?['’]?s?\)/.test(after)) return true;
  // “LSCB (Local Safeguarding Children Board)”
  const paren = /^\s{0,2}\(([^()\n]{3,100})\)/.exec(after);
  if (paren && initialsMatch(token, paren[1]!)) return true;
  // “LSCB – Local Safeguarding Children Board” / “**CAMHS**: Child and …” at the start of a line, list item or table cell
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lead = text.slice(lineStart, start);
  const defined = /^\s{0,3}(?:\*\*|__)?\s{0,2}[:–—=-]\s{0,3}(?:\*\*|__)?\s{0,2}([^\n|]{3,120})/.exec(after.replace(/^(?:\*\*|__)/, ''));
  if (/^\s{0,8}(?:[-*+]\s{1,4}|\d{1,3}[.)]\s{1,4}|\|\s{0,4})?(?:\*\*|__)?$/.test(lead) && defined && initialsMatch(token, defined[1]!)) return true;
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

/** Acronym uses of a report in document order (headings, code and front matter are not uses). */
/**
 * Offsets of capitalised words that are shouting, not acronyms: runs of three
 * or more capitalised words (“DO NOT SHARE THIS REPORT”), and a capitalised
 * word beside an emphasis word (“NOT SEEN”).
 */
function shoutedWords(text: string, emphasis: ReadonlySet<string>): Set<number> {
  const words = [...text.matchAll(/(?<![\p{L}\p{N}&])[A-Z][A-Z&']{1,15}(?![\p{L}\p{N}&])/gu)].map((m) => ({ index: m.index, end: m.index + m[0].length, word: m[0] }));
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

/** An acronym in one block's masked text (offsets in the block). */
interface BlockAcronym {
  key: string;
  token: string;
  index: number;
  /** Does the text define it here (“Words in Full (WIF)”)? */
  defines: boolean;
  sentenceStart: boolean;
}

/** Kept across lints by block text, per glossary and emphasis words (read-only). */
const acronymsByContext = new ContextMemo<BlockAcronym[]>();

/** The acronyms one block's masked text uses, less shouted words and pseudonym letters. */
function acronymsIn(text: string, glossary: Map<string, string>, emphasis: ReadonlySet<string>, mixed: RegExp | undefined): BlockAcronym[] {
  const shouted = shoutedWords(text, emphasis);
  const found: { token: string; key: string; index: number }[] = [];
  for (const m of text.matchAll(new RegExp(TOKEN.source, TOKEN.flags))) {
    const base = m[1]!;
    const known = glossary.has(base);
    if ((base.match(/[A-Z]/g) ?? []).length < 2 && !known) continue;
    if (/\d/.test(base) && !known) continue;
    if (ROMAN.test(base) && !known) continue;
    found.push({ token: m[0], key: base, index: m.index });
  }
  if (mixed) for (const m of text.matchAll(new RegExp(mixed.source, mixed.flags))) found.push({ token: m[0], key: m[0], index: m.index });
  const acronyms: BlockAcronym[] = [];
  for (const f of found) {
    if (shouted.has(f.index)) continue;
    if (PSEUDONYM_BEFORE.test(text.slice(Math.max(0, f.index - 12), f.index))) continue;
    const end = f.index + f.token.length;
    const prev = trimOpeners(text.slice(Math.max(0, f.index - 40), f.index));
    acronyms.push({ ...f, defines: isDefinition(text, f.index, end, f.key), sentenceStart: prev === '' || /[.!?:]$/.test(prev) });
  }
  return acronyms;
}

function acronymUses(report: Report, glossary: Map<string, string>, emphasis: ReadonlySet<string>): { uses: Use[]; glossaryKeys: Set<string> } {
  const mixedKeys = [...glossary.keys()].filter((k) => !/^[A-Z][A-Z0-9&]{1,9}s?$/.test(k));
  const mixed = mixedKeys.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}&])(?:${mixedKeys.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}&])`, 'gu') : undefined;
  const glossaryRanges = report.outline.filter((s) => isGlossarySection(s.title, s.matches)).map((s) => ({ start: s.start, end: s.end }));
  const uses: Use[] = [];
  const glossaryKeys = new Set<string>();
  const context = contextKey(JSON.stringify([[...glossary], [...emphasis]]));
  // A glossary table outside a glossary section: “| LSCB | Local Safeguarding Children Board |”.
  const nextCell = new Map<number, string>();
  // Header cells are like headings (often in capitals): not uses.
  const headerCells = new Set<number>();
  for (const table of reportTables(report)) {
    for (const cell of table.header) headerCells.add(cell.start);
    for (const row of table.rows) row.cells.forEach((cell, i) => row.cells[i + 1] && nextCell.set(cell.start, row.cells[i + 1]!.text));
  }
  for (const block of blocksIn(report.tree, report.text, report.frontMatter.end ?? 0, report.text.length)) {
    if (headerCells.has(block.start)) continue;
    // Most blocks (dates, “Yes”, plain prose) have no run of two capitals and no mixed-case glossary word.
    if (!TWO_CAPITALS.test(block.source) && !(mixed && mixedTest(mixed, block.source))) continue;
    const text = maskMarkup(block.source);
    const inGlossary = glossaryRanges.some((r) => block.start >= r.start && block.start < r.end);
    for (const f of acronymsByContext.get(context, text, () => acronymsIn(text, glossary, emphasis, mixed))) {
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
      });
    }
  }
  uses.sort((a, b) => a.start - b.start);
  return { uses, glossaryKeys };
}

export default defineRule(
  {
    id: 'acronym-first-use',
    summary: 'Acronyms are spelled out at first use or listed in a glossary.',
    description:
      'Finds acronyms — words of two to ten capital letters (“LSCB”, “CAMHS”, “A&E”, plurals such as “IMRs”) and the built-in glossary’s mixed-case ones (“Cafcass”, “s47”) — outside headings, table header rows, code and front matter, and reports the first use of each one that is not spelled out there: neither “Local Safeguarding Children Board (LSCB)” nor “LSCB (Local Safeguarding Children Board)” nor a glossary line such as “LSCB – Local Safeguarding Children Board”. An acronym listed in a glossary section (“Glossary”, “Abbreviations”, “Acronyms used”) anywhere in the report, or whose expansion the text has already used, is not reported.\n\nThe built-in glossary (`src/data/acronyms.json`, from primer §10) lets the quick fix expand the first use (`expected`: “Local Safeguarding Children Board (LSCB)”); boards add their own with the `acronyms` option (`"HV: Health Visitor"`). Acronyms the glossary does not know are reported without a fix (switch that off with `unknown: false`).\n\n**Allowed without expansion:** only acronyms the UK public reads as words — UK, NHS, TV, ID, OK, EU, USA, BBC, CCTV, MP — and DNA (as “did not attend” it is the business of `was-not-brought`). GP and A&E are *not* allowed by default, because the primer lists them among the acronyms to spell out; a board can allow them with `allow`. Words in capitals for emphasis (“NOT”, “NEVER”) and template markers (“TBC”), Roman numerals, pseudonym letters (“Child AB”, “Mr GH”) and passages written all in capitals are not acronyms.',
    why: 'Reports are read by the public and by professionals of other agencies who do not share one agency’s shorthand; an unexplained “MARAC” or “s47” shuts them out, and published reviews are expected to spell acronyms out at first use or list them in a glossary. Primer §10 (acronyms) and §1 (executive summaries are published).',
    primer: '§10 Acronyms',
    defaultSeverity: 'warning',
    fixable: true,
    options: [
      { name: 'acronyms', type: 'string[]', default: [], description: 'More acronyms with their expansions, as `"ACRONYM: Expansion"`.' },
      { name: 'allow', type: 'string[]', default: [], description: 'More acronyms that need no expansion (for example `GP`).' },
      { name: 'unknown', type: 'boolean', default: true, description: 'Also report acronyms that the glossary does not know (without a quick fix).' },
    ],
    defaults: { acronyms: [], allow: [], unknown: true },
    examples: [
      {
        title: 'An acronym used before it is spelled out is expanded at its first use',
        markdown: `The LSCB commissioned the review in May 2008.\n`,
        flags: [{ line: 1, column: 5, message: 'Local Safeguarding Children Board (LSCB)' }],
      },
      {
        title: 'Acronyms spelled out at first use, in the glossary, or allowed are left alone',
        markdown: `The Local Safeguarding Children Board (LSCB) asked the NHS trust and CAMHS for reports. The LSCB met in June.\n\n## Glossary\n\n| Acronym | Meaning |\n| --- | --- |\n| CAMHS | Child and Adolescent Mental Health Services |\n`,
        flags: [],
      },
      {
        title: 'Spelled out only later: the first use is reported',
        markdown: `A MARAC was held in March. The Multi-Agency Risk Assessment Conference (MARAC) heard from the police.\n`,
        flags: [{ line: 1, column: 3, message: 'Multi-Agency Risk Assessment Conference (MARAC)' }],
      },
    ],
  },
  ({ report, options, flag }) => {
    const glossary = parseGlossary(options.acronyms);
    const allow = new Set([...data.allow, ...options.allow]);
    const emphasis = new Set(data.emphasis);
    const { uses, glossaryKeys } = acronymUses(report, glossary, emphasis);
    const lowerText = report.text.toLowerCase();
    const seen = new Set<string>();
    for (const use of uses) {
      if (seen.has(use.key)) continue;
      seen.add(use.key);
      if (allow.has(use.key) || emphasis.has(use.key) || glossaryKeys.has(use.key) || use.defines) continue;
      const base = glossary.get(use.key);
      const expansion = base === undefined ? undefined : use.token !== use.key ? pluralise(base) : base;
      // The reader has already been told: the expansion stands earlier in the text.
      if (base && lowerText.slice(0, use.start).includes(base.toLowerCase())) continue;
      const later = uses.find((u) => u.start > use.start && u.defines && u.key === use.key);
      if (!expansion && !options.unknown) continue;
      const laterNote = later ? ` (it is spelled out only later, at line ${report.toPoint(later.start).line})` : '';
      let expected: string | undefined;
      if (expansion) {
        const spelled = use.sentenceStart ? expansion.charAt(0).toUpperCase() + expansion.slice(1) : expansion;
        expected = `${spelled} (${use.token})`;
      }
      flag({
        start: use.start,
        end: use.end,
        message: expected
          ? `Unexpected acronym “${use.token}” before it is spelled out${laterNote}, expected “${expected}” at its first use, or “${use.token}” in a glossary`
          : `Unexpected acronym “${use.token}” before it is spelled out${laterNote}, expected it spelled out at its first use (“Words in Full (${use.token})”) or listed in a glossary`,
        expected: expected ? [expected] : undefined,
        data: { acronym: use.token, ...(expansion ? { expansion } : {}) },
      });
    }
  },
);
