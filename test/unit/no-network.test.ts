/**
 * The reports describe children who were harmed: nothing may leave the machine.
 * 1. The bundles contain no use of http, https, net, tls, dgram, fetch or WebSocket.
 * 2. Linting and the CLI work with those stubbed to throw.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { join, resolve } from 'node:path';
import tls from 'node:tls';
import { lintText } from '../../src/index.js';
import { runLint } from '../../src/cli/commands/lint.js';

const root = resolve(import.meta.dirname, '../..');
const NETWORK_USE = [
  /require\(["'](?:node:)?(?:http|https|http2|net|tls|dgram)["']\)/,
  /from\s*["'](?:node:)?(?:http|https|http2|net|tls|dgram)["']/,
  /\bfetch\s*\(/,
  /\bnew\s+WebSocket\b/,
  /\bXMLHttpRequest\b/,
  /\bnavigator\.sendBeacon\b/,
];

describe('no network', function () {
  this.timeout(120000);

  before(() => {
    if (!existsSync(join(root, 'dist/cli.cjs'))) spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
  });

  it('no bundle uses a network module or API', () => {
    const bundles = readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.cjs') || f.endsWith('.js'));
    assert.ok(bundles.includes('cli.cjs') && bundles.includes('engine.cjs'), bundles.join(', '));
    const found: string[] = [];
    for (const bundle of bundles) {
      const code = readFileSync(join(root, 'dist', bundle), 'utf8');
      for (const pattern of NETWORK_USE) {
        const m = pattern.exec(code);
        if (m) found.push(`${bundle}: ${m[0]} at ${code.slice(0, m.index).split('\n').length}`);
      }
    }
    assert.deepEqual(found, []);
  });

  describe('with network APIs stubbed to throw', () => {
    const restore: (() => void)[] = [];
    const calls: string[] = [];
    const stub = (object: Record<string, unknown>, key: string, name: string) => {
      const original = object[key];
      object[key] = () => {
        calls.push(name);
        throw new Error(`network use: ${name}`);
      };
      restore.push(() => {
        object[key] = original;
      });
    };

    before(() => {
      for (const [mod, name] of [
        [http, 'http'],
        [https, 'https'],
      ] as const) {
        stub(mod as unknown as Record<string, unknown>, 'request', `${name}.request`);
        stub(mod as unknown as Record<string, unknown>, 'get', `${name}.get`);
      }
      stub(net as unknown as Record<string, unknown>, 'connect', 'net.connect');
      stub(net as unknown as Record<string, unknown>, 'createConnection', 'net.createConnection');
      stub(net.Socket.prototype as unknown as Record<string, unknown>, 'connect', 'net.Socket.connect');
      stub(tls as unknown as Record<string, unknown>, 'connect', 'tls.connect');
      stub(dgram as unknown as Record<string, unknown>, 'createSocket', 'dgram.createSocket');
      stub(globalThis as unknown as Record<string, unknown>, 'fetch', 'fetch');
      stub(globalThis as unknown as Record<string, unknown>, 'WebSocket', 'WebSocket');
    });
    after(() => restore.forEach((r) => r()));

    it('lints the example report and runs the CLI in every format', () => {
      const example = join(root, 'examples/overview-report.md');
      assert.ok(lintText(readFileSync(example, 'utf8')).messages.length > 0);
      for (const format of ['text', 'json', 'sarif']) {
        const out = runLint(['--format', format, example], '0.0.0');
        assert.ok(out.code === 0 || out.code === 1, out.stderr);
      }
      assert.deepEqual(calls, []);
    });
  });
});
