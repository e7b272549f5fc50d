/** The “Child focus” status item's figures (src/models/child-focus-model.ts): no VS Code needed. */
import assert from 'node:assert/strict';
import { lintText } from '../../src/index.js';
import { childFocusSummary } from '../../src/models/child-focus-model.js';

const POLICE = Array(5)
  .fill(
    "The police attended the home three times in 2019 after calls from neighbours about shouting. Officers spoke to the mother and her partner on each occasion and recorded the incidents as verbal arguments. No referral was made to Children's Social Care. The supervisor reviewed the logs and agreed with the grading. Officers did not check the partner's history or record who else lived at the address. The domestic abuse risk assessment was not completed on any occasion and no safety planning took place with the mother at any point.",
  )
  .join('\n\n');

const TEXT = `---
report-type: overview
child: Child E
---
# Overview Report: Child E

## Introduction

This review was commissioned after Child E was admitted to hospital.

## Analysis

Child E was seen at home by the health visitor. The health visitor did not ask who lived there. Child E said she was scared at night.

## Practice of the police

${POLICE}
`;

describe('child focus summary', () => {
  it('gives the share of analysis sentences about the child and the sections child-focus flags', () => {
    const summary = childFocusSummary(TEXT, {}, lintText(TEXT, {}).messages);
    assert.equal(summary.child, 'Child E');
    assert.ok(summary.sentences >= 30, `${summary.sentences} sentences`);
    assert.equal(summary.childSentences, 2);
    assert.equal(summary.flaggedSections, 1);
    assert.match(summary.text, /^\$\(warning\) Child focus \d+%$/);
    assert.match(summary.tooltip, /2 of \d+ analysis sentences \(\d+%\) are about Child E; 1 section flagged/);
    const police = summary.items.find((i) => i.title === 'Practice of the police');
    assert.equal(police?.flagged, true);
    assert.match(police!.description, /^0 of \d+ sentences about Child E \(0%\)$/);
    const analysis = summary.items.find((i) => i.title === 'Analysis');
    assert.equal(analysis?.flagged, false);
    assert.equal(TEXT.slice(analysis!.start, analysis!.headingEnd), '## Analysis');
    assert.ok(
      summary.items.some((i) => i.title === 'Introduction'),
      'framing sections are listed, not counted',
    );
  });
});
