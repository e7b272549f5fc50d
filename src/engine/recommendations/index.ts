/**
 * Recommendations and action plans (primer §4 and §8): finding them in a report
 * and judging each recommendation's SMART elements. Shared by the
 * recommendation-* and action-plan-* rules and by the editor's checklist and
 * quick fixes, so everything here is a plain function of the report.
 *
 * - find.ts: the recommendations of a report;
 * - smart.ts: judging one recommendation (owner, time bound, measure, main action);
 * - owners.ts, time-bounds.ts, measures.ts, vague-actions.ts: each SMART element;
 * - action-plans.ts: action plan tables and their rows;
 * - labels.ts, cells.ts, phrases.ts, plain-text.ts, sentence-structure.ts: what they share.
 */
export { trimEndChars, trimStartChars } from '../text.js';
export {
  actionPlanSectionText,
  actionRowText,
  effectiveCell,
  findActionPlans,
  inActionPlanTable,
  reportDateKey,
  rowServes,
  type ActionPlan,
  type ActionRow,
} from './action-plans.js';
export {
  cellContent,
  COLUMN_NAMES,
  COLUMN_SYNONYMS,
  isNonCommittal,
  REQUIRED_COLUMNS,
  saysCompleted,
  tableColumns,
  type ColumnId,
} from './cells.js';
export {
  findRecommendations,
  looksLikeRecommendation,
  recommendationSections,
  type ContextOwner,
  type OwnerVia,
  type Recommendation,
} from './find.js';
export { matchLabel, paragraphLabel, recommendationKey, referencesIn, type Label } from './labels.js';
export { findMeasure } from './measures.js';
export { findOwners, type OwnerHit, type OwnerKind, type OwnerProblem } from './owners.js';
export { PhraseMatcher, tokenize, type PhraseHit, type Token } from './phrases.js';
export { plainText, type Span } from './plain-text.js';
export {
  analyseRecommendation,
  firstLine,
  recommendationData,
  recommendationFixes,
  recommendationPlain,
  smartScaffold,
  type AnalysisOptions,
  type SmartAnalysis,
} from './smart.js';
export { findNonDates, findTimeBounds, type NonDate, type TimeBound } from './time-bounds.js';
export { type VagueAction } from './vague-actions.js';
