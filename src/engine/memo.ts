/**
 * Results of pure functions of a piece of text, kept across lints of the same
 * document so that after an edit only the changed paragraphs are analysed again.
 * Bounded: when one generation fills up it becomes the previous generation and
 * the one before is dropped (entries used in either survive). Callers must treat
 * the results as read-only.
 */
const memos = new Set<{ clear(): void }>();

export class TextMemo<T> {
  private current = new Map<string, T>();
  private previous = new Map<string, T>();

  constructor(
    private readonly maxEntries = 20000,
    register = true,
  ) {
    if (register) memos.add(this);
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

/** How many contexts a ContextMemo keeps before starting afresh. */
const MAX_CONTEXTS = 8;

/**
 * A TextMemo per context (a rule's options, a document's lexicon), so that keys are
 * the texts themselves: V8 keeps a string's hash with the string, so looking up the
 * same paragraph in several memos hashes it once, where a key built by concatenation
 * would be copied and hashed again for every lookup.
 */
export class ContextMemo<T> {
  private readonly byContext = new Map<string, TextMemo<T>>();

  constructor(private readonly maxEntries = 20000) {
    memos.add(this);
  }

  get(context: string, text: string, compute: () => T): T {
    let memo = this.byContext.get(context);
    if (!memo) {
      if (this.byContext.size >= MAX_CONTEXTS) this.byContext.clear();
      memo = new TextMemo<T>(this.maxEntries, false);
      this.byContext.set(context, memo);
    }
    return memo.get(text, compute);
  }

  clear(): void {
    this.byContext.clear();
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

/** A memo of per-paragraph results a rule asks its lint context for (`context.memo(…)`). */
export interface ParagraphMemo<T> {
  /** The result kept for this text (from this lint or an earlier one of the same document), or `compute()`'s. */
  get(text: string, compute: () => T): T;
}

/** Every rule's memos, by rule id and memo name: the engine holds them, so a rule holds no cache of its own. */
const ruleMemos = new Map<string, ContextMemo<unknown>>();

/**
 * The memo `name` of rule `ruleId`, for results that depend on a paragraph's text and on `dependsOn`
 * (the rule's options, the document's lexicon…: anything JSON can write; results kept under one
 * `dependsOn` are never given for another). Results survive across lints, so a relint after an edit
 * analyses only the paragraphs that changed. `maxEntries` bounds one generation of kept results (for
 * results that are large, such as a whole other document's, keep it small).
 */
export function ruleMemo<T>(ruleId: string, name: string, dependsOn: unknown = null, maxEntries = 20000): ParagraphMemo<T> {
  const id = `${ruleId}\u0000${name}`;
  let memo = ruleMemos.get(id) as ContextMemo<T> | undefined;
  if (!memo) {
    memo = new ContextMemo<T>(maxEntries);
    ruleMemos.set(id, memo as ContextMemo<unknown>);
  }
  const context = typeof dependsOn === 'string' ? dependsOn : contextKey(JSON.stringify(dependsOn));
  const kept = memo;
  return { get: (text, compute) => kept.get(context, text, compute) };
}
