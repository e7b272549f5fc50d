/**
 * `defineRule`: wraps a rule function as a unified lint plugin, in the manner of
 * `unified-lint-rule`, with three differences this product needs:
 * - messages may be `info` as well as warnings and errors (vfile's `fatal: undefined`);
 * - a rule that throws is isolated: one error message names the rule and the failure,
 *   and the other rules still run;
 * - rules share one cached report model (type, profile, outline) instead of re-deriving it.
 */
import { ruleMemo, type ParagraphMemo } from './memo.js';
import type { Root } from 'mdast';
import type { Plugin, Processor } from 'unified';
import type { VFile } from 'vfile';
import type { EngineSettings, MessageData, RuleLevel, RuleSetting, Severity } from './types.js';
import { getReport, type Report } from './report.js';
import { replacementFixes, type Fix } from './fixes.js';
import { DEFAULT_SETTINGS, ruleDocUrl } from './settings.js';

export const SOURCE = 'case-review-lint';

/** One documented example: flags lists the lines that must be reported (empty: must not be flagged). */
export interface RuleExample {
  title: string;
  markdown: string;
  /** Rule options for this example. */
  options?: Record<string, unknown>;
  /** Engine settings for this example (for example the report type). */
  settings?: Partial<EngineSettings>;
  flags: { line: number; column?: number; severity?: Severity; message?: string }[];
}

export interface RuleOption {
  name: string;
  type: 'number' | 'string' | 'boolean' | 'string[]';
  default: unknown;
  description: string;
}

export interface RuleMeta<O extends object> {
  id: string;
  /** One line: what the rule checks. */
  summary: string;
  /** What it checks, in full (Markdown). */
  description: string;
  /** Why it matters, with the primer point it serves. */
  why: string;
  /** The primer section(s) the rule serves, e.g. "§3 Terms of reference". */
  primer: string;
  /** Report types the rule applies to; all when absent. */
  reportTypes?: string[];
  /** Level of messages when the rule's setting is `on`. */
  defaultSeverity: Severity;
  /** Does the rule carry `expected` replacements or insertions an editor can apply? */
  fixable: boolean;
  options: RuleOption[];
  defaults: O;
  examples: RuleExample[];
}

export interface Flag {
  /** 0-based offsets in the document. */
  start: number;
  end?: number;
  message: string;
  expected?: string[];
  /** Overrides the rule's default severity when the rule's setting is `on`. */
  severity?: Severity;
  data?: MessageData;
  /**
   * Fixes for this problem. Without them, each of `expected` becomes a fix that
   * replaces the flagged range (mechanical when there is only one).
   */
  fixes?: Fix[];
}

export interface RuleContext<O extends object> {
  report: Report;
  options: O;
  tree: Root;
  file: VFile;
  flag(flag: Flag): void;
  /**
   * A per-paragraph memo for this rule (results kept across lints of the document, so a relint
   * analyses only changed paragraphs): `context.memo<Hit[]>('hits', options.phrases).get(text, () => …)`.
   * `dependsOn` is what the results depend on besides the text (a string is used as the key itself).
   */
  memo<T>(name: string, dependsOn?: unknown, maxEntries?: number): ParagraphMemo<T>;
}

export type RuleFunction<O extends object> = (context: RuleContext<O>) => void;

export type CaseReviewRule<O extends object = object> = Plugin<[RuleSetting?], Root> & { meta: RuleMeta<O> };

/** A rule with any options: what a rule set holds (each rule's options are its own). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rules differ in their options; a set holds them all
export type AnyCaseReviewRule = CaseReviewRule<any>;

declare module 'unified' {
  interface Data {
    caseReviewSettings?: EngineSettings;
  }
}

const FATAL: Record<Severity, boolean | undefined> = { error: true, warning: false, info: undefined };
const FORCED: Partial<Record<RuleLevel, Severity>> = { info: 'info', warn: 'warning', error: 'error' };

/** Split a rule setting into its level and options. */
export function coerceSetting(setting: RuleSetting | undefined): { level: RuleLevel; options: Record<string, unknown> } {
  if (setting === undefined) return { level: 'on', options: {} };
  if (Array.isArray(setting)) return { level: setting[0] ?? 'on', options: setting[1] ?? {} };
  return { level: setting, options: {} };
}

/** A rule setting from front matter (`case-review-lint: { rules: { ID: off } }`), if any. */
function frontMatterSetting(report: Report, ruleId: string): RuleSetting | undefined {
  const block = report.frontMatter.data['case-review-lint'];
  if (!block || typeof block !== 'object') return undefined;
  const rules = (block as { rules?: unknown }).rules;
  if (!rules || typeof rules !== 'object') return undefined;
  return (rules as Record<string, RuleSetting>)[ruleId];
}

/** Ids of every rule made with defineRule (built-in and a board's own): what settings and comments may name. */
const DEFINED_RULES = new Map<string, RuleMeta<object>>();

/** The rules that exist (id, options…), for checking what front matter and control comments name. */
export function definedRules(): RuleMeta<object>[] {
  return [...DEFINED_RULES.values()];
}

export function defineRule<O extends object>(meta: RuleMeta<O>, rule: RuleFunction<O>): CaseReviewRule<O> {
  DEFINED_RULES.set(meta.id, meta as RuleMeta<object>);
  const plugin = function (this: Processor, setting?: RuleSetting) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the processor is read later, inside the transformer
    const processor = this;
    return (tree: Root, file: VFile) => {
      const settings = processor.data('caseReviewSettings') ?? DEFAULT_SETTINGS;
      const report = getReport(tree, file, settings);
      const fromDocument = settings.ignoreDocumentRuleSettings ? undefined : frontMatterSetting(report, meta.id);
      const { level, options } = coerceSetting(fromDocument ?? setting);
      if (level === 'off') return;
      if (meta.reportTypes && !meta.reportTypes.includes(report.type)) return;
      const merged = { ...meta.defaults, ...options } as O;
      const url = ruleDocUrl(meta.id, settings.docsBaseUrl);
      const flag = (f: Flag) => {
        const start = report.toPoint(f.start);
        const end = report.toPoint(f.end ?? f.start);
        const message = file.message(f.message, { place: { start, end }, ruleId: meta.id, source: SOURCE });
        const severity = FORCED[level] ?? f.severity ?? meta.defaultSeverity;
        message.fatal = FATAL[severity];
        message.url = url;
        if (f.expected) message.expected = f.expected;
        if (f.data) Object.assign(message, { data: f.data });
        const fixes = [
          ...(f.expected ? replacementFixes(f.start, f.end ?? f.start, report.text.slice(f.start, f.end ?? f.start), f.expected) : []),
          ...(f.fixes ?? []),
        ];
        if (fixes.length > 0) Object.assign(message, { fixes });
      };
      const timings = file.data.caseReviewRuleTimings as Record<string, number> | undefined;
      const started = timings ? performance.now() : 0;
      try {
        rule({
          report,
          options: merged,
          tree,
          file,
          flag,
          memo: (name, dependsOn, maxEntries) => ruleMemo(meta.id, name, dependsOn, maxEntries),
        });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const message = file.message(`A check failed to run on this report (${meta.id}: ${reason}). Please report it.`, {
          place: report.toPoint(0),
          ruleId: meta.id,
          source: SOURCE,
        });
        message.fatal = true;
        message.url = url;
        Object.assign(message, { data: { ruleFailure: reason } });
      }
      if (timings) timings[meta.id] = (timings[meta.id] ?? 0) + performance.now() - started;
    };
  } as unknown as CaseReviewRule<O>;
  Object.defineProperty(plugin, 'name', { value: `${SOURCE}:${meta.id}` });
  plugin.meta = meta;
  return plugin;
}
