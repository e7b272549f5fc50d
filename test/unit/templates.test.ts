/** Prompted templates generated from the profiles, and the `new` command (issue 7). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BUILT_IN_PROFILES, resolveProfiles } from '../../src/engine/profiles.js';
import { renderTemplate } from '../../src/engine/templates.js';
import { lintText } from '../../src/index.js';
import { FILLED_ANSWERS, fillTemplate } from './template-filler.js';

const root = resolve(import.meta.dirname, '../..');

/**
 * Weak writing put back into a filled report (primer §4, §5, §7): each must be
 * found by its rule, which shows that the filled sections are really linted.
 */
const WEAKENINGS: { from: RegExp; to: string; ruleId: string }[] = [
  { from: /Child A was not brought to her 12-month review/, to: 'Child A DNA her 12-month review', ruleId: 'was-not-brought' },
  {
    from: /^1\. (?:The Northshire Health Visiting Service will add|Northshire Children’s Social Care will change)[^\n]*/m,
    to: '1. Agencies should consider reviewing their procedures for missed appointments.',
    ruleId: 'recommendation-owner',
  },
  { from: /\| 17\/07\/2019 \|/, to: '| 17/07/2017 |', ruleId: 'chronology-date' },
];

/** An executive summary is compared with its overview report, whose text the front end reads and passes in. */
function filledOptions(profileId: string, text: string): { text: string; options: Parameters<typeof lintText>[1] } {
  if (profileId !== 'executive-summary') return { text, options: {} };
  const overview = BUILT_IN_PROFILES.find((p) => p.id === 'overview')!;
  return {
    text: text.replace(/\noverview: .*\n/, '\noverview: overview-report.md\n'),
    options: {
      filePath: 'reviews/executive-summary.md',
      config: { documents: { 'reviews/overview-report.md': fillTemplate(renderTemplate(overview, FILLED_ANSWERS), overview) } },
    },
  };
}

describe('templates', () => {
  for (const profile of BUILT_IN_PROFILES) {
    describe(profile.id, () => {
      const text = renderTemplate(profile, { child: ['Child A'], agency: 'Northshire Police' });
      const result = lintText(text);

      it('has front matter, the title and every profile section in order, each with its prompt', () => {
        assert.equal(result.reportType, profile.id);
        assert.equal(result.reportTypeSource, 'front-matter');
        const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
        assert.deepEqual(
          headings,
          profile.sections.map((s) => s.title),
        );
        for (const section of profile.sections) assert.ok(text.includes(`> Prompt: ${section.prompt}`), section.id);
      });

      it('shows one finding per unanswered prompt or placeholder, and nothing else (issue 16)', () => {
        const prompts = result.messages.filter((m) => m.ruleId === 'template-placeholder' && m.message.includes('prompt'));
        assert.equal(prompts.length, profile.sections.length);
        assert.deepEqual(
          result.messages.filter((m) => m.ruleId !== 'template-placeholder').map((m) => `${m.line} ${m.ruleId}: ${m.message}`),
          [],
          'no content rule reports a section whose only content is its prompt',
        );
        const lines = new Set(result.messages.map((m) => m.line));
        assert.equal(lines.size, result.messages.length, 'one finding per prompt or placeholder');
      });

      it('as written by `new` with no answers, lints to exactly its prompts and placeholders', () => {
        const fresh = renderTemplate(profile);
        const messages = lintText(fresh).messages;
        assert.deepEqual(
          messages.filter((m) => m.ruleId !== 'template-placeholder').map((m) => `${m.line} ${m.ruleId}: ${m.message}`),
          [],
        );
        const placeholders = fresh.match(/^> Prompt:|\[insert[^\]\n]*\]|DD\/MM\/YYYY/gm) ?? [];
        assert.equal(messages.length, placeholders.length, messages.map((m) => `${m.line}: ${m.message}`).join('\n'));
      });

      describe('filled in with invented content for each section', () => {
        const filled = filledOptions(profile.id, fillTemplate(renderTemplate(profile, FILLED_ANSWERS), profile));

        it('lints clean under the default config', () => {
          assert.doesNotMatch(filled.text, /Prompt:|\[insert|DD\/MM\/YYYY/, 'every prompt and placeholder is answered');
          assert.ok(filled.text.split(/\s+/).length > 400, 'a report of some length');
          const messages = lintText(filled.text, filled.options).messages;
          assert.deepEqual(
            messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`),
            [],
          );
        });

        it('is flagged again when weak writing is put back', () => {
          let applied = 0;
          for (const weakening of WEAKENINGS) {
            if (!weakening.from.test(filled.text)) continue;
            applied++;
            const messages = lintText(filled.text.replace(weakening.from, weakening.to), filled.options).messages;
            assert.ok(
              messages.some((m) => m.ruleId === weakening.ruleId),
              `${weakening.ruleId} finds “${weakening.to}”`,
            );
          }
          assert.ok(applied >= 2, `${applied} weakenings applied`);
        });
      });
    });
  }

  it('adds a board’s own sections to the template', () => {
    const [imr] = resolveProfiles({
      imr: {
        sections: [{ id: 'supervision', title: 'Supervision', status: 'required', prompt: 'Describe supervision.', after: 'context' }],
      },
    }).filter((p) => p.id === 'imr');
    const text = renderTemplate(imr!, {});
    assert.match(
      text,
      /## Contextual and organisational information\n\n> Prompt: .*\n\n## Supervision\n\n> Prompt: Describe supervision\./,
    );
  });

  describe('case-review-lint new', function () {
    this.timeout(60000);
    const cli = join(root, 'dist/cli.cjs');
    before(() => {
      if (!existsSync(cli)) spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
    });
    const run = (args: string[], cwd = root) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });

    it('writes an IMR with the answers in its front matter', () => {
      const dir = mkdtempSync(join(tmpdir(), 'crl-new-'));
      const out = join(dir, 'imr.md');
      const r = run([
        'new',
        'imr',
        '--child',
        'Child A',
        '--agency',
        'Hospital Trust',
        '--period-start',
        '01/03/2007',
        '--period-end',
        '03/08/2008',
        '--out',
        out,
      ]);
      assert.equal(r.status, 0, r.stderr);
      const text = readFileSync(out, 'utf8');
      assert.match(
        text,
        /^---\nreport-type: imr\nchild: Child A\nagency: Hospital Trust\nperiod-start: 01\/03\/2007\nperiod-end: 03\/08\/2008\n/,
      );
      assert.match(text, /^# Individual Management Review: Hospital Trust$/m);
      const again = run(['new', 'imr', '--out', out]);
      assert.equal(again.status, 2, 'refuses to overwrite without --force');
      assert.match(again.stderr, /exists; use --force/);
      assert.equal(readFileSync(out, 'utf8'), text, 'the existing report is untouched');
    });

    it('uses a board’s own report type from .casereviewrc', () => {
      const dir = mkdtempSync(join(tmpdir(), 'crl-new-'));
      writeFileSync(
        join(dir, '.casereviewrc.json'),
        JSON.stringify({
          profiles: {
            'northshire-imr': {
              extends: 'imr',
              title: 'Northshire IMR',
              sections: [{ id: 'supervision', title: 'Supervision', status: 'required' }],
            },
          },
        }),
      );
      const r = run(['new', 'northshire-imr', '--out', join(dir, 'x.md')], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.match(readFileSync(join(dir, 'x.md'), 'utf8'), /report-type: northshire-imr[\s\S]*## Supervision/);
    });

    it('rejects an unknown type', () => {
      const r = run(['new', 'novel']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /Unknown report type “novel”/);
    });
  });
});
