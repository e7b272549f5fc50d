/**
 * The TextMate injection grammar that marks the child in Markdown
 * (syntaxes/child-focus.tmLanguage.json), tokenised with vscode-textmate and
 * vscode-oniguruma (the engine VS Code uses) against a small stand-in for
 * VS Code's Markdown grammar, so the scopes an author sees can be checked.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type * as Textmate from 'vscode-textmate';
import type * as Oniguruma from 'vscode-oniguruma';

const require = createRequire(import.meta.url);
// Both packages are CommonJS bundles; require() gives their exports the same way under any loader.
const vsctm = require('vscode-textmate') as typeof Textmate;
const oniguruma = require('vscode-oniguruma') as typeof Oniguruma;
const root = resolve(import.meta.dirname, '../..');
const GRAMMAR_PATH = resolve(root, 'syntaxes/child-focus.tmLanguage.json');
const INJECTION = 'text.case-review.child-focus.injection';
const CHILD = 'entity.name.child.case-review';
const ROLE = 'entity.name.child.role.case-review';
const VOICE = 'entity.name.child.voice.case-review';

/** A stand-in for VS Code's Markdown grammar: fenced code and inline code are raw. */
const MARKDOWN_STUB = {
  scopeName: 'text.html.markdown',
  patterns: [
    { begin: '^```', end: '^```', name: 'markup.fenced_code.block.markdown' },
    { match: '`[^`]*`', name: 'markup.inline.raw.string.markdown' },
    { match: '^#{1,6} .*$', name: 'markup.heading.markdown' },
  ],
};

let registry: Textmate.Registry;

async function markdownGrammar(): Promise<Textmate.IGrammar> {
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar, 'markdown grammar loads');
  return grammar;
}

/** Tokens of some lines as [text, scopes] pairs. */
async function tokens(lines: string[]): Promise<{ text: string; scopes: string[] }[]> {
  const grammar = await markdownGrammar();
  let state = vsctm.INITIAL;
  const out: { text: string; scopes: string[] }[] = [];
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, state);
    for (const t of result.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = result.ruleStack;
  }
  return out;
}

/** The texts that carry a scope. */
async function scoped(scope: string, ...lines: string[]): Promise<string[]> {
  return (await tokens(lines)).filter((t) => t.scopes.includes(scope)).map((t) => t.text);
}

describe('child-focus TextMate injection grammar', () => {
  before(async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const onigLib = Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    });
    registry = new vsctm.Registry({
      onigLib,
      loadGrammar: async (scopeName) => {
        if (scopeName === 'text.html.markdown') return vsctm.parseRawGrammar(JSON.stringify(MARKDOWN_STUB), 'markdown.json');
        if (scopeName === INJECTION) return vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
        return null;
      },
      getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [INJECTION] : undefined),
    });
  });

  it('is an injection into Markdown with the documented scope name', () => {
    const raw = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as { scopeName: string; injectionSelector: string };
    assert.equal(raw.scopeName, INJECTION);
    assert.match(raw.injectionSelector, /^L:text\.html\.markdown\b/);
  });

  it('marks “Child X” pseudonyms', async () => {
    assert.deepEqual(await scoped(CHILD, 'The health visitor saw Child A and Sibling 1 at home; Baby P was asleep.'), [
      'Child A',
      'Sibling 1',
      'Baby P',
    ]);
  });

  it('marks role words for the child and the other children', async () => {
    assert.deepEqual(
      await scoped(ROLE, 'The baby was not seen. Mother said the children were at her half-sister’s, with his older brother.'),
      ['The baby', 'the children', 'half-sister', 'older brother'],
    );
  });

  it('marks the words that record the child’s voice', async () => {
    assert.deepEqual(
      await scoped(
        VOICE,
        'Child A was seen alone; her wishes and feelings and the child’s lived experience were recorded. Child A was not brought to the clinic.',
      ),
      ['seen alone', 'wishes and feelings', 'the child’s lived experience', 'was not brought'],
    );
  });

  it('does not mark services and compounds in which “child” is a modifier', async () => {
    const line =
      'The child protection conference asked Children’s Social Care and the children’s services manager about Childcare, a Child in need plan and Children A.';
    assert.deepEqual(await scoped(ROLE, line), []);
    assert.deepEqual(await scoped(CHILD, 'Childminder B and ChildA are not pseudonyms.'), []);
  });

  it('leaves code alone', async () => {
    assert.deepEqual(await scoped(CHILD, 'Use `Child A` in the template.'), []);
    assert.deepEqual(await scoped(CHILD, '```', 'Child A', '```'), []);
  });

  it('keeps the Markdown scopes underneath', async () => {
    const toks = await tokens(['Child A was seen.']);
    const child = toks.find((t) => t.text === 'Child A');
    assert.ok(child);
    assert.equal(child.scopes[0], 'text.html.markdown');
  });
});
