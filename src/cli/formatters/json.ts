/** JSON output: the public contract `[{ file, reportType, messages: [...] }]`. */
import { type LintResult } from '../../index.js';

export function formatJson(results: readonly LintResult[]): string {
  const out = results.map((r) => ({
    file: r.file,
    reportType: r.reportType,
    messages: r.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      message: m.message,
      url: m.url,
      ...(m.expected ? { expected: m.expected } : {}),
    })),
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}
