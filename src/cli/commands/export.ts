/** `case-review-lint export FILE --out FILE.docx`: a report as a Word document (see src/export/docx/). */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { mergeConfigs, reportTypeIds } from '../../index.js';
import { buildDocx, packDocx, type NumberingMode } from '../../export/docx/index.js';
import { GATE_ADVICE, gateLines, gateRefuses, publicationGate } from '../../export/gate.js';
import { findConfigFile, loadConfigFile } from '../../node/config-files.js';
import { readTextFile } from '../files.js';
import { EXIT, UsageError } from '../usage-error.js';
import type { CommandOutput } from './lint.js';

export const EXPORT_HELP = `Usage: case-review-lint export FILE [--out FILE.docx] [options]

Exports a report to a Word document (.docx): a title page from the front
matter (board, title, report type, child's pseudonym, period, date, version),
sections numbered 1, 2, 3... and their paragraphs 1.1, 1.2... (numbers typed
in the Markdown are replaced by Word's own numbering, not doubled), Word
tables whose header row repeats on every page, footnotes, and "Page X of Y"
with the protective marking at the foot of each page.

A report whose front matter says "publication: public" is exported only when
the check for names and identifiers (the anonymisation rule, run by the export
itself) finds nothing; otherwise each one is listed (line:column and message)
and nothing is written. Switching the rule off does not open this check: not a
<!-- case-review-lint disable... --> comment, not front matter
"case-review-lint: { rules: { anonymisation: off } }", not a config file; the
list says which of them would have hidden each finding. A pseudonym goes in
front matter "pseudonyms:"; a name published on purpose goes in front matter
"publication-exceptions:" with its reason:
  publication-exceptions:
    - text: Jane Hollis
      reason: independent author, named with consent

Options:
  --out FILE            the .docx file to write (default: FILE with .docx)
  --marking TEXT        protective marking for every page, e.g.
                        "Official – Sensitive" (overrides front matter
                        "marking:"; "marking: true" there means
                        "Official – Sensitive")
  --no-marking          leave out the marking even if front matter has one
  --numbering MODE      paragraphs (default: 1, 1.1, 1.2...), sections
                        (headings only) or none (text exactly as typed)
  --report-type TYPE    treat the file as this report type (title page)
  --config FILE         use this config file instead of finding .casereviewrc
  --force               overwrite the .docx file if it exists
  -h, --help            show this help

Exit codes: 0 written, 2 usage or file problems (a binary or non-UTF-8
file too), or the report is marked public and still has names or
identifiers.
`;

const NUMBERING_MODES: readonly NumberingMode[] = ['paragraphs', 'sections', 'none'];

export async function runExport(argv: readonly string[]): Promise<CommandOutput> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string', short: 'o' },
      marking: { type: 'string' },
      'no-marking': { type: 'boolean', default: false },
      numbering: { type: 'string', default: 'paragraphs' },
      'report-type': { type: 'string' },
      config: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { stdout: EXPORT_HELP, stderr: '', code: EXIT.ok };
  if (positionals.length === 0) throw new UsageError('No file given. Try: case-review-lint export report.md --out report.docx');
  if (positionals.length > 1)
    throw new UsageError(`Export takes one file at a time; got ${positionals.length} (${positionals.join(', ')}).`);
  const file = positionals[0]!;
  const numbering = values.numbering as NumberingMode;
  if (!NUMBERING_MODES.includes(numbering))
    throw new UsageError(`Unknown numbering “${values.numbering}”; expected ${NUMBERING_MODES.join(', ')}.`);
  if (values.marking !== undefined && values['no-marking']) throw new UsageError('Give --marking or --no-marking, not both.');
  const out = values.out ?? join(dirname(file), `${basename(file, extname(file))}.docx`);
  if (extname(out).toLowerCase() !== '.docx') throw new UsageError(`--out must name a .docx file; got “${out}”.`);
  if (resolve(out) === resolve(file)) throw new UsageError(`--out names the input file “${file}”.`);

  let text: string;
  try {
    text = readTextFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : error instanceof Error ? error.message : String(error);
    throw new UsageError(`Cannot read “${file}”: ${reason}.`);
  }

  if (values.config && !existsSync(values.config)) throw new UsageError(`Config file not found: “${values.config}”.`);
  const configFile = values.config ? resolve(values.config) : findConfigFile(dirname(resolve(file)));
  const parsed = configFile ? loadConfigFile(configFile) : { config: {}, errors: [] };
  const stderr: string[] = parsed.errors.map((e) => `case-review-lint: ${e.file}:${e.line}:${e.column}: config error: ${e.message}\n`);
  const reportType = values['report-type'];
  const types = parsed.config.profiles ? [...reportTypeIds(), ...Object.keys(parsed.config.profiles)] : reportTypeIds();
  if (reportType && !types.includes(reportType))
    throw new UsageError(`Unknown report type “${reportType}”; expected one of ${types.join(', ')}.`);
  const config = mergeConfigs(parsed.config, reportType ? { reportType } : {});

  // The publication gate: nothing is written while a public report still identifies the family,
  // whatever comments, front matter or configuration switch off.
  const gate = publicationGate(text, { filePath: file, config, configSource: configFile ? `“${configFile}”` : undefined });
  if (gateRefuses(gate, 'export')) {
    const lines = gateLines(gate, 'export');
    const count = lines.length === 1 ? '1 problem' : `${lines.length} problems`;
    return {
      stdout: '',
      stderr:
        stderr.join('') +
        `case-review-lint: not exporting “${file}”: its front matter says “publication: public” and the check for names and identifiers found ${count}:\n` +
        lines.map((m) => `  ${file}:${m.line}:${m.column}  ${m.message}\n`).join('') +
        `${GATE_ADVICE} Nothing was written.\n`,
      code: EXIT.usage,
    };
  }
  for (const m of gate.prompts) stderr.push(`${file}:${m.line}:${m.column}: warning: ${m.message}\n`);

  if (existsSync(out) && !values.force) throw new UsageError(`“${out}” exists; use --force to overwrite it.`);
  const built = buildDocx(text, { config, numbering, marking: values['no-marking'] ? false : values.marking });
  for (const w of built.warnings) stderr.push(`${file}:${w.line}:${w.column}: warning: ${w.message}\n`);
  const bytes = await packDocx(built.document);
  try {
    mkdirSync(dirname(resolve(out)), { recursive: true });
    writeFileSync(out, bytes);
  } catch (error) {
    throw new UsageError(`Cannot write “${out}”: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const marking = built.marking ? `, marked “${built.marking}”` : '';
  return { stdout: `Exported ${file} to ${out} (“${built.title}”${marking}).\n`, stderr: stderr.join(''), code: EXIT.ok };
}
