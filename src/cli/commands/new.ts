/** `case-review-lint new TYPE [--child …] [--agency …] --out FILE`: a prompted template for a report type. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dateEndKey, dateKey, normaliseTypedDate, parseDate, renderTemplate, resolveProfiles, type Profile } from '../../index.js';
import { findConfigFile, loadConfigFile } from '../../node/config-files.js';
import { EXIT, UsageError } from '../usage-error.js';
import type { CommandOutput } from './lint.js';

/** Report types one a line, with their titles: the help lists them from the profiles themselves. */
export function reportTypeList(profiles: readonly Profile[]): string {
  const width = Math.max(...profiles.map((p) => p.id.length));
  return profiles.map((p) => `  ${p.id.padEnd(width)}  ${p.title}`).join('\n');
}

/** The command's help, listing `profiles` (the built-in types, and a board's own when its config is found). */
export function newHelp(profiles: readonly Profile[]): string {
  return `Usage: case-review-lint new TYPE [options]

Creates a report from the prompted template for TYPE, one of

${reportTypeList(profiles)}

or a board's own type from .casereviewrc (see docs/report-types.md).

Options:
  --child NAME          the child's pseudonym (repeat for siblings)
  --agency NAME         the agency (IMRs)
  --period-start DATE   start of the period under review, day first
                        (01/03/2007, 1 March 2007); written as dd/MM/yyyy
  --period-end DATE     end of the period under review
  --report-date DATE    date of the report
  --author TEXT         the author (name or role)
  --independence TEXT   how the author is independent of the case
  --out FILE            write the report here (default: standard output)
  --force               overwrite FILE if it exists
`;
}

export function runNew(argv: readonly string[]): CommandOutput {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      child: { type: 'string', multiple: true },
      agency: { type: 'string' },
      'period-start': { type: 'string' },
      'period-end': { type: 'string' },
      'report-date': { type: 'string' },
      author: { type: 'string' },
      independence: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [type] = positionals;
  const configFile = findConfigFile(values.out ? dirname(resolve(values.out)) : process.cwd());
  const config = configFile ? loadConfigFile(configFile) : undefined;
  const profiles = resolveProfiles(config?.config.profiles);
  if (values.help) return { stdout: newHelp(profiles), stderr: '', code: EXIT.ok };
  const profile = profiles.find((p) => p.id === type);
  if (!type || !profile)
    throw new UsageError(
      `${type ? `Unknown report type “${type}”` : 'No report type given'}; expected one of ${profiles.map((p) => p.id).join(', ')}.`,
    );
  const dates = typedDates({
    'period-start': values['period-start'],
    'period-end': values['period-end'],
    'report-date': values['report-date'],
  });
  const text = renderTemplate(profile, {
    child: values.child,
    agency: values.agency,
    periodStart: dates['period-start'],
    periodEnd: dates['period-end'],
    reportDate: dates['report-date'],
    author: values.author,
    independence: values.independence,
  });
  const stderr = (config?.errors ?? [])
    .map((e) => `case-review-lint: ${e.file}:${e.line}:${e.column}: config error: ${e.message}\n`)
    .join('');
  if (!values.out) return { stdout: text, stderr, code: EXIT.ok };
  if (existsSync(values.out) && !values.force) throw new UsageError(`“${values.out}” exists; use --force to overwrite it.`);
  mkdirSync(dirname(resolve(values.out)), { recursive: true });
  writeFileSync(values.out, text);
  return { stdout: `Created ${values.out} (${profile.title}).\n`, stderr, code: EXIT.ok };
}

/**
 * The dates given as options, checked and written as dd/MM/yyyy (a month alone
 * as “March 2007”); a date that cannot be read, an impossible one, or a period
 * that ends before it starts is a usage error naming the option and the value.
 */
function typedDates(given: Record<'period-start' | 'period-end' | 'report-date', string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  const errors: string[] = [];
  for (const [option, value] of Object.entries(given)) {
    if (value === undefined) continue;
    const result = normaliseTypedDate(value);
    if ('error' in result) errors.push(`--${option} ${result.error}`);
    else out[option] = result.date;
  }
  if (errors.length === 0 && given['period-start'] && given['period-end']) {
    const start = parseDate(given['period-start'])!;
    const end = parseDate(given['period-end'])!;
    if (dateKey(start) > dateEndKey(end)) errors.push(`--period-end ${out['period-end']} is before --period-start ${out['period-start']}`);
  }
  if (errors.length > 0) throw new UsageError(`${errors.join('; ')}. Write dates day first, such as 01/03/2007.`);
  return out;
}
