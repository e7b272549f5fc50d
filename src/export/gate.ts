/**
 * The publication gate: what `export` of a report marked `publication: public`,
 * the CLI's `--fail-on-identifiers` and the editor's Export to Word check.
 * Pure (no VS Code or Node imports), so every route refuses the same documents.
 *
 * The gate runs the identifier check (the anonymisation rule) itself, on what is
 * in the text, whatever is switched off: inline control comments (with or
 * without rule ids, disable-next-line, disable-file), front matter
 * `case-review-lint: { rules: { anonymisation: off } }`, the configuration's
 * level (`"anonymisation": "off"`, whichever config file) and the
 * configuration's options that hide names (`allowNames`, `places`,
 * `nameDetector`, the child's names given only in configuration). Names the
 * rule leaves alone by design stay left alone (professionals named on purpose,
 * unless `flagProfessionalNames` is set). A deliberate exception is made per
 * item, in the document for any reader to see: a pseudonym in front matter
 * (`pseudonyms:`, `child:`), or a reasoned `publication-exceptions:` entry. When
 * a suppression would have hidden a finding, the finding says which.
 */
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import { VFile } from 'vfile';
import {
  coerceSetting,
  completeConfig,
  frontMatterYaml,
  isPublicationException,
  isPublicReport,
  type LintConfig,
  type LintMessage,
  lintText,
  PUBLICATION_GATE_RULE,
  type PublicationException,
  readControlComments,
  readFrontMatter,
  readPublicationExceptions,
  reportParser,
  rules,
  type RuleSetting,
  type SettingProblem,
  SOURCE,
  suppressingComments,
  toLintMessage,
} from '../index.js';
import { location } from 'vfile-location';

export const GATE_RULE = PUBLICATION_GATE_RULE;
const PROMPT_RULE = 'template-placeholder';

/** One identifier the gate found. */
export interface GateFinding extends LintMessage {
  /** The flagged text. */
  text: string;
  /**
   * What would have hidden it from the normal lint, in words (“the comment
   * <!-- case-review-lint disable-file --> on line 7”); empty when nothing did.
   */
  hiddenBy: string[];
}

export interface GateResult {
  /** Front matter says `publication: public` or `published`. */
  isPublic: boolean;
  /** Every identifier in the text that is not a reasoned exception, whatever is switched off. */
  findings: GateFinding[];
  /** The findings that stop an export: all of them when the report is public, none otherwise. */
  blocking: GateFinding[];
  /** `publication-exceptions:` entries that are not valid (no reason, no text): not honoured, and errors of their own. */
  exceptionProblems: (SettingProblem & { line: number; column: number })[];
  /** The reasoned exceptions honoured. */
  exceptions: PublicationException[];
  /** Unanswered template prompts and placeholders: worth a warning, not a refusal. */
  prompts: LintMessage[];
}

export interface GateOptions {
  filePath?: string;
  /** The configuration the report is linted with. */
  config?: Partial<LintConfig>;
  /** Where that configuration comes from, for messages (“.casereviewrc.json”, “the setting caseReview.rules”). */
  configSource?: string;
}

const anonymisationRule = () => {
  const rule = rules.find((r) => r.meta.id === GATE_RULE);
  if (!rule) throw new Error(`the ${GATE_RULE} rule is missing`);
  return rule;
};

/** Options of the anonymisation rule that hide findings (a name allowed, a detector that finds fewer). */
const HIDING_OPTIONS = ['allowNames', 'places', 'nameDetector'] as const;

/** Run the anonymisation rule alone, with no control comments and no front matter rule settings. */
function strictRun(text: string, config: Partial<LintConfig>, options: Record<string, unknown>, filePath?: string): LintMessage[] {
  const settings = { ...completeConfig(config), ignoreDocumentRuleSettings: true };
  const { rules: _levels, ...engineSettings } = settings;
  const processor = reportParser()
    .use(function (this: Processor) {
      this.data('caseReviewSettings', engineSettings);
    })
    .use(anonymisationRule(), ['on', options] as RuleSetting)
    .freeze();
  const file = new VFile({ value: text, path: filePath });
  const tree = processor.parse(file) as Root;
  processor.runSync(tree, file);
  return file.messages
    .filter((m) => m.source === SOURCE && m.ruleId === GATE_RULE)
    .map((m) => toLintMessage(m, () => 0))
    .sort((a, b) => a.startOffset - b.startOffset);
}

export function publicationGate(text: string, options: GateOptions = {}): GateResult {
  const config = options.config ?? {};
  const source = options.configSource ?? 'the configuration';
  const tree = reportParser().parse(text) as Root;
  const frontMatter = readFrontMatter(tree);
  const isPublic = isPublicReport(frontMatter.data);
  const configured = coerceSetting(config.rules?.[GATE_RULE]);

  // What is in the text: the rule's defaults, plus the configuration's options that only add findings (schools).
  const addOnly: Record<string, unknown> = {};
  if (Array.isArray(configured.options['schools'])) addOnly['schools'] = configured.options['schools'];
  if (configured.options['flagProfessionalNames'] === true) addOnly['flagProfessionalNames'] = true;
  const { child: _child, rules: _rules, ...neutral } = config;
  const strict = strictRun(text, neutral, addOnly, options.filePath);

  // What the configuration's options and child names alone would have shown.
  const hidingOptions = HIDING_OPTIONS.filter((o) => configured.options[o] !== undefined);
  const configHides = hidingOptions.length > 0 || (config.child?.length ?? 0) > 0;
  const withConfigOptions = configHides
    ? strictRun(text, { ...neutral, child: config.child }, configured.options, options.filePath)
    : strict;
  const shownWithConfig = new Set(withConfigOptions.map((m) => `${m.startOffset}:${m.endOffset}`));
  // Anything the configuration's options find that the defaults do not is found too: the gate is never laxer than the lint.
  const inStrict = new Set(strict.map((m) => `${m.startOffset}:${m.endOffset}`));
  for (const m of withConfigOptions) if (!inStrict.has(`${m.startOffset}:${m.endOffset}`)) strict.push(m);
  strict.sort((a, b) => a.startOffset - b.startOffset);

  // The document's own level, and the comments.
  const place = location(text);
  const yaml = frontMatterYaml(text, frontMatter);
  const ownBlock = frontMatter.data['case-review-lint'] as { rules?: Record<string, RuleSetting> } | undefined;
  const ownLevel =
    ownBlock && typeof ownBlock === 'object' && ownBlock.rules && typeof ownBlock.rules === 'object'
      ? ownBlock.rules[GATE_RULE]
      : undefined;
  const ownOff = ownLevel !== undefined && coerceSetting(ownLevel).level === 'off';
  const ownLine = ownOff && yaml ? lineOfKey(text, frontMatter.start ?? 0, frontMatter.end ?? 0, GATE_RULE) : undefined;
  const comments = readControlComments(text);

  const { exceptions, problems } = readPublicationExceptions(text, frontMatter);
  const findings: GateFinding[] = [];
  for (const m of strict) {
    const flagged = text.slice(m.startOffset, m.endOffset);
    if (isPublicationException(flagged, exceptions)) continue;
    const hiddenBy: string[] = [];
    if (ownOff) hiddenBy.push(`front matter “case-review-lint: rules: ${GATE_RULE}: off”${ownLine ? ` on line ${ownLine}` : ''}`);
    if (configured.level === 'off') hiddenBy.push(`“${GATE_RULE}: off” in ${source}`);
    if (!shownWithConfig.has(`${m.startOffset}:${m.endOffset}`)) {
      const named = hidingOptions.filter((o) => o !== 'allowNames' && o !== 'places');
      const lists = (['allowNames', 'places'] as const).filter((o) => {
        const list = configured.options[o];
        return Array.isArray(list) && list.some((n) => typeof n === 'string' && flagged.toLowerCase().includes(n.toLowerCase()));
      });
      const what = lists.length > 0 ? lists : named.length > 0 ? named : (config.child?.length ?? 0) > 0 ? ['child'] : hidingOptions;
      hiddenBy.push(`${what.map((o) => `“${o}”`).join(' and ')} in ${source}`);
    }
    for (const c of suppressingComments(comments, GATE_RULE, m.line))
      hiddenBy.push(`the comment ${c.text.replace(/\s+/g, ' ')} on line ${c.line}`);
    findings.push({ ...m, severity: isPublic ? 'error' : m.severity, text: flagged, hiddenBy });
  }

  // Prompts: the normal lint of that one rule (its comments and settings apply; a warning, not a refusal).
  const levels: Record<string, RuleSetting> = Object.fromEntries(rules.map((r) => [r.meta.id, 'off' as const]));
  levels[PROMPT_RULE] = ['on', coerceSetting(config.rules?.[PROMPT_RULE]).options];
  const prompts = lintText(text, { filePath: options.filePath, config: { ...config, rules: levels } }).messages.filter(
    (m) => m.ruleId === PROMPT_RULE,
  );

  return {
    isPublic,
    findings,
    blocking: isPublic ? findings : [],
    exceptionProblems: problems.map((p) => ({ ...p, ...pointOf(place.toPoint(p.start) ?? { line: 1, column: 1 }) })),
    exceptions,
    prompts,
  };
}

const pointOf = (p: { line: number; column: number }) => ({ line: p.line, column: p.column });

/** The line of `key:` inside the front matter block (for naming the setting that switched the rule off). */
function lineOfKey(text: string, start: number, end: number, key: string): number | undefined {
  const block = text.slice(start, end);
  const match = new RegExp(`(^|[\\s{,])${key}\\s*:`, 'm').exec(block);
  if (!match) return undefined;
  return text.slice(0, start + match.index + match[1]!.length).split('\n').length;
}

/** Does the gate refuse (or fail) this report? Findings when asked to fail on any, blocking ones for an export. */
export function gateRefuses(gate: GateResult, mode: 'export' | 'fail-on-identifiers'): boolean {
  if (mode === 'export') return gate.isPublic && (gate.blocking.length > 0 || gate.exceptionProblems.length > 0);
  return gate.findings.length > 0 || gate.exceptionProblems.length > 0;
}

/**
 * The gate's findings as lines for a person: “12:5 “Jane Smith” looks like a
 * personal name… Hidden from the normal lint by the comment … on line 7.”
 */
export function gateLines(gate: GateResult, mode: 'export' | 'fail-on-identifiers'): { line: number; column: number; message: string }[] {
  const findings = mode === 'export' ? gate.blocking : gate.findings;
  const out = [
    ...findings.map((f) => ({
      line: f.line,
      column: f.column,
      message:
        f.hiddenBy.length > 0
          ? `${f.message} (Hidden from the normal lint by ${f.hiddenBy.join(' and by ')}; that does not apply to this check.)`
          : f.message,
    })),
    ...gate.exceptionProblems.map((p) => ({ line: p.line, column: p.column, message: p.message })),
  ];
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** How a person makes an exception on purpose, said after the list. */
export const GATE_ADVICE =
  'Replace each with a pseudonym or a role. A pseudonym goes in front matter “pseudonyms:”; a name or ' +
  'identifier published on purpose goes in front matter “publication-exceptions:” with its reason (- ' +
  'text: Jane Hollis, reason: independent author, named with consent). Switching the anonymisation rule ' +
  'off, in a comment, front matter or configuration, does not open this check.';
