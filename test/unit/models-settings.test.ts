/** Settings an author can use (src/models/settings.ts): the checks chosen in a list, the delay before checking. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolveProfiles, rules } from '../../src/index.js';
import { checkRuns, chosenRules, delaySetting, describeCheckSetting, type SettingsSection } from '../../src/models/settings.js';

const ids = rules.map((r) => r.meta.id);
const allBut = (...off: string[]) => new Set(ids.filter((id) => !off.includes(id)));

function section(values: Record<string, unknown>): SettingsSection {
  return {
    get: (key) => values[key] ?? (key === 'delayBeforeChecking' || key === 'throttleMs' ? 250 : undefined),
    inspect: (key) => (key in values ? { globalValue: values[key] } : {}),
  };
}

describe('settings an author can use', () => {
  it('“Choose checks”: an unticked check is turned off, keeping its options; untouched ones keep their settings', () => {
    const before = { 'recommendation-count': ['warn', { max: 8 }], 'tor-questions': 'info', 'not-a-rule': 'off' };
    const after = chosenRules(ids, allBut('recommendation-count', 'hindsight-language'), before);
    assert.deepEqual(after, {
      'recommendation-count': ['off', { max: 8 }],
      'tor-questions': 'info',
      'not-a-rule': 'off',
      'hindsight-language': 'off',
    });
    assert.deepEqual(chosenRules(ids, allBut(), {}), {}, 'all ticked, nothing set: nothing written');
  });

  it('“Choose checks”: a ticked check loses its “off”, or is set “on” when user settings turn it off below the workspace', () => {
    assert.deepEqual(chosenRules(ids, allBut(), { 'hindsight-language': 'off', 'tor-period': ['off', { x: 1 }] }), {
      'tor-period': ['on', { x: 1 }],
    });
    assert.deepEqual(
      chosenRules(ids, allBut(), {}, { 'hindsight-language': 'off' }),
      { 'hindsight-language': 'on' },
      'workspace over user settings',
    );
    assert.deepEqual(chosenRules(ids, allBut(), { 'hindsight-language': 'off' }, { 'hindsight-language': 'off' }), {
      'hindsight-language': 'on',
    });
    assert.deepEqual(
      chosenRules(ids, allBut('hindsight-language'), {}, { 'hindsight-language': 'off' }),
      {},
      'already off from below: nothing to write',
    );
  });

  it('says a check’s setting in words', () => {
    assert.equal(checkRuns(undefined), true);
    assert.equal(checkRuns('off'), false);
    assert.equal(checkRuns(['off', {}]), false);
    assert.equal(checkRuns('warn'), true);
    assert.deepEqual(['off', 'on', 'info', 'warn', ['error', {}], undefined].map(describeCheckSetting), [
      'off',
      'on',
      'on, shown as information',
      'on, shown as a warning',
      'on, shown as an error',
      undefined,
    ]);
  });

  it('reads the delay before checking, and the older throttleMs only when the new setting is not set', () => {
    assert.equal(delaySetting(section({})), 250);
    assert.equal(delaySetting(section({ delayBeforeChecking: 600 })), 600);
    assert.equal(delaySetting(section({ throttleMs: 900 })), 900);
    assert.equal(delaySetting(section({ throttleMs: 900, delayBeforeChecking: 100 })), 100);
    assert.equal(delaySetting(section({ delayBeforeChecking: 99_999 })), 10_000);
    assert.equal(delaySetting(section({ delayBeforeChecking: 'soon' })), 250);
  });

  it('offers settings in plain words: no “Ms”, the report type as a list of names, date formats by example', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      contributes: {
        configuration: { properties: Record<string, Record<string, unknown>> };
        commands: { command: string; title: string }[];
      };
    };
    const settings = manifest.contributes.configuration.properties;
    const visible = Object.entries(settings).filter(([, s]) => !s['markdownDeprecationMessage'] && !s['deprecationMessage']);
    for (const [key] of visible) assert.doesNotMatch(key, /Ms$|throttle/i, `${key} is named for an author`);
    assert.match(String(settings['caseReview.delayBeforeChecking']?.['markdownDescription']), /^Delay before checking \(milliseconds\)/);
    const reportType = settings['caseReview.defaultReportType']!;
    assert.deepEqual(
      reportType['enum'],
      resolveProfiles().map((p) => p.id),
    );
    assert.deepEqual(
      reportType['enumDescriptions'],
      resolveProfiles().map((p) => p.title),
    );
    const dates = settings['caseReview.chronologyDateFormat']!;
    assert.ok(Array.isArray(dates['enumItemLabels']) && (dates['enumItemLabels'] as string[]).includes('31/03/2013'));
    assert.doesNotMatch(String(dates['markdownDescription']), /token|MMMM|yyyy/);
    assert.ok(manifest.contributes.commands.some((c) => c.command === 'caseReview.chooseChecks' && c.title === 'Choose Checks…'));
  });
});
