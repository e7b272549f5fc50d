/** Config files: parsing, clear errors with positions, discovery, and their effect on linting. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfigText, reportTypeIds, ruleInfos, lintText } from '../../src/index.js';
import { ConfigResolver, findConfigFile } from '../../src/node/config-files.js';

const parse = (text: string, file = '.casereviewrc.json') => parseConfigText(text, file, ruleInfos(), reportTypeIds());

describe('config files', () => {
  describe('parsing', () => {
    it('reads JSON and YAML alike', () => {
      const json = parse(
        '{"reportType": "imr", "child": ["Child A"], "rules": {"tor-period": "error", "required-sections": ["warn", {}]}}',
      );
      assert.deepEqual(json.errors, []);
      assert.equal(json.config.defaultReportType, 'imr');
      assert.deepEqual(json.config.rules, { 'tor-period': 'error', 'required-sections': ['warn', {}] });
      const yaml = parse('reportType: imr\nchild: [Child A]\nrules:\n  tor-period: error\n', '.casereviewrc.yaml');
      assert.deepEqual(yaml.errors, []);
      assert.deepEqual(yaml.config.child, ['Child A']);
    });

    it('gives the line and column of invalid JSON and keeps defaults', () => {
      const r = parse('{\n  "rules": {\n    "tor-period": "warn",\n  }\n}');
      assert.equal(r.errors.length, 1);
      assert.equal(r.errors[0]!.line, 4);
      assert.match(r.errors[0]!.message, /cannot be read/);
      assert.deepEqual(r.config, {});
    });

    it('names an unknown rule and keeps the rules it knows', () => {
      const r = parse('{\n  "rules": {\n    "tor-perod": "off",\n    "tor-period": "off"\n  }\n}');
      assert.deepEqual(
        r.errors.map((e) => [e.line, e.column, e.message]),
        [[3, 5, 'unknown rule "tor-perod"']],
      );
      assert.deepEqual(r.config.rules, { 'tor-period': 'off' });
    });

    it('rejects a wrong level, an unknown option and a wrong option type', () => {
      const r = parse(JSON.stringify({ rules: { 'tor-period': 'loud', 'tor-agencies': ['warn', { colour: 1 }] } }));
      assert.equal(r.errors.length, 2);
      assert.match(r.errors[0]!.message, /rule "tor-period": level must be one of "off", "on", "info", "warn", "error"/);
      assert.match(r.errors[1]!.message, /rule "tor-agencies": unknown option "colour" \(the rule has no options\)/);
    });

    it('rejects unknown settings, wrong types and a report type that does not exist', () => {
      const r = parse(JSON.stringify({ colour: 'red', agencies: 'Police', reportType: 'novel' }));
      assert.deepEqual(
        r.errors.map((e) => e.message.split(';')[0]),
        [
          'unknown setting "colour"',
          '"agencies" must be a list of strings',
          '"reportType" must be one of "imr", "overview", "executive-summary", "lcspr", "rapid-review", "child-practice-review", "learning-review"',
        ],
      );
    });

    it('checks board profile sections', () => {
      const bad = parse(JSON.stringify({ profiles: { imr: { sections: [{ title: 'No id' }] } } }));
      assert.match(bad.errors[0]!.message, /profile "imr": each section needs a string "id"/);
      const good = parse(
        JSON.stringify({ profiles: { imr: { sections: [{ id: 'supervision', status: 'required', synonyms: ['supervision'] }] } } }),
      );
      assert.deepEqual(good.errors, []);
    });
  });

  describe('discovery', () => {
    it('finds the nearest config walking up from the document', () => {
      const root = mkdtempSync(join(tmpdir(), 'crl-config-'));
      const nested = join(root, 'board', 'drafts', '2009');
      mkdirSync(nested, { recursive: true });
      writeFileSync(join(root, '.casereviewrc.yaml'), 'reportType: imr\n');
      assert.equal(findConfigFile(nested), join(root, '.casereviewrc.yaml'));
      writeFileSync(join(root, 'board', '.casereviewrc.json'), '{"reportType": "overview"}');
      assert.equal(findConfigFile(nested), join(root, 'board', '.casereviewrc.json'));
      const resolver = new ConfigResolver();
      const first = resolver.forDocument(join(nested, 'report.md'));
      assert.equal(first.parsed.config.defaultReportType, 'overview');
    });

    it('reports a broken file’s errors only once per run', () => {
      const root = mkdtempSync(join(tmpdir(), 'crl-config-'));
      writeFileSync(join(root, '.casereviewrc.json'), '{"colour": 1}');
      const resolver = new ConfigResolver();
      const a = resolver.forDocument(join(root, 'a.md'));
      assert.equal(resolver.takeErrors(a.file).length, 1);
      const b = resolver.forDocument(join(root, 'b.md'));
      assert.equal(resolver.takeErrors(b.file).length, 0);
    });
  });

  describe('effect on linting', () => {
    const doc = '# Overview report\n\n## Terms of reference\n\nAll relevant agencies will contribute.\n';
    const ids = (config: Parameters<typeof lintText>[1]) => lintText(doc, config).messages.map((m) => `${m.ruleId}:${m.severity}`);

    it('switches rules off and raises them to errors', () => {
      assert.ok(ids({}).includes('tor-vague-language:warning'));
      assert.ok(!ids({ config: { rules: { 'tor-vague-language': 'off' } } }).some((i) => i.startsWith('tor-vague-language')));
      assert.ok(ids({ config: { rules: { 'tor-vague-language': 'error' } } }).includes('tor-vague-language:error'));
      assert.ok(
        ids({ config: { rules: { 'required-sections': 'info' } } }).every((i) => !i.startsWith('required-sections') || i.endsWith(':info')),
      );
    });

    it('lets front matter switch a rule for one report', () => {
      const withFrontMatter = `---\ncase-review-lint:\n  rules:\n    tor-vague-language: off\n---\n${doc}`;
      const messages = lintText(withFrontMatter).messages.map((m) => m.ruleId);
      assert.ok(!messages.includes('tor-vague-language'));
      assert.ok(messages.includes('tor-agencies'));
    });

    it('applies a board profile that adds a required section', () => {
      const imr =
        '---\nreport-type: imr\n---\n# IMR\n\n## Introduction\n## Terms of reference\n## Methodology\n## Context\n## Chronology\n## Analysis\n## Good practice\n## Lessons learned\n## Recommendations\n## Action plan\n';
      assert.deepEqual(
        lintText(imr, { config: { rules: { 'tor-period': 'off', 'tor-agencies': 'off', 'tor-questions': 'off' } } }).messages.filter(
          (m) => m.ruleId === 'required-sections',
        ),
        [],
      );
      const board = {
        profiles: {
          imr: {
            sections: [
              {
                id: 'supervision',
                title: 'Supervision',
                status: 'required' as const,
                synonyms: ['management oversight'],
                after: 'context',
              },
            ],
          },
        },
      };
      const missing = lintText(imr, { config: board }).messages.filter((m) => m.ruleId === 'required-sections');
      assert.equal(missing.length, 1);
      assert.match(missing[0]!.message, /^No “Supervision” section\. Add one after “Context”\.$/);
      assert.equal(missing[0]!.line, 9);
    });

    it('adds a board report type that extends a built-in one', () => {
      const text = '---\nreport-type: northshire-imr\n---\n# IMR\n\n## Introduction\n';
      const result = lintText(text, {
        config: {
          profiles: { 'northshire-imr': { extends: 'imr', sections: [{ id: 'voice', title: 'Voice of the child', status: 'required' }] } },
        },
      });
      assert.equal(result.reportType, 'northshire-imr');
      assert.ok(result.messages.some((m) => m.ruleId === 'required-sections' && m.message.includes('“Voice of the child”')));
      assert.ok(result.messages.some((m) => m.ruleId === 'required-sections' && m.message.includes('“Terms of reference”')));
    });
  });
});
