/** `case-review-lint merge-chronologies a.md b.md … [--out merged.md]`: one integrated chronology from agency IMRs. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dateFormatError, mergeChronologies } from '../../index.js';
import { expandFiles, readTextFile } from '../files.js';
import { EXIT, UsageError } from '../usage-error.js';
import type { CommandOutput } from './lint.js';

export const MERGE_HELP = `Usage: case-review-lint merge-chronologies FILES... [options]

Reads the chronology table of each IMR and writes one integrated chronology,
sorted by date, with Agency (from each IMR's front matter "agency:" or its
title) and Source columns. Same-day entries from different agencies that may
be the same event are placed together and marked in a Note column.

Options:
  --out FILE             write the table here (default: standard output)
  --date-format FORMAT   format of the merged dates (default dd/MM/yyyy),
                         in the Unicode tokens date libraries use: yyyy, yy,
                         MMMM (August), MMM (Aug), MM (08), M (8), dd, d,
                         do (3rd), separated by spaces, / . , or -; e.g.
                         "d MMMM yyyy", "yyyy-MM-dd" (the older mm for the
                         month still works); any other format is an error
  --no-same-day          do not mark same-day entries
  --force                overwrite FILE if it exists
`;

export function runMergeChronologies(argv: readonly string[]): CommandOutput {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string' },
      'date-format': { type: 'string' },
      'no-same-day': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { stdout: MERGE_HELP, stderr: '', code: EXIT.ok };
  if (positionals.length === 0)
    throw new UsageError('No IMR files given. Try: case-review-lint merge-chronologies imr-police.md imr-health.md --out merged.md');
  const dateFormat = values['date-format'];
  if (dateFormat !== undefined) {
    const problem = dateFormatError(dateFormat);
    if (problem) throw new UsageError(problem);
  }
  const inputs = expandFiles(positionals).map((path) => {
    try {
      return { path, text: readTextFile(path) };
    } catch (error) {
      throw new UsageError(`Cannot read “${path}”: ${error instanceof Error ? error.message : String(error)}.`);
    }
  });
  const result = mergeChronologies(inputs, { dateFormat, markSameDay: !values['no-same-day'] });
  const stderr = result.warnings.map((w) => `case-review-lint: warning: ${w}\n`).join('');
  if (result.rows === 0)
    return { stdout: '', stderr: `${stderr}case-review-lint: no chronology rows found in ${inputs.length} file(s).\n`, code: EXIT.usage };
  if (!values.out) return { stdout: result.markdown, stderr, code: EXIT.ok };
  if (existsSync(values.out) && !values.force) throw new UsageError(`“${values.out}” exists; use --force to overwrite it.`);
  mkdirSync(dirname(resolve(values.out)), { recursive: true });
  writeFileSync(values.out, result.markdown);
  return {
    stdout: `Merged ${result.rows} entries from ${inputs.length} chronologies into ${values.out} (${result.sameDayClusters} same-day group(s) marked).\n`,
    stderr,
    code: EXIT.ok,
  };
}
