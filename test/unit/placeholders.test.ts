/**
 * Placeholders never count as an answer (issue 16, item 2): every placeholder a
 * fix, a snippet or a template writes is flagged as unfinished by template-placeholder,
 * never satisfies an owner, deadline or measure check, and is reported once.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { applyChanges, fixesOf, lintText, type LintMessage } from '../../src/index.js';
import { findBracketedPlaceholders, findPlaceholders, placeholderParts } from '../../src/engine/placeholders.js';

const FIXTURES = [
  '../fixtures/vscode-workspace/reviews/fixes-child-e.md',
  '../../examples/overview-report.md',
  '../fixtures/imr-health.md',
].map((p) => readFileSync(new URL(p, import.meta.url), 'utf8'));
const lint = (text: string): LintMessage[] => lintText(text, {}).messages;

/** The rules that judge an owner, a deadline or a measure. */
const PART_RULES = new Set([
  'recommendation-owner',
  'recommendation-deadline',
  'recommendation-measure',
  'action-plan-owner',
  'action-plan-date',
  'action-plan-measure',
]);

const PART_OF: Record<string, string> = {
  'recommendation-owner': 'owner',
  'action-plan-owner': 'owner',
  'recommendation-deadline': 'deadline',
  'action-plan-date': 'deadline',
  'recommendation-measure': 'measure',
  'action-plan-measure': 'measure',
};

const overlaps = (m: LintMessage, start: number, end: number) => m.startOffset < end && start < m.endOffset;

/** Every scaffold fix the rules offer on a text, one per distinct insertion. */
function scaffolds(text: string) {
  const seen = new Set<string>();
  const out: { ruleId: string; title: string; changes: { start: number; end: number; text: string }[] }[] = [];
  for (const m of lint(text)) {
    for (const fix of fixesOf(m, text)) {
      if (!fix.scaffold) continue;
      const key = JSON.stringify(fix.changes);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ruleId: m.ruleId, title: fix.title, changes: fix.changes });
    }
  }
  return out;
}

describe('placeholders never count as an answer', () => {
  it('every scaffold fix’s placeholders are flagged once, by template-placeholder, and satisfy no owner, deadline or measure', () => {
    let checked = 0;
    const titles = new Set<string>();
    for (const text of FIXTURES) {
      for (const fix of scaffolds(text)) {
        const after = applyChanges(text, fix.changes);
        const messages = lint(after);
        // Where the inserted text landed: changes are applied in order, so shift by the earlier ones.
        let shift = 0;
        for (const change of [...fix.changes].sort((a, b) => a.start - b.start)) {
          const at = change.start + shift;
          shift += change.text.length - (change.end - change.start);
          for (const p of findBracketedPlaceholders(change.text)) {
            const start = at + p.index;
            const end = start + p.text.length;
            const here = messages.filter((m) => overlaps(m, start, end));
            const flagged = here.filter((m) => m.ruleId === 'template-placeholder');
            assert.equal(flagged.length, 1, `“${p.text}” from “${fix.title}” (${fix.ruleId}) is flagged once as unfinished`);
            assert.match(flagged[0]!.message, /placeholder/);
            // A finding about the same part (the deadline for “[insert date]”) would report it twice;
            // a finding about another part may cover the same line (“Recommendation 4 has no measure”).
            const part = placeholderParts(change.text).find((q) => q.index === p.index)?.part;
            const twice = here.filter((m) => PART_RULES.has(m.ruleId) && (part === undefined || PART_OF[m.ruleId] === part));
            assert.deepEqual(
              twice.map((m) => `${m.ruleId}: ${m.message}`),
              [],
              `“${p.text}” from “${fix.title}” is not reported again by an owner, deadline or measure check`,
            );
            checked++;
            titles.add(fix.title.replace(/\d+/g, 'N'));
          }
        }
      }
    }
    assert.ok(checked >= 10, `placeholders checked: ${checked}`);
    // The scaffolds named in issue 16 are among those checked.
    for (const t of [/SMART parts/, /action plan row/, /family composition/]) {
      assert.ok(
        [...titles].some((title) => t.test(title)),
        `a “${t.source}” fix was checked among ${[...titles].join(' | ')}`,
      );
    }
  });

  it('the SMART scaffold leaves the recommendation without owner, deadline or measure, and is not appended twice', () => {
    const text = `## Recommendations\n\n1. Children's Social Care should change its referral form so that every adult in the household is named.\n`;
    const fix = lint(text)
      .flatMap((m) => fixesOf(m, text))
      .find((f) => /SMART parts/.test(f.title));
    assert.ok(fix);
    const after = applyChanges(text, fix.changes);
    assert.match(after, /by: \[insert date\]; measure: \[how success will be evidenced/);
    const messages = lint(after);
    assert.deepEqual(
      messages.filter((m) => PART_RULES.has(m.ruleId)).map((m) => m.message),
      [],
      'the deadline and measure are not reported again: their placeholders are',
    );
    assert.deepEqual(
      messages.filter((m) => m.ruleId === 'template-placeholder').map((m) => after.slice(m.startOffset, m.endOffset)),
      ['[insert date]', '[how success will be evidenced, e.g. an audit reported to the Board]'],
    );
    // No further SMART scaffold is offered for the parts already written as placeholders.
    assert.equal(messages.flatMap((m) => fixesOf(m, after)).filter((f) => /SMART parts/.test(f.title)).length, 0);
  });

  it('an action plan row written with placeholders has no lead, date or measure, and each placeholder is reported once', () => {
    const text = `## Action plan\n\n| Ref | Action | Lead | Target date | Measure |\n| --- | --- | --- | --- | --- |\n| 1 | [action to deliver recommendation 1] | [lead agency and officer] | [target date] | [evidence: audit of 20 cases] |\n`;
    const messages = lint(text);
    assert.deepEqual(
      messages.filter((m) => PART_RULES.has(m.ruleId)).map((m) => m.message),
      [],
    );
    assert.deepEqual(
      messages.filter((m) => m.ruleId === 'template-placeholder').map((m) => text.slice(m.startOffset, m.endOffset)),
      ['[action to deliver recommendation 1]', '[lead agency and officer]', '[target date]', '[evidence: audit of 20 cases]'],
    );
  });

  it('a placeholder beside words is judged by the words: “TBC [insert name]” still has no lead', () => {
    const text = `## Action plan\n\n| Ref | Action | Lead | Target date | Measure |\n| --- | --- | --- | --- | --- |\n| 1 | Train staff | TBC [insert name] | 31/03/2013 | Audit of 20 cases |\n`;
    const owner = lint(text).filter((m) => m.ruleId === 'action-plan-owner');
    assert.equal(owner.length, 1);
  });

  it('the product’s placeholders are recognised, finished brackets are not', () => {
    for (const p of [
      '[named agency or role]',
      '[insert date]',
      '[how success will be evidenced, e.g. an audit reported to the Board]',
      '[lead agency and officer]',
      '[evidence: audit of 20 cases]',
      '[action to deliver recommendation 2]',
      '[insert age]',
      '[target date]',
      '[measure of success]',
      '[insert relationship to Child A]',
      '[action]',
    ]) {
      assert.deepEqual(
        findPlaceholders(`Text ${p} here.`).map((h) => h.text),
        [p],
        p,
      );
    }
    for (const finished of ['[see Appendix 2]', '[postcode removed]', '[the mother]', '[sic]', '[1]']) {
      assert.deepEqual(findPlaceholders(`Text ${finished} here.`), [], finished);
    }
  });

  it('each placeholder in the SMART scaffold is read as the part it stands for', () => {
    const parts = placeholderParts('Lead: [named agency or role]; by: [insert date]; measure: [how success will be evidenced]');
    assert.deepEqual(
      parts.map((p) => p.part),
      ['owner', 'deadline', 'measure'],
    );
  });

  it('every bracketed default in the snippets is a placeholder template-placeholder flags', () => {
    let count = 0;
    for (const file of ['chronology', 'recommendations', 'imr']) {
      const snippets = JSON.parse(readFileSync(new URL(`../../snippets/${file}.code-snippets`, import.meta.url), 'utf8')) as Record<
        string,
        { body: string[] }
      >;
      for (const [name, snippet] of Object.entries(snippets)) {
        // A tab stop's default is what stays when the author tabs past it.
        const defaults = [...snippet.body.join('\n').matchAll(/\$\{\d+:((?:[^{}]|\{[^{}]*\})*)\}/g)].map((m) => m[1]!);
        for (const d of defaults) {
          if (!/^\[/.test(d)) continue;
          assert.equal(findPlaceholders(d).length, 1, `${file} “${name}”: ${d}`);
          count++;
        }
      }
    }
    assert.ok(count >= 5, `bracketed snippet defaults: ${count}`);
  });
});
