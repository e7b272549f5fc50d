/**
 * Checking what a report says about itself, as the config file is checked:
 * front matter keys, `case-review-lint: { rules: … }` (rule ids, levels and
 * options), dates (`period-start`, `period-end`, `report-date`), a period that
 * ends before it starts, `publication:` and `publication-exceptions:`, and the
 * rule ids named in control comments. Each problem has document offsets; the
 * `front-matter` rule reports them. Messages are for authors: the problem in a
 * short sentence, then what to write.
 */
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { dateEndKey, dateKey, describeBadDate, parseDate } from './dates.js';
import { readControlComments } from './message-control.js';
import {
  frontMatterYaml,
  nodeRange,
  NOT_PUBLIC_VALUES,
  PUBLIC_VALUES,
  PUBLICATION_EXCEPTIONS_KEY,
  readPublicationExceptions,
  topLevelPair,
  type SettingProblem,
} from './publication.js';
import type { Report } from './report.js';
import { definedRules, type RuleMeta } from './rule.js';

export type { SettingProblem } from './publication.js';

/** Every front matter key the product reads (src/engine, src/export, lint-rules). */
export const FRONT_MATTER_KEYS = [
  'report-type',
  'title',
  'board',
  'child',
  'children',
  'siblings',
  'agency',
  'author',
  'overview',
  'publication',
  PUBLICATION_EXCEPTIONS_KEY,
  'pseudonyms',
  'period-start',
  'period-end',
  'report-date',
  'date',
  'version',
  'marking',
  'case-review-lint',
] as const;

const DATE_KEYS: Record<string, string> = {
  'period-start': 'period start',
  'period-end': 'period end',
  'report-date': 'report date',
  date: 'date',
};
const LEVELS = ['off', 'on', 'info', 'warn', 'error'];

/** A template's date placeholder (DD/MM/YYYY, [date], TBC): the template-placeholder rule's business. */
const DATE_PLACEHOLDER = /^(?:d{1,2}[/.-]m{1,2}[/.-]y{2,4}|\[.*\]|tbc|tba|to be confirmed|x+[/.-]x+[/.-]x+)$/i;

/** Known names, the most similar to what was written first (shared letter pairs); only close ones. */
export function similarNames(written: string, known: readonly string[], limit = 1): string[] {
  const pairs = (s: string) => new Set([...s.toLowerCase()].map((c, i, a) => c + (a[i + 1] ?? '')));
  const mine = pairs(written);
  const score = (k: string) => [...pairs(k)].filter((p) => mine.has(p)).length / Math.max(pairs(k).size, mine.size);
  return known
    .map((k) => ({ k, s: score(k) }))
    .filter((x) => x.s >= 0.5)
    .sort((a, b) => b.s - a.s)
    .slice(0, limit)
    .map((x) => x.k);
}

/** A date as written, quoted when it holds a full stop (3.8.07) so the sentence still reads as one. */
const shown = (date: string) => (date.includes('.') ? `“${date}”` : date);

const quoteList = (items: readonly string[]) => items.map((i) => `“${i}”`).join(', ');

export function checkDocumentSettings(report: Report, rules: readonly RuleMeta<object>[] = definedRules()): SettingProblem[] {
  const problems: SettingProblem[] = [];
  problems.push(...checkControlComments(report, rules));
  const fm = report.frontMatter;
  if (fm.error || fm.start === undefined) return sortProblems(problems);
  const yaml = frontMatterYaml(report.text, fm);
  if (!yaml || !isMap(yaml.doc.contents)) return sortProblems(problems);
  const fallback = fm.start;

  // Keys.
  for (const pair of yaml.doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if ((FRONT_MATTER_KEYS as readonly string[]).includes(key)) continue;
    const [close] = similarNames(key, FRONT_MATTER_KEYS);
    problems.push({
      ...nodeRange(yaml, pair.key as YamlNode, fallback),
      severity: 'warning',
      message: close
        ? `“${key}” is not a front matter setting that is read. Did you mean “${close}”?`
        : `“${key}” is not a front matter setting that is read, so it changes nothing. Check its spelling; the settings read are ${quoteList(FRONT_MATTER_KEYS)}.`,
    });
  }

  // Dates, and a period that ends before it starts.
  const dates: Record<string, ReturnType<typeof parseDate>> = {};
  for (const [key, label] of Object.entries(DATE_KEYS)) {
    const pair = topLevelPair(yaml, key);
    if (!pair || !pair.value) continue;
    const raw: unknown = (pair.value as { toJSON?: () => unknown }).toJSON?.();
    const written =
      raw instanceof Date
        ? raw.toISOString().slice(0, 10)
        : typeof raw === 'string' || typeof raw === 'number'
          ? String(raw).trim()
          : undefined;
    const at = nodeRange(yaml, pair.value, fallback);
    if (written === undefined) {
      problems.push({ ...at, severity: 'error', message: `The ${label} is not a date. Write one date, such as 01/03/2007.` });
      continue;
    }
    if (written === '' || DATE_PLACEHOLDER.test(written)) continue;
    const date = parseDate(written);
    if (!date) {
      problems.push({
        ...at,
        severity: 'error',
        message: `The ${label} “${written}” is not a date that can be read. Write it day first, such as 01/03/2007 or 1 March 2007.`,
      });
    } else if (!date.valid) {
      problems.push({
        ...at,
        severity: 'error',
        message: `The ${label} ${shown(written)} is not a real date: ${describeBadDate(date)}. Check the date.`,
      });
    } else dates[key] = date;
  }
  const start = dates['period-start'];
  const end = dates['period-end'];
  if (start && end && dateKey(start) > dateEndKey(end)) {
    const pair = topLevelPair(yaml, 'period-end');
    problems.push({
      ...nodeRange(yaml, pair?.value, fallback),
      severity: 'error',
      message: `The period end ${shown(end.text)} is before its start ${shown(start.text)}. Check the dates.`,
    });
  }

  // Publication.
  const publication = topLevelPair(yaml, 'publication');
  if (publication?.value) {
    const raw: unknown = (publication.value as { toJSON?: () => unknown }).toJSON?.();
    const value = typeof raw === 'string' ? raw.trim().toLowerCase() : String(raw);
    if (![...PUBLIC_VALUES, ...NOT_PUBLIC_VALUES].includes(value as never)) {
      problems.push({
        ...nodeRange(yaml, publication.value, fallback),
        severity: 'error',
        message: `“${String(raw)}” is not a publication setting, so the report is treated as one to be published (export refuses while names or identifiers remain). Write “public” for a report that will be published, or “internal”.`,
      });
    }
  }
  problems.push(...readPublicationExceptions(report.text, fm).problems);

  // case-review-lint: { rules: … }
  const own = topLevelPair(yaml, 'case-review-lint');
  if (own) problems.push(...checkRuleSettings(yaml, own, rules, fallback));
  return sortProblems(problems);
}

function checkRuleSettings(
  yaml: NonNullable<ReturnType<typeof frontMatterYaml>>,
  own: { key: YamlNode; value: YamlNode | null },
  rules: readonly RuleMeta<object>[],
  fallback: number,
): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const example = 'such as “case-review-lint: { rules: { tor-questions: off } }”';
  if (!isMap(own.value)) {
    problems.push({
      ...nodeRange(yaml, own.value ?? own.key, fallback),
      severity: 'error',
      message: `The case-review-lint setting is not read. Write “rules:” inside it, ${example}.`,
    });
    return problems;
  }
  for (const pair of own.value.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (key !== 'rules') {
      problems.push({
        ...nodeRange(yaml, pair.key as YamlNode, fallback),
        severity: 'error',
        message: `“${key}” is not read under case-review-lint. Write “rules:” there, ${example}.`,
      });
      continue;
    }
    const rulesNode = pair.value as YamlNode | null;
    if (!isMap(rulesNode)) {
      problems.push({
        ...nodeRange(yaml, rulesNode ?? (pair.key as YamlNode), fallback),
        severity: 'error',
        message: `The rule settings are not read. Write each rule and its level, ${example}.`,
      });
      continue;
    }
    const ids = rules.map((r) => r.id);
    for (const rulePair of rulesNode.items) {
      if (!isScalar(rulePair.key)) continue;
      const id = String(rulePair.key.value);
      const rule = rules.find((r) => r.id === id);
      if (!rule) {
        const [close] = similarNames(id, ids);
        problems.push({
          ...nodeRange(yaml, rulePair.key as YamlNode, fallback),
          severity: 'error',
          message: `“${id}” is not a rule, so this setting changes nothing. ${close ? `Did you mean “${close}”?` : 'Check the rule’s name in its documentation.'}`,
        });
        continue;
      }
      const valueNode = rulePair.value as YamlNode | null;
      const value: unknown = valueNode && 'toJSON' in valueNode ? (valueNode as { toJSON(): unknown }).toJSON() : null;
      const [level, options] = Array.isArray(value) ? [value[0], value[1]] : [value, undefined];
      const levelNode = isSeq(valueNode) ? (valueNode.items[0] as YamlNode | undefined) : valueNode;
      if (typeof level !== 'string' || !LEVELS.includes(level)) {
        problems.push({
          ...nodeRange(yaml, levelNode ?? (rulePair.key as YamlNode), fallback),
          severity: 'error',
          message: `“${level === null || level === undefined ? '' : String(level)}” is not a level for “${id}”. Write off, on, info, warn or error.`,
        });
        continue;
      }
      if (options === undefined) continue;
      const optionsNode = isSeq(valueNode) ? ((valueNode.items[1] as YamlNode | undefined) ?? valueNode) : valueNode;
      if (typeof options !== 'object' || options === null || Array.isArray(options)) {
        problems.push({
          ...nodeRange(yaml, optionsNode, fallback),
          severity: 'error',
          message: `The options for “${id}” are not read. Write them as “name: value” pairs in braces.`,
        });
        continue;
      }
      for (const name of Object.keys(options)) {
        if (rule.options.some((o) => o.name === name)) continue;
        const known = rule.options.map((o) => o.name);
        const keyNode = isMap(optionsNode)
          ? (optionsNode.items.find((p) => isScalar(p.key) && String(p.key.value) === name)?.key as YamlNode | undefined)
          : undefined;
        problems.push({
          ...nodeRange(yaml, keyNode ?? optionsNode, fallback),
          severity: 'error',
          message:
            known.length > 0
              ? `“${name}” is not an option of “${id}”. Use ${quoteList(known)}.`
              : `“${id}” has no options, so “${name}” changes nothing. Remove it.`,
        });
      }
    }
  }
  return problems;
}

/** Rule ids in control comments (`<!-- case-review-lint disable tor-vauge-language -->`) that name no rule. */
function checkControlComments(report: Report, rules: readonly RuleMeta<object>[]): SettingProblem[] {
  const problems: SettingProblem[] = [];
  if (!report.text.includes('case-review-lint')) return problems;
  const ids = rules.map((r) => r.id);
  for (const comment of readControlComments(report.text)) {
    comment.rules.forEach((id, i) => {
      if (ids.includes(id)) return;
      const [close] = similarNames(id, ids);
      const start = comment.ruleOffsets[i]!;
      problems.push({
        start,
        end: start + id.length,
        severity: 'error',
        message: `“${id}” is not a rule, so this comment switches nothing off for it. ${close ? `Did you mean “${close}”?` : 'Check the rule’s name in its documentation.'}`,
      });
    });
  }
  return problems;
}

function sortProblems(problems: SettingProblem[]): SettingProblem[] {
  return problems.sort((a, b) => a.start - b.start);
}
