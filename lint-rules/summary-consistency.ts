import type { Root } from 'mdast';
import { findPlaceholders } from '../src/engine/placeholders.js';
import { sectionWritten } from '../src/engine/blocks.js';
import { reportParser } from '../src/engine/markdown-syntax.js';
import { defineRule } from '../src/engine/rule.js';
import { hasRole, sectionsWithRole } from '../src/engine/section-roles.js';
import { insertionFix } from '../src/engine/fixes.js';
import { sectionBlocks } from '../src/engine/blocks.js';
import { stringValue } from '../src/engine/front-matter.js';
import { findAgencies } from '../src/engine/gazetteer.js';
import { lookupDocument, resolveReference } from '../src/engine/documents.js';
import {
  findActionPlans,
  findRecommendations,
  recommendationSections,
  plainText,
  type ActionPlan,
  type Recommendation,
} from '../src/engine/recommendations/index.js';
import type { EngineSettings } from '../src/engine/types.js';
import { buildReport, type Report } from '../src/engine/report.js';
import type { Section } from '../src/engine/outline.js';
import { normalizePhrase, phraseRegExp, quote } from '../src/engine/text.js';
import data from '../src/data/summary-consistency.json' with { type: 'json' };

interface Options {
  sameThreshold: number;
  similarThreshold: number;
  actionRowThreshold: number;
}

const STOPWORDS = new Set(data.stopwords);
const JOB_TITLE = phraseRegExp(data.jobTitleWords)!;
const ORGANISATION = phraseRegExp(data.organisationWords)!;

/** The overview report is read as every report is read. */
const parser = reportParser();

/** A light stem so that “share”, “shares”, “sharing” and “shared” compare equal. */
function stem(word: string): string {
  return word.length > 4 ? word.replace(/(?:ing|ed|es|s|e)$/, '') : word;
}

/** Content words of a text (normalised, stopwords removed, lightly stemmed). */
export function contentWords(text: string): Set<string> {
  return new Set(
    normalizePhrase(text)
      .split(' ')
      .filter((w) => w && !STOPWORDS.has(w))
      .map(stem),
  );
}

/** Token Jaccard similarity of two texts' content words (1 for two empty texts). */
export function similarity(a: string, b: string): number {
  const x = contentWords(a);
  const y = contentWords(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

/** Pair items greedily by highest similarity at or above `floor`. */
function pairUp(left: string[], right: string[], floor: number): Map<number, { index: number; score: number }> {
  const pairs: { l: number; r: number; score: number }[] = [];
  left.forEach((a, l) => right.forEach((b, r) => pairs.push({ l, r, score: similarity(a, b) })));
  pairs.sort((p, q) => q.score - p.score || p.l - q.l);
  const result = new Map<number, { index: number; score: number }>();
  const usedRight = new Set<number>();
  for (const p of pairs) {
    if (p.score < floor) break;
    if (result.has(p.l) || usedRight.has(p.r)) continue;
    result.set(p.l, { index: p.r, score: p.score });
    usedRight.add(p.r);
  }
  return result;
}

function recText(_report: Report, rec: Recommendation): string {
  return plainText(rec.text).replace(/\s+/g, ' ').trim();
}

function panelSections(report: Report): Section[] {
  return report.outline.filter((s) => !s.isTitle && (hasRole(report, s, 'panel') || /\bpanel\b/.test(s.normalized)));
}

/** Panel entries: list items, table rows and lines of the panel sections. */
function panelEntries(report: Report): { start: number; end: number; text: string }[] {
  const entries: { start: number; end: number; text: string }[] = [];
  const seen = new Set<number>();
  for (const section of panelSections(report)) {
    for (const block of sectionBlocks(report, section)) {
      if (seen.has(block.start)) continue;
      seen.add(block.start);
      if (block.node.type === 'tableCell') continue;
      const plain = plainText(block.source);
      // A paragraph introducing the list ("The panel members were:") is not an entry.
      if (
        /:\s*$/.test(plain.trim()) ||
        /\b(?:panel|members?|membership)\b.{0,80}\b(?:were|was|comprised|included|consisted)\b/i.test(plain)
      )
        continue;
      let offset = 0;
      for (const line of plain.split('\n')) {
        const text = line.trim();
        if (text)
          entries.push({
            start: block.start + offset + line.indexOf(text),
            end: block.start + offset + line.indexOf(text) + text.length,
            text,
          });
        offset += line.length + 1;
      }
    }
    // Tables: one entry per row.
    for (const node of report.tree.children) {
      if (node.type !== 'table') continue;
      const start = node.position?.start.offset ?? -1;
      if (start < section.start || start >= section.end || seen.has(start)) continue;
      seen.add(start);
      for (const row of node.children.slice(1)) {
        const from = row.position?.start.offset ?? 0;
        const to = row.position?.end.offset ?? from;
        entries.push({ start: from, end: to, text: report.text.slice(from, to).replace(/\|/g, ' ').trim() });
      }
    }
  }
  return entries;
}

/** What the comparison needs of an overview report. */
interface OverviewFacts {
  recommendations: Recommendation[];
  texts: string[];
  plans: ActionPlan[];
  rows: { plan: ActionPlan; text: string }[];
}

/**
 * The overview's recommendations and action plans. The rule keeps them for the last few overview
 * texts (`OVERVIEW_TEXTS_KEPT`): the editor relints a summary as it is typed while its overview
 * rarely changes, and parsing a long overview report costs more than linting the summary.
 */
function overviewFacts(text: string, settings: EngineSettings): OverviewFacts {
  const tree = parser.parse(text) as Root;
  const overview = buildReport(tree, text, { ...settings, reportType: 'overview', documents: undefined, documentErrors: undefined });
  const recommendations = findRecommendations(overview);
  const plans = findActionPlans(overview);
  const facts: OverviewFacts = {
    recommendations,
    texts: recommendations.map((r) => recText(overview, r)),
    plans,
    rows: plans.flatMap((plan) => plan.rows.map((row) => ({ plan, text: row.row.cells.map((c) => c.text).join(' ') }))),
  };
  return facts;
}

/** How many overview texts the rule keeps the facts of (a memo generation; up to twice as many are held). */
const OVERVIEW_TEXTS_KEPT = 4;

function overviewReference(report: Report): { raw: string; offset: number } | undefined {
  const raw = stringValue(report.frontMatter.data['overview']);
  if (!raw) return undefined;
  const at = report.text.search(/^overview\s*:/m);
  return { raw, offset: at >= 0 && report.frontMatter.end !== undefined && at < report.frontMatter.end ? at : 0 };
}

export default defineRule<Options>(
  {
    id: 'summary-consistency',
    summary:
      'The executive summary carries the overview report’s recommendations and action plan in full, and the ' +
      'panel by job title and organisation.',
    description: `For an executive summary whose front matter names its overview report (\`overview: overview-report.md\`, resolved against the summary’s own path), compares the two:

- every recommendation of the overview must be in the summary. Recommendations are matched by **similarity, not exact text**: the token Jaccard index of their content words (lower case, punctuation folded, common words such as “the”, “will”, “should” left out — list in \`src/data/summary-consistency.json\` — and a light stem so that “share”, “sharing” and “shared” count as one word). Pairs are matched greedily, best first. At or above \`sameThreshold\` (default 0.8) a recommendation is the same; from \`similarThreshold\` (default 0.4) up to it, it is **reworded** (a warning offering the overview’s wording as the replacement); below it, the overview’s recommendation is **missing** (a warning whose fix adds it at the end of the summary’s recommendations) and a summary recommendation with no partner is **not in the overview**;
- the overview’s **action plan must be included in full**: each row of the overview’s action plan tables must match a row of the summary’s (Jaccard of the row’s words at least \`actionRowThreshold\`, default 0.7). A summary with no action plan gets one warning whose fix inserts the overview’s tables; missing rows are listed in one warning;
- the **panel membership** section must list members by **job title and organisation**: each entry (list item, line or table row) needs a job title word (“Head of…”, “Manager”, “Designated Nurse”…) and an organisation (an agency from the gazetteer or an organisation word such as “Trust”, “Council”, “Constabulary”). A panel section with no entries is flagged; a missing panel section is left to \`required-sections\`.

The engine never reads files: the editor or command line reads the overview and passes its text in the engine settings \`documents\` (path → text; \`documentReferences(markdown, path)\` in \`src/engine/documents.ts\` lists the paths to read). When the front matter names no overview, or its text was not supplied, one **info** says that the comparison could not run and why (the front end passes the reason a file could not be read — no file at that path, outside the workspace folder… — in \`documentErrors\`, by the same path).`,
    why:
      'The executive summary is the published document: it must represent the full overview report ' +
      'accurately and carry the action plan in full and the panel membership by job title and organisation. ' +
      'Primer §1 (the documents) and §2 (executive summary sections); recommendations and action plans per ' +
      '§4 and §8.',
    primer: '§1 The documents; §2 Expected sections (executive summary); §8 Action plans',
    reportTypes: ['executive-summary'],
    defaultSeverity: 'warning',
    fixable: true,
    options: [
      {
        name: 'sameThreshold',
        type: 'number',
        default: 0.8,
        description:
          'Similarity (token Jaccard, 0–1) at or above which a summary recommendation is the overview’s ' + 'recommendation as written.',
      },
      {
        name: 'similarThreshold',
        type: 'number',
        default: 0.4,
        description:
          'Similarity from which a summary recommendation is taken as a rewording of an overview ' +
          'recommendation; below it the two are unrelated.',
      },
      {
        name: 'actionRowThreshold',
        type: 'number',
        default: 0.7,
        description: 'Similarity at or above which a summary action plan row is the overview’s row.',
      },
    ],
    defaults: { sameThreshold: 0.8, similarThreshold: 0.4, actionRowThreshold: 0.7 },
    examples: [
      {
        title: 'A summary that carries the overview’s recommendations, action plan and panel is left alone',
        markdown: `---
report-type: executive-summary
overview: overview.md
---
# Executive summary: Child A

## Panel membership

- Independent Chair, Northshire Safeguarding Children Partnership
- Head of Safeguarding, Northshire Hospital Trust

## Recommendations

1. Northshire Constabulary will share every domestic abuse notification with Children's Social Care within one working day.
2. The Health Visiting Service will ask at every contact who lives in the household.

## Action plan

| Recommendation | Action | Lead | Target date |
| --- | --- | --- | --- |
| 1 | Share notifications daily | Detective Superintendent, Public Protection | June 2013 |
| 2 | Add the household question | Head of Health Visiting | April 2013 |
`,
        settings: {
          documents: {
            'overview.md': `---
report-type: overview
---
# Overview report

## Recommendations

1. Northshire Constabulary will share every domestic abuse notification with Children's Social Care within one working day.
2. The Health Visiting Service will ask at every contact who lives in the household.

## Action plan

| Recommendation | Action | Lead | Target date |
| --- | --- | --- | --- |
| 1 | Share notifications daily | Detective Superintendent, Public Protection | June 2013 |
| 2 | Add the household question | Head of Health Visiting | April 2013 |
`,
          },
        },
        flags: [],
      },
      {
        title: 'A missing recommendation, a reworded one, an action plan not in full and a panel member without an ' + 'organisation',
        markdown: `---
report-type: executive-summary
overview: ../reports/overview.md
---
# Executive summary: Child B

## Panel membership

- Head of Safeguarding, Northshire Hospital Trust
- Designated Nurse

## Recommendations

1. Northshire Constabulary should consider sharing notifications with Children's Social Care.

## Action plan

| Recommendation | Action | Lead | Target date |
| --- | --- | --- | --- |
| 1 | Share notifications daily | Detective Superintendent, Public Protection | June 2013 |
`,
        settings: {
          documents: {
            '../reports/overview.md': `## Recommendations

1. Northshire Constabulary will share every domestic abuse notification with Children's Social Care within one working day.
2. The Health Visiting Service will ask at every contact who lives in the household.

## Action plan

| Recommendation | Action | Lead | Target date |
| --- | --- | --- | --- |
| 1 | Share notifications daily | Detective Superintendent, Public Protection | June 2013 |
| 2 | Add the household question | Head of Health Visiting | April 2013 |
`,
          },
        },
        flags: [
          { line: 10, message: 'organisation' },
          { line: 12, message: 'leaves out recommendation' },
          { line: 14, message: 'reworded' },
          { line: 18, message: 'leaves out 1 of' },
        ],
      },
      {
        title: 'The overview was not supplied: one info says the comparison did not run',
        markdown: `---
report-type: executive-summary
overview: overview.md
---
# Executive summary

## Recommendations

1. The Board will audit referrals by March 2014.
`,
        flags: [{ line: 3, severity: 'info', message: 'overview.md' }],
      },
      {
        title: 'The front end could not read the overview: the info gives the reason',
        markdown: `---
report-type: executive-summary
overview: overveiw.md
---
# Executive summary

## Recommendations

1. The Board will audit referrals by March 2014.
`,
        settings: { documentErrors: { 'overveiw.md': 'no file at that path' } },
        flags: [{ line: 3, severity: 'info', message: 'could not be read' }],
      },
    ],
  },
  ({ report, options, file, flag, memo }) => {
    // Panel membership: job titles and organisations (needs no overview).
    const panel = panelSections(report);
    if (panel.length > 0) {
      const entries = panelEntries(report);
      // A panel section with only its template prompt is not written yet (the prompt is reported).
      if (entries.length === 0 && panel.some((s) => sectionWritten(report, s))) {
        const section = panel[0]!;
        flag({
          start: section.start,
          end: section.heading.position?.end.offset ?? section.start,
          message:
            'The panel membership section lists no members. List each panel member by job title and organisation, ' +
            'for example “Head of Safeguarding, Northshire Hospital Trust”.',
          data: { check: 'panel' },
        });
      }
      for (const entry of entries) {
        const hasTitle = new RegExp(JOB_TITLE.source, JOB_TITLE.flags).test(entry.text);
        const hasOrganisation =
          findAgencies(entry.text, report.settings.agencies).length > 0 ||
          new RegExp(ORGANISATION.source, ORGANISATION.flags).test(entry.text);
        if (hasTitle && hasOrganisation) continue;
        const missing = !hasTitle && !hasOrganisation ? 'a job title and an organisation' : !hasTitle ? 'a job title' : 'an organisation';
        flag({
          start: entry.start,
          end: entry.end,
          message: `This panel member is listed without ${missing}: ${quote(entry.text)}. Give each panel member’s job title and organisation.`,
          data: { check: 'panel', missing: [...(hasTitle ? [] : ['job title']), ...(hasOrganisation ? [] : ['organisation'])] },
        });
      }
    }

    const reference = overviewReference(report);
    if (!reference) {
      flag({
        start: report.frontMatter.start ?? 0,
        end: report.frontMatter.start ?? 0,
        severity: 'info',
        message:
          'This executive summary does not say which overview report it summarises, so their recommendations ' +
          'and action plans were not compared. Add `overview:` with the overview report’s file name to the ' +
          'front matter.',
        data: { check: 'overview-unavailable', reason: 'no-reference' },
      });
      return;
    }
    // `overview: "[insert …]"` from a template: the placeholder is reported (template-placeholder); nothing to compare yet.
    if (findPlaceholders(reference.raw).length > 0) return;
    const path = resolveReference(file.path || undefined, reference.raw);
    const overviewText = lookupDocument(report.settings.documents, path, reference.raw);
    const problem = lookupDocument(report.settings.documentErrors, path, reference.raw);
    if (overviewText === undefined && problem !== undefined) {
      flag({
        start: reference.offset,
        end: reference.offset + 'overview'.length,
        severity: 'info',
        message: `The overview report could not be read, so recommendations and the action plan were not compared. Check \`overview: ${reference.raw}\` in the front matter (${problem}).`,
        data: { check: 'overview-unavailable', reason: 'unreadable', path, problem },
      });
      return;
    }
    if (overviewText === undefined) {
      flag({
        start: reference.offset,
        end: reference.offset + 'overview'.length,
        severity: 'info',
        message: `The overview report was not available, so recommendations and the action plan were not compared. Lint ${quote(reference.raw)} together with this summary, in the editor or on the command line.`,
        data: { check: 'overview-unavailable', reason: 'not-supplied', path },
      });
      return;
    }
    // The settings that change how the overview is read (its report type is fixed).
    const settings = report.settings;
    const overview = memo<OverviewFacts>('overview facts', [settings.agencies, settings.child, settings.profiles], OVERVIEW_TEXTS_KEPT).get(
      overviewText,
      () => overviewFacts(overviewText, settings),
    );

    // Recommendations.
    const ours = findRecommendations(report);
    const theirs = overview.recommendations;
    const ourTexts = ours.map((r) => recText(report, r));
    const theirTexts = overview.texts;
    const pairs = pairUp(theirTexts, ourTexts, options.similarThreshold);
    const recSection = recommendationSections(report)[0];
    const anchor = recSection ?? report.outline.find((s) => !s.isTitle) ?? report.outline[0];
    const anchorStart = anchor?.start ?? report.frontMatter.end ?? 0;
    const anchorEnd = anchor ? (anchor.heading.position?.end.offset ?? anchor.start) : anchorStart;
    const lastRec = ours[ours.length - 1];
    const insertAt = lastRec ? lastRec.end : recSection ? recSection.end : report.text.length;
    theirs.forEach((rec, i) => {
      const pair = pairs.get(i);
      if (!pair) {
        flag({
          start: anchorStart,
          end: anchorEnd,
          message: `The executive summary leaves out recommendation ${rec.number} of the overview report. Add it as the overview report gives it: ${quote(theirTexts[i]!)}.`,
          data: { check: 'recommendation-missing', overviewNumber: rec.number, overviewText: theirTexts[i] },
          fixes: [
            insertionFix(
              `Add recommendation ${rec.number} of the overview report`,
              insertAt,
              `\n${lastRec ? '' : '\n'}- ${theirTexts[i]}\n`,
              { scaffold: true },
            ),
          ],
        });
      } else if (pair.score < options.sameThreshold) {
        const mine = ours[pair.index]!;
        flag({
          start: mine.textStart,
          end: mine.textEnd,
          message: `This recommendation is reworded from recommendation ${rec.number} of the overview report (${Math.round(pair.score * 100)}% similar). Give it as the overview report does: ${quote(theirTexts[i]!)}.`,
          expected: [rec.text],
          data: {
            check: 'recommendation-reworded',
            overviewNumber: rec.number,
            overviewText: theirTexts[i],
            similarity: Math.round(pair.score * 100) / 100,
          },
        });
      }
    });
    const matched = new Set([...pairs.values()].map((p) => p.index));
    ours.forEach((rec, i) => {
      if (matched.has(i) || theirs.length === 0) return;
      flag({
        start: rec.textStart,
        end: rec.textEnd,
        message: 'This recommendation is not in the overview report. Give the overview report’s recommendations as they stand.',
        data: { check: 'recommendation-extra' },
      });
    });

    // The action plan in full.
    const theirPlans = overview.plans;
    const theirRows = overview.rows;
    if (theirRows.length === 0) return;
    const ourPlans = findActionPlans(report);
    const planSection = sectionsWithRole(report, 'action-plan')[0];
    if (ourPlans.length === 0) {
      const tables = theirPlans.map((p) => overviewText.slice(p.table.start, p.table.end)).join('\n\n');
      const at = planSection ? (planSection.heading.position?.end.offset ?? planSection.start) : report.text.length;
      flag({
        start: planSection?.start ?? anchorStart,
        end: planSection ? at : anchorEnd,
        message: `The executive summary has no action plan. Give the overview report’s action plan in full (${theirRows.length} action${theirRows.length === 1 ? '' : 's'}).`,
        data: { check: 'action-plan-missing' },
        fixes: [
          insertionFix('Add the overview report’s action plan', at, planSection ? `\n\n${tables}\n` : `\n## Action plan\n\n${tables}\n`, {
            scaffold: true,
          }),
        ],
      });
      return;
    }
    const ourRows = ourPlans.flatMap((plan) => plan.rows.map((row) => row.row.cells.map((c) => c.text).join(' ')));
    const rowPairs = pairUp(
      theirRows.map((r) => r.text),
      ourRows,
      options.actionRowThreshold,
    );
    const missing = theirRows.filter((_, i) => !rowPairs.has(i));
    if (missing.length === 0) return;
    const first = ourPlans[0]!.table;
    const headerEnd = first.node.children[0]?.position?.end.offset ?? first.start;
    flag({
      start: first.start,
      end: headerEnd,
      message: `The action plan leaves out ${missing.length} of the overview report’s ${theirRows.length} actions. Give it in full; missing: ${missing
        .slice(0, 3)
        .map((m) => quote(m.text))
        .join(', ')}${missing.length > 3 ? ', …' : ''}.`,
      data: { check: 'action-plan-incomplete', missingRows: missing.map((m) => m.text) },
    });
  },
);
