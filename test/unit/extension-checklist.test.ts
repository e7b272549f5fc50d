/** The report checklist's section states (src/extension/checklist-model.ts): no VS Code needed. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lintText } from '../../src/engine/index.js';
import { computeChecklist, describeSection } from '../../src/extension/checklist-model.js';

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
    assert.equal(recs.state, 'findings');
    assert.deepEqual(recs.recommendations, { total: 3, smart: 1 });
    assert.equal(recs.headings[0], 'Recommendations');
    assert.ok(recs.words > 30);
    const chronology = result.sections.find((s) => s.chronologyRows !== undefined && s.id !== 'action-plan');
    assert.equal(chronology?.chronologyRows, 3);
    assert.match(describeSection(recs), /^\d+ findings · \d+ words · 1\/3 recommendations SMART$/);
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
});
