/**
 * Deterministic synthetic overview reports for benchmarks: realistic sections,
 * a long multi-agency chronology, many recommendations and an action plan.
 * All text is invented; the same size and seed always give the same report.
 */

/** Small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AGENCIES = [
  'Health Visiting Service',
  'GP practice',
  'Children\u2019s Social Care',
  'Northshire Police',
  'Castleford Primary School',
  'Hospital Trust',
  'Housing Department',
  'CAMHS',
];
const SUBJECTS = [
  'The health visitor',
  'The GP',
  'The allocated social worker',
  'The school nurse',
  'Police officers',
  'The duty social worker',
  'Mother',
  'Mr K',
  'The maternal grandmother',
  'Child A',
  'Child B',
  'The nursery manager',
];
const VERBS = [
  'visited the family and recorded',
  'noted',
  'discussed with a manager',
  'shared with the GP',
  'did not share',
  'assessed',
  'referred to Children\u2019s Social Care',
  'recorded in the chronology',
  'asked Mother about',
  'observed',
];
const OBJECTS = [
  'concerns about the household',
  'Child A\u2019s weight and feeding',
  'a bruise on Child B\u2019s cheek',
  'Mother\u2019s low mood after the birth',
  'an unknown man at the address',
  'missed immunisation appointments',
  'the condition of the flat',
  'Child A\u2019s development',
  'the risk of domestic abuse',
  'the family\u2019s housing arrangements',
];
const QUALIFIERS = [
  'at the time',
  'during the home visit',
  'in line with the procedure then in force',
  'without speaking to the children',
  'after the strategy discussion',
  'when the family moved address',
  'before the case conference',
  'in spring 2008',
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A sentence; `dated`: ending with a date of its own in the review period, so that reports do not share sentences. */
function sentence(rand: () => number, dated = false): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const text = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(QUALIFIERS)}`;
  if (!dated) return `${text}.`;
  const day = new Date(Date.UTC(2007, 2, 1) + Math.floor(rand() * 520) * 86400000);
  return `${text} on ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}.`;
}

function paragraph(rand: () => number, sentences: number, dated = false): string {
  return Array.from({ length: sentences }, () => sentence(rand, dated)).join(' ');
}

function date(rand: () => number, startYear: number, index: number, total: number): string {
  const day0 = Date.UTC(startYear, 2, 1);
  const span = 520 * 86400000;
  const d = new Date(day0 + Math.floor((index / total) * span) + Math.floor(rand() * 86400000));
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

export interface SyntheticReport {
  text: string;
  words: number;
  chronologyRows: number;
  recommendations: number;
}

/**
 * A report of about `targetWords` words. The sentences are drawn from a small vocabulary, so reports of different
 * seeds share many of them; `datedSentences` gives each sentence a date of its own, so that they do not (a folder
 * of reports by different authors shares little text, and the lint keeps per-sentence results between files).
 */
export function syntheticReport(targetWords: number, seed = 7, options: { datedSentences?: boolean } = {}): SyntheticReport {
  const dated = options.datedSentences === true;
  const rand = random(seed + targetWords);
  const scale = targetWords / 56000;
  const chronologyRows = Math.max(20, Math.round(370 * scale));
  const recommendations = Math.max(4, Math.round(40 * scale));
  const parts: string[] = [
    '---\nreport-type: overview\nchild: [Child A, Child B]\nperiod-start: 01/03/2007\nperiod-end: 03/08/2008\nreport-date: 14/04/2009\n---\n',
    '# Serious Case Review: Child A (synthetic benchmark report)\n',
    '## 1. Introduction\n',
    paragraph(rand, 8, dated),
    '## 2. Terms of reference\n',
    'The review covers the period from 1 March 2007 to 3 August 2008. Reports were requested from Children\u2019s Social Care, Northshire Police, the Hospital Trust, the GP practice and Castleford Primary School.\n\n- How did agencies assess who was living in the household between March and August 2008?\n- Was Child A seen alone at home visits?\n',
    '## 3. Methodology and review process\n',
    paragraph(rand, 10, dated),
    '## 4. Family involvement\n',
    paragraph(rand, 6, dated),
    '## 5. Family composition\n',
    '| Pseudonym | Relationship to Child A | Age |\n| --- | --- | --- |\n| Child A | Subject child | 17 months |\n| Child B | Half-brother | 4 years |\n| Mother | Mother | 23 years |\n| Mr K | Mother\u2019s partner | 29 years |\n| Maternal Grandmother | Maternal grandmother | 49 years |\n',
    '## 6. Integrated chronology\n',
    '| Date | Agency | Source | Event | Child seen |\n| --- | --- | --- | --- | --- |',
  ];
  for (let i = 0; i < chronologyRows; i++) {
    parts.push(
      `| ${date(rand, 2007, i, chronologyRows)} | ${AGENCIES[i % AGENCIES.length]} | Records | ${sentence(rand, dated)} | ${rand() < 0.6 ? 'Yes' : 'No'} |`,
    );
  }
  parts.push('');
  const fixedWords = parts.join('\n').split(/\s+/).length + recommendations * 60 + recommendations * 25;
  const analysisSections = Math.max(2, Math.round(12 * scale));
  const wordsPerSection = Math.max(100, Math.floor((targetWords - fixedWords) / analysisSections));
  for (let s = 0; s < analysisSections; s++) {
    parts.push(`## 7.${s + 1} Analysis: theme ${s + 1}\n`);
    let words = 0;
    while (words < wordsPerSection) {
      const p = paragraph(rand, 6, dated);
      words += p.split(' ').length;
      parts.push(`${p}\n`);
    }
  }
  parts.push(
    '## 8. The child\u2019s lived experience\n',
    `Child A\u2019s wishes and feelings were rarely recorded; she was seen alone twice. ${paragraph(rand, 6, dated)}\n`,
  );
  parts.push('## 9. Equality and diversity\n', `${paragraph(rand, 4, dated)}\n`);
  parts.push('## 10. Findings\n', `${paragraph(rand, 8, dated)}\n`);
  parts.push('## 11. Conclusions\n', `${paragraph(rand, 5, dated)}\n`);
  parts.push('## 12. Recommendations\n');
  for (let r = 1; r <= recommendations; r++) {
    const agency = AGENCIES[r % AGENCIES.length];
    parts.push(
      `${r}. The ${agency} will introduce a written procedure so that two consecutive missed appointments for a child under five trigger a call to the health visitor within two working days, by 31 March 2010; the safeguarding lead will audit 20 cases and report compliance to the Board.`,
    );
  }
  parts.push(
    '\n## 13. Action plan\n',
    '| Rec | Action | Lead | Target date | Measure of success | Status |\n| --- | --- | --- | --- | --- | --- |',
  );
  for (let r = 1; r <= recommendations; r++) {
    parts.push(
      `| ${r} | Write and implement the procedure | Safeguarding lead, ${AGENCIES[r % AGENCIES.length]} | 31/03/2010 | Audit of 20 cases reported to the Board | Amber |`,
    );
  }
  const text = `${parts.join('\n')}\n`;
  return { text, words: text.split(/\s+/).filter(Boolean).length, chronologyRows, recommendations };
}
