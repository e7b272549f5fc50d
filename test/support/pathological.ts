/** Hostile inputs of the kinds authors paste from Word, PDFs and case systems (issue 10). Generated, not stored. */

const REPORT_HEAD =
  '---\nreport-type: overview\nchild: Child A\n---\n# Overview report\n\n## Terms of reference\n\nFrom 1 March 2007 to 3 August 2008.\n\n';

function tableRows(rows: number): string {
  const lines = ['| Date | Agency | Source | Event | Child seen |', '| --- | --- | --- | --- | --- |'];
  for (let i = 0; i < rows; i++) {
    const day = (i % 28) + 1;
    const month = (((i / 28) % 12) | 0) + 1;
    lines.push(
      `| ${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${2007 + ((i / 336) | 0)} | Health | Records | Home visit ${i}; Child A seen. | Yes |`,
    );
  }
  return lines.join('\n');
}

export function pathologicalInputs(): Record<string, string> {
  const words = 'Child A was seen by the health visitor and Mother said all was well. ';
  return {
    'one 1 MB line': words.repeat(Math.ceil(1_000_000 / words.length)),
    '1 MB of spaces then text': `${' '.repeat(1_000_000)}x`,
    '10,000-row table': `${REPORT_HEAD}## Chronology\n\n${tableRows(10_000)}\n`,
    'ragged table with pipes in cells': `${REPORT_HEAD}## Chronology\n\n| Date | Event |\n| --- |\n| 01/02/2008 | a \\| b | extra | more |\n| 02/02/2008 |\n|\n| | | | | | | |\n`,
    '200-deep nested lists': Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- level ${i} TBC`).join('\n'),
    '200-deep blockquotes': `${'>'.repeat(200)} Prompt: deep\n`,
    'unterminated front matter': '---\nreport-type: imr\nchild: Child A\n# Title\n\n## Introduction\n',
    'invalid YAML': '---\nreport-type: [imr\nchild: {Child A\n---\n# IMR\n',
    'binary bytes and NULs': `# Report\n\n${String.fromCharCode(...Array.from({ length: 512 }, (_, i) => i % 256))}\u0000\u0000 TBC\n`,
    'mixed line endings': '# Overview report\r\n\r\n## Terms of reference\r\rAll relevant agencies.\n\r\n## Analysis\rText TBC\r\n',
    'byte order mark': '\uFEFF---\nreport-type: imr\n---\n# IMR\n\n## Introduction\n',
    'right-to-left text': '# تقرير\n\n## Terms of reference\n\nالطفل أ لم يُحضر إلى الموعد. All relevant agencies.\n\n‏שלום TBC‏\n',
    'emoji and combining marks': '# Report 👶🏽\n\n## Analysis\n\nChild A 😢 was seen 👨‍👩‍👧 alone; e\u0301\u0301\u0301 TBC.\n',
    'Word smart quotes and non-breaking spaces':
      '# Overview\u00a0report\n\n## Terms\u00a0of\u00a0reference\n\n\u201cAll\u00a0relevant\u00a0agencies\u201d were asked \u2018as\u00a0appropriate\u2019 \u2013 from 1\u00a0March\u00a02007 to 3\u00a0August\u00a02008.\n',
    'many unclosed comments': '<!--'.repeat(20_000),
    'many unclosed links and code': ']('.repeat(20_000) + '`'.repeat(20_000),
    'many headings': Array.from({ length: 5_000 }, (_, i) => `## ${i}. Analysis\n\nText ${i}.`).join('\n\n'),
    empty: '',
  };
}
