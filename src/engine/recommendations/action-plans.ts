/**
 * Action plans (primer §8): finding their tables, reading each row's reference,
 * lead, date and measure, matching rows to recommendations, and the rows and
 * sections the action-plan-coverage fixes insert.
 */
import type { Report } from '../report.js';
import type { Section } from '../outline.js';
import { sectionsWithRole, type SectionRole } from '../section-roles.js';
import { tablesIn, type Cell, type Row, type TableModel } from '../tables.js';
import { dateKey, findDates } from '../dates.js';
import { normalizePhrase } from '../text.js';
import { stringValue } from '../front-matter.js';
import { SAME_AS_ABOVE, tableColumns, type ColumnId } from './cells.js';
import { recommendationSections, type Recommendation } from './find.js';
import { keyVariants, looksLikeLabelCell, matchLabel, recommendationKey, referencesIn } from './labels.js';
import { plainText, type Span } from './plain-text.js';
import { analyseRecommendation, type SmartAnalysis } from './smart.js';

export interface ActionRow {
  row: Row;
  /** Recommendation keys the row serves (from the reference or recommendation column; "as above" rows inherit). */
  refs: string[];
  /** Where the reference was read (for messages about a missing recommendation). */
  refSpan?: Span;
  /** The recommendation text in the row, when the plan repeats it instead of a number. */
  recommendationText?: string;
  cells: Partial<Record<ColumnId, Cell>>;
}

export interface ActionPlan {
  table: TableModel;
  columns: Partial<Record<ColumnId, number>>;
  /** The action plan section holding the table, if any. */
  section?: Section;
  rows: ActionRow[];
}

/** The innermost section with this role around `offset`. */
function sectionAt(report: Report, offset: number, role: SectionRole): Section | undefined {
  return sectionsWithRole(report, role)
    .filter((s) => offset >= s.start && offset < s.end)
    .pop();
}

function inChronology(report: Report, offset: number): boolean {
  return sectionAt(report, offset, 'chronology') !== undefined;
}

function isActionPlanTable(report: Report, model: TableModel, columns: Partial<Record<ColumnId, number>>): boolean {
  if (model.header.length < 2) return false;
  const has = (c: ColumnId) => columns[c] !== undefined;
  if (sectionAt(report, model.start, 'action-plan')) return true;
  if (
    sectionAt(report, model.start, 'recommendations') ||
    recommendationSections(report).some((s) => model.start >= s.start && model.start < s.end)
  ) {
    return has('action') && (has('lead') || has('date') || has('measure'));
  }
  if (inChronology(report, model.start)) return false;
  return has('action') && has('lead') && (has('date') || has('measure') || has('reference') || has('recommendation'));
}

/**
 * Action plan tables: every table under a heading that means Action plan, and
 * any other table whose header has action-plan columns (action and lead, with a
 * date, measure or recommendation column). Columns are mapped to logical ids.
 */
export function findActionPlans(report: Report): ActionPlan[] {
  let plans = actionPlanCache.get(report);
  if (!plans) actionPlanCache.set(report, (plans = readActionPlans(report)));
  return plans;
}

const actionPlanCache = new WeakMap<Report, ActionPlan[]>();

/** A cell that explains what to write rather than saying it: a question (“Who will lead?”), or an instruction (“State the lead officer”, “e.g. …”). */
const GUIDANCE_CELL =
  /^(?:[[(]\s{0,3})?(?:(?:e\.\s?g\.|for example|insert|state|enter|describe|give|list|specify|identify|include|record|detail|name of|details of)(?![\p{L}\p{N}])|[^.!]{0,300}\?\s{0,3}[\])]?$)/iu;

/**
 * A template's guidance row: a leading body row whose cells explain what to write in
 * each column (“What is the recommendation?”, “Local, regional or national level?”).
 * It takes at least two guidance cells, and more guidance cells than any other kind.
 */
function isGuidanceRow(row: Row): boolean {
  const filled = row.cells.filter((c) => c.text);
  const guidance = filled.filter(
    (c) => GUIDANCE_CELL.test(c.text.trim()) || /^(?:red,?\s{1,3}amber,?\s{1,3}(?:or\s{1,3}|and\s{1,3})?green|rag)$/i.test(c.text.trim()),
  );
  return guidance.length >= 2 && guidance.length * 2 > filled.length;
}

/**
 * A row that heads a group of actions (“Recording”, “Information sharing”): only its
 * first cell is filled, with a short title that is not a recommendation number.
 */
function isGroupHeadingRow(row: Row): boolean {
  const [first, ...rest] = row.cells;
  if (!first?.text || rest.length === 0 || rest.some((c) => c.text)) return false;
  const text = first.text.trim();
  return (
    /\p{L}/u.test(text) &&
    !/[.;?]$/.test(text) &&
    text.split(/\s+/).length <= 5 &&
    !looksLikeLabelCell(text) &&
    referencesIn(text).length === 0
  );
}

function readActionPlans(report: Report): ActionPlan[] {
  const plans: ActionPlan[] = [];
  for (const model of tablesIn(report)) {
    const columns = tableColumns(model);
    if (!isActionPlanTable(report, model, columns)) continue;
    const rows: ActionRow[] = [];
    let previous: ActionRow | undefined;
    let leading = true;
    for (const row of model.rows) {
      // Guidance rows come before the first real row of a template's plan.
      if (leading && isGuidanceRow(row)) continue;
      leading = false;
      if (isGroupHeadingRow(row)) continue;
      const cells: Partial<Record<ColumnId, Cell>> = {};
      for (const [id, index] of Object.entries(columns) as [ColumnId, number][]) {
        const cell = row.cells[index];
        if (cell) cells[id] = cell;
      }
      if (row.cells.every((c) => !c.text)) continue;
      const refCell = cells.reference ?? cells.recommendation;
      let refs: string[] = [];
      let refSpan: Span | undefined;
      let recommendationText: string | undefined;
      if (cells.reference?.text) {
        refs = referencesIn(cells.reference.text);
        refSpan = { start: cells.reference.start, end: cells.reference.end, text: cells.reference.text };
      }
      if (refs.length === 0 && cells.recommendation?.text) {
        const text = cells.recommendation.text;
        if (looksLikeLabelCell(text) || text.length <= 40) refs = referencesIn(text.split(/\s+/).slice(0, 3).join(' '));
        const label = matchLabel(plainText(text));
        if (refs.length === 0 && label?.kind === 'recommendation') refs = [recommendationKey(label.number)];
        if (text.length > 40) recommendationText = text;
        refSpan = { start: cells.recommendation.start, end: cells.recommendation.end, text };
      }
      if (
        refs.length === 0 &&
        !recommendationText &&
        previous &&
        (!refCell || !refCell.text || SAME_AS_ABOVE.has(refCell.text.trim().toLowerCase()))
      ) {
        refs = previous.refs;
        recommendationText = previous.recommendationText;
      }
      const actionRow: ActionRow = { row, refs, refSpan, recommendationText, cells };
      rows.push(actionRow);
      previous = actionRow;
    }
    plans.push({ table: model, columns, section: sectionAt(report, model.start, 'action-plan'), rows });
  }
  return plans;
}

/** Resolve "as above" / ditto cells of one column to the last real value above them. */
export function effectiveCell(plan: ActionPlan, rowIndex: number, column: ColumnId): Cell | undefined {
  for (let i = rowIndex; i >= 0; i--) {
    const cell = plan.rows[i]?.cells[column];
    if (!cell) return undefined;
    if (!SAME_AS_ABOVE.has(cell.text.trim().toLowerCase())) return cell;
  }
  return undefined;
}

/** The report's own date (front matter `report-date`, or `date`), as a sortable key. */
export function reportDateKey(report: Report): { key: number; text: string } | undefined {
  for (const field of ['report-date', 'date', 'publication-date']) {
    const value = stringValue(report.frontMatter.data[field]);
    if (!value) continue;
    const [date] = findDates(value);
    if (date?.valid) return { key: dateKey(date.day === undefined ? { ...date, day: 1 } : date), text: value };
  }
  return undefined;
}

function normalizedStart(text: string): string {
  return normalizePhrase(text).slice(0, 60);
}

/** Does an action row serve a recommendation (by key, by base key "1.2" → "1", or by repeating its words)? */
export function rowServes(row: ActionRow, rec: Recommendation): boolean {
  if (row.refs.some((r) => keyVariants(r).includes(rec.id) || keyVariants(rec.id).includes(r))) return true;
  if (row.recommendationText) {
    const a = normalizedStart(row.recommendationText);
    const b = normalizedStart(rec.text);
    const n = Math.min(a.length, b.length, 40);
    return n >= 20 && a.slice(0, n) === b.slice(0, n);
  }
  return false;
}

function escapeCell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

/** A pre-filled action plan row for a recommendation, in the plan's column order. */
export function actionRowText(plan: ActionPlan | undefined, rec: Recommendation, analysis: SmartAnalysis): string {
  const values: Record<ColumnId, string> = {
    reference: rec.number,
    recommendation: rec.number,
    action: `[action to deliver recommendation ${rec.number}]`,
    lead: analysis.owner ? escapeCell(analysis.owner.text) : '[lead agency and officer]',
    date: analysis.deadline ? escapeCell(analysis.deadline.text.replace(/^(?:by|before|in|during)\s{1,8}/i, '')) : '[target date]',
    measure: analysis.measure ? `[evidence: ${escapeCell(analysis.measure.text)}]` : '[measure of success]',
    status: 'Not started',
  };
  if (!plan) return `| ${values.reference} | ${values.action} | ${values.lead} | ${values.date} | ${values.measure} | ${values.status} |`;
  const byIndex = new Map<number, ColumnId>();
  for (const [id, index] of Object.entries(plan.columns) as [ColumnId, number][]) byIndex.set(index, id);
  const cells = plan.table.header.map((_, index) => {
    const id = byIndex.get(index);
    return id ? values[id] : '';
  });
  return `| ${cells.join(' | ')} |`;
}

/** A whole action plan section with one row per recommendation (when the report has none). */
export function actionPlanSectionText(report: Report, recs: Recommendation[], level: number, withHeading = true): string {
  const header =
    '| Recommendation | Action | Lead agency and officer | Target date | Measure of success | Status ' +
    '(RAG) |\n| --- | --- | --- | --- | --- | --- |';
  const rows = recs.map((rec) => actionRowText(undefined, rec, analyseRecommendation(report, rec))).join('\n');
  const heading = withHeading ? `${'#'.repeat(Math.min(6, Math.max(1, level)))} Action plan\n\n` : '';
  return `${heading}${header}\n${rows}\n`;
}

/** Is a recommendation a row of a table that is also an action plan (its cells are then judged by the action-plan-* rules)? */
export function inActionPlanTable(report: Report, rec: Recommendation): boolean {
  return rec.table !== undefined && findActionPlans(report).some((p) => p.table.start === rec.table!.model.start);
}
