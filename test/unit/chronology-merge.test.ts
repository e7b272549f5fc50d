/**
 * Chronologies (primer §7), continued from chronology.test.ts: merging IMR chronologies, the
 * chronology snippets, and properties of the sort fix. Every table is invented; names are pseudonyms.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Root } from 'mdast';
import fc from 'fast-check';
import { reportParser, lintText } from '../../src/index.js';
import { buildReport } from '../../src/engine/report.js';
import { DEFAULT_SETTINGS } from '../../src/engine/settings.js';
import { findChronologies, normaliseDate, sortChronology } from '../../src/engine/chronology/index.js';
import { mergeChronologies } from '../../src/engine/merge-chronologies.js';
import type { EngineSettings, LintMessage } from '../../src/engine/types.js';
import { lintWithRule } from './helpers.js';
import { applyChanges } from '../../src/engine/fixes.js';

const fixtures = resolve(import.meta.dirname, '../fixtures');

function reportOf(markdown: string, settings: Partial<EngineSettings> = {}) {
  const tree = reportParser().parse(markdown) as Root;
  return buildReport(tree, markdown, { ...DEFAULT_SETTINGS, ...settings });
}

function chronologyMessages(markdown: string): LintMessage[] {
  return lintText(markdown).messages.filter((m) => m.ruleId.startsWith('chronology-'));
}

/** Apply the fix “Sort the chronology by date” that a chronology-order message carries. */
function applySortFix(markdown: string, message: LintMessage | undefined): string {
  const fix = message?.fixes?.find((f) => f.title === 'Sort the chronology by date');
  assert.ok(fix && fix.mechanical, 'message carries the sort fix, as the one right answer');
  return applyChanges(markdown, fix.changes);
}

describe('merging IMR chronologies', () => {
  const inputs = ['imr-health.md', 'imr-police.md', 'imr-social-care.md'].map((name) => ({
    path: name,
    text: readFileSync(join(fixtures, name), 'utf8'),
  }));
  const merged = mergeChronologies(inputs);
  const mergedTable = findChronologies(reportOf(`## Integrated chronology\n\n${merged.markdown}`))[0]!;
  const rows = mergedTable.rows.map((r) => ({
    date: r.cells.date?.text ?? '',
    agency: r.cells.agency?.text ?? '',
    event: r.cells.event?.text ?? '',
    note: r.cells.note?.text ?? '',
  }));

  it('the fixtures are valid IMRs whose chronologies lint clean', () => {
    for (const input of inputs) {
      const result = lintText(input.text);
      assert.equal(result.reportType, 'imr', input.path);
      const relevant = result.messages.filter(
        (m) => m.ruleId.startsWith('chronology-') || (m.ruleId === 'required-sections' && m.severity === 'warning'),
      );
      assert.deepEqual(relevant, [], input.path);
    }
  });

  it('builds one table of every row, in date order, with Agency, Source and the other known columns', () => {
    assert.equal(merged.rows, 21);
    assert.equal(rows.length, 21);
    assert.deepEqual(merged.warnings, []);
    assert.match(
      merged.markdown,
      /^\| Date \| Time \| Agency \| Source \| Event \| Child seen \/ child's views \| Action \/ outcome \| Note \|\n/,
    );
    assert.deepEqual(mergedTable.columns, { date: 0, time: 1, agency: 2, source: 3, event: 4, childSeen: 5, action: 6, note: 7 });
    const anchored = mergedTable.rows.filter((r) => r.date && !r.date.uncertain).map((r) => r.date!.key);
    assert.deepEqual(
      anchored,
      [...anchored].sort((a, b) => a - b),
    );
    assert.deepEqual(
      rows.slice(0, 4).map((r) => [r.date, r.agency]),
      [
        ['14/01/2009', 'Westmoor Community Health NHS Trust'],
        ['07/02/2009', 'Westmoor Police'],
        ['08/02/2009', 'Westmoor Police'],
        ['09/02/2009', "Westmoor Children's Social Care"],
      ],
    );
    // Police dates written “7 February 2009” are re-written in the merged format, times kept in their column.
    assert.equal(mergedTable.rows[1]!.cells.time?.text, '23:15');
    // The uncertain “c. June 2009” takes its place by date, between March and July.
    const june = rows.findIndex((r) => r.date === 'c. June 2009');
    assert.deepEqual([rows[june - 1]!.date, rows[june + 1]!.date], ['21/03/2009', '09/07/2009']);
  });

  it('marks same-day entries about the same event and puts them next to each other', () => {
    assert.equal(merged.sameDayClusters, 4);
    const july = rows.filter((r) => r.date === '09/07/2009');
    assert.deepEqual(
      july.map((r) => r.agency),
      ['Westmoor Community Health NHS Trust', "Westmoor Children's Social Care", 'Westmoor Police'],
      'the joint visit recorded by two agencies comes together; the dog complaint after it',
    );
    assert.match(july[0]!.note, /^Possible same event \[2\]: also recorded by Westmoor Children's Social Care$/);
    assert.match(july[1]!.note, /^Possible same event \[2\]: also recorded by Westmoor Community Health NHS Trust$/);
    assert.equal(july[2]!.note, '');
    const strategy = rows.filter((r) => r.date === '15/10/2009');
    assert.equal(strategy.length, 3);
    assert.ok(strategy.every((r) => r.note.startsWith('Possible same event [3]')));
    // Same day, different events: a missed home visit and an arrest are not linked.
    assert.deepEqual(
      rows.filter((r) => r.date === '02/02/2010').map((r) => r.note),
      ['', ''],
    );
  });

  it('placed in an overview report’s chronology section, the merged table lints clean for the chronology rules', () => {
    const overview = `---
report-type: overview
---
# Overview report: Child F

## Terms of reference

The review covers the period from 1 January 2009 to 30 June 2010.

## Integrated chronology

${merged.markdown}`;
    assert.deepEqual(chronologyMessages(overview), []);
  });

  it('takes the agency from the title when front matter has none, and warns about what it cannot merge', () => {
    const result = mergeChronologies(
      [
        {
          path: 'imrs/school.md',
          text: `# Individual Management Review: Hillside Primary School

## Chronology

| Date | Source | Event | Class teacher |
| --- | --- | --- | --- |
| 04/09/2009 | Class record | Child F's sibling started in Reception. | Mrs T |
| Autumn term | Class record | Sibling often late. | Mrs T |
`,
        },
        { path: 'imrs/empty.md', text: '# Individual Management Review: Westmoor Housing\n\nNo contact with the family.\n' },
      ],
      { dateFormat: 'd MMMM yyyy' },
    );
    assert.equal(result.rows, 2);
    assert.match(result.markdown, /\| 4 September 2009 \| Hillside Primary School \| Class record \|/);
    assert.ok(result.warnings.some((w) => w.startsWith('imrs/school.md: no front matter') && w.includes('Hillside Primary School')));
    assert.ok(result.warnings.some((w) => w.includes('column “Class teacher” left out')));
    assert.ok(result.warnings.some((w) => w.includes('row 2: date “Autumn term” does not read as a date')));
    assert.ok(result.warnings.includes('imrs/empty.md: no chronology table found'));
  });

  it('returns no table and a warning when there is nothing to merge', () => {
    const result = mergeChronologies([]);
    assert.deepEqual(result, { markdown: '', rows: 0, sameDayClusters: 0, warnings: ['no chronology rows to merge'] });
  });
});

describe('chronology snippets', () => {
  const snippets = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../snippets/chronology.code-snippets'), 'utf8')) as Record<
    string,
    { scope: string; prefix: string[]; body: string[]; description: string }
  >;

  /** Expand a snippet the way VS Code would if every tab stop kept its default (the first choice), on 04/11/2009. */
  function expand(body: string[]): string {
    const text = body.join('\n').replaceAll('$CURRENT_DATE', '04').replaceAll('$CURRENT_MONTH', '11').replaceAll('$CURRENT_YEAR', '2009');
    let out = '';
    for (let i = 0; i < text.length;) {
      if (text.startsWith('${', i)) {
        const close = text.indexOf('}', i);
        const inner = text.slice(i + 2, close);
        const colon = inner.indexOf(':');
        const pipe = inner.indexOf('|');
        out += pipe !== -1 && (colon === -1 || pipe < colon) ? inner.slice(pipe + 1).split(/[,|]/)[0] : inner.slice(colon + 1);
        i = close + 1;
      } else if (text.startsWith('$0', i)) i += 2;
      else out += text[i++];
    }
    return out;
  }

  it('are markdown snippets with prefixes, and rows date today day-first', () => {
    assert.deepEqual(Object.keys(snippets).sort(), [
      'Chronology row',
      'Chronology row (multi-agency)',
      'Chronology table (multi-agency)',
      'Chronology table (single agency)',
    ]);
    for (const [name, s] of Object.entries(snippets)) {
      assert.equal(s.scope, 'markdown', name);
      assert.ok(s.prefix.length > 0 && s.description.length > 0, name);
      assert.ok(s.body.join('\n').includes('${1:$CURRENT_DATE/$CURRENT_MONTH/$CURRENT_YEAR}'), name);
    }
  });

  it('expand to chronology tables the chronology rules accept, with placeholders the template rule points at', () => {
    const imr = `---\nreport-type: imr\n---\n## Chronology\n\n${expand(snippets['Chronology table (single agency)']!.body)}${expand(snippets['Chronology row']!.body)}\n`;
    const overview = `---\nreport-type: overview\n---\n## Integrated chronology\n\n${expand(snippets['Chronology table (multi-agency)']!.body)}${expand(snippets['Chronology row (multi-agency)']!.body)}\n`;
    for (const markdown of [imr, overview]) {
      const [c] = findChronologies(reportOf(markdown));
      assert.equal(c?.rows.length, 2, markdown);
      assert.equal(c.rows[0]!.date?.key, 20091104);
      assert.deepEqual(chronologyMessages(markdown), [], markdown);
      assert.ok(lintWithRule('template-placeholder', markdown).length >= 6, 'unfilled tab stops are pointed at');
    }
  });
});

describe('chronology order: properties of the sort fix', () => {
  const forms = ['day', 'day', 'day', 'time', 'range', 'uncertain', 'month', 'year', 'empty', 'unknown', 'garbage', 'impossible'] as const;
  const rowArb = fc.record({
    form: fc.constantFrom(...forms),
    year: fc.integer({ min: 2007, max: 2008 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
  });
  const pad = (n: number) => String(n).padStart(2, '0');
  function cell(r: { form: (typeof forms)[number]; year: number; month: number; day: number; hour: number }): string {
    const d = `${pad(r.day)}/${pad(r.month)}/${r.year}`;
    switch (r.form) {
      case 'time':
        return `${d} ${pad(r.hour)}:15`;
      case 'range':
        return `${d} – ${pad(Math.min(28, r.day + 2))}/${pad(r.month)}/${r.year}`;
      case 'uncertain':
        return `?${d}`;
      case 'month':
        return normaliseDate({ year: r.year, month: r.month }, 'MMMM yyyy');
      case 'year':
        return String(r.year);
      case 'empty':
        return '';
      case 'unknown':
        return 'Unknown';
      case 'garbage':
        return 'Summer';
      case 'impossible':
        return `31/02/${r.year}`;
      default:
        return d;
    }
  }

  it('after the fix the rule is satisfied, no row is lost, and sorting again changes nothing', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 14 }), (specs) => {
        const body = specs.map((r, i) => `| ${cell(r)} | Source ${i} | Event ${i} |`);
        const markdown = `## Chronology\n\n| Date | Source | Event |\n| --- | --- | --- |\n${body.join('\n')}\n`;
        const all = lintText(markdown).messages;
        assert.deepEqual(
          all.filter((m) => m.data && 'ruleFailure' in m.data),
          [],
        );
        const messages = lintWithRule('chronology-order', markdown);
        if (messages.length === 0) return;
        const fixed = applySortFix(markdown, messages[0]);
        assert.deepEqual(lintWithRule('chronology-order', fixed), [], fixed);
        const fixedBody = fixed.split('\n').slice(4, 4 + body.length);
        assert.deepEqual([...fixedBody].sort(), [...body].sort());
        const [c] = findChronologies(reportOf(fixed));
        assert.equal(sortChronology(fixed, c!), undefined, fixed);
      }),
      { numRuns: 100, seed: 20070803 },
    );
  });
});
