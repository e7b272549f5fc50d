/** Running the built command-line tool (dist/cli.cjs) as a real process, for the CLI tests. */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
export const cli = join(root, 'dist/cli.cjs');
/** The worker threads' bundle of `--jobs`. */
export const cliWorker = join(root, 'dist/cli-worker.cjs');

/** Run the CLI with `args` in `cwd`: its exit code and output. */
export function run(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Build the bundles when they are not there yet (a test run straight after a clone). */
export function ensureBuilt(): void {
  if (!existsSync(cli) || !existsSync(cliWorker)) spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
}
