/** SARIF 2.1.0 output for code-scanning dashboards. */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { LintResult, Severity } from '../../engine/types.js';

export interface SarifRule {
  id: string;
  summary: string;
  url: string;
  defaultSeverity: Severity;
}

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(results: readonly LintResult[], rules: readonly SarifRule[], version: string, toUri: (file: string) => string): string {
  const descriptors: ReportingDescriptor[] = rules.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: r.summary },
    helpUri: r.url,
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'case-review-lint', version, informationUri: rules[0]?.url, rules: descriptors } },
        results: results.flatMap((r) =>
          r.messages.map((m): Result => ({
            ruleId: m.ruleId,
            ...(index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId)! } : {}),
            level: LEVEL[m.severity],
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: toUri(r.file) },
                  region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
                },
              },
            ],
            ...(m.expected && m.expected.length > 0
              ? {
                  fixes: [
                    {
                      description: { text: `Replace with “${m.expected[0]}”` },
                      artifactChanges: [
                        {
                          artifactLocation: { uri: toUri(r.file) },
                          replacements: [
                            {
                              deletedRegion: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
                              insertedContent: { text: m.expected[0]! },
                            },
                          ],
                        },
                      ],
                    },
                  ],
                }
              : {}),
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
