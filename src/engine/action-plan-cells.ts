/**
 * The cells of one column of every action plan, for the rules that check a
 * column row by row (action-plan-owner, action-plan-measure, action-plan-date).
 */
import { cellContent, effectiveCell, findActionPlans, type ActionPlan, type ActionRow, type ColumnId, type Span } from './recommendations.js';
import type { Report } from './report.js';
import type { Cell } from './tables.js';

export interface PlanColumnCell {
  plan: ActionPlan;
  row: ActionRow;
  /** The cell as written in this row. */
  raw: Cell;
  /** The cell it stands for: “as above” and ditto marks take the row above. */
  cell: Cell;
  /** Where to flag: the written cell's content (the whole cell when it is empty). */
  span: Span;
}

/** Each row's cell in `column`, in every action plan that has that column (rows without the cell are skipped). */
export function* planColumnCells(report: Report, column: ColumnId): Generator<PlanColumnCell> {
  for (const plan of findActionPlans(report)) {
    if (plan.columns[column] === undefined) continue;
    for (const [index, row] of plan.rows.entries()) {
      const raw = row.cells[column];
      if (!raw) continue;
      yield { plan, row, raw, cell: effectiveCell(plan, index, column) ?? raw, span: cellContent(report, raw) };
    }
  }
}
