/**
 * The cells of one column of every action plan, for the rules that check a
 * column row by row (action-plan-owner, action-plan-measure, action-plan-date).
 *
 * A placeholder never counts as an answer, and is reported once, by
 * template-placeholder: a cell that holds only placeholders (“[lead agency and
 * officer]”, “[target date]”, “[evidence: audit]”) is left out here, and a cell
 * with words beside a placeholder is judged by those words alone.
 */
import {
  cellContent,
  effectiveCell,
  findActionPlans,
  type ActionPlan,
  type ActionRow,
  type ColumnId,
  type Span,
} from './recommendations/index.js';
import type { Report } from './report.js';
import type { Cell } from './tables.js';
import { blankPlaceholders, hasPlaceholder, onlyPlaceholders } from './placeholders.js';

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
      const effective = effectiveCell(plan, index, column) ?? raw;
      if (onlyPlaceholders(effective.text)) continue;
      const cell = hasPlaceholder(effective.text)
        ? { ...effective, text: blankPlaceholders(effective.text).replace(/\s+/g, ' ').trim() }
        : effective;
      yield { plan, row, raw: effective === raw ? cell : raw, cell, span: cellContent(report, raw) };
    }
  }
}
