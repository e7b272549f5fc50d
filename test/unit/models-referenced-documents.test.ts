/**
 * Referenced documents (an executive summary's `overview:`): the pure parts the
 * editor uses (src/models/referenced-documents-model.ts), the reasons a file
 * could not be read, and how summary-consistency reports them from the editor's
 * or the command line's `documentErrors`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { documentReferences, lintText, unreadableReason } from '../../src/index.js';
import { DependencyGraph, NOT_SAVED, TextCache, referenceTarget } from '../../src/models/referenced-documents-model.js';
import { DocumentLinter } from '../../src/lint-worker/document-linter.js';

const OVERVIEW = `---
report-type: overview
---
# Overview report: Child F

## Recommendations

1. The Board will audit referrals by March 2014.
`;

const summary = (overview: string) => `---
report-type: executive-summary
overview: ${overview}
---
# Executive summary: Child F

## Recommendations

1. The Board should consider auditing some referrals by March 2014.
`;

const consistency = (text: string, filePath: string, config: Record<string, unknown>) =>
  lintText(text, { filePath, config: { ...config, rules: { 'summary-consistency': 'on' } } }).messages.filter(
    (m) => m.ruleId === 'summary-consistency',
  );

describe('referenced documents: where a reference points', () => {
  it('maps the paths documentReferences resolves to a file, a URI or nothing', () => {
    const [posix] = documentReferences(summary('../overview.md'), '/cases/child-f/summary/es.md');
    assert.deepEqual(referenceTarget(posix!), { kind: 'file', path: '/cases/child-f/overview.md' });
    const [windows] = documentReferences(summary('..\\overview.md'), 'C:\\cases\\summary\\es.md');
    assert.deepEqual(referenceTarget(windows!), { kind: 'file', path: 'C:/cases/overview.md' });
    const [remote] = documentReferences(summary('overview.md'), 'vscode-vfs://github/board/reviews/es.md');
    assert.deepEqual(referenceTarget(remote!), { kind: 'uri', uri: 'vscode-vfs://github/board/reviews/overview.md' });
  });

  it('cannot resolve a relative path against an unsaved (untitled) report', () => {
    const [path] = documentReferences(summary('overview.md'), 'untitled:Untitled-1');
    assert.deepEqual(referenceTarget(path!), { kind: 'unresolved', problem: NOT_SAVED });
  });
});

describe('referenced documents: which reports depend on which documents', () => {
  it('lists the dependents of a document and forgets a report that is closed', () => {
    const graph = new DependencyGraph();
    graph.set('file:///a/es-1.md', ['file:///a/overview.md']);
    graph.set('file:///a/es-2.md', ['file:///a/overview.md', 'file:///b/overview.md']);
    assert.deepEqual(graph.dependentsOf('file:///a/overview.md'), ['file:///a/es-1.md', 'file:///a/es-2.md']);
    assert.deepEqual([...graph.targets()].sort(), ['file:///a/overview.md', 'file:///b/overview.md']);
    graph.set('file:///a/es-2.md', ['file:///b/overview.md']);
    assert.deepEqual(graph.dependentsOf('file:///a/overview.md'), ['file:///a/es-1.md'], 'a changed reference replaces the old one');
    graph.delete('file:///a/es-1.md');
    graph.set('file:///a/es-2.md', []);
    assert.deepEqual(graph.dependentsOf('file:///a/overview.md'), []);
    assert.equal(graph.targets().size, 0);
  });
});

describe('referenced documents: the text cache', () => {
  it('reuses a text only while the modification time and size are unchanged', () => {
    const cache = new TextCache();
    cache.set('file:///a/overview.md', { mtime: 10, size: 5 }, 'first');
    assert.equal(cache.get('file:///a/overview.md', { mtime: 10, size: 5 }), 'first');
    assert.equal(cache.get('file:///a/overview.md', { mtime: 11, size: 5 }), undefined);
    assert.equal(cache.get('file:///a/overview.md', { mtime: 10, size: 6 }), undefined);
    assert.equal(cache.get('file:///b/overview.md', { mtime: 10, size: 5 }), undefined);
    cache.set('file:///b/overview.md', { mtime: 1, size: 1 }, 'b');
    cache.retain(new Set(['file:///b/overview.md']));
    assert.equal(cache.size, 1);
    assert.equal(cache.get('file:///a/overview.md', { mtime: 10, size: 5 }), undefined);
  });
});

describe('referenced documents: why one could not be read', () => {
  it('says it in a few words for Node and VS Code error codes', () => {
    assert.equal(unreadableReason(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' })), 'no file at that path');
    assert.equal(unreadableReason({ code: 'FileNotFound' }), 'no file at that path');
    assert.equal(unreadableReason({ code: 'EISDIR' }), 'it is a folder, not a file');
    assert.equal(unreadableReason({ code: 'NoPermissions' }), 'permission denied');
    assert.equal(unreadableReason(new Error('disk on fire')), 'disk on fire');
    assert.equal(unreadableReason(new Error('x'.repeat(500))).length, 201);
  });

  it('summary-consistency gives the reason when the front end could not read the overview', () => {
    const [info, ...rest] = consistency(summary('../overview.md'), '/cases/summary/es.md', {
      documentErrors: { '/cases/overview.md': 'no file at that path' },
    });
    assert.equal(rest.length, 0);
    assert.equal(info!.severity, 'info');
    assert.equal(info!.line, 3);
    assert.match(
      info!.message,
      /^The overview report could not be read, so recommendations and the action plan were not compared\. Check `overview: \.\.\/overview\.md` in the front matter \(no file at that path\)\.$/,
    );
    assert.deepEqual(info!.data, {
      check: 'overview-unavailable',
      reason: 'unreadable',
      path: '/cases/overview.md',
      problem: 'no file at that path',
    });
  });

  it('compares when the text is there, whatever documentErrors says of another path', () => {
    const messages = consistency(summary('../overview.md'), '/cases/summary/es.md', {
      documents: { '/cases/overview.md': OVERVIEW },
      documentErrors: { '/elsewhere/overview.md': 'no file at that path' },
    });
    assert.deepEqual(
      messages.map((m) => m.data?.check),
      ['recommendation-reworded'],
    );
  });
});

describe('summary-consistency: the overview read once per text', () => {
  it('compares against the overview text given, not an earlier one it kept', () => {
    const agreeing = OVERVIEW.replace('will audit referrals by March 2014', 'should consider auditing some referrals by March 2014');
    const checks = (overview: string) =>
      consistency(summary('../overview.md'), '/cases/summary/es.md', { documents: { '/cases/overview.md': overview } }).map(
        (m) => m.data?.check,
      );
    assert.deepEqual(checks(OVERVIEW), ['recommendation-reworded']);
    assert.deepEqual(checks(agreeing), []);
    assert.deepEqual(checks(OVERVIEW), ['recommendation-reworded']);
    assert.deepEqual(checks(OVERVIEW.replace('1. The Board', '1. Nothing here.\n2. The Board')), [
      'recommendation-missing',
      'recommendation-reworded',
    ]);
  });
});

describe('referenced documents: the command line', function () {
  this.timeout(60000);
  const root = resolve(import.meta.dirname, '../..');
  const cli = join(root, 'dist/cli.cjs');

  it('reads the overview next to the summary, and says why when it cannot', () => {
    if (!existsSync(cli)) spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
    const dir = mkdtempSync(join(tmpdir(), 'crl-referenced-'));
    mkdirSync(join(dir, 'summary'));
    writeFileSync(join(dir, 'overview.md'), OVERVIEW);
    writeFileSync(join(dir, 'summary', 'es.md'), summary('../overview.md'));
    writeFileSync(join(dir, 'summary', 'typo.md'), summary('../overveiw.md'));
    const run = (file: string) => spawnSync(process.execPath, [cli, join(dir, 'summary', file)], { encoding: 'utf8' }).stdout;
    assert.match(run('es.md'), /This recommendation is reworded from recommendation 1 of the overview report \(\d+% similar\)/);
    assert.match(
      run('typo.md'),
      /info\s+The overview report could not be read, so recommendations and the action plan were not compared\. Check `overview: \.\.\/overveiw\.md` in the front matter \(no file at that path\)/,
    );
  });
});

describe('referenced documents: relinting a summary whose own text did not change', () => {
  it('compares with the new overview each time, in the lint worker with its kept parse and summaries', () => {
    const linter = new DocumentLinter();
    const text = summary('overview.md');
    const path = resolve('/cases/child-f/overview.md');
    const job = (overview: string) => ({
      text,
      filePath: '/cases/child-f/es.md',
      config: { rules: { 'summary-consistency': 'on' as const } },
      documents: { [path]: overview },
      summaries: true,
    });
    const reworded = (overview: string) =>
      linter
        .lint('es', job(overview))
        .result.messages.filter((m) => m.ruleId === 'summary-consistency' && m.message.includes('is reworded from recommendation'));
    assert.equal(reworded(OVERVIEW).length, 1, 'the overview words recommendation 1 differently');
    const agreed = OVERVIEW.replace(
      'The Board will audit referrals by March 2014.',
      'The Board should consider auditing some referrals by March 2014.',
    );
    assert.deepEqual(reworded(agreed), [], 'the same summary text, relinted against the changed overview');
    assert.equal(reworded(OVERVIEW).length, 1, 'and back');
  });
});
