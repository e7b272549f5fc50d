import { defineRule } from '../src/engine/rule.js';
import { profileSectionsWithRole, sectionsWithRole } from '../src/engine/section-roles.js';
import { insertionFix } from '../src/engine/fixes.js';
import type { Report } from '../src/engine/report.js';
import {
  actionPlanSectionText,
  actionRowText,
  analyseRecommendation,
  findActionPlans,
  findRecommendations,
  firstLine,
  recommendationSections,
  rowServes,
  trimEndChars,
  trimStartChars,
  type ActionPlan,
  type Recommendation,
} from '../src/engine/recommendations/index.js';
import { quote } from '../src/engine/text.js';

const ELSEWHERE_WORDS =
  /\b(?:appendix|annex|separate|separately|attached|accompanying|alongside|to follow|will be (?:produced|developed|agreed|published|drawn up))\b/i;

/** Does the report say its action plan lives elsewhere ("see Appendix 2", "published separately")? One sentence or line at a time. */
function planElsewhere(text: string): boolean {
  return text.split(/[.\n]/).some((piece) => /\baction plans?\b/i.test(piece) && ELSEWHERE_WORDS.test(piece));
}

function insertionAfter(report: Report, offset: number, body: string): string {
  const before = report.text.slice(Math.max(0, offset - 2), offset);
  const lead = offset === 0 ? '' : before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  return lead + body + (report.text.slice(offset, offset + 1) && !body.endsWith('\n\n') ? '\n' : '');
}

/** The plan a missing row belongs in: the one serving most recommendations (the first on a tie). */
function bestPlan(plans: ActionPlan[], recs: Recommendation[]): ActionPlan {
  let best = plans[0]!;
  let bestCount = -1;
  for (const plan of plans) {
    const count = recs.filter((rec) => plan.rows.some((row) => rowServes(row, rec))).length;
    if (count > bestCount) {
      best = plan;
      bestCount = count;
    }
  }
  return best;
}

/** Where a row for a recommendation goes: after the last row serving an earlier recommendation. */
function rowInsertion(plan: ActionPlan, recs: Recommendation[], rec: Recommendation, row: string): { insertOffset: number; text: string } {
  let after: number | undefined;
  for (const r of plan.rows) {
    if (recs.some((other) => other.index < rec.index && rowServes(r, other))) after = r.row.end;
  }
  if (after !== undefined) return { insertOffset: after, text: `\n${row}` };
  const first = plan.rows[0];
  if (first) return { insertOffset: first.row.start, text: `${row}\n` };
  return { insertOffset: plan.table.end, text: `\n${row}` };
}

export default defineRule(
  {
    id: 'action-plan-coverage',
    summary: 'Every recommendation has an action plan row, and every row serves a recommendation.',
    description:
      'Matches action plan rows to the report’s recommendations by their reference (“1”, “R1”, “Rec 1”, ' +
      '“1.2” serves recommendation 1 when there is no 1.2; “1, 2 and 4”; rows with an empty reference or ' +
      '“as above” continue the row above) or by repeating the recommendation’s opening words. A ' +
      'recommendation with no row is flagged at its first line, with a pre-filled row for the editor to ' +
      'insert (reference, lead and date filled from the recommendation where it names them). A row pointing ' +
      'at a recommendation the report does not contain is flagged at its reference. When the report has ' +
      'recommendations but no action plan table at all, one message at the action plan heading (or the ' +
      'first Recommendations heading) offers a whole action plan with one row per recommendation — unless ' +
      'the report says the plan is elsewhere (“see Appendix 2”, “published separately”) or its report type ' +
      'has no action plan section.',
    why:
      'Every recommendation needs at least one action; the action plan is how a board monitors that ' +
      'recommendations are carried out. Primer §8 and §1 (the executive summary carries the action plan in ' +
      'full).',
    primer: '§8 Action plans',
    defaultSeverity: 'warning',
    fixable: true,
    options: [],
    defaults: {},
    examples: [
      {
        title: 'Every recommendation has a row',
        markdown: `## Recommendations

1. The Hospital Trust will amend its missed appointment procedure by March 2013.
2. The LSCB will audit 20 cases of neglect by June 2013.

## Action plan

| Rec | Action | Lead | Target date | Measure |
| --- | --- | --- | --- | --- |
| R1 | Amend the procedure | Named Nurse | 31/03/2013 | Audit of 20 cases |
| R2 | Commission the audit | Board Manager | 30/06/2013 | Audit report to the Board |
`,
        flags: [],
      },
      {
        title: 'A recommendation without a row, and a row for a recommendation that does not exist',
        markdown: `## Recommendations

1. The Hospital Trust will amend its missed appointment procedure by March 2013.
2. The LSCB will audit 20 cases of neglect by June 2013.

## Action plan

| Rec | Action | Lead | Target date | Measure |
| --- | --- | --- | --- | --- |
| 1 | Amend the procedure | Named Nurse | 31/03/2013 | Audit of 20 cases |
| 3 | Publish guidance | Board Manager | 30/06/2013 | Survey of staff |
`,
        flags: [
          { line: 4, column: 4, message: 'recommendation 2 has no row' },
          { line: 11, column: 3, message: '“3”' },
        ],
      },
      {
        title: 'No action plan at all',
        markdown: `## Recommendations

1. The Hospital Trust will amend its missed appointment procedure by March 2013.
`,
        flags: [{ line: 1, column: 1, message: 'no action plan' }],
      },
      {
        title: 'An action plan published elsewhere',
        markdown: `## Recommendations

1. The Hospital Trust will amend its missed appointment procedure by March 2013.

The action plan is at Appendix 2.
`,
        flags: [],
      },
    ],
  },
  ({ report, flag }) => {
    const recs = findRecommendations(report);
    const plans = findActionPlans(report);
    if (plans.length === 0) {
      if (recs.length === 0) return;
      if (profileSectionsWithRole(report.profile, 'action-plan').length === 0) return;
      if (planElsewhere(report.text)) return;
      const planSection = sectionsWithRole(report, 'action-plan')[0];
      const recSections = recommendationSections(report);
      const anchor = planSection ?? recSections[0] ?? recs[0]!.section;
      const insertOffset = planSection ? planSection.ownEnd : Math.max(...recSections.map((s) => s.end));
      const level = planSection ? planSection.level : (recSections[0]?.level ?? 2);
      const body = actionPlanSectionText(report, recs, level, !planSection);
      flag({
        start: anchor.start,
        end: anchor.heading.position?.end.offset ?? anchor.start,
        message:
          recs.length === 1
            ? 'The recommendation has no action plan. Add an action plan table with at least one action for it, ' +
              'with a lead and a target date.'
            : `The ${recs.length} recommendations have no action plan. Add an action plan table with at least one action for each, with a lead and a target date.`,
        data: { recommendations: recs.map((r) => ({ number: r.number, start: r.start, end: r.end })) },
        fixes: [
          insertionFix('Add an action plan with a row for each recommendation', insertOffset, insertionAfter(report, insertOffset, body), {
            scaffold: true,
          }),
        ],
      });
      return;
    }
    const covered = (rec: Recommendation) =>
      (rec.table !== undefined && plans.some((p) => p.table.start === rec.table!.model.start)) ||
      plans.some((p) => p.rows.some((row) => rowServes(row, rec)));
    const missing = recs.filter((rec) => !covered(rec));
    if (missing.length > 0) {
      const plan = bestPlan(plans, recs);
      for (const rec of missing) {
        const analysis = analyseRecommendation(report, rec);
        const where = rowInsertion(plan, recs, rec, actionRowText(plan, rec, analysis));
        const line = firstLine(report, rec);
        flag({
          start: line.start,
          end: line.end,
          message: `Recommendation ${rec.number} has no row in the action plan. Add at least one action for it, with a lead, a target date and a measure of success.`,
          data: { recommendation: { number: rec.number, start: rec.start, end: rec.end } },
          fixes: [
            insertionFix(`Add an action plan row for recommendation ${rec.number}`, where.insertOffset, where.text, { scaffold: true }),
          ],
        });
      }
    }
    if (recs.length === 0) return;
    const ids = new Set(recs.map((r) => r.id));
    const numbers = recs.map((r) => r.number);
    for (const plan of plans) {
      if (recs.some((rec) => rec.table && rec.table.model.start === plan.table.start)) continue;
      for (const row of plan.rows) {
        if (!row.refSpan || row.refs.length === 0) continue;
        const unknown = row.refs.filter((ref) => !ids.has(ref) && !ids.has(ref.replace(/(?:\.\d{1,3}|[A-Z])$/, '')));
        for (const ref of unknown) {
          if (plan.rows.indexOf(row) > 0 && row.refs === plan.rows[plan.rows.indexOf(row) - 1]!.refs) continue;
          const raw = report.text.slice(row.refSpan.start, row.refSpan.end);
          const lead = raw.length - trimStartChars(raw, '| \t').length;
          const end = row.refSpan.start + trimEndChars(raw, '| \t').length;
          flag({
            start: row.refSpan.start + lead,
            end: Math.max(row.refSpan.start + lead, end),
            message: `This action is for recommendation ${quote(ref)}, which the report does not have. Refer to one of its recommendations (${numbers.slice(0, 12).join(', ')}${numbers.length > 12 ? '…' : ''}).`,
            data: { reference: ref, recommendations: numbers },
          });
        }
      }
    }
  },
);
