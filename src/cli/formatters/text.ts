/** Human-readable output in the manner of eslint's and remark's reporters. */
import type { LintResult, Severity } from '../../engine/types.js';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

export function formatText(results: readonly LintResult[], color = false): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[39m` : text);
  const tone: Record<Severity, number> = { error: 31, warning: 33, info: 36 };
  const lines: string[] = [];
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const result of results) {
    lines.push(`${result.file} (${result.reportType})`);
    if (result.messages.length === 0) lines.push('  no issues found');
    const rows = result.messages.map((m) => {
      totals[m.severity]++;
      return [`${m.line}:${m.column}-${m.endLine}:${m.endColumn}`, m.severity, m.message, m.ruleId] as const;
    });
    const placeWidth = Math.max(0, ...rows.map((r) => r[0].length));
    for (const [place, severity, message, ruleId] of rows) {
      lines.push(`  ${place.padEnd(placeWidth)}  ${paint(tone[severity], LABEL[severity].padEnd(7))}  ${message}  ${ruleId}`);
    }
    lines.push('');
  }
  const parts = (['error', 'warning', 'info'] as const).map((s) => `${totals[s]} ${s}${totals[s] === 1 ? '' : 's'}`);
  lines.push(`${totals.error > 0 ? '✖' : '✔'} ${parts.join(', ')} in ${results.length} file${results.length === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}
