/**
 * The publication gate (issue 17): `export` of a public report and
 * `--fail-on-identifiers` run the identifier check themselves, so no
 * suppression opens them, and they say which suppression would have hidden
 * each finding. Every route around the gate is tried through the function and
 * through the built CLI (dist/cli.cjs; `node esbuild.js` first).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gateLines, gateRefuses, publicationGate } from '../../src/export/gate.js';
import { lintText } from '../../src/index.js';
import { ensureBuilt, run } from '../support/cli.js';

/** An invented public summary with a full name, a street address, a postcode and an NHS number; the author is named on purpose. */
const PUBLIC = `---
report-type: executive-summary
title: Executive Summary – Child A
child: Child A
publication: public
pseudonyms: [Child A, Mother]
---

# Executive Summary: Child A

## Introduction

1.1 Child A lived with Mother and Darren Mitchell at 12 Acacia Avenue, postcode NT4 7QX. Her NHS number was 943 476 5919.

1.2 The review was written by Jane Hollis, independent author.
`;

const IDENTIFIERS = ['Darren Mitchell', '12 Acacia Avenue', 'NT4 7QX', '943 476 5919'];

/** Each way of switching the anonymisation rule off inside the document, and what the gate must name. */
const IN_DOCUMENT: { name: string; text: string; hiddenBy: RegExp }[] = [
  {
    name: 'disable-file with the rule id',
    text: PUBLIC.replace('# Executive', '<!-- case-review-lint disable-file anonymisation -->\n\n# Executive'),
    hiddenBy: /the comment <!-- case-review-lint disable-file anonymisation --> on line 9/,
  },
  {
    name: 'disable-file without rule ids',
    text: PUBLIC.replace('# Executive', '<!-- case-review-lint disable-file -->\n\n# Executive'),
    hiddenBy: /<!-- case-review-lint disable-file --> on line 9/,
  },
  {
    name: 'disable without rule ids',
    text: PUBLIC.replace('## Introduction', '<!-- case-review-lint disable -->\n## Introduction'),
    hiddenBy: /<!-- case-review-lint disable --> on line 11/,
  },
  {
    name: 'disable with the rule id',
    text: PUBLIC.replace('## Introduction', '<!-- case-review-lint disable anonymisation -->\n## Introduction'),
    hiddenBy: /disable anonymisation --> on line 11/,
  },
  {
    name: 'disable-next-line without rule ids',
    text: PUBLIC.replace('\n1.1', '\n<!-- case-review-lint disable-next-line -->\n1.1'),
    hiddenBy: /disable-next-line --> on line 13/,
  },
  {
    name: 'disable-next-line with the rule id',
    text: PUBLIC.replace('\n1.1', '\n<!-- case-review-lint disable-next-line anonymisation -->\n1.1'),
    hiddenBy: /disable-next-line anonymisation --> on line 13/,
  },
  {
    name: 'disable-line',
    text: PUBLIC.replace('943 476 5919.', '943 476 5919. <!-- case-review-lint disable-line -->'),
    hiddenBy: /disable-line --> on line 13/,
  },
  {
    name: 'front matter rules: anonymisation: off',
    text: PUBLIC.replace('publication: public', 'publication: public\ncase-review-lint: { rules: { anonymisation: off } }'),
    hiddenBy: /front matter “case-review-lint: rules: anonymisation: off” on line 6/,
  },
];

describe('publication gate: what is in the text, whatever is switched off', function () {
  this.timeout(60_000);

  it('finds the identifiers of a public report, and leaves the author named on purpose alone (flagProfessionalNames is off by default)', () => {
    const gate = publicationGate(PUBLIC);
    assert.equal(gate.isPublic, true);
    assert.deepEqual(
      gate.blocking.map((f) => f.text).filter((t) => IDENTIFIERS.includes(t)),
      IDENTIFIERS,
    );
    assert.ok(!gate.blocking.some((f) => /Hollis/.test(f.text)), JSON.stringify(gate.blocking.map((f) => f.text)));
    assert.ok(gate.blocking.every((f) => f.severity === 'error' && f.hiddenBy.length === 0));
    assert.equal(gateRefuses(gate, 'export'), true);
  });

  for (const route of IN_DOCUMENT) {
    it(`is not opened by ${route.name}, and names it`, () => {
      assert.ok(
        !lintText(route.text).messages.some(
          (m) => m.ruleId === 'anonymisation' && m.line === route.text.split('\n').findIndex((l) => l.includes('Darren')) + 1,
        ),
        'the normal lint hides them',
      );
      const gate = publicationGate(route.text);
      const found = gate.blocking.filter((f) => IDENTIFIERS.includes(f.text));
      assert.deepEqual(
        found.map((f) => f.text),
        IDENTIFIERS,
      );
      for (const f of found)
        assert.ok(
          f.hiddenBy.some((h) => route.hiddenBy.test(h)),
          `${f.text}: ${f.hiddenBy.join(' | ')}`,
        );
      assert.ok(gateLines(gate, 'export').some((l) => /Hidden from the normal lint by/.test(l.message)));
    });
  }

  it('is not opened by the configuration: the level off, or options that allow names', () => {
    const off = publicationGate(PUBLIC, { config: { rules: { anonymisation: 'off' } }, configSource: '“.casereviewrc.json”' });
    assert.deepEqual(
      off.blocking.map((f) => f.text).filter((t) => IDENTIFIERS.includes(t)),
      IDENTIFIERS,
    );
    assert.ok(off.blocking.every((f) => f.hiddenBy.includes('“anonymisation: off” in “.casereviewrc.json”')));
    const allowed = publicationGate(PUBLIC, {
      config: { rules: { anonymisation: ['warn', { allowNames: ['Darren Mitchell'] }] }, child: ['Darren Mitchell'] },
    });
    const darren = allowed.blocking.find((f) => f.text === 'Darren Mitchell');
    assert.ok(darren, 'a name allowed only in configuration is still found');
    assert.match(darren.hiddenBy.join(), /“allowNames” in the configuration/);
  });

  it('honours a reasoned publication-exceptions entry per item, and refuses an entry without a reason', () => {
    const withExceptions = PUBLIC.replace(
      'publication: public',
      'publication: public\npublication-exceptions:\n  - text: Darren Mitchell\n    reason: named by the coroner in open court\n  - text: 12 Acacia Avenue',
    );
    const gate = publicationGate(withExceptions);
    assert.ok(!gate.blocking.some((f) => f.text === 'Darren Mitchell'));
    assert.ok(
      gate.blocking.some((f) => f.text === '12 Acacia Avenue'),
      'an entry without a reason is not honoured',
    );
    assert.equal(gate.exceptionProblems.length, 1);
    assert.equal(gate.exceptionProblems[0]!.line, 9);
    assert.match(
      gate.exceptionProblems[0]!.message,
      /^The publication exception for “12 Acacia Avenue” has no reason, so it does not apply\. Add “reason:”/,
    );
    // The normal lint honours the reasoned exception too (so the editor and the gate agree).
    const messages = lintText(withExceptions).messages.filter((m) => m.ruleId === 'anonymisation');
    assert.ok(!messages.some((m) => /Darren Mitchell/.test(m.message)));
    assert.ok(messages.some((m) => /12 Acacia Avenue/.test(m.message)));
    // Only the exceptions left: nothing blocks once the rest is anonymised.
    const clean = withExceptions
      .replace('  - text: 12 Acacia Avenue', '')
      .replace(' at 12 Acacia Avenue, postcode NT4 7QX. Her NHS number was 943 476 5919.', ' at the family home.');
    const cleanGate = publicationGate(clean);
    assert.deepEqual(
      cleanGate.blocking.map((f) => f.text),
      [],
    );
    assert.equal(gateRefuses(cleanGate, 'export'), false);
  });

  it('does not refuse an export of a report that is not public, but --fail-on-identifiers still fails on it', () => {
    const internal = publicationGate(PUBLIC.replace('publication: public', 'publication: internal'));
    assert.equal(internal.isPublic, false);
    assert.deepEqual(internal.blocking, []);
    assert.equal(gateRefuses(internal, 'export'), false);
    assert.equal(gateRefuses(internal, 'fail-on-identifiers'), true);
  });

  it('treats a publication value it does not know (a typo such as “pubic”) as public, so export still refuses', () => {
    const typo = publicationGate(PUBLIC.replace('publication: public', 'publication: pubic'));
    assert.equal(typo.isPublic, true);
    assert.equal(gateRefuses(typo, 'export'), true);
    assert.equal(publicationGate(PUBLIC.replace('publication: public\n', '')).isPublic, false, 'no publication key: not public');
  });
});

describe('publication gate: every route through the command line', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'crl-gate-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const expectRefused = (name: string, text: string, hidden: RegExp | undefined, extra: string[] = [], folder = dir) => {
    const file = join(folder, `${name}.md`);
    writeFileSync(file, text);
    const out = join(folder, `${name}.docx`);
    const exported = run(['export', file, '--out', out, ...extra]);
    assert.equal(exported.code, 2, exported.stderr);
    assert.ok(!existsSync(out), 'nothing written');
    const failed = run([file, '--fail-on-identifiers', ...extra]);
    assert.equal(failed.code, 1, failed.stderr);
    for (const stderr of [exported.stderr, failed.stderr]) {
      for (const identifier of IDENTIFIERS) assert.match(stderr, new RegExp(`“${identifier}” looks like`));
      if (hidden) assert.match(stderr, hidden);
      assert.match(stderr, /publication-exceptions:/);
    }
  };

  it('refuses with no suppression (export exit 2, --fail-on-identifiers exit 1)', () => expectRefused('plain', PUBLIC, undefined));

  for (const route of IN_DOCUMENT) {
    it(`refuses with ${route.name}`, () => expectRefused(route.name.replace(/\W+/g, '-'), route.text, route.hiddenBy));
  }

  it('refuses with "anonymisation": "off" in the .casereviewrc.json found next to the report', () => {
    const folder = join(dir, 'config-off');
    mkdirSync(folder);
    writeFileSync(join(folder, '.casereviewrc.json'), JSON.stringify({ rules: { anonymisation: 'off' } }));
    expectRefused(
      'report',
      PUBLIC,
      /Hidden from the normal lint by “anonymisation: off” in “[^”]*config-off\/\.casereviewrc\.json”/,
      [],
      folder,
    );
  });

  it('refuses with --config pointing at a file elsewhere that turns the rule off or allows the names', () => {
    const elsewhere = join(dir, 'elsewhere.json');
    writeFileSync(elsewhere, JSON.stringify({ rules: { anonymisation: ['off', { allowNames: ['Darren Mitchell'] }] } }));
    expectRefused('with-config', PUBLIC, /“anonymisation: off” in “[^”]*elsewhere\.json”/, ['--config', elsewhere]);
    const failed = run([join(dir, 'with-config.md'), '--fail-on-identifiers', '--config', elsewhere]);
    assert.match(failed.stderr, /“Darren Mitchell” looks like[^\n]*“allowNames” in “[^”]*elsewhere\.json”/);
  });

  it('keeps JSON and SARIF output intact: the gate’s list goes to standard error', () => {
    const file = join(dir, 'json.md');
    writeFileSync(file, IN_DOCUMENT[1]!.text);
    for (const format of ['json', 'sarif']) {
      const r = run([file, '--fail-on-identifiers', '--format', format]);
      assert.equal(r.code, 1, r.stderr);
      assert.doesNotThrow(() => JSON.parse(r.stdout));
      assert.match(r.stderr, /--fail-on-identifiers: [^\n]*json\.md still has \d+ names or identifiers/);
    }
  });

  it('exports once every identifier is replaced or excepted with a reason, and --fail-on-identifiers passes', () => {
    const file = join(dir, 'fixed.md');
    writeFileSync(
      file,
      PUBLIC.replace(
        'publication: public',
        'publication: public\npublication-exceptions:\n  - text: Darren Mitchell\n    reason: named by the coroner in open court',
      ).replace(' at 12 Acacia Avenue, postcode NT4 7QX. Her NHS number was 943 476 5919.', ' at the family home.'),
    );
    const exported = run(['export', file, '--out', join(dir, 'fixed.docx')]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.ok(existsSync(join(dir, 'fixed.docx')));
    const linted = run([file, '--fail-on-identifiers']);
    assert.doesNotMatch(linted.stderr, /fail-on-identifiers/);
    assert.notEqual(linted.code, 2, linted.stderr);
  });
});
