/**
 * Results of pure functions of a piece of text, kept across lints of the same
 * document so that after an edit only the changed paragraphs are analysed again.
 * Bounded: when one generation fills up it becomes the previous generation and
 * the one before is dropped (entries used in either survive). Callers must treat
 * the results as read-only.
 */
const memos = new Set<TextMemo<unknown>>();

export class TextMemo<T> {
  private current = new Map<string, T>();
  private previous = new Map<string, T>();

  constructor(private readonly maxEntries = 20000) {
    memos.add(this as TextMemo<unknown>);
  }

  get(key: string, compute: () => T): T {
    let value = this.current.get(key);
    if (value !== undefined) return value;
    value = this.previous.get(key);
    if (value === undefined) value = compute();
    this.current.set(key, value);
    if (this.current.size >= this.maxEntries) {
      this.previous = this.current;
      this.current = new Map();
    }
    return value;
  }

  clear(): void {
    this.current = new Map();
    this.previous = new Map();
  }
}

const contextIds = new Map<string, string>();
let nextContextId = 0;

/**
 * A short stand-in for a long description of what a memoised result depends on
 * besides its text (a rule's options, the words a document allows), to prefix
 * memo keys without hashing the description again for every paragraph. The same
 * description gets the same key; ids are never reused.
 */
export function contextKey(description: string): string {
  let id = contextIds.get(description);
  if (id === undefined) {
    if (contextIds.size >= 1000) contextIds.clear();
    id = `#${(nextContextId++).toString(36)}`;
    contextIds.set(description, id);
  }
  return id;
}

/** Forget every kept result (tests and benchmarks that need a cold start). */
export function clearTextMemos(): void {
  for (const memo of memos) memo.clear();
}
