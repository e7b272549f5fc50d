/** The report checklist's section states (src/models/checklist-model.ts): no VS Code needed. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lintText } from '../../src/index.js';
import { computeChecklist, describeChecklist, describeSection } from '../../src/models/checklist-model.js';
import { reportOf } from '../../src/models/report-model.js';
import { missingSectionInsert } from '../../src/engine/section-placement.js';

const TEXT = readFileSync(new URL('../fixtures/vscode-workspace/reviews/fixes-child-e.md', import.meta.url), 'utf8');
const checklist = (text: string) => computeChecklist(text, {}, lintText(text, {}).messages);
const byId = (text: string) => new Map(checklist(text).sections.map((s) => [s.id, s]));

describe('report checklist', () => {
  it('lists every section of the profile with its state and figures', () => {
    const result = checklist(TEXT);
    assert.equal(result.reportType, 'overview');
    const sections = new Map(result.sections.map((s) => [s.id, s]));
    assert.equal(sections.get('introduction')?.state, 'missing');
    const recs = sections.get('recommendations')!;
    assert.equal(recs.state, 'attention');
    assert.deepEqual(recs.recommendations, { total: 3, smart: 1 });
    assert.equal(recs.headings[0], 'Recommendations');
    assert.ok(recs.words > 30);
    const chronology = result.sections.find((s) => s.chronologyRows !== undefined && s.id !== 'action-plan');
    assert.equal(chronology?.chronologyRows, 3);
    assert.match(describeSection(recs), /^\d+ issues · \d+ words · 1\/3 recommendations SMART$/);
    for (const section of result.sections) {
      if (section.state === 'missing') continue;
      assert.ok(section.heading, section.id);
      assert.match(TEXT.slice(section.heading.start, section.heading.end), /^#+ /);
    }
  });

  it('tells empty sections, unanswered prompts and finished sections apart', () => {
    const text = `---
report-type: overview
child: Child E
---
# Overview Report: Child E

## Introduction

## Terms of reference

> Prompt: state the questions the review will answer.

## Analysis

Child E was seen at home by the health visitor on each of the four visits.
`;
    const sections = byId(text);
    assert.equal(sections.get('introduction')?.state, 'empty');
    assert.equal(sections.get('terms-of-reference')?.state, 'prompts');
    assert.equal(sections.get('analysis')?.state, 'done', describeSection(sections.get('analysis')!));
  });

  it('counts each issue once, so the sections and “elsewhere” add up to the report’s total', () => {
    for (const text of [TEXT, readFileSync(new URL('../../examples/overview-report.md', import.meta.url), 'utf8')]) {
      const messages = lintText(text, {}).messages;
      const result = computeChecklist(text, {}, messages);
      assert.equal(result.total, messages.length);
      assert.equal(result.sections.reduce((n, s) => n + s.issues, 0) + result.elsewhere, result.total);
      assert.match(describeChecklist(result), new RegExp(`: ${result.total} issues`));
    }
  });

  it('shows the issue count beside “prompts to answer”, and never calls it “findings”', () => {
    const text = `---\nreport-type: overview\nchild: Child E\n---\n# Overview Report: Child E\n\n## Terms of reference\n\n> Prompt: state the questions the review will answer.\n\nThe review covers all relevant agencies.\n`;
    const tor = byId(text).get('terms-of-reference')!;
    assert.equal(tor.state, 'prompts');
    assert.match(describeSection(tor), /^prompts to answer · \d+ issues? · \d+ words$/);
    assert.ok(checklist(TEXT).sections.every((s) => !/finding/.test(describeSection(s))));
  });

  it('inserts a missing section numbered like its neighbours, or unnumbered among unnumbered headings', () => {
    const numbered = `---\nreport-type: overview\n---\n# Overview report\n\n## 1. Introduction\n\nText.\n\n## 2. Terms of reference\n\nText.\n\n## 3. Methodology and review process\n\nText.\n\n## 6. Integrated chronology\n\nText.\n`;
    const insert = missingSectionInsert(reportOf(numbered, {}), 'family-involvement')!;
    assert.match(insert.text, /^\n?## 4\. Family involvement\n\n> Prompt: /);
    assert.ok(insert.offset > numbered.indexOf('## 3.') && insert.offset <= numbered.indexOf('## 6.'));
    const plain = numbered.replace(/## \d+\. /g, '## ');
    assert.match(missingSectionInsert(reportOf(plain, {}), 'family-involvement')!.text, /^\n?## Family involvement\n/);
  });
});
