/**
 * Long chronologies for the row-scaling benchmark (issue 20): deterministic, invented text.
 *
 * - `chronologyReport(rows)`: a short overview report whose integrated chronology has `rows` rows
 *   (Date, Source, Event, Child seen — no Agency column, so chronology-columns offers its fix; a few
 *   rows out of date order, a few uncertain or unknown dates, names, places and contacts in the events).
 * - `raggedChronology(rows)`: a two-column table under `## Chronology` with escaped pipes in cells and
 *   ragged rows (too many and too few cells).
 *
 *   node --import tsx scripts/bench/chronology.ts OUT_DIR [1000,2000,4000,10000]
 * writes OUT_DIR/chronology-N.md and OUT_DIR/ragged-N.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HEAD =
  '---\nreport-type: overview\nchild: Child A\nperiod-start: 01/03/2007\nperiod-end: 03/08/2008\n---\n# Overview report: Child A\n\n## Terms of reference\n\nThe review covers the period from 1 March 2007 to 3 August 2008.\n\n';

const SOURCES = [
  'GP records',
  'Health visitor\u2019s notes',
  'Police incident log',
  'School records',
  'Social care case file',
  'Hospital discharge summary',
  'Housing file',
];
const EVENTS = [
  'Home visit by the health visitor; Child A seen asleep, Mother said all was well.',
  'Child A not brought to the immunisation clinic.',
  'Police attended the home after a neighbour reported shouting; Mr K had left.',
  'School nurse noted Child B was hungry and tired at school.',
  'Strategy discussion held; agreed a section 47 enquiry.',
  'Mother told the GP she felt low since the birth.',
  'Social worker visited; Child A seen alone in her bedroom.',
  'Hospital A&E attendance with a bruise on Child A\u2019s forehead.',
];

function date(i: number, rows: number): string {
  const day0 = Date.UTC(2007, 2, 1);
  const d = new Date(day0 + Math.floor((i / rows) * 520) * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** A short overview report with an integrated chronology of `rows` rows (no Agency column). */
export function chronologyReport(rows: number): string {
  const lines = ['## Integrated chronology', '', '| Date | Source | Event | Child seen |', '| --- | --- | --- | --- |'];
  for (let i = 0; i < rows; i++) {
    // Every 97th row is misplaced (dated a month later), every 131st uncertain, every 211th unknown.
    let when = i % 97 === 50 ? date(Math.min(rows - 1, i + Math.ceil(rows / 17)), rows) : date(i, rows);
    if (i % 131 === 7) when = `c. ${when}`;
    if (i % 211 === 9) when = 'Unknown';
    lines.push(
      `| ${when} | ${SOURCES[i % SOURCES.length]} | ${EVENTS[(i * 5) % EVENTS.length]} (${i + 1}) | ${i % 3 === 0 ? 'No' : 'Yes'} |`,
    );
  }
  return `${HEAD}${lines.join('\n')}\n\n## Analysis\n\nAgencies did not share what they knew about Mr K.\n`;
}

/** A two-column chronology of `rows` rows with escaped pipes in cells and ragged rows. */
export function raggedChronology(rows: number): string {
  const lines = ['## Chronology', '', '| Date | Event |', '| --- | --- |'];
  for (let i = 0; i < rows; i++) {
    const when = date(i, rows);
    if (i % 5 === 0) lines.push(`| ${when} | Visit \\| phone call ${i} | extra | more |`);
    else if (i % 7 === 0) lines.push(`| ${when} |`);
    else lines.push(`| ${when} | Home visit ${i}; Child A seen \\| Mother present. |`);
  }
  return `${HEAD}${lines.join('\n')}\n`;
}

if (import.meta.filename === process.argv[1] && import.meta.filename.endsWith('chronology.ts')) {
  const [out, sizes = '1000,2000,4000,10000'] = process.argv.slice(2);
  if (!out) throw new Error('Usage: scripts/bench/chronology.ts OUT_DIR [1000,2000,4000,10000]');
  mkdirSync(out, { recursive: true });
  for (const n of sizes.split(',').map(Number)) {
    writeFileSync(join(out, `chronology-${n}.md`), chronologyReport(n));
    writeFileSync(join(out, `ragged-${n}.md`), raggedChronology(n));
  }
}
