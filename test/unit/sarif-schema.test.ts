/**
 * The command line's SARIF against the SARIF 2.1.0 JSON schema (issue 18), and the properties
 * GitHub code scanning needs to show a result well. The schema is the OASIS one as Microsoft's
 * SARIF SDK ships it (@microsoft/jest-sarif, a development dependency: the product itself never
 * fetches anything).
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import type { Log } from 'sarif';
import { type LintResult, rules } from '../../src/index.js';
import { formatSarif, type SarifRule } from '../../src/cli/formatters/sarif.js';
import { ensureBuilt, root, run } from '../support/cli.js';

const require = createRequire(import.meta.url);

/** The SARIF 2.1.0 schema (draft-04, whose only difference that matters here is `id` for `$id`), compiled with ajv. */
function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  assert.match(String(schema['title']), /SARIF\) Version 2\.1\.0/);
  const { id, $schema: _draft, ...rest } = schema;
  // unicodeRegExp: false — the schema's language pattern has a stray `]` that only non-Unicode regular expressions accept.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  // The schema's formats, checked as far as a SARIF consumer relies on them.
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/') && !/\s/.test(s));
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/);
  return ajv.compile({ $id: String(id), ...rest });
}

/** GitHub code scanning's requirements, and those of the SARIF validator's GitHub rules. */
function assertGitHubReady(log: Log): void {
  const isWeb = (uri: string) => /^https?:\/\//.test(uri);
  const run0 = log.runs[0]!;
  const driver = run0.tool.driver;
  if (driver.informationUri !== undefined) assert.ok(isWeb(driver.informationUri), `informationUri ${driver.informationUri}`);
  const driverRules = driver.rules ?? [];
  assert.ok(driverRules.length > 0);
  for (const rule of driverRules) {
    assert.ok(rule.shortDescription?.text, `${rule.id}: shortDescription`);
    assert.ok(rule.fullDescription?.text, `${rule.id}: fullDescription`);
    assert.ok(rule.help?.text && rule.help.markdown, `${rule.id}: help.text and help.markdown`);
    if (rule.helpUri !== undefined) assert.ok(isWeb(rule.helpUri), `${rule.id}: helpUri ${rule.helpUri} is a web address`);
  }
  assert.ok((run0.results ?? []).length > 0);
  for (const result of run0.results ?? []) {
    assert.ok(result.ruleId, 'ruleId');
    assert.ok(result.message.text, 'message.text');
    const location = result.locations?.[0]?.physicalLocation?.artifactLocation;
    assert.ok(location?.uri, 'a location with artifactLocation.uri');
    assert.ok(!/^[a-z][a-z0-9+.-]*:/i.test(location.uri) && !location.uri.startsWith('/'), `${location.uri} is relative`);
    assert.ok(location.uriBaseId && run0.originalUriBaseIds?.[location.uriBaseId]?.uri, `uriBaseId ${location.uriBaseId} is defined`);
  }
}

describe('SARIF output against the SARIF 2.1.0 schema', function () {
  this.timeout(60000);
  let validate: ValidateFunction;

  before(() => {
    ensureBuilt();
    validate = sarifValidator();
  });

  it('the schema catches a log that breaks it (the check can fail)', () => {
    const broken = {
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'r', helpUri: 'not a uri' }] } }, results: [{ message: {}, level: 'loud' }] }],
    };
    assert.equal(validate(broken), false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    assert.ok(
      paths.some((p) => p.endsWith('/level')),
      JSON.stringify(validate.errors),
    );
    assert.ok(
      paths.some((p) => p.endsWith('/helpUri')),
      JSON.stringify(validate.errors),
    );
  });

  it('validates the command line’s SARIF for the example report, which GitHub can show', () => {
    const r = run(['--format', 'sarif', 'examples/overview-report.md'], root);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const log = JSON.parse(r.stdout) as Log;
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assertGitHubReady(log);
    const results = log.runs[0]!.results!;
    assert.ok(results.length >= 10, `${results.length} results`);
    assert.ok(results.every((x) => x.locations![0]!.physicalLocation!.artifactLocation!.uri === 'examples/overview-report.md'));
    assert.ok(
      results.some((x) => (x.fixes ?? []).length > 0),
      'fixes are in the log, and valid',
    );
  });

  it('gives helpUri, valid by the schema, when the rule docs are on the web', () => {
    const results = JSON.parse(run(['--format', 'json', 'examples/overview-report.md'], root).stdout) as LintResult[];
    assert.equal(results.length, 1);
    const sarifRules: SarifRule[] = rules.map((x) => ({
      id: x.meta.id,
      summary: x.meta.summary,
      url: `https://example.org/docs/rules/${x.meta.id}.md`,
      defaultSeverity: x.meta.defaultSeverity,
    }));
    const log = JSON.parse(formatSarif(results, sarifRules, '0.1.0', { informationUri: 'https://example.org/', root })) as Log;
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assertGitHubReady(log);
    assert.equal(log.runs[0]!.tool.driver.rules![0]!.helpUri, `https://example.org/docs/rules/${rules[0]!.meta.id}.md`);
    assert.equal(log.runs[0]!.tool.driver.informationUri, 'https://example.org/');
  });
});
