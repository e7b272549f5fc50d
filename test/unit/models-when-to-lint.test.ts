/** When the editor lints a Markdown file, and how settings become config (src/models/when-to-lint.ts, settings.ts). */
import assert from 'node:assert/strict';
import { rules } from '../../src/index.js';
import { combineConfig, configFromSettings, parseConfigFile } from '../../src/models/settings.js';
import { classify, decideLint, MIN_MATCHED_SECTIONS, NOT_A_CASE_REVIEW, type EnableMode } from '../../src/models/when-to-lint.js';
import { TextIndex, messageRange } from '../../src/models/positions.js';

const README = `# my-tool

A command line tool.

## Installation

npm install my-tool

## Usage

Run it. TODO: document flags.

## Licence

MIT
`;

const TITLE_ONLY = `# Project overview\n\n## Goals\n\nShip it.\n\n## Timeline\n\nSoon.\n`;

const IMR_BY_HEADINGS = `# Health visiting review

## Introduction
## Terms of reference
## Methodology
## Chronology
## Analysis of involvement
## Lessons learned
## Recommendations
`;

function decide(text: string, enable: EnableMode = 'auto', extra: { override?: string; configApplies?: boolean } = {}) {
  return decideLint({ enable, override: extra.override, configApplies: extra.configApplies ?? false, classify: () => classify(text) });
}

describe('extension: when a Markdown file is linted', () => {
  it('does not lint a plain README in auto mode', () => {
    const decision = decide(README);
    assert.equal(decision.lint, false);
    assert.equal(decision.reason, 'not-a-case-review');
  });

  it('does not lint a file whose only resemblance is a report title phrase (“overview”)', () => {
    const c = classify(TITLE_ONLY);
    assert.equal(c.source, 'inferred');
    assert.ok(c.matchedSections < MIN_MATCHED_SECTIONS);
    assert.equal(decide(TITLE_ONLY).lint, false);
  });

  it('lints a file whose headings match a report profile', () => {
    const decision = decide(IMR_BY_HEADINGS);
    assert.equal(decision.lint, true);
    assert.equal(decision.reason, 'headings');
    assert.equal(decision.classification?.type, 'imr');
  });

  it('lints a file with report-type in its front matter, even a misspelt one', () => {
    assert.equal(decide(`---\nreport-type: imr\n---\nHello\n`).reason, 'front-matter');
    assert.equal(decide(`---\nreport-type: overveiw\n---\nHello\n`).reason, 'front-matter');
    assert.equal(decide(`---\nreport-type: [broken\n---\nHello\n`).reason, 'front-matter');
    assert.equal(decide(`---\ntitle: Notes\n---\nHello\n`).lint, false);
  });

  it('lints any Markdown file a .casereviewrc applies to', () => {
    assert.equal(decide(README, 'auto', { configApplies: true }).reason, 'config-file');
  });

  it('follows caseReview.enable and the per-file choice, the choice first', () => {
    assert.equal(decide(README, 'always').lint, true);
    assert.equal(decide(IMR_BY_HEADINGS, 'never').lint, false);
    assert.deepEqual(decide(README, 'never', { override: 'imr' }), { lint: true, reason: 'chosen-type', reportType: 'imr' });
    assert.equal(decide(IMR_BY_HEADINGS, 'always', { override: NOT_A_CASE_REVIEW }).lint, false);
  });

  it('does not parse the document when the decision needs no classification', () => {
    let parsed = 0;
    const count = () => {
      parsed++;
      return classify(README);
    };
    decideLint({ enable: 'always', configApplies: false, classify: count });
    decideLint({ enable: 'auto', configApplies: true, classify: count });
    assert.equal(parsed, 0);
  });
});

describe('extension: settings and config files', () => {
  it('turns caseReview.* settings into engine config and names the settings it cannot use', () => {
    const id = rules[0]!.meta.id;
    const { config, problems } = configFromSettings({
      enable: 'auto',
      rules: { [id]: 'error', 'no-such-rule': 'warn', [rules[1]!.meta.id]: 'loud' },
      defaultReportType: 'imr',
      child: ['Child A', 3],
      throttleMs: 100,
    });
    assert.deepEqual(config.rules, { [id]: 'error' });
    assert.equal(config.defaultReportType, 'imr');
    assert.deepEqual(config.child, ['Child A']);
    assert.equal(problems.length, 2);
    assert.ok(problems[0]!.includes('no-such-rule'));
  });

  it('lets the config file override settings for the same rule and joins the child lists', () => {
    const id = rules[0]!.meta.id;
    const merged = combineConfig(
      { rules: { [id]: 'error' }, child: ['Child A'] },
      { rules: { [id]: 'off' }, child: ['Child B'] },
      { docsBaseUrl: 'file:///x' },
    );
    assert.deepEqual(merged.rules, { [id]: 'off' });
    assert.deepEqual(merged.child, ['Child A', 'Child B']);
    assert.equal(merged.docsBaseUrl, 'file:///x');
  });

  it('drops a default report type nobody knows', () => {
    assert.equal(combineConfig({ defaultReportType: 'nonsense' }, undefined, {}).defaultReportType, undefined);
    assert.equal(combineConfig({ defaultReportType: 'imr' }, undefined, {}).defaultReportType, 'imr');
  });

  it('parses a config file with its errors located, keeping the valid parts, including a board’s own report type', () => {
    const parsed = parseConfigFile(`{\n  "rules": { "no-such-rule": "error" },\n  "child": ["Child F"]\n}\n`, '.casereviewrc.json');
    assert.deepEqual(parsed.config.child, ['Child F']);
    assert.equal(parsed.errors.length, 1);
    assert.equal(parsed.errors[0]!.line, 2);
    const board = parseConfigFile(`reportType: panel-note\nprofiles:\n  panel-note:\n    extends: rapid-review\n`, '.casereviewrc.yaml');
    assert.deepEqual(board.errors, []);
    assert.equal(board.config.defaultReportType, 'panel-note');
  });
});

describe('extension: diagnostic ranges', () => {
  it('widens a message at a point to the rest of its line, and keeps spans as they are', () => {
    const text = 'ab\r\n## Heading\nxyz';
    const index = new TextIndex(text);
    const at = (start: number, end: number) =>
      messageRange(
        {
          ruleId: 'r',
          severity: 'info',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          startOffset: start,
          endOffset: end,
          message: '',
          url: '',
        },
        index,
      );
    assert.deepEqual(at(4, 4), { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } });
    assert.deepEqual(at(0, 2), { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } });
    assert.deepEqual(at(2, 2), { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } });
    assert.deepEqual(index.positionAt(text.length), { line: 2, character: 3 });
  });
});
