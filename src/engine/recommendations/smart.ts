/**
 * Judging one recommendation's SMART elements (primer §4): its owner, time
 * bound, measure and main action, from its words, its table row and the
 * context it stands in; and what the recommendation-* rules offer from that
 * judgement (editor data, a scaffold of the missing parts).
 */
import type { Report } from '../report.js';
import type { Cell } from '../tables.js';
import { insertionFix, type Fix } from '../fixes.js';
import { blankPlaceholders, onlyPlaceholders, placeholderParts, type SmartPart } from '../placeholders.js';
import { cellAt, cellContent, isNonCommittal } from './cells.js';
import type { ContextOwner, Recommendation } from './find.js';
import { findMeasure } from './measures.js';
import { ownerInSentences, type OwnerProblem } from './owners.js';
import { plainText, type Span } from './plain-text.js';
import { findNonDates, findTimeBounds, type NonDate, type TimeBound } from './time-bounds.js';
import { findVagueAction, type VagueAction } from './vague-actions.js';

export interface SmartAnalysis {
  /**
   * Parts written only as a placeholder (“Lead: [named agency or role]”, a lead cell
   * “[lead agency and officer]”): missing, but reported by template-placeholder at the
   * placeholder, so the owner, deadline and measure rules do not report them again.
   */
  placeholders: Partial<Record<SmartPart, Span>>;
  owner?: ContextOwner;
  ownerProblem?: OwnerProblem;
  deadline?: TimeBound & { via: 'text' | 'heading' | 'intro' | 'table' };
  nonDates: NonDate[];
  measure?: Span;
  vagueAction?: VagueAction;
}

export interface AnalysisOptions {
  extraOwners?: readonly string[];
  extraNonDates?: readonly string[];
  extraMeasures?: readonly string[];
  extraVagueVerbs?: readonly string[];
}

/** The plain text of a recommendation, same length as its source (textStart..textEnd). */
export function recommendationPlain(report: Report, rec: Recommendation): string {
  return plainText(report.text.slice(rec.textStart, rec.textEnd));
}

/** Judge a recommendation's SMART elements: owner, time bound, measure, main action. */
export function analyseRecommendation(report: Report, rec: Recommendation, options: AnalysisOptions = {}): SmartAnalysis {
  const key = JSON.stringify([
    options.extraOwners ?? [],
    options.extraNonDates ?? [],
    options.extraMeasures ?? [],
    options.extraVagueVerbs ?? [],
    report.settings.agencies,
  ]);
  let byOptions = analysisCache.get(rec);
  if (!byOptions) analysisCache.set(rec, (byOptions = new Map()));
  let analysis = byOptions.get(key);
  if (!analysis) byOptions.set(key, (analysis = analyse(report, rec, options)));
  return analysis;
}

const analysisCache = new WeakMap<Recommendation, Map<string, SmartAnalysis>>();

function analyse(report: Report, rec: Recommendation, options: AnalysisOptions): SmartAnalysis {
  const extraOwners = [...(options.extraOwners ?? []), ...report.settings.agencies];
  // A placeholder never counts as an answer: it is blanked before anything is looked for.
  const written = recommendationPlain(report, rec);
  const plain = blankPlaceholders(written);
  const at = <T extends Span>(span: T): T => ({ ...span, start: rec.textStart + span.start, end: rec.textStart + span.end });
  const analysis: SmartAnalysis = { nonDates: [], placeholders: {} };
  for (const p of placeholderParts(written))
    analysis.placeholders[p.part] ??= at({ start: p.index, end: p.index + p.text.length, text: p.text });
  const cells = rec.table ? rec.table : undefined;
  const answered = (cell: Cell | undefined, part: SmartPart): Cell | undefined => {
    if (!cell || !onlyPlaceholders(cell.text)) return cell;
    analysis.placeholders[part] ??= cellContent(report, cell);
    return { ...cell, text: '' };
  };
  const lead = cells ? answered(cellAt(cells.row, cells.columns.lead), 'owner') : undefined;
  const dateCell = cells ? answered(cellAt(cells.row, cells.columns.date), 'deadline') : undefined;
  const measureCell = cells ? answered(cellAt(cells.row, cells.columns.measure), 'measure') : undefined;

  // Owner.
  const problems: OwnerProblem[] = [];
  const sentenceOwner = ownerInSentences(plain, extraOwners, problems);
  const leadSpan = lead ? cellContent(report, lead) : undefined;
  if (lead && leadSpan && lead.text && !isNonCommittal(lead.text, 'lead')) analysis.owner = { ...leadSpan, via: 'table' };
  else if (sentenceOwner) analysis.owner = at(sentenceOwner);
  else if (rec.contextOwner) analysis.owner = rec.contextOwner;
  if (!analysis.owner) {
    if (lead && leadSpan) {
      analysis.ownerProblem = { ...leadSpan, reason: lead.text ? 'non-committal-cell' : 'empty-cell' };
    } else {
      const problem = problems[0];
      analysis.ownerProblem = problem ? at(problem) : { ...firstLine(report, rec), reason: 'none' };
    }
  }

  // Time bound.
  const cellBound = dateCell && dateCell.text ? findTimeBounds(dateCell.text, { cell: true })[0] : undefined;
  const textBound = findTimeBounds(plain)[0];
  if (cellBound && dateCell) analysis.deadline = { ...cellBound, ...cellContent(report, dateCell), via: 'table' };
  else if (textBound)
    analysis.deadline = { ...at(textBound), kind: textBound.kind, endKey: textBound.endKey, date: textBound.date, via: 'text' };
  else if (rec.contextDeadline) analysis.deadline = { ...rec.contextDeadline, via: rec.kind === 'table-row' ? 'table' : 'heading' };
  if (!analysis.deadline) {
    const extra = options.extraNonDates ?? [];
    if (dateCell && dateCell.text) {
      const cellNon = findNonDates(dateCell.text, extra);
      const content = cellContent(report, dateCell);
      if (cellNon.length > 0 || isNonCommittal(dateCell.text, 'date')) {
        analysis.nonDates.push({ ...content, kind: cellNon[0]?.kind ?? 'vague', inCell: true });
      }
    }
    analysis.nonDates.push(...findNonDates(plain, extra).map(at));
  }

  // Measure.
  const measureText = measureCell && measureCell.text && !isNonCommittal(measureCell.text, 'measure') ? measureCell : undefined;
  if (measureText) analysis.measure = cellContent(report, measureText);
  else {
    const m = findMeasure(plain, options.extraMeasures ?? []);
    if (m) analysis.measure = at(m);
  }

  // Main action.
  const verb = findVagueAction(plain, options.extraVagueVerbs ?? []);
  if (verb) analysis.vagueAction = { ...verb, start: rec.textStart + verb.start, end: rec.textStart + verb.end };
  return analysis;
}

/** The first line of a recommendation's words: where messages about the whole recommendation point. */
export function firstLine(report: Report, rec: Recommendation): Span {
  const newline = report.text.indexOf('\n', rec.textStart);
  const end = Math.min(rec.textEnd, newline === -1 ? rec.textEnd : newline);
  return { start: rec.textStart, end, text: report.text.slice(rec.textStart, end) };
}

/** The missing SMART elements as a scaffold to append: "Lead: …; by: …; measure: …". */
export function smartScaffold(analysis: SmartAnalysis, always: SmartPart[] = []): string {
  // A part already written as a placeholder is waiting for the author: it is not added twice.
  const missing = (part: SmartPart) => always.includes(part) || (!analysis[part] && !analysis.placeholders[part]);
  const parts: string[] = [];
  if (missing('owner')) parts.push(`Lead: ${analysis.owner?.text ?? '[named agency or role]'}`);
  if (missing('deadline')) parts.push(`by: ${analysis.deadline?.text ?? '[insert date]'}`);
  if (missing('measure')) parts.push('measure: [how success will be evidenced, e.g. an audit reported to the Board]');
  return parts.join('; ');
}

/** Editor data shared by the recommendation-* messages. */
export function recommendationData(_report: Report, rec: Recommendation, analysis: SmartAnalysis): Record<string, unknown> {
  const scaffold = smartScaffold(analysis);
  const data: Record<string, unknown> = {
    recommendation: { number: rec.number, start: rec.start, end: rec.end },
    scaffold,
    smart: {
      owner: analysis.owner?.text ?? null,
      deadline: analysis.deadline?.text ?? null,
      measure: analysis.measure?.text ?? null,
      vagueAction: analysis.vagueAction?.verb ?? null,
    },
  };
  return data;
}

/**
 * The fix the recommendation-* rules offer: append the missing SMART parts as a
 * scaffold for the author to complete. Not the first choice when the message
 * also offers a replacement (`hasReplacement`).
 */
export function recommendationFixes(report: Report, rec: Recommendation, analysis: SmartAnalysis, hasReplacement = false): Fix[] {
  const scaffold = smartScaffold(analysis);
  if (!scaffold || rec.kind === 'table-row') return [];
  const written = report.text.slice(rec.textStart, rec.textEnd).trimEnd();
  const closed = /[.;:!?]$/.test(written);
  const parts = scaffold
    .split(';')
    .map((p) => p.split(':')[0]!.trim().toLowerCase())
    .filter(Boolean);
  const title = parts.length > 0 ? `Add the missing SMART parts (${parts.join(', ')})` : 'Add the missing SMART parts';
  return [
    insertionFix(title, rec.textStart + written.length, `${closed ? '' : '.'} ${scaffold}.`, {
      scaffold: true,
      preferred: !hasReplacement,
    }),
  ];
}
