import { defineRule } from '../src/engine/rule.js';
import { wordsRegExp } from '../src/engine/child.js';
import { blocksIn, maskMarkup } from '../src/engine/blocks.js';
import { splitSentences } from '../src/engine/sentences.js';

import data from '../src/data/hindsight-phrases.json' with { type: 'json' };

interface Options {
  phrases: string[];
}

const NEGATION = wordsRegExp(data.negations, 'iu')!;
const EXPLAINED = wordsRegExp(data.explained, 'iu')!;

/** Does the text guard against hindsight, or turn to why practice made sense at the time? */
function answered(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

interface Hit {
  /** Offset in the paragraph. */
  start: number;
  text: string;
}

/** Kept across lints by the paragraph's masked text, per list of phrases (read-only). */

/** Hindsight wording in one paragraph's masked text, outside quotations and sentences that guard against hindsight. */
function hindsightIn(masked: string, pattern: RegExp): Hit[] {
  const text = maskQuotes(masked);
  pattern.lastIndex = 0;
  if (!pattern.test(text)) return [];
  const hits: Hit[] = [];
  const sentences = splitSentences(text);
  for (const [i, sentence] of sentences.entries()) {
    for (const m of sentence.text.matchAll(new RegExp(pattern.source, pattern.flags))) {
      if (/hindsight/i.test(m[0])) {
        if (answered(NEGATION, sentence.text)) continue;
        // “…which, with the benefit of hindsight, departed from usual practice. The panel wanted to understand why.”
        if (answered(EXPLAINED, sentence.text) || answered(EXPLAINED, sentences[i + 1]?.text ?? '')) continue;
      }
      hits.push({ start: sentence.start + m.index, text: m[0] });
    }
  }
  return hits;
}
/** Blank out quoted speech (“…” or "…" within a line): a practitioner's or family member's own words are theirs. */
function maskQuotes(text: string): string {
  const out = text.split('');
  let open = -1;
  let closer = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') open = -1;
    else if (open === -1 && (c === '“' || c === '"')) {
      open = i;
      closer = c === '“' ? '”' : '"';
    } else if (open !== -1 && c === closer) {
      for (let k = open; k <= i; k++) out[k] = ' ';
      open = -1;
    }
  }
  return out.join('');
}

export default defineRule<Options>(
  {
    id: 'hindsight-language',
    summary: 'Hindsight wording is pointed out so that the author can show what was known at the time.',
    description:
      'Points at wording that judges practice by what is known now — “with hindsight”, “it is now clear ' +
      'that”, “obviously”, “should have known”, “clearly failed”, “it was inevitable” — as an **info**: not ' +
      'an error, but a prompt to show what practitioners knew at the time and why their actions made sense ' +
      'then. A sentence that guards against hindsight (“the panel has tried to avoid judging with ' +
      'hindsight”, “hindsight bias”), hindsight named openly when the same or the next sentence turns to ' +
      'why practice went as it did (“…decisions which, with the benefit of hindsight, departed from usual ' +
      'practice. The partnership wanted to understand why.”), and words in quotation marks (a ' +
      'practitioner’s own words) are left alone. The list is data (`src/data/hindsight-phrases.json`); ' +
      'boards add phrases with the `phrases` option.',
    why:
      'A review should explain why actions made sense to practitioners at the time (“local rationality”) ' +
      'and judge them by what was known then; hindsight wording turns learning into blame and makes ' +
      'outcomes look predictable that were not. Primer §6 (hindsight and blame).',
    primer: '§6 Hindsight and blame',
    defaultSeverity: 'info',
    fixable: false,
    options: [{ name: 'phrases', type: 'string[]', default: [], description: 'More hindsight phrases to point at.' }],
    defaults: { phrases: [] },
    examples: [
      {
        title: 'Hindsight wording is pointed out',
        markdown: `With hindsight, the bruising was obviously non-accidental. The social worker should have known that Mr G was living at the address.\n`,
        flags: [
          { line: 1, column: 1, severity: 'info', message: 'with hindsight' },
          { line: 1, column: 34, severity: 'info', message: 'obviously' },
          { line: 1, column: 78, severity: 'info', message: 'should have known' },
        ],
      },
      {
        title: 'Guarding against hindsight, and quoted words, are left alone',
        markdown: `The panel has tried to avoid judging practice with hindsight. The health visitor said: “it was obvious that she loved him”. At the time, the bruise was recorded as accidental because Mother's explanation matched the injury.\n`,
        flags: [],
      },
      {
        title: 'Hindsight named openly, with the question why practice went as it did, is left alone',
        markdown: `Some decisions, with the benefit of hindsight, departed from the usual procedures. The panel wanted to understand why that was so.\n`,
        flags: [],
      },
    ],
  },
  ({ report, options, flag, memo }) => {
    const phrases = [...data.phrases, ...options.phrases];
    const hitsByText = memo<Hit[]>('hits', phrases);
    const pattern = wordsRegExp(phrases)!;
    for (const block of blocksIn(report.tree, report.text, report.frontMatter.end ?? 0, report.text.length)) {
      const masked = maskMarkup(block.source);
      for (const hit of hitsByText.get(masked, () => hindsightIn(masked, pattern))) {
        const start = block.start + hit.start;
        flag({
          start,
          end: start + hit.text.length,
          message: `“${hit.text.replace(/\s+/g, ' ')}” judges practice with hindsight. Say what practitioners knew at the time and why their actions made sense then, or show that it was knowable then.`,
          data: { phrase: hit.text.toLowerCase() },
        });
      }
    }
  },
);
