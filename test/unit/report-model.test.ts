/** Report type, heading matching and the section outline. */
import assert from 'node:assert/strict';
import { insertionOf } from './helpers.js';
import { matchHeading, normalizeHeading, stripNumbering } from '../../src/engine/headings.js';
import { BUILT_IN_PROFILES } from '../../src/engine/profiles.js';
import { lintText } from '../../src/index.js';

const profile = (id: string) => BUILT_IN_PROFILES.find((p) => p.id === id)!;

describe('report model', () => {
  describe('headings', () => {
    it('strips numbering in the forms boards use', () => {
      for (const [heading, expected] of [
        ['3. Analysis', 'Analysis'],
        ['3.1 Analysis', 'Analysis'],
        ['3.1.2) Analysis', 'Analysis'],
        ['Section 3 – Analysis', 'Analysis'],
        ['Part II: Analysis', 'Analysis'],
        ['b) Analysis', 'Analysis'],
        ['Analysis', 'Analysis'],
        ['2007 events', 'events'],
      ] as const) {
        assert.equal(stripNumbering(heading), expected);
      }
      assert.equal(normalizeHeading('4.2 The Child’s Lived Experience'), 'the childs lived experience');
    });

    it('matches headings to sections by meaning', () => {
      const overview = profile('overview');
      for (const [heading, ids] of [
        ['Terms of Reference', ['terms-of-reference']],
        ['2. Scope of the review', ['terms-of-reference']],
        ['Remit', ['terms-of-reference']],
        ['8. Learning points', ['lessons']],
        ['Lessons learnt', ['lessons']],
        ['2.2 Family tree', ['family-composition']],
        ['Background to the review', ['introduction']],
        ['Involvement of the family', ['family-involvement']],
        ['Findings and recommendations', ['lessons', 'recommendations']],
        ['Multi-agency recommendations', ['recommendations']],
        ['Summary', []],
        ['Appendix 1: references', []],
        // Word order, plurals, possessives, appendices; look-alikes that mean something else.
        ['5. Family member involvement', ['family-involvement']],
        ['Involvement of family members', ['family-involvement']],
        ['Involvement with the family', []],
        ['8 Child C’s Life', ['lived-experience']],
        ['4. A Day in the Life of Child Q and her Family', ['lived-experience']],
        ['The Children’s Experience', ['lived-experience']],
        ['Appendix A – Terms of Reference', ['terms-of-reference']],
        ['ii Terms of Reference', ['terms-of-reference']],
        ['3. Response to terms of reference & overall findings', ['analysis', 'lessons']],
        ['Factual Information 4-1 – 4-88', ['chronology']],
        ['The Facts - Summary of agency involvement', ['chronology']],
        ['8. Background reading/References', []],
        ['Considerations for the Board', ['recommendations']],
        ['The SCR Process', ['methodology']],
        ['Child A’s family', ['family-composition']],
        ['Mother thought to be engaging better: late July', []],
      ] as const) {
        assert.deepEqual(matchHeading(heading, overview).sort(), [...ids].sort(), heading);
      }
    });
  });

  describe('report type', () => {
    const typeOf = (text: string) => lintText(text);

    it('takes front matter first', () => {
      const r = typeOf('---\nreport-type: executive-summary\n---\n# Overview report\n');
      assert.equal(r.reportType, 'executive-summary');
      assert.equal(r.reportTypeSource, 'front-matter');
    });

    it('infers from the title', () => {
      assert.equal(typeOf('# Individual Management Review: Northshire Police\n\n## Introduction\n').reportType, 'imr');
      assert.equal(typeOf('# Serious Case Review Child A – Executive Summary of the Overview Report\n').reportType, 'executive-summary');
      assert.equal(typeOf('# Rapid Review: Child D\n').reportType, 'rapid-review');
      assert.equal(typeOf('# Concise Child Practice Review CYSUR 2/2014\n').reportType, 'child-practice-review');
    });

    it('infers from distinctive headings when the title says nothing', () => {
      const r = typeOf('# Child E\n\n## Core data\n## Introduction\n## Summary of events\n## Analysis\n## Learning\n## Recommendations\n');
      assert.equal(r.reportType, 'learning-review');
      assert.equal(r.reportTypeSource, 'inferred');
      const imr = typeOf(
        '# Report\n\n## Introduction\n## Terms of reference\n## Organisational context\n## Chronology\n## Analysis of involvement\n## Good practice\n## Lessons learned\n',
      );
      assert.equal(imr.reportType, 'imr');
    });

    it('falls back to the configured default, with low confidence for ordinary Markdown', () => {
      const readme = lintText('# My project\n\n## Install\n\nRun npm install.\n\n## Usage\n');
      assert.equal(readme.reportTypeSource, 'default');
      assert.equal(readme.reportType, 'overview');
      assert.ok(readme.reportTypeConfidence < 0.2);
      assert.equal(lintText('# Notes\n', { config: { defaultReportType: 'imr' } }).reportType, 'imr');
    });
  });

  describe('a real-world-shaped outline', () => {
    const outline = `---
report-type: overview
---
# Serious Case Review: Child F

## 1. Introduction
## 2. Summary
### 2.2 Family tree
## 3. Analysis
## 7. Findings
## 8. Learning points
## 9. Recommendations
## 10. Conclusions
`;
    const missing = lintText(outline)
      .messages.filter((m) => m.ruleId === 'required-sections')
      .map((m) => `${m.severity}: ${/^No “([^”]+)” section/.exec(m.message)?.[1]}`);

    it('reports the missing terms of reference and methodology as warnings', () => {
      assert.ok(missing.includes('warning: Terms of reference'));
      assert.ok(missing.includes('warning: Methodology and review process'));
    });

    it('counts “Learning points” and “Findings” as lessons learned, and “Family tree” as family composition', () => {
      assert.ok(!missing.some((m) => m.includes('lessons')), missing.join('\n'));
      assert.ok(!missing.some((m) => m.includes('Family composition')));
    });

    it('gives the insertion for a missing section with its heading level and prompt', () => {
      const tor = lintText(outline).messages.find((m) => m.message.includes('“Terms of reference”'))!;
      const insert = insertionOf(tor)!;
      // Numbered like the introduction it follows (“## 1. Introduction”).
      assert.match(insert.text, /^\n## 2\. Terms of reference\n\n> Prompt: State the period under review/);
      const after = outline.slice(0, insert.offset);
      assert.ok(after.endsWith('## 1. Introduction\n'), 'inserted right after the introduction');
      const fixed = outline.slice(0, insert.offset) + insert.text + outline.slice(insert.offset);
      const again = lintText(fixed)
        .messages.filter((m) => m.ruleId === 'required-sections')
        .map((m) => m.message);
      assert.ok(!again.some((m) => m.includes('missing required section “Terms of reference”')), 'the inserted section satisfies the rule');
      assert.ok(
        again.some((m) => m.includes('after “2. Terms of reference”')),
        'and the next missing section now goes after it',
      );
    });
  });
});
