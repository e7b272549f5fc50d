/**
 * Every rule's documented examples are its tests: each flagged line must be
 * reported (with the documented column, severity and message words) and
 * nothing else; an example with no flags must produce no message.
 */
import assert from 'node:assert/strict';
import { rules } from '../../lint-rules/index.js';
import { lintWithRule } from './helpers.js';

describe('rule examples (from each rule’s documentation)', () => {
  for (const rule of rules) {
    describe(rule.meta.id, () => {
      it('has examples that must and must not be flagged', () => {
        assert.ok(
          rule.meta.examples.some((e) => e.flags.length === 0),
          'no example that must be left alone',
        );
        assert.ok(
          rule.meta.examples.some((e) => e.flags.length > 0),
          'no example that must be flagged',
        );
      });
      for (const example of rule.meta.examples) {
        it(example.title, () => {
          const messages = lintWithRule(rule.meta.id, example.markdown, example.options, example.settings);
          const shown = messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.message}`).join('\n');
          assert.equal(messages.length, example.flags.length, `expected ${example.flags.length} message(s), got:\n${shown}`);
          const remaining = [...messages];
          for (const expected of example.flags) {
            const index = remaining.findIndex(
              (m) =>
                m.line === expected.line &&
                (expected.column === undefined || m.column === expected.column) &&
                (expected.severity === undefined || m.severity === expected.severity) &&
                (expected.message === undefined || m.message.toLowerCase().includes(expected.message.toLowerCase())),
            );
            assert.notEqual(index, -1, `no message matches ${JSON.stringify(expected)}; got:\n${shown}`);
            remaining.splice(index, 1);
          }
          for (const m of messages) {
            assert.equal(m.ruleId, rule.meta.id);
            // Written for authors: the problem in a plain sentence, then what to write; no rule ids or file paths.
            assert.doesNotMatch(m.message, /^Unexpected |, expected /, 'plain message, not “Unexpected X, expected Y”');
            // (Quoted report text, such as an e-mail address, may hold full stops.)
            assert.match(m.message.replace(/“[^”]*”/g, '“”'), /^[^.]+\. \S/, 'the problem in a short sentence first, then what to do');
            assert.ok(!m.message.includes(rule.meta.id), 'no rule id in the message');
            assert.doesNotMatch(m.message, /[\w-]+\/[\w.-]+\.(?:ts|js|json|md)\b/, 'no file path in the message');
            assert.ok(m.url.endsWith(`docs/rules/${rule.meta.id}.md`), `url ${m.url}`);
          }
        });
      }
    });
  }
});
