/** A problem with how the command was called, its files or its config: exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;
