import { defineRule } from '../src/engine/rule.js';
import { maskMarkup } from '../src/engine/blocks.js';
import { phraseRegExp } from '../src/engine/text.js';
import { termsOfReference } from '../src/engine/tor.js';
import { stringValue } from '../src/engine/front-matter.js';
import data from '../src/data/tor-vague-phrases.json' with { type: 'json' };

const EXPECTED = new Map(data.phrases.map((p) => [p.phrase.toLowerCase(), p.expected]));
const PHRASES = phraseRegExp(data.phrases.map((p) => p.phrase))!;
const LESSONS = new RegExp(`\\b(?:to\\s+)?${data.lessonsPhrase.replace(/ /g, '\\s+')}`, 'gi');
const GENERIC = new Set(data.genericWords);

/** After “consider whether lessons can be learned”: is the rest of the sentence only generic words? */
function nothingSpecificAfter(rest: string): boolean {
  const sentence = rest.split(/[.;?!\n]/, 1)[0]!;
  const words = sentence.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  return words.every((w) => GENERIC.has(w.replace(/['’]s$/, '')));
}

export default defineRule(
  {
    id: 'tor-vague-language',
    summary: 'The terms of reference avoid over-general wording.',
    description:
      'Points at over-general wording in the terms of reference — “all relevant agencies”, “any other ' +
      'relevant matters”, “as appropriate”, “as necessary”, “generally”, “the relevant period”, and ' +
      '“consider whether lessons can be learned” with nothing specific after it — and says what specific ' +
      'content is expected instead. The phrase list is data (`src/data/tor-vague-phrases.json`). “The ' +
      'relevant period” is replaced with the period from front matter when `period-start` and `period-end` ' +
      'are given.',
    why:
      'Inspectors graded “vague or over-general terms of reference” as a mark of an inadequate review, and ' +
      'the primer lists these words among the signals of vagueness. Primer §3.',
    primer: '§3 Terms of reference: specific versus vague',
    defaultSeverity: 'warning',
    fixable: true,
    options: [],
    defaults: {},
    examples: [
      {
        title: 'Specific terms are left alone, including a lessons sentence with a question after it',
        markdown: `## Terms of reference\n\nThe review will consider whether lessons can be learned about how agencies assessed who was living in the household between March and August 2008.\n`,
        flags: [],
      },
      {
        title: 'Vague phrases are pointed at',
        markdown: `## Terms of reference\n\nAll relevant agencies will contribute as appropriate.\n\nThe review will also cover any other relevant matters.\n`,
        flags: [
          { line: 3, column: 1, message: 'all relevant agencies' },
          { line: 3, column: 39, message: 'as appropriate' },
          { line: 5, column: 28, message: 'any other relevant matters' },
        ],
      },
      {
        title: '“Consider whether lessons can be learned” with nothing specific after it',
        markdown: `## Terms of reference\n\nThe purpose is to consider whether lessons can be learned from this case about the way agencies work together.\n`,
        flags: [{ line: 3, message: 'lessons' }],
      },
      {
        title: 'Vague words outside the terms of reference are not this rule’s business',
        markdown: `## Analysis\n\nThe health visitor acted as appropriate at the time.\n`,
        flags: [],
      },
    ],
  },
  ({ report, flag }) => {
    const tor = termsOfReference(report);
    if (!tor) return;
    const start = stringValue(report.frontMatter.data['period-start']);
    const end = stringValue(report.frontMatter.data['period-end']);
    for (const block of tor.blocks) {
      const text = maskMarkup(block.source);
      for (const m of text.matchAll(new RegExp(PHRASES.source, PHRASES.flags))) {
        const key = m[0].toLowerCase().replace(/\s+/g, ' ');
        const isPeriod = key === 'the relevant period' || key === 'the period in question';
        flag({
          start: block.start + m.index,
          end: block.start + m.index + m[0].length,
          message: `“${m[0].replace(/\s+/g, ' ')}” is too general for terms of reference. ${EXPECTED.get(key) ?? 'Say specifically what it means for this case.'}`,
          expected: isPeriod && start && end ? [`the period from ${start} to ${end}`] : undefined,
        });
      }
      for (const m of text.matchAll(LESSONS)) {
        if (!nothingSpecificAfter(text.slice(m.index + m[0].length))) continue;
        flag({
          start: block.start + m.index,
          end: block.start + m.index + m[0].length,
          message: `“${m[0].trim().replace(/\s+/g, ' ')}” has no question attached. Add the questions the review will answer about this case, such as “How did agencies assess who was living in the household?”`,
        });
      }
    }
  },
);
