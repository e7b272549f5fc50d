/**
 * The web extension (package.json `browser`: dist/browser.js, for vscode.dev,
 * github.dev and other web extension hosts):
 * 1. the build fails on any import of a Node built-in;
 * 2. the bundle requires nothing but `vscode` and names no Node-only global;
 * 3. it evaluates in a bare `vm` context (no process, Buffer, require or
 *    __dirname, as in a web worker) the way VS Code's web extension host loads
 *    it, activates against a fake `vscode`, registers its commands, leaves out
 *    the lint task (it runs the CLI in a process), lints a report and exports
 *    it to Word.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
// @ts-expect-error: a plain ES module without type declarations (shared with esbuild.js)
import { noNodeBuiltins } from '../../scripts/no-node-builtins.mjs';

const root = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { browser: string; main: string };

/** The `require("…")` calls in a bundle (esbuild writes them with double quotes). */
const requires = (code: string) => new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!));

// --- A fake `vscode`: explicit where the test looks, an inert stand-in elsewhere. ---

/** Anything: callable, constructible, every property another stand-in; not a thenable. */
function inert(path: string): unknown {
  const target = function () {} as unknown as object;
  return new Proxy(target, {
    get(_t, key) {
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => `<${path}>`;
      if (typeof key === 'symbol') return undefined;
      return inert(`${path}.${key}`);
    },
    apply: () => inert(`${path}()`),
    construct: () => inert(`new ${path}`) as object,
    set: () => true,
  });
}

/**
 * An object whose own properties are given, everything else inert. The rest
 * comes from its prototype: esbuild's `import * as vscode` copies a module's
 * own properties onto an object with the same prototype.
 */
function partial(path: string, own: Record<string, unknown>): unknown {
  const fallback = new Proxy(
    {},
    {
      get(_t, key) {
        if (key === 'then' || typeof key === 'symbol') return undefined;
        return inert(`${path}.${key}`);
      },
    },
  );
  return Object.assign(Object.create(fallback) as object, own);
}

interface FakeVscode {
  module: unknown;
  commands: string[];
  /** Registered command handlers by id. */
  handlers: Map<string, (...args: unknown[]) => unknown>;
  /** Files written through vscode.workspace.fs. */
  written: Map<string, Uint8Array>;
  /** vscode.workspace.textDocuments */
  textDocuments: unknown[];
  taskProviders: string[];
  diagnostics: Map<string, { message: string }[]>;
  /** Lines written to the extension's output channel. */
  output: string[];
  Uri: { file(path: string): unknown; parse(text: string): unknown };
}

function fakeVscode(): FakeVscode {
  const commands: string[] = [];
  const taskProviders: string[] = [];
  const diagnostics = new Map<string, { message: string }[]>();
  const output: string[] = [];
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const written = new Map<string, Uint8Array>();
  const textDocuments: unknown[] = [];
  const disposable = { dispose() {} };
  class Position {
    constructor(
      readonly line: number,
      readonly character: number,
    ) {}
  }
  class Range {
    constructor(
      readonly start: Position | number,
      readonly end: Position | number,
      ..._rest: number[]
    ) {}
  }
  class Diagnostic {
    source?: string;
    code?: unknown;
    constructor(
      readonly range: Range,
      readonly message: string,
      readonly severity?: number,
    ) {}
  }
  class Uri {
    constructor(
      readonly scheme: string,
      readonly path: string,
    ) {}
    get fsPath() {
      return this.path;
    }
    toString() {
      return this.scheme === 'untitled' ? `untitled:${this.path}` : `${this.scheme}://${this.path}`;
    }
    with(change: { path?: string }) {
      return new Uri(this.scheme, change.path ?? this.path);
    }
    static joinPath(base: Uri, ...parts: string[]) {
      return new Uri(base.scheme, [base.path, ...parts].join('/'));
    }
    static parse(text: string) {
      const colon = text.indexOf(':');
      return new Uri(text.slice(0, colon), text.slice(colon + 1).replace(/^\/\//, ''));
    }
    static file(path: string) {
      return new Uri('file', path);
    }
  }
  class EventEmitter<T> {
    private listeners: ((value: T) => void)[] = [];
    event = (listener: (value: T) => void) => {
      this.listeners.push(listener);
      return disposable;
    };
    fire(value: T) {
      for (const l of this.listeners) l(value);
    }
    dispose() {}
  }
  const module = partial('vscode', {
    Uri,
    Position,
    Range,
    Diagnostic,
    EventEmitter,
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    commands: partial('vscode.commands', {
      registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
        commands.push(id);
        handlers.set(id, handler);
        return disposable;
      },
      registerTextEditorCommand: (id: string) => {
        commands.push(id);
        return disposable;
      },
    }),
    tasks: partial('vscode.tasks', {
      registerTaskProvider: (type: string) => {
        taskProviders.push(type);
        return disposable;
      },
    }),
    languages: partial('vscode.languages', {
      createDiagnosticCollection: () =>
        partial('diagnostics', {
          set: (uri: { toString(): string }, list: { message: string }[]) => diagnostics.set(uri.toString(), list),
          delete: (uri: { toString(): string }) => diagnostics.delete(uri.toString()),
          dispose() {},
        }),
    }),
    workspace: partial('vscode.workspace', {
      textDocuments,
      workspaceFolders: undefined,
      findFiles: () => Promise.resolve([]),
      getConfiguration: () => ({ get: () => undefined, inspect: () => undefined }),
      getWorkspaceFolder: () => undefined,
      asRelativePath: (uri: { toString(): string }) => uri.toString(),
      fs: partial('vscode.workspace.fs', {
        writeFile: (uri: { toString(): string }, bytes: Uint8Array) => {
          written.set(uri.toString(), bytes);
          return Promise.resolve();
        },
      }),
    }),
    window: partial('vscode.window', {
      tabGroups: partial('tabGroups', { all: [], onDidChangeTabs: () => disposable }),
      activeTextEditor: undefined,
      withProgress: (_options: unknown, task: (progress: unknown, token: unknown) => Promise<unknown>) =>
        task({ report() {} }, { isCancellationRequested: false, onCancellationRequested: () => disposable }),
      showInformationMessage: () => Promise.resolve(undefined),
      showErrorMessage: () => Promise.resolve(undefined),
      createOutputChannel: () => partial('output', { appendLine: (line: string) => output.push(line), dispose() {} }),
      visibleTextEditors: [],
    }),
  });
  return { module, commands, handlers, written, textDocuments, taskProviders, diagnostics, output, Uri };
}

/** Load a CommonJS bundle as VS Code's web extension host does: `new Function('module', 'exports', 'require', source)`, here in a bare context. */
function loadInBareContext(code: string, vscode: unknown): { exports: Record<string, unknown>; context: vm.Context } {
  const sandbox: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    performance,
  };
  sandbox['self'] = sandbox;
  const context = vm.createContext(sandbox);
  const wrapper = vm.runInContext(`(function (module, exports, require) {\n${code}\n})`, context, { filename: 'browser.js' }) as (
    module: { exports: Record<string, unknown> },
    exports: Record<string, unknown>,
    require: (id: string) => unknown,
  ) => void;
  const module = { exports: {} as Record<string, unknown> };
  wrapper(module, module.exports, (id) => {
    if (id === 'vscode') return vscode;
    throw new Error(`the web bundle required “${id}”; a web worker has only “vscode”`);
  });
  return { exports: module.exports, context };
}

const REPORT = `---
report-type: overview
child: Child D
---
# Serious Case Review Overview Report: Child D

## Introduction

Child D was seen by the health visitor.

## Recommendations

Agencies should consider improving practice as appropriate.
`;

describe('the web extension bundle (dist/browser.js)', function () {
  this.timeout(180_000);
  let code = '';

  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    code = readFileSync(join(root, 'dist', 'browser.js'), 'utf8');
  });

  it('is the manifest’s browser entry, next to the Node one', () => {
    assert.equal(manifest.browser, './dist/browser.js');
    assert.equal(manifest.main, './dist/extension.cjs');
    // VS Code's web extension host appends “.js” to an entry point without it.
    assert.ok(manifest.browser.endsWith('.js'));
  });

  it('the build fails on an import of a Node built-in, naming it and its importer', async () => {
    for (const specifier of ['node:fs', 'path', 'fs/promises', 'node:child_process']) {
      await assert.rejects(
        esbuild.build({
          stdin: {
            contents: `import * as m from '${specifier}'; console.log(m);`,
            resolveDir: root,
            sourcefile: 'sneaky.ts',
            loader: 'ts',
          },
          bundle: true,
          platform: 'browser',
          write: false,
          logLevel: 'silent',
          plugins: [noNodeBuiltins],
        }),
        (error: Error) => error.message.includes(`cannot use the Node built-in “${specifier}” (imported by sneaky.ts)`),
        specifier,
      );
    }
    // Packages are still bundled.
    const ok = await esbuild.build({
      stdin: { contents: `import { unified } from 'unified'; console.log(unified);`, resolveDir: root, loader: 'ts' },
      bundle: true,
      platform: 'browser',
      write: false,
      logLevel: 'silent',
      plugins: [noNodeBuiltins],
    });
    assert.equal(ok.errors.length, 0);
  });

  it('requires nothing but vscode and uses no Node-only global', () => {
    assert.deepEqual([...requires(code)], ['vscode']);
    // (esbuild's shim for a require() it could not resolve says “Dynamic require of”.)
    for (const nodeOnly of ['process.execPath', '__dirname', '__filename', 'require.resolve', 'Dynamic require of']) {
      assert.ok(!code.includes(nodeOnly), `the bundle mentions ${nodeOnly}`);
    }
    // The Node bundle, by contrast, does use Node (so the scan can find it).
    const node = readFileSync(join(root, 'dist', 'extension.cjs'), 'utf8');
    assert.ok(node.includes('process.execPath'));
  });

  it('evaluates in a bare context, activates without the lint task, lints a report and exports it to Word', async () => {
    const fake = fakeVscode();
    const { exports, context } = loadInBareContext(code, fake.module);
    assert.equal(
      vm.runInContext('typeof process + typeof Buffer + typeof require + typeof global', context),
      'undefinedundefinedundefinedundefined',
    );
    assert.equal(typeof exports['activate'], 'function');
    assert.equal(typeof exports['deactivate'], 'function');

    const subscriptions: unknown[] = [];
    const memento = { get: () => undefined, update: () => Promise.resolve(), keys: () => [] };
    const extensionContext = partial('context', {
      subscriptions,
      workspaceState: memento,
      globalState: memento,
      extensionUri: fake.Uri.file('/extension'),
    });
    const api = (
      exports['activate'] as (c: unknown) => {
        lint(document: unknown): Promise<{ linted: boolean; problems: number; reportType?: string } | undefined>;
      }
    )(extensionContext);

    for (const command of [
      'caseReview.lintWorkspace',
      'caseReview.treatAs',
      'caseReview.fixAll',
      'caseReview.exportToWord',
      'caseReview.newReport',
    ]) {
      assert.ok(fake.commands.includes(command), `${command} registered (got ${fake.commands.join(', ')})`);
    }
    assert.deepEqual(fake.taskProviders, [], 'no task provider in the web extension');
    assert.ok(subscriptions.length > 5);

    const uri = fake.Uri.parse('untitled:Untitled-1');
    const document = { uri, languageId: 'markdown', version: 1, isClosed: false, getText: () => REPORT };
    fake.textDocuments.push(document);
    const state = await api.lint(document);
    assert.ok(state, `a lint result; output: ${fake.output.join('\n')}`);
    assert.equal(state.linted, true);
    assert.equal(state.reportType, 'overview');
    const published = fake.diagnostics.get('untitled:Untitled-1') ?? [];
    assert.equal(published.length, state.problems);
    assert.ok(
      published.some((d) => /consider|appropriate/i.test(d.message)),
      published.map((d) => d.message).join('\n'),
    );

    // Export to Word works there too (docx zips with fflate's synchronous zip, no Buffer, no Worker).
    const target = fake.Uri.file('/reports/overview.docx');
    const outcome = (await fake.handlers.get('caseReview.exportToWord')!(uri, target)) as { status: string };
    assert.equal(outcome.status, 'written', `${JSON.stringify(outcome)}; output: ${fake.output.join('\n')}`);
    const bytes = fake.written.get('file:///reports/overview.docx');
    assert.ok(bytes && bytes.length > 1000);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a zip file');
    assert.ok(Buffer.from(bytes).includes('word/document.xml'));
  });
});
