/**
 * A report type is one JSON file: the built-in profiles and a board's own, section
 * roles instead of section ids, and multi-agency types from the profiles.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROFILE_FILES } from '../../src/profiles/index.js';
import { BUILT_IN_PROFILES, resolveProfiles } from '../../src/engine/profiles.js';
import { parseProfileFile } from '../../src/engine/profile-files.js';
import { roleOf, SECTION_ROLE_NAMES } from '../../src/engine/section-roles.js';
import { loadConfigFile } from '../../src/node/config-files.js';
import {
  buildReport,
  DEFAULT_SETTINGS,
  reportParser,
  sectionsWithRole,
  type LintConfig,
  type LintMessage,
  type ProfileOverride,
} from '../../src/index.js';
import { lintWithRule } from './helpers.js';
import { ensureBuilt, root, run } from '../support/cli.js';
import { Ajv2020 } from 'ajv/dist/2020.js';

const fixture = join(root, 'test/fixtures/board-report-type');
const boardFile = join(fixture, 'report-types/neglect-thematic-review.json');

/** The board's type as the CLI and the editor get it: its config and file read. */
function boardConfig(): Partial<LintConfig> {
  const parsed = loadConfigFile(join(fixture, '.casereviewrc.json'));
  assert.deepEqual(parsed.errors, []);
  return parsed.config;
}

/** Messages of these rules only, each run on its own with `options`. */
function lint(markdown: string, config: Partial<LintConfig>, only: string[], options: Record<string, unknown> = {}): LintMessage[] {
  return only.flatMap((id) => lintWithRule(id, markdown, options, config));
}

describe('report types, one JSON file each', () => {
  describe('the built-in profiles', () => {
    it('are every JSON file in src/profiles, listed by the generated index, in their order', () => {
      const files = readdirSync(join(root, 'src/profiles')).filter((f) => f.endsWith('.json'));
      assert.equal(PROFILE_FILES.length, files.length);
      assert.deepEqual(
        BUILT_IN_PROFILES.map((p) => p.id),
        ['imr', 'overview', 'executive-summary', 'lcspr', 'rapid-review', 'child-practice-review', 'learning-review'],
      );
      assert.ok(BUILT_IN_PROFILES.every((p) => !('$schema' in p)));
    });

    it('pass the checks a board’s file gets, and give each section whose id is a role that role', () => {
      for (const file of readdirSync(join(root, 'src/profiles')).filter((f) => f.endsWith('.json'))) {
        const text = readFileSync(join(root, 'src/profiles', file), 'utf8');
        const id = (JSON.parse(text) as { id: string }).id;
        assert.deepEqual(parseProfileFile(text, file, id).errors, [], file);
        const profile = BUILT_IN_PROFILES.find((p) => p.id === id)!;
        for (const section of profile.sections) {
          if ((SECTION_ROLE_NAMES as string[]).includes(section.id)) assert.equal(section.role, section.id, `${file}: ${section.id}`);
        }
      }
    });

    it('and a board’s file are what schemas/profile.schema.json describes, and the config naming it is valid', () => {
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      const profileSchema = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas/profile.schema.json'), 'utf8')) as object);
      const files = readdirSync(join(root, 'src/profiles'))
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(root, 'src/profiles', f));
      for (const file of [...files, boardFile]) {
        assert.ok(profileSchema(JSON.parse(readFileSync(file, 'utf8'))), `${file}: ${ajv.errorsText(profileSchema.errors)}`);
      }
      assert.equal(
        profileSchema({
          title: 'Audit',
          multiAgency: true,
          sections: [{ id: 'x', title: 'X', status: 'required', prompt: 'p', role: 'themes' }],
        }),
        false,
      );
      const configSchema = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas/casereviewrc.schema.json'), 'utf8')) as object);
      const config = JSON.parse(readFileSync(join(fixture, '.casereviewrc.json'), 'utf8')) as object;
      assert.ok(configSchema(config), ajv.errorsText(configSchema.errors));
    });

    it('say which types are multi-agency (every built-in type but the IMR)', () => {
      assert.deepEqual(
        BUILT_IN_PROFILES.filter((p) => !p.multiAgency).map((p) => p.id),
        ['imr'],
      );
    });
  });

  describe('section roles', () => {
    it('find sections by role whatever their ids and headings', () => {
      const config = boardConfig();
      const text = readFileSync(join(fixture, 'neglect-review.md'), 'utf8');
      const report = buildReport(reportParser().parse(text), text, { ...DEFAULT_SETTINGS, profiles: config.profiles ?? {} });
      assert.equal(report.type, 'neglect-thematic-review');
      assert.deepEqual(
        sectionsWithRole(report, 'chronology').map((s) => s.title),
        ['Case summaries'],
      );
      assert.deepEqual(
        sectionsWithRole(report, 'terms-of-reference').map((s) => s.title),
        ['Scope and terms of reference'],
      );
      assert.deepEqual(sectionsWithRole(report, 'analysis'), []);
    });

    it('let a section without a role take the one its id names, and old ids theirs', () => {
      assert.equal(roleOf({ id: 'chronology' }), 'chronology');
      assert.equal(roleOf({ id: 'timeline' }), 'chronology');
      assert.equal(roleOf({ id: 'key-issues' }), 'analysis');
      assert.equal(roleOf({ id: 'supervision' }), undefined);
      assert.equal(roleOf({ id: 'timeline', role: 'analysis' }), 'analysis');
    });

    it('are what the checks ask for: a chronology and terms of reference under a board’s own headings are read', () => {
      const config = boardConfig();
      const markdown = `---
report-type: neglect-thematic-review
---
## Scope and terms of reference

The review looks at the work of all relevant agencies.

## Case summaries

| Date | Event |
| --- | --- |
| 03/02/2019 | Child A was seen at home. |
`;
      const messages = lint(markdown, config, ['chronology-columns', 'tor-agencies']);
      const columns = messages.filter((m) => m.ruleId === 'chronology-columns').map((m) => m.message);
      assert.ok(
        columns.some((m) => m.includes('Source')),
        columns.join('\n'),
      );
      // A multi-agency type: the Agency column is asked for.
      assert.ok(
        columns.some((m) => m.includes('Agency')),
        columns.join('\n'),
      );
      assert.ok(messages.some((m) => m.ruleId === 'tor-agencies'));
      // The same report as a type without roles: the checks find no chronology and no terms of reference.
      const roleless: Record<string, ProfileOverride> = {
        'neglect-thematic-review': {
          ...config.profiles!['neglect-thematic-review']!,
          sections: config.profiles!['neglect-thematic-review']!.sections!.map((s) => ({ ...s, role: undefined })),
        },
      };
      const without = lint(markdown.replace(/\n\| Date[\s\S]*$/, '\nChild A was seen at home.\n'), { profiles: roleless }, [
        'chronology-columns',
        'tor-agencies',
      ]);
      assert.deepEqual(
        without.map((m) => m.ruleId),
        [],
      );
    });
  });

  describe('multi-agency types', () => {
    const table = `## Chronology

| Date | Source | Event |
| --- | --- | --- |
| 03/02/2019 | GP records | Child A was seen. |
`;
    const agency = (type: string, config: Partial<LintConfig> = {}) =>
      lint(`---\nreport-type: ${type}\n---\n${table}`, config, ['chronology-columns']).some((m) => m.message.includes('Agency'));

    it('come from the profile: an Agency column in an overview report, none in an IMR', () => {
      assert.equal(agency('overview'), true);
      assert.equal(agency('imr'), false);
    });

    it('follow a board type’s own flag, and the rule’s multiAgencyTypes when a board sets it', () => {
      const single = {
        profiles: { 'agency-audit': { title: 'Agency audit', multiAgency: false, sections: [{ id: 'chronology', title: 'Chronology' }] } },
      };
      const multi = {
        profiles: { 'agency-audit': { title: 'Agency audit', multiAgency: true, sections: [{ id: 'chronology', title: 'Chronology' }] } },
      };
      assert.equal(agency('agency-audit', single), false);
      assert.equal(agency('agency-audit', multi), true);
      assert.equal(lint(`---\nreport-type: imr\n---\n${table}`, {}, ['chronology-columns']).length, 0);
      const withOverride = (type: string, types: string[]) =>
        lint(`---\nreport-type: ${type}\n---\n${table}`, {}, ['chronology-columns'], { multiAgencyTypes: types }).some((m) =>
          m.message.includes('Agency'),
        );
      assert.equal(withOverride('imr', ['imr']), true);
      assert.equal(withOverride('overview', ['imr']), false);
    });

    it('a new type extending a built-in one takes its flag', () => {
      const profiles = resolveProfiles({ 'serious-case-review': { extends: 'overview' }, 'agency-review': { extends: 'imr' } });
      assert.equal(profiles.find((p) => p.id === 'serious-case-review')!.multiAgency, true);
      assert.equal(profiles.find((p) => p.id === 'agency-review')!.multiAgency, false);
    });
  });

  describe('a board’s own type in one file', () => {
    before(ensureBuilt);

    it('is linted by the command line with the sections its file requires', () => {
      const result = run(['--format', 'json', 'neglect-review.md'], fixture);
      assert.equal(result.stderr, '');
      const [file] = JSON.parse(result.stdout) as { reportType: string; messages: { ruleId: string; message: string }[] }[];
      assert.equal(file!.reportType, 'neglect-thematic-review');
      const missing = file!.messages.filter((m) => m.ruleId === 'required-sections').map((m) => m.message);
      assert.equal(missing.length, 1, missing.join('\n'));
      assert.match(missing[0]!, /^No “Themes” section\. Add one after “Case summaries”: analyse practice across the cases by theme/);
    });

    it('is scaffolded by `new`, and listed by `new --help`', () => {
      const result = run(['new', 'neglect-thematic-review', '--child', 'Child A'], fixture);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^report-type: neglect-thematic-review$/m);
      const headings = result.stdout.split('\n').filter((l) => /^#{1,6} /.test(l));
      assert.deepEqual(headings.slice(1), [
        '## Introduction',
        '## Scope and terms of reference',
        '## Case summaries',
        '## Themes',
        '## Recommendations',
      ]);
      assert.match(result.stdout, /Analyse practice across the cases by theme/);
      const help = run(['new', '--help'], fixture);
      assert.match(help.stdout, /^ {2}neglect-thematic-review {2}Neglect thematic review$/m);
      assert.match(help.stdout, /^ {2}imr {2,}Individual Management Review$/m);
    });

    it('is the example the docs give', () => {
      const docs = readFileSync(join(root, 'docs/report-types.md'), 'utf8');
      const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(docs)![1]!) as Record<string, unknown>;
      const file = JSON.parse(readFileSync(boardFile, 'utf8')) as Record<string, unknown>;
      delete example.$schema;
      delete file.$schema;
      assert.deepEqual(example, file);
    });

    describe('with mistakes', () => {
      let dir: string;
      beforeEach(() => {
        dir = mkdtempSync(join(tmpdir(), 'report-type-'));
        cpSync(fixture, dir, { recursive: true });
      });
      afterEach(() => rmSync(dir, { recursive: true, force: true }));

      const withFile = (edit: (profile: Record<string, unknown>) => void) => {
        const path = join(dir, 'report-types/neglect-thematic-review.json');
        const profile = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
        edit(profile);
        writeFileSync(path, JSON.stringify(profile, null, 2));
        return loadConfigFile(join(dir, '.casereviewrc.json'));
      };

      it('reports each one at its line, in plain words, and keeps what it can', () => {
        const parsed = withFile((p) => {
          delete p.multiAgency;
          const sections = p.sections as Record<string, unknown>[];
          sections[3]!.role = 'themes';
          sections[1]!.synonym = ['scope'];
        });
        const messages = parsed.errors.map((e) => `${e.line}:${e.column} ${e.message}`);
        assert.ok(parsed.errors.every((e) => e.file === join(dir, 'report-types/neglect-thematic-review.json')));
        assert.ok(
          messages.some((m) => /^1:1 "multiAgency" is missing: write true when several agencies contribute/.test(m)),
          messages.join('\n'),
        );
        assert.ok(
          messages.some((m) => /^\d+:\d+ section "Themes": "role" "themes" is not a section role; use one of "introduction", /.test(m)),
          messages.join('\n'),
        );
        assert.ok(
          messages.some((m) => /section "Scope and terms of reference": unknown key "synonym"/.test(m)),
          messages.join('\n'),
        );
        const themesLine =
          readFileSync(join(dir, 'report-types/neglect-thematic-review.json'), 'utf8')
            .split('\n')
            .findIndex((l) => l.includes('"role": "themes"')) + 1;
        assert.ok(parsed.errors.some((e) => e.line === themesLine && e.message.includes('"themes"')));
        // The section with a wrong role is left out; the one with an unknown key is kept.
        const sections = parsed.config.profiles!['neglect-thematic-review']!.sections!.map((s) => s.id);
        assert.deepEqual(sections, ['introduction', 'scope', 'case-summaries', 'recommendations']);
      });

      it('says so when the file is not there, or is not JSON', () => {
        rmSync(join(dir, 'report-types/neglect-thematic-review.json'));
        const missing = loadConfigFile(join(dir, '.casereviewrc.json'));
        assert.match(
          missing.errors[0]!.message,
          /^the file for report type "neglect-thematic-review" cannot be read \(no file at that path\); check the path/,
        );
        // The type is still known, so front matter naming it is not a second error.
        assert.ok(missing.config.profiles!['neglect-thematic-review']);
        writeFileSync(join(dir, 'report-types/neglect-thematic-review.json'), '{ "title": "Neglect", }');
        const broken = loadConfigFile(join(dir, '.casereviewrc.json'));
        assert.match(broken.errors[0]!.message, /^cannot be read/);
        assert.equal(broken.errors[0]!.line, 1);
      });

      it('is reported on the command line as a config error with the file, line and column', () => {
        withFile((p) => {
          p.id = 'neglect-review';
        });
        const result = run(['--format', 'json', 'neglect-review.md'], dir);
        assert.match(
          result.stderr,
          /report-types[/\\]neglect-thematic-review\.json:\d+:\d+: config error: the file says its id is "neglect-review" but the config names it "neglect-thematic-review"/,
        );
      });

      it('a config value that is neither changes nor a JSON file is an error', () => {
        writeFileSync(
          join(dir, '.casereviewrc.json'),
          JSON.stringify({ profiles: { 'neglect-thematic-review': 'report-types/neglect.yaml' } }),
        );
        const parsed = loadConfigFile(join(dir, '.casereviewrc.json'));
        assert.match(parsed.errors[0]!.message, /must be an object of changes, or the path of the report type's JSON file/);
      });
    });
  });
});
