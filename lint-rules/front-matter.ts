import { defineRule } from '../src/engine/rule.js';

export default defineRule(
  {
    id: 'front-matter',
    summary: 'Front matter is valid YAML and names a known report type.',
    description:
      'Front matter (a YAML block between `---` lines at the top) tells the linter the report type (`report-type:`), the child’s pseudonyms (`child:`), the agency of an IMR (`agency:`) and the period under review (`period-start:`, `period-end:`). This rule reports YAML that does not parse (the rest of the file is still linted with the report type inferred) and a `report-type:` that is not one of the known types, offering the known types as replacements.',
    why: 'Every other rule depends on knowing which kind of report this is and who the child is; a typo there silently changes what is checked. Primer §1 (the documents) and §2 (profiles).',
    primer: '§1 The documents, §2 Expected sections',
    defaultSeverity: 'error',
    fixable: true,
    options: [],
    defaults: {},
    examples: [
      { title: 'Valid front matter is left alone', markdown: `---\nreport-type: imr\nchild: Child A\n---\n# IMR\n`, flags: [] },
      { title: 'A report without front matter is left alone', markdown: `# Overview report\n\n## Introduction\n`, flags: [] },
      { title: 'YAML that does not parse', markdown: `---\nreport-type: imr\nchild: [Child A\n---\n# IMR\n`, flags: [{ line: 3, severity: 'error' }] },
      { title: 'An unknown report type', markdown: `---\nreport-type: overveiw\n---\n# Report\n`, flags: [{ line: 2, severity: 'warning', message: 'overveiw' }] },
    ],
  },
  ({ report, flag }) => {
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

function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset;
}

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
