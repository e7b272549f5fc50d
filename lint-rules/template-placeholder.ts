import { defineRule } from '../src/engine/rule.js';
import { blocksIn, maskMarkup, templatePrompts } from '../src/engine/blocks.js';
import { findActionPlans } from '../src/engine/recommendations/index.js';
import { findPlaceholders } from '../src/engine/placeholders.js';

/** Non-committal words that the action-plan rules report more precisely inside an action plan. */
const ACTION_PLAN_WORDS = /^(?:TBC|TBA|TBD)$/i;

/** The placeholders in a paragraph's masked text (kept across lints; read-only). */
const placeholdersIn = findPlaceholders;

export default defineRule(
  {
    id: 'template-placeholder',
    summary: 'No unanswered template prompts or placeholders are left in the text.',
    description:
      'Reports placeholders left from a template, a snippet or a quick fix — `[insert …]`, `[name]`, ' +
      '`[date]`, `[named agency or role]`, `[lead agency and officer]`, `[target date]`, `[evidence: …]`, ' +
      '`[action to deliver recommendation 2]`, `{{child}}`, `TBC`, `TBA`, `TODO`, `XX/XX/XXXX`, ' +
      '`DD/MM/YYYY` — in the text and the front matter, and template prompts: blockquotes that open with ' +
      '“Prompt:” (the form this product’s templates and “insert missing section” use). Inline code, HTML ' +
      'comments and link destinations are ignored, so a report can still quote a placeholder in code. “TBC” ' +
      'in an action plan cell is left to the action-plan rules (`action-plan-owner`, `action-plan-date`, ' +
      '`action-plan-measure`), which say what the column needs, so the same words are not reported twice. ' +
      'This is the one rule that reports a placeholder: the owner, deadline and measure checks of ' +
      'recommendations and action plans count a placeholder as missing and leave it to this rule, so each ' +
      'placeholder is reported once. Editorial brackets such as “[see Appendix 2]” or “[postcode removed]” ' +
      'are finished text and are left alone.',
    why:
      'IMR authors write from boards’ prompted templates; a prompt or placeholder left in the text means a ' +
      'question in the template went unanswered, and a published report with “[insert date]” in it ' +
      'discredits the review. Primer §1 (IMRs from prompted templates) and §2 (expected sections).',
    primer: '§1 The documents, §2 Expected sections',
    defaultSeverity: 'warning',
    fixable: false,
    options: [],
    defaults: {},
    examples: [
      {
        title: 'Finished text is left alone, including square brackets that are not placeholders and code',
        markdown: `## Methodology\n\nRecords were secured on 12/09/2008 [see Appendix 2]. The template marker \`[insert date]\` is shown here as code.\n\n> The mother said she “did not want any help”.\n`,
        flags: [],
      },
      {
        title: 'Placeholders are pointed at',
        markdown: `## Introduction\n\nThis review was requested on [insert date] by TBC.\n\nChild A was born on XX/XX/XXXX.\n`,
        flags: [
          { line: 3, column: 30, message: '[insert date]' },
          { line: 3, column: 47, message: 'TBC' },
          { line: 5, column: 21, message: 'XX/XX/XXXX' },
        ],
      },
      {
        title: 'The placeholders a quick fix writes are unfinished too',
        markdown: `## Recommendations\n\n1. The Hospital Trust will audit 20 cases of missed appointments. Lead: [named agency or role]; by: [insert date].\n`,
        flags: [
          { line: 3, message: '[named agency or role]' },
          { line: 3, message: '[insert date]' },
        ],
      },
      {
        title: '“TBC” in an action plan is left to the action-plan rules, which say which column needs what',
        markdown: `## Action plan\n\n| Rec | Action | Lead | Target date | Measure | Status |\n| --- | --- | --- | --- | --- | --- |\n| 1 | Train staff | TBC | 31/03/2010 | Audit | Red |\n`,
        flags: [],
      },
      {
        title: 'Placeholders in front matter',
        markdown: `---\nreport-type: imr\nperiod-start: DD/MM/YYYY\n---\n# IMR\n`,
        flags: [{ line: 3, column: 15, message: 'DD/MM/YYYY' }],
      },
      {
        title: 'An unanswered template prompt',
        markdown: `## Good practice\n\n> Prompt: Record practice that went well and should be repeated.\n`,
        flags: [{ line: 3, message: 'prompt' }],
      },
    ],
  },
  ({ report, flag }) => {
    // Action plans are found only when a “TBC” needs them.
    let plans: { start: number; end: number }[] | undefined;
    const inActionPlan = (offset: number) =>
      (plans ??= findActionPlans(report).map((p) => p.table)).some((t) => offset >= t.start && offset < t.end);
    const frontMatter =
      report.frontMatter.start !== undefined
        ? [{ start: report.frontMatter.start, source: report.text.slice(report.frontMatter.start, report.frontMatter.end) }]
        : [];
    for (const block of [...frontMatter, ...blocksIn(report.tree, report.text, 0, report.text.length, true)]) {
      for (const m of placeholdersIn(maskMarkup(block.source))) {
        if (ACTION_PLAN_WORDS.test(m.text) && inActionPlan(block.start + m.index)) continue;
        flag({
          start: block.start + m.index,
          end: block.start + m.index + m.text.length,
          message: `The placeholder “${m.text}” is still in the text. Replace it with the finished text.`,
        });
      }
    }
    for (const node of templatePrompts(report.tree, report.text)) {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      flag({
        start,
        end,
        message: 'This template prompt has not been answered yet. Replace it with the section’s content.',
      });
    }
  },
);
