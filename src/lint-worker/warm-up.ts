/**
 * The lint worker's warm-up: one lint of a small invented report, run when the
 * worker starts and before any document is sent. The first lint in a fresh
 * thread is several times slower than the next (the code is compiled as it
 * first runs, the language model loads on first use); the warm-up pays that
 * while the editor is still loading, so the first real report is linted warm.
 * A failure costs only the warm-up.
 */
import type { DocumentLinter } from './document-linter.js';

/** Invented (pseudonyms only): front matter, sections of an overview report, a chronology, named people, recommendations. */
export const WARM_UP_REPORT = `---
report-type: overview
title: Serious Case Review – Child W
child: Child W
period-start: 01/01/2010
period-end: 30/06/2010
pseudonyms: [Child W, Mother, Mr V]
---

# Serious Case Review: Child W

## 1. Introduction

1.1 This overview report was commissioned by the Board after Child W, aged two, was admitted to hospital on 30 June 2010.

## 2. Terms of reference

2.1 The review covers the period from 1 January 2010 to 30 June 2010. Key lines of enquiry:

- Was Child W seen alone at each home visit?

## 3. Family composition

| Pseudonym | Relationship to Child W | Age |
| --- | --- | --- |
| Child W | Subject child | 2 years |
| Mother | Mother | 24 years |

## 4. Integrated chronology

| Date | Agency | Source | Event | Child seen |
| --- | --- | --- | --- | --- |
| 04/02/2010 | Health | GP records | Child W did not attend her appointment. | No |
| 11/03/2010 | Police | Command and control log | Officers attend after a neighbour hears shouting; Mr V is present. | No |

## 5. Analysis

5.1 The health visitor saw Child W twice and recorded that she was "quiet". Mother said that Mr V had moved out, and no agency asked who was living in the household. Sarah Jones from the nursery spoke to John Smith at 14 Acacia Avenue.

## 6. Findings

6.1 Agencies did not share what they knew about Mr V.

## 7. Recommendations

1. The Board should ensure that agencies ask who lives in the household at each contact. Lead: Board business manager; by: 31 March 2011; measure: an audit of 20 cases.
2. Agencies should consider reviewing procedures as appropriate.
`;

const now = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now());
const KEY = 'case-review-lint:warm-up';

/** Lint the sample (summaries included) and forget it; returns how long it took, in ms. */
export function warmUp(linter: DocumentLinter): number {
  const started = now();
  try {
    linter.lint(KEY, { text: WARM_UP_REPORT, filePath: 'warm-up.md', config: {}, summaries: true });
  } catch {
    // Only the warm-up is lost.
  } finally {
    linter.forget(KEY);
  }
  return now() - started;
}
