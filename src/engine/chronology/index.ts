/**
 * Chronology tables (primer §7): finding them, mapping their columns, reading
 * each row's date (dates.ts reads dates as UK case reviews write them), putting
 * rows in date order and rewriting dates in one format. Shared by the
 * chronology-* rules, the merge of IMR chronologies and the editor (sort fix,
 * "Normalise chronology dates", "Show timeline"). Nothing here touches the file system.
 *
 * - table.ts: finding and reading chronology tables;
 * - order.ts: date order and the sort fix;
 * - edits.ts: dates in one format, missing columns added;
 * - timeline.ts: timeline data for the editor;
 * - agencies.ts, child-seen.ts, period.ts: what rows and front matter say;
 * - types.ts: the shapes and constants they share.
 */
export { normaliseDate, parseChronologyDate, parseTime, type ChronologyDate, type ChronologyPrecision, type DateValue } from '../dates.js';
export { agencyFamilies, sourceAgencyFamilies } from './agencies.js';
export { childContactMatch, isBlankCell, isChildContact, readChildSeen } from './child-seen.js';
export { addChronologyColumns, applyEdits, dateEdits, normaliseChronologyDates, type TextEdit } from './edits.js';
export {
  checkOrder,
  compareGroups,
  compareRows,
  isAnchored,
  rewriteTableRows,
  sortChronology,
  type OrderProblem,
  type OrderResult,
  type RowGroup,
} from './order.js';
export { frontMatterPeriod, type ReviewPeriod } from './period.js';
export { cellContent, findChronologies, mapChronologyColumns } from './table.js';
export { chronologyTimeline, type TimelineData, type TimelineEvent, type TimelineGap } from './timeline.js';
export {
  CHRONOLOGY_COLUMNS,
  COLUMN_TITLES,
  DATE_FORMATS,
  type CellContent,
  type Chronology,
  type ChronologyColumn,
  type ChronologyRow,
  type DateState,
} from './types.js';
