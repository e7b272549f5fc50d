/**
 * Whether the text report is in colour: `--color` / `--no-color` win; else
 * `NO_COLOR` (any non-empty value) turns colour off and `FORCE_COLOR` turns it on
 * (`0` or `false` off); else colour only when writing to a terminal that is not
 * `TERM=dumb`, never into a file (`--output`).
 */
export interface ColourInput {
  /** `--color` (true), `--no-color` (false), or neither. */
  flag?: boolean;
  env: Record<string, string | undefined>;
  isTTY: boolean;
  toFile: boolean;
}

export function useColour({ flag, env, isTTY, toFile }: ColourInput): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return !['0', 'false'].includes(env.FORCE_COLOR.toLowerCase());
  if (toFile) return false;
  return isTTY && env.TERM !== 'dumb';
}
