/**
 * The New Report wizard's questions and its checks of the answers, as the author
 * types them (pure: no VS Code, unit-tested). Dates are read day first, in any
 * form the engine reads (“01/03/2007”, “1.3.07”, “1 March 2007”, “March 2007”),
 * and written one way: `dd/MM/yyyy`, or “March 2007” for a month alone.
 */
import { dateEndKey, dateKey, normaliseTypedDate, parseDate } from '../index.js';

/** The questions, in the order they are asked. */
export type WizardStepId = 'reportType' | 'child' | 'agency' | 'periodStart' | 'periodEnd' | 'reportDate' | 'independence';

const ORDER: readonly WizardStepId[] = ['reportType', 'child', 'agency', 'periodStart', 'periodEnd', 'reportDate', 'independence'];

/**
 * The questions still to ask: all but those answered beforehand (`given`); the
 * agency only for an Individual Management Review (or when it was given, and then not asked).
 */
export function wizardSteps(reportType: string | undefined, given: ReadonlySet<WizardStepId>): WizardStepId[] {
  return ORDER.filter((id) => !given.has(id) && (id !== 'agency' || reportType === 'imr'));
}

/** How to write a date, for the messages. */
export const DATE_HINT = 'Type it day first, such as 01/03/2007 or 1 March 2007.';

/** What a typed date answer comes to: nothing yet (the template keeps its placeholder), the date as it will be written, or why it cannot be used. */
export type DateAnswer = { kind: 'empty' } | { kind: 'date'; date: string } | { kind: 'error'; message: string };

export function readDateAnswer(value: string): DateAnswer {
  const typed = value.trim();
  if (!typed) return { kind: 'empty' };
  const result = normaliseTypedDate(typed);
  if ('date' in result) return { kind: 'date', date: result.date };
  return { kind: 'error', message: `${result.error[0]!.toUpperCase()}${result.error.slice(1)}. ${DATE_HINT}` };
}

/**
 * Why a review period cannot be used, or undefined: its end must come after its
 * start (dates as `readDateAnswer` writes them; a month counts from its first day
 * for the start and to its last day for the end).
 */
export function periodProblem(start: string | undefined, end: string | undefined): string | undefined {
  const from = start ? parseDate(start) : undefined;
  const to = end ? parseDate(end) : undefined;
  if (!from || !to) return undefined;
  if (dateEndKey(to) > dateKey(from)) return undefined;
  return `The review period cannot end on ${end} when it starts on ${start}. Type a date after the start.`;
}

/** The child's pseudonym(s), or why the answer cannot be used: a report is always about a child, and the wizard never picks one for the author. */
export function readChildAnswer(value: string): { children: string[] } | { error: string } {
  const children = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (children.length === 0)
    return { error: 'Type the child’s pseudonym, such as “Child D”. For brothers and sisters, separate the names with commas.' };
  return { children };
}
