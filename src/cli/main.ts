/** The `case-review-lint` command: dispatches to sub-commands, maps problems to exit codes. */
import { writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../node/package-root.js';
import { LINT_HELP, lintCommand, type CommandOutput } from './commands/lint.js';
import { runNew } from './commands/new.js';
import { runMergeChronologies } from './commands/merge-chronologies.js';
import { EXIT, UsageError } from './usage-error.js';

type Command = (argv: readonly string[], version: string) => CommandOutput | Promise<CommandOutput>;

/** Sub-commands other than plain linting; each prints its own --help. */
export const COMMANDS: Record<string, Command> = {
  new: (argv) => runNew(argv),
  'merge-chronologies': (argv) => runMergeChronologies(argv),
  // The Word writer (docx) loads only for `export`.
  export: async (argv) => (await import('./commands/export.js')).runExport(argv),
};

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export async function main(argv: readonly string[]): Promise<CommandOutput> {
  const v = version();
  if (argv.includes('--version') || argv.includes('-v')) return { stdout: `${v}\n`, stderr: '', code: EXIT.ok };
  const [first, ...rest] = argv;
  const command = first ? COMMANDS[first] : undefined;
  try {
    if (command) return await command(rest, v);
    if (argv.includes('--help') || argv.includes('-h')) return { stdout: LINT_HELP, stderr: '', code: EXIT.ok };
    return await lintCommand(argv, v);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error instanceof TypeError && 'code' in error && String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))
    ) {
      return { stdout: '', stderr: `case-review-lint: ${error.message}\nRun “case-review-lint --help” for usage.\n`, code: EXIT.usage };
    }
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { stdout: '', stderr: `case-review-lint: internal error: ${reason}\n`, code: EXIT.usage };
  }
}

async function run(): Promise<void> {
  const result = await main(process.argv.slice(2));
  if (result.outputFile) {
    try {
      writeFileSync(result.outputFile, result.stdout);
    } catch (error) {
      process.stderr.write(
        `case-review-lint: cannot write “${result.outputFile}”: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = EXIT.usage;
      return;
    }
  } else process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}

if (require.main === module) void run();
