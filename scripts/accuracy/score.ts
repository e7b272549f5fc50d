/** Lint one labelled fixture and judge every finding against its labels (see labels.ts). */
import { lintText, type LintConfig, type LintMessage } from '../../src/index.js';
import { readLabels, type Label, type Labels } from './labels.js';

/**
 * Rules that judge a whole document (a section missing anywhere, the child's voice
 * absent from the whole report, a recommendation with no action plan row…). A
 * fragment cannot be judged by them, so they are not scored on fragments.
 */
export const WHOLE_DOCUMENT_RULES: readonly string[] = [
  'required-sections',
  'child-voice',
  'siblings-considered',
  'household-members',
  'summary-consistency',
  'recommendation-count',
  'action-plan-coverage',
  'front-matter',
];

export type Verdict = 'right' | 'wrong' | 'debatable';

export interface JudgedFinding {
  message: LintMessage;
  /** The text the finding covers. */
  covered: string;
  verdict: Verdict;
  label?: Label;
}

export interface FixtureScore {
  path: string;
  labels: Labels;
  findings: JudgedFinding[];
  /** `flag` labels no finding matched. */
  missed: Label[];
  words: number;
}

function matches(label: Label, message: LintMessage, covered: string): boolean {
  return label.ruleId === message.ruleId && (covered.includes(label.text) || message.message.includes(label.text));
}

/** Is this rule scored for the fixture? */
export function scored(labels: Labels, ruleId: string): boolean {
  if (labels.only) return labels.only.includes(ruleId);
  return !(labels.fragment && WHOLE_DOCUMENT_RULES.includes(ruleId));
}

/** Words of prose, without front matter and comments (for findings per 1,000 words). */
export function proseWords(text: string): number {
  const body = text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/<!--[\s\S]*?-->/g, ' ');
  return body.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

export function scoreFixture(path: string, text: string, config: Partial<LintConfig> = {}): FixtureScore {
  const labels = readLabels(text);
  const result = lintText(text, { filePath: path, config });
  const findings: JudgedFinding[] = [];
  const found = new Set<Label>();
  for (const message of result.messages) {
    if (!scored(labels, message.ruleId)) continue;
    const covered = text.slice(message.startOffset, message.endOffset);
    // Every label that describes the finding is found (two judges may describe it in other words).
    const flags = labels.labels.filter((l) => l.kind === 'flag' && matches(l, message, covered));
    const flag = flags[0];
    const maybe = flag ? undefined : labels.labels.find((l) => l.kind === 'maybe' && matches(l, message, covered));
    for (const f of flags) found.add(f);
    findings.push({ message, covered, verdict: flag ? 'right' : maybe ? 'debatable' : 'wrong', label: flag ?? maybe });
  }
  const missed = labels.labels.filter((l) => l.kind === 'flag' && !found.has(l) && scored(labels, l.ruleId));
  return { path, labels, findings, missed, words: proseWords(text) };
}

export interface RuleTally {
  findings: number;
  right: number;
  wrong: number;
  debatable: number;
  /** `flag` labels, and those no finding matched. */
  expected: number;
  missed: number;
}

export function tally(scores: readonly FixtureScore[]): Map<string, RuleTally> {
  const byRule = new Map<string, RuleTally>();
  const of = (ruleId: string) => {
    let t = byRule.get(ruleId);
    if (!t) byRule.set(ruleId, (t = { findings: 0, right: 0, wrong: 0, debatable: 0, expected: 0, missed: 0 }));
    return t;
  };
  for (const score of scores) {
    for (const f of score.findings) {
      const t = of(f.message.ruleId);
      t.findings++;
      t[f.verdict]++;
    }
    for (const label of score.labels.labels) {
      if (label.kind !== 'flag' || !scored(score.labels, label.ruleId)) continue;
      const t = of(label.ruleId);
      t.expected++;
      if (score.missed.includes(label)) t.missed++;
    }
  }
  return new Map([...byRule].sort(([a], [b]) => a.localeCompare(b)));
}

/** Right over right plus wrong (debatable findings count on neither side); undefined with no finding. */
export function precision(t: RuleTally): number | undefined {
  return t.right + t.wrong === 0 ? undefined : t.right / (t.right + t.wrong);
}

/** Expected findings found over expected findings; undefined with no label. */
export function recall(t: RuleTally): number | undefined {
  return t.expected === 0 ? undefined : (t.expected - t.missed) / t.expected;
}
