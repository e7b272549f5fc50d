/**
 * Fix providers for rules whose messages carry rule-specific editor data
 * (pure: no VS Code). Registered on the editor's fix registry by
 * `registerRuleFixes()`; the generic `expected` and `data.insert` providers
 * cover the rest (acronym expansion, a recommendation deadline placeholder,
 * child-voice's lived-experience section).
 *
 *   chronology-order      data.sortedTable  { start, end, text }   replace the table with its rows in date order
 *   action-plan-coverage  data.actionRow    { insertOffset, text } add the pre-filled action plan row (or whole plan)
 *   household-members     data.insert (+ data.person)              add the person to the family composition
 *   recommendation-*      data.insert (+ data.scaffold)            append the SMART scaffold to the recommendation
 */
import type { LintMessage } from '../engine/index.js';
import { fixRegistry, type Fix, type FixProvider, type FixRegistry } from './fixes.js';

function isSpan(value: unknown): value is { start: number; end: number; text: string } {
  const v = value as { start?: unknown; end?: unknown; text?: unknown } | undefined;
  return typeof v?.start === 'number' && typeof v.end === 'number' && typeof v.text === 'string';
}

function insertionOf(value: unknown, offsetKey: 'offset' | 'insertOffset'): { offset: number; text: string } | undefined {
  const v = value as Record<string, unknown> | undefined;
  const offset = v?.[offsetKey];
  const text = v?.text;
  return typeof offset === 'number' && typeof text === 'string' && text.length > 0 ? { offset, text } : undefined;
}

export const chronologySort: FixProvider = {
  id: 'chronology-order-sorted-table',
  ruleId: 'chronology-order',
  field: 'sortedTable',
  provide(message: LintMessage, text: string): Fix[] {
    const table = message.data?.sortedTable;
    if (!isSpan(table) || text.slice(table.start, table.end) === table.text) return [];
    return [{ title: 'Sort the chronology by date', changes: [{ start: table.start, end: table.end, text: table.text }], preferred: true, mechanical: true }];
  },
};

export const actionPlanRow: FixProvider = {
  id: 'action-plan-coverage-row',
  ruleId: 'action-plan-coverage',
  field: 'actionRow',
  provide(message) {
    const row = insertionOf(message.data?.actionRow, 'insertOffset');
    if (!row) return [];
    const number = (message.data?.recommendation as { number?: unknown } | undefined)?.number;
    const wholePlan = (message.data?.actionRow as { tableStart?: unknown }).tableStart === undefined;
    const title = wholePlan
      ? 'Add an action plan with a row for each recommendation'
      : `Add an action plan row for recommendation ${typeof number === 'string' || typeof number === 'number' ? number : ''}`.trimEnd();
    return [{ title, changes: [{ start: row.offset, end: row.offset, text: row.text }], preferred: true, mechanical: true, scaffold: true }];
  },
};

export const householdRow: FixProvider = {
  id: 'household-members-row',
  ruleId: 'household-members',
  field: 'insert',
  provide(message) {
    const insert = insertionOf(message.data?.insert, 'offset');
    if (!insert) return [];
    const person = typeof message.data?.person === 'string' && message.data.person ? `“${message.data.person}”` : 'this person';
    return [
      {
        title: `Add ${person} to the family composition`,
        changes: [{ start: insert.offset, end: insert.offset, text: insert.text }],
        preferred: true,
        mechanical: true,
        scaffold: true,
      },
    ];
  },
};

export const RECOMMENDATION_RULES = ['recommendation-owner', 'recommendation-deadline', 'recommendation-measure', 'recommendation-vague-action'] as const;

function smartScaffold(ruleId: string): FixProvider {
  return {
    id: `${ruleId}-smart-scaffold`,
    ruleId,
    field: 'insert',
    provide(message) {
      const insert = insertionOf(message.data?.insert, 'offset');
      if (!insert) return [];
      const scaffold = typeof message.data?.scaffold === 'string' ? message.data.scaffold : '';
      const parts = scaffold
        .split(';')
        .map((p) => p.split(':')[0]!.trim().toLowerCase())
        .filter(Boolean);
      return [
        {
          title: parts.length > 0 ? `Add the missing SMART parts (${parts.join(', ')})` : 'Add the missing SMART parts',
          changes: [{ start: insert.offset, end: insert.offset, text: insert.text }],
          // A deadline replacement (`expected`) is the better first choice when there is one.
          preferred: !(message.expected?.length),
          mechanical: true,
          scaffold: true,
        },
      ];
    },
  };
}

export const ruleFixProviders: FixProvider[] = [chronologySort, actionPlanRow, householdRow, ...RECOMMENDATION_RULES.map(smartScaffold)];

/** Register the rule-specific providers (idempotent: providers are keyed by id). */
export function registerRuleFixes(registry: FixRegistry = fixRegistry): () => void {
  const removers = ruleFixProviders.map((p) => registry.register(p));
  return () => removers.forEach((remove) => remove());
}
