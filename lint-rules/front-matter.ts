import { checkDocumentSettings } from '../src/engine/document-settings.js';
import { defineRule } from '../src/engine/rule.js';
import { offsetOfLine } from '../src/engine/text.js';

export default defineRule(
  {
    id: 'front-matter',
    summary: 'Front matter is valid YAML and names a known report type.',
    description:
      'Front matter (a YAML block between `---` lines at the top) tells the linter the report type ' +
      '(`report-type:`), the child’s pseudonyms (`child:`), the agency of an IMR (`agency:`) and the period ' +
      'under review (`period-start:`, `period-end:`). This rule reports YAML that does not parse (the rest ' +
      'of the file is still linted with the report type inferred) and a `report-type:` that is not one of ' +
      'the known types, offering the known types as replacements. It checks the report’s own settings as ' +
      'the config file is checked, each at its line and column: a key that is not read (warning), a rule ' +
      'id, level or option in `case-review-lint: { rules: … }` that does not exist, a date that cannot be ' +
      'read or cannot be (`31/02/2007`, `yesterday`, `2009-13-45`), a period that ends before it starts, a ' +
      '`publication:` value other than `public`, `published`, `internal`, `draft`, `private`, `restricted`, ' +
      '`confidential`, `unpublished` or `not for publication`, a `publication-exceptions:` entry without ' +
      'its `text:` and `reason:`, and a rule id in a control comment (`<!-- case-review-lint disable ' +
      'tor-vauge-language -->`) that names no rule. Template placeholders such as `DD/MM/YYYY` are left to ' +
      'the template-placeholder rule.',
    why:
      'Every other rule depends on knowing which kind of report this is, who the child is and when the ' +
      'period under review ran; a typo there silently changes what is checked, and a misspelt rule id ' +
      'switches nothing off without a word. Primer §1 (the documents) and §2 (profiles).',
    primer: '§1 The documents, §2 Expected sections',
    defaultSeverity: 'error',
    fixable: true,
    options: [],
    defaults: {},
    examples: [
      { title: 'Valid front matter is left alone', markdown: `---\nreport-type: imr\nchild: Child A\n---\n# IMR\n`, flags: [] },
      { title: 'A report without front matter is left alone', markdown: `# Overview report\n\n## Introduction\n`, flags: [] },
      {
        title: 'YAML that does not parse',
        markdown: `---\nreport-type: imr\nchild: [Child A\n---\n# IMR\n`,
        flags: [{ line: 3, severity: 'error' }],
      },
      {
        title: 'An unknown report type',
        markdown: `---\nreport-type: overveiw\n---\n# Report\n`,
        flags: [{ line: 2, severity: 'warning', message: 'overveiw' }],
      },
      {
        title: 'Settings, rule ids and levels that cannot be read',
        markdown: `---\nreport-type: imr\nperod-start: 01/03/2007\ncase-review-lint: { rules: { no-such: off, tor-questions: loud } }\n---\n# IMR\n\n<!-- case-review-lint disable tor-vauge-language -->\n`,
        flags: [
          { line: 3, column: 1, severity: 'warning', message: 'Did you mean “period-start”' },
          { line: 4, column: 30, severity: 'error', message: '“no-such” is not a rule' },
          { line: 4, column: 59, severity: 'error', message: '“loud” is not a level' },
          { line: 8, column: 31, severity: 'error', message: 'Did you mean “tor-vague-language”' },
        ],
      },
      {
        title: 'Dates that cannot be read or cannot be, and a period that ends before it starts',
        markdown: `---\nperiod-start: 03/08/2008\nperiod-end: 01/03/2007\nreport-date: 31/02/2009\ndate: yesterday\n---\n# Report\n`,
        flags: [
          { line: 3, column: 13, severity: 'error', message: 'The period end 01/03/2007 is before its start 03/08/2008' },
          { line: 4, column: 14, severity: 'error', message: 'February 2009 has 28 days' },
          { line: 5, column: 7, severity: 'error', message: '“yesterday” is not a date' },
        ],
      },
      {
        title: 'A publication exception needs its reason',
        markdown: `---\npublication: public\npublication-exceptions:\n  - text: Jane Hollis\n    reason: independent author, named with consent\n  - text: Darren Mitchell\n---\n# Executive summary\n`,
        flags: [{ line: 6, column: 5, severity: 'error', message: 'has no reason, so it does not apply' }],
      },
      {
        title: 'Template date placeholders and every setting that is read are left alone',
        markdown: `---\nreport-type: imr\nchild: Child A\nagency: Northshire Police\nperiod-start: DD/MM/YYYY\nperiod-end: 3 August 2008\npublication: internal\npseudonyms: [Mother]\ncase-review-lint: { rules: { tor-questions: off } }\n---\n# IMR\n`,
        flags: [],
      },
    ],
  },
  ({ report, flag }) => {
    for (const problem of checkDocumentSettings(report)) flag(problem);
    const fm = report.frontMatter;
    if (fm.error) {
      const lineStart = offsetOfLine(report.text, fm.error.line);
      flag({
        start: lineStart,
        end: lineEnd(report.text, lineStart),
        message: `The front matter cannot be read as YAML. Write it as YAML, such as “report-type: overview” (${fm.error.message}).`,
      });
      return;
    }
    const type = fm.data['report-type'];
    if (type === undefined || fm.start === undefined) return;
    const known = report.profiles.map((p) => p.id);
    if (typeof type === 'string' && known.includes(type.trim().toLowerCase())) return;
    const block = report.text.slice(fm.start, fm.end);
    const match = /^report-type:[ \t]*(.*)$/m.exec(block);
    const start = fm.start + (match ? match.index + match[0].length - match[1]!.length : 0);
    const end = start + (match ? match[1]!.trimEnd().length : 0);
    flag({
      start,
      end,
      severity: 'warning',
      message: `“${String(type)}” is not a known report type. Use one of ${known.map((k) => `“${k}”`).join(', ')}.`,
      expected: rankBySimilarity(String(type), known),
    });
  },
);

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const stop = newline === -1 ? text.length : newline;
  return text[stop - 1] === '\r' ? stop - 1 : stop;
}

/** Known types, the most similar to what was written first (shared letter pairs). */
function rankBySimilarity(written: string, known: string[]): string[] {
  const pairs = (s: string) => new Set([...s.toLowerCase()].map((c, i, a) => c + (a[i + 1] ?? '')));
  const mine = pairs(written);
  const score = (k: string) => [...pairs(k)].filter((p) => mine.has(p)).length / Math.max(pairs(k).size, mine.size);
  return [...known].sort((a, b) => score(b) - score(a));
}
