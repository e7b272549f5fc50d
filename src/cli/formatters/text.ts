/** Human-readable output in the manner of eslint's and remark's reporters. */
import { createColors } from 'picocolors';
import { type LintResult, type Severity } from '../../index.js';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

export interface TextOptions {
  color?: boolean;
  /** The run failed for another reason (exit code 2, or too many warnings): the summary never shows “✔”. */
  failed?: boolean;
  /** Files found in folders or by globs that were not linted because they do not look like case reviews. */
  notCaseReviews?: number;
  /** Files left out by `.casereviewignore` or a `!glob`. */
  ignored?: number;
  /** `--quiet`: files without findings are not listed. */
  quiet?: boolean;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatText(results: readonly LintResult[], options: TextOptions | boolean = {}): string {
  const {
    color = false,
    failed = false,
    notCaseReviews = 0,
    ignored = 0,
    quiet = false,
  } = typeof options === 'boolean' ? { color: options } : options;
  const c = createColors(color);
  const tone: Record<Severity, (text: string) => string> = { error: c.red, warning: c.yellow, info: c.cyan };
  const lines: string[] = [];
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const result of results) {
    if (quiet && result.messages.length === 0) continue;
    lines.push(`${result.file} (${result.reportType})`);
    if (result.messages.length === 0) lines.push('  no issues found');
    const rows = result.messages.map((m) => {
      totals[m.severity]++;
      return [`${m.line}:${m.column}-${m.endLine}:${m.endColumn}`, m.severity, m.message, m.ruleId] as const;
    });
    const placeWidth = Math.max(0, ...rows.map((r) => r[0].length));
    for (const [place, severity, message, ruleId] of rows) {
      lines.push(`  ${place.padEnd(placeWidth)}  ${tone[severity](LABEL[severity].padEnd(7))}  ${message}  ${ruleId}`);
    }
    lines.push('');
  }
  const parts = (['error', 'warning', 'info'] as const).map((s) => count(totals[s], s));
  const bad = totals.error > 0 || failed;
  const mark = bad ? c.red('✖') : c.green('✔');
  const left = [
    ...(notCaseReviews > 0 ? [`${count(notCaseReviews, 'file')} left out as not case reviews (--all lints them)`] : []),
    ...(ignored > 0 ? [`${count(ignored, 'file')} ignored`] : []),
  ];
  lines.push(`${mark} ${parts.join(', ')} in ${count(results.length, 'file')}${left.length > 0 ? `; ${left.join(', ')}` : ''}`);
  return `${lines.join('\n')}\n`;
}
