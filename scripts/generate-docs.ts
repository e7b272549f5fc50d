/**
 * Generates, from each rule's meta (one source of truth):
 * - docs/rules/<id>.md (what, why, primer point, options, examples with the real output),
 * - the rules table in README.md (between the rules-table markers),
 * - schemas/casereviewrc.schema.json (the JSON schema of .casereviewrc.json),
 * - snippets/imr.code-snippets (from the IMR profile, scripts/section-snippets.ts),
 * - from the built-in profiles (scripts/report-type-docs.ts): src/profiles/index.ts, the README's
 *   report types table, the report type setting in package.json, schemas/profile.schema.json and
 *   the section roles table in docs/report-types.md.
 * `--check` writes nothing and exits 1 when any generated file is out of date.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { rules } from '../lint-rules/index.js';
import { SECTION_ROLE_NAMES, SECTION_ROLES } from '../src/engine/section-roles.js';
import {
  builtInProfilesFromFiles,
  packageJsonWithReportTypes,
  PROFILE_SCHEMA_PATH,
  profileSchema,
  PROFILES_INDEX_PATH,
  profilesIndex,
  replaceBlock,
  REPORT_TYPES_DOC_PATH,
  reportTypesTable,
  sectionRolesTable,
} from './report-type-docs.js';
import { lintText } from '../src/index.js';
import type { CaseReviewRule, RuleExample } from '../src/engine/rule.js';
import type { RuleSetting } from '../src/engine/types.js';
import { IMR_SNIPPETS_PATH, imrSnippetsFile } from './section-snippets.js';
import { citedPoints, forAuthors, GOOD_PRACTICE } from './good-practice.js';

const check = process.argv.includes('--check');
const stale: string[] = [];

function emit(path: string, content: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === content) return;
  if (check) stale.push(path);
  else writeFileSync(path, content);
}

function runExample(rule: CaseReviewRule<object>, example: RuleExample): string[] {
  const settings: Record<string, RuleSetting> = {};
  for (const r of rules) settings[r.meta.id] = r.meta.id === rule.meta.id ? ['on', example.options ?? {}] : 'off';
  return lintText(example.markdown, { config: { ...example.settings, rules: settings } }).messages.map(
    (m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.message}`,
  );
}

function fence(text: string, lang: string): string {
  const ticks = text.includes('```') ? '````' : '```';
  return `${ticks}${lang}\n${text.replace(/\n$/, '')}\n${ticks}`;
}

/**
 * A rule's help, for the author who clicks “Explain this check”: what it looks for, why it
 * matters, what good practice says (the primer points it relies on, in full), examples, and
 * last the settings. No generator comment: the file is checked by content (`--check`).
 */
function ruleDoc(rule: CaseReviewRule<object>): string {
  const m = rule.meta;
  const points = citedPoints(m.primer);
  const lines = [
    `# ${m.summary.replace(/\.$/, '')}`,
    '',
    `Check \`${m.id}\` · ${m.defaultSeverity === 'info' ? 'advice' : m.defaultSeverity} by default · ${m.fixable ? 'offers a quick fix' : 'no quick fix'} · ${m.reportTypes ? `for ${m.reportTypes.join(', ')} reports` : 'all report types'}`,
    '',
    '## What it looks for',
    '',
    forAuthors(m.description),
    '',
    '## Why it matters',
    '',
    forAuthors(m.why),
    '',
  ];
  if (points.length > 0) {
    lines.push('## What good practice says', '');
    for (const n of points) lines.push(`### Point ${n}: ${GOOD_PRACTICE[n]!.title}`, '', GOOD_PRACTICE[n]!.text, '');
  }
  lines.push('## Examples', '');
  for (const example of m.examples) {
    const output = runExample(rule, example);
    lines.push(`### ${example.title}`, '');
    if (example.settings || example.options) {
      lines.push(
        `With ${[example.options ? `options \`${JSON.stringify(example.options)}\`` : '', example.settings ? `settings \`${JSON.stringify(example.settings)}\`` : ''].filter(Boolean).join(' and ')}:`,
        '',
      );
    }
    lines.push(fence(example.markdown, 'markdown'), '', output.length === 0 ? 'No messages.' : fence(output.join('\n'), 'text'), '');
  }
  lines.push(
    '## Turning it off or changing it',
    '',
    `In the editor, choose **Turn off this check…** in the quick fixes of a finding: for that line, for the file, or in your settings for every report. In a report, \`<!-- case-review-lint disable-next-line ${m.id} -->\` switches it off for the next line and \`<!-- case-review-lint disable-file ${m.id} -->\` for the file.`,
    '',
  );
  if (m.options.length === 0) lines.push('It has no options. Its level can be `off`, `on`, `info`, `warn` or `error`.', '');
  else {
    lines.push('| Option | Type | Default | Description |', '| --- | --- | --- | --- |');
    for (const o of m.options)
      lines.push(`| \`${o.name}\` | ${o.type} | \`${JSON.stringify(o.default)}\` | ${forAuthors(o.description)} |`);
    lines.push('');
  }
  lines.push(
    'For a board’s shared settings, in `.casereviewrc.json`:',
    '',
    fence(
      JSON.stringify(
        { rules: { [m.id]: m.options.length ? ['warn', Object.fromEntries(m.options.map((o) => [o.name, o.default]))] : 'warn' } },
        null,
        2,
      ),
      'json',
    ),
    '',
  );
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function rulesTable(): string {
  const rows = rules.map(
    (r) =>
      `| [\`${r.meta.id}\`](docs/rules/${r.meta.id}.md) | ${r.meta.summary} | ${r.meta.defaultSeverity} | ${r.meta.fixable ? 'yes' : ''} | ${r.meta.primer} |`,
  );
  return ['| Rule | Checks | Default | Fix | Primer |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function schema(): unknown {
  const level = { enum: ['off', 'on', 'info', 'warn', 'error'] };
  const types = builtInProfilesFromFiles().map((p) => p.id);
  const ruleProps = Object.fromEntries(
    rules.map((r) => {
      const options = {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(
          r.meta.options.map((o) => [
            o.name,
            {
              description: o.description,
              default: o.default,
              ...(o.type === 'string[]' ? { type: 'array', items: { type: 'string' } } : { type: o.type }),
            },
          ]),
        ),
      };
      return [
        r.meta.id,
        {
          description: `${r.meta.summary} (docs/rules/${r.meta.id}.md)`,
          anyOf: [level, { type: 'array', prefixItems: [level, options], items: false, minItems: 1 }],
        },
      ];
    }),
  );
  const section = {
    type: 'object',
    required: ['id'],
    additionalProperties: false,
    properties: {
      id: { type: 'string' },
      title: { type: 'string' },
      role: {
        description: 'What the section is for, in the words the rules ask for.',
        enum: SECTION_ROLE_NAMES,
        enumDescriptions: SECTION_ROLE_NAMES.map((r) => SECTION_ROLES[r]),
      },
      status: { enum: ['required', 'expected', 'optional'] },
      synonyms: { type: 'array', items: { type: 'string' } },
      except: {
        type: 'array',
        items: { type: 'string' },
        description: 'Heading phrases that are not this section although a synonym matches.',
      },
      topLevel: { type: 'boolean', description: 'Only a top-level heading stands for this section.' },
      prompt: { type: 'string' },
      after: { type: 'string', description: 'Insert after the section with this id.' },
    },
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'case-review-lint configuration (.casereviewrc.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      reportType: {
        description:
          'Report type used when front matter does not say and the headings do not tell: a built-in type or one this file adds under "profiles".',
        type: 'string',
        examples: types,
      },
      agencies: { description: 'Extra agency names (extends the built-in gazetteer).', type: 'array', items: { type: 'string' } },
      child: { description: "The child's pseudonyms (front matter `child:` adds to these).", type: 'array', items: { type: 'string' } },
      ignores: {
        description:
          'Files the command line leaves out when it lints folders and globs: patterns in .gitignore syntax, relative to the folder of this config file (`archive/`, `**/notes-*.md`, `!keep.md`). A file named on the command line is linted anyway.',
        type: 'array',
        items: { type: 'string' },
      },
      rules: { description: 'Rule levels and options.', type: 'object', additionalProperties: false, properties: ruleProps },
      profiles: {
        description: 'Change a built-in report profile, or add a report type: in its own JSON file (docs/report-types.md) or here.',
        type: 'object',
        additionalProperties: {
          anyOf: [
            {
              description: 'A report type of the board’s own in one JSON file (schemas/profile.schema.json), relative to this config file.',
              type: 'string',
              pattern: '\\.[jJ][sS][oO][nN]$',
            },
            {
              type: 'object',
              additionalProperties: false,
              properties: {
                mode: { enum: ['extend', 'replace'] },
                extends: { description: 'Built-in profile a new report type starts from.', enum: types },
                title: { type: 'string' },
                titlePhrases: { type: 'array', items: { type: 'string' } },
                multiAgency: { description: 'Several agencies contribute: its chronologies need an Agency column.', type: 'boolean' },
                sections: { type: 'array', items: section },
              },
            },
          ],
        },
      },
    },
  };
}

for (const rule of rules) emit(`docs/rules/${rule.meta.id}.md`, ruleDoc(rule as CaseReviewRule<object>));
const readme = readFileSync('README.md', 'utf8');
// The block between the markers may be empty (a fresh README); the table must be there after.
const TABLE_BLOCK = /(<!-- rules-table:start -->\n)[\s\S]*?(<!-- rules-table:end -->)/;
if (!TABLE_BLOCK.test(readme)) {
  console.error('README.md has no “<!-- rules-table:start -->” … “<!-- rules-table:end -->” block for the rules table.');
  process.exit(1);
}
const updated = readme.replace(TABLE_BLOCK, `$1${rulesTable()}\n$2`);
if (!updated.includes(`| [\`${rules[0]!.meta.id}\`]`)) {
  console.error('The README rules table came out empty.');
  process.exit(1);
}
// What the built-in profiles make: adding a report type is adding its JSON file to src/profiles and running this.
const profiles = builtInProfilesFromFiles();
emit('README.md', replaceBlock(updated, 'report-types-table', reportTypesTable(profiles), 'README.md'));
emit('schemas/casereviewrc.schema.json', `${JSON.stringify(schema(), null, 2)}\n`);
emit(PROFILES_INDEX_PATH, profilesIndex());
emit('package.json', packageJsonWithReportTypes(readFileSync('package.json', 'utf8'), profiles));
emit(PROFILE_SCHEMA_PATH, `${JSON.stringify(profileSchema(), null, 2)}\n`);
emit(
  REPORT_TYPES_DOC_PATH,
  replaceBlock(readFileSync(REPORT_TYPES_DOC_PATH, 'utf8'), 'section-roles-table', sectionRolesTable(profiles), REPORT_TYPES_DOC_PATH),
);
emit(IMR_SNIPPETS_PATH, imrSnippetsFile());

if (check && stale.length > 0) {
  console.error(`Generated docs are out of date: ${stale.join(', ')}\nRun “npm run docs” and commit the result.`);
  process.exit(1);
}
if (!check) console.log(`docs: ${rules.length} rule docs, ${profiles.length} report types, README tables and schemas are up to date`);
