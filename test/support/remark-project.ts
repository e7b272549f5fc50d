/**
 * A board's folder for the remark preset tests (issue 18): the example overview report at the top,
 * and in `summary/` an executive summary that names it (`overview: ../overview-report.md`) beside a
 * `.casereviewrc.json` that turns `was-not-brought` off (the summary says “did not attend”).
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './cli.js';

export const SUMMARY = 'summary/executive-summary.md';
export const OVERVIEW = 'overview-report.md';

/** A fresh copy of the folder in a temporary directory; returns its path. */
export function makeRemarkProject(): string {
  const project = mkdtempSync(join(tmpdir(), 'crl-remark-project-'));
  cpSync(join(root, 'test/fixtures/remark-project'), project, { recursive: true });
  cpSync(join(root, 'examples/overview-report.md'), join(project, OVERVIEW));
  return project;
}

/** What findingKey reads of a finding (the CLI's JSON and remark's messages both have it). */
export interface Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  ruleId: string;
}

/** One finding as a comparable line: `12:1-12:19 warning summary-consistency`. */
export function findingKey(m: Finding): string {
  return `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId}`;
}
