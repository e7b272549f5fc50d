#!/usr/bin/env node
// Run the extension's mocha suite inside a real VS Code extension host,
// without internet access (see shared notes "vscode-tests-offline.md").
//
//   node scripts/vscode-test/run.mjs \
//     --extension-development-path <dir> | --vsix <file.vsix> \
//     --extension-tests-path <abs path to CommonJS index exporting run()> \
//     [--workspace <dir>] [--timeout-seconds 900] [--screenshot <png>] \
//     [--grep <pattern>] [--verbose] [--electron] [--web]
//
// Default (offline) path: code-server 4.100.3 (= VS Code 1.100.3, installed by
// scripts/vscode-test/setup.sh) serves the workbench on a free loopback port;
// headless Chromium (playwright-core, /usr/bin/chromium) opens it with a
// `payload` that makes VS Code load the extension and run the suite in its
// Node extension host. The suite (test/vscode/index.ts) prints a result line
// per test and, at the end,
//
//   CASE_REVIEW_VSCODE_TESTS_DONE {"passed":N,"failed":M,"pending":P}
//
// Exit code 0 only if that marker arrived with N >= 1, M == 0 and P == 0;
// 1 otherwise (failures, timeout, code-server/extension host/browser errors,
// no marker at all). code-server and Chromium are always shut down.
//
// --vsix installs a packaged extension into the fresh extensions dir first and
// tests that instead of a development folder. VS Code only runs a test suite
// when some extension is "under development", so a generated empty stub
// extension plays that role.
//
// --web runs the extension in VS Code's WEB WORKER extension host instead (the
// way vscode.dev and github.dev run it: package.json `browser`, no Node): the
// payload adds `extensionDevelopmentKind: web`. The tests path must then be a
// browser bundle inside the extension folder (out/vscode-test-web/index.cjs.js,
// from test/vscode-web/), since VS Code runs a suite in the extension host of
// the extension whose folder holds it; see webTestsPath for its odd name.
//
// --electron (or CASE_REVIEW_TEST_ELECTRON=1) runs the same suite through
// @vscode/test-electron instead, which DOWNLOADS desktop VS Code: only for
// machines with internet (and a display, e.g. xvfb-run, on Linux).

import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';

const MARKER = 'CASE_REVIEW_VSCODE_TESTS_DONE';
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CODE_SERVER_DIR = path.join(REPO_ROOT, '.vscode-test', 'code-server', 'node_modules', 'code-server');
const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
/** VS Code release matching code-server 4.100.3; used by --electron. */
const ELECTRON_VSCODE_VERSION = '1.100.3';

/** User settings for the fresh profile: nothing may take focus or go online. */
const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  // The fixtures live inside this repo: no "open the parent git repository?" toast.
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * Messages the workbench itself logs on every start; shown only with
 * --verbose. (Extension host console lines arrive on the same channel without
 * a label, so everything else is printed.)
 */
const WORKBENCH_CHATTER = [
  /^Resolving connection token|^Resolved connection token/,
  /^Creating a socket \(/,
  /^\[Service Worker\]/,
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^ChatSessionStore:/,
  /^Creation of workbench contribution '.*' took \d+ms/,
];

const log = (message) => console.log(`[vscode-test] ${message}`);

// --- command line -------------------------------------------------------------

const USAGE = `usage: node scripts/vscode-test/run.mjs
  (--extension-development-path <dir> | --vsix <file.vsix>)
  --extension-tests-path <CommonJS file exporting run()>
  [--workspace <dir>]          folder to open (default: a fresh empty temp folder)
  [--timeout-seconds <n>]      whole-run limit, default 900
  [--screenshot <file.png>]    save a PNG of the workbench at the end
  [--grep <pattern>]           only run tests whose full title matches
  [--verbose]                  also print code-server's and the workbench's own logs
  [--electron]                 use @vscode/test-electron (downloads VS Code; needs internet)
  [--web]                      run the extension in the web worker extension host (its browser entry)`;

function fail(message) {
  console.error(`[vscode-test] ${message}`);
  console.error(USAGE);
  process.exit(1);
}

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'extension-development-path': { type: 'string' },
        'extension-tests-path': { type: 'string' },
        workspace: { type: 'string' },
        'timeout-seconds': { type: 'string', default: '900' },
        screenshot: { type: 'string' },
        vsix: { type: 'string' },
        grep: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        electron: { type: 'boolean', default: false },
        web: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    fail(error.message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }

  const devPath = values['extension-development-path'];
  const testsPath = values['extension-tests-path'];
  if (!testsPath) fail('--extension-tests-path is required');
  if (!devPath === !values.vsix) fail('give exactly one of --extension-development-path and --vsix');

  const options = {
    devPath: devPath && path.resolve(devPath),
    vsix: values.vsix && path.resolve(values.vsix),
    testsPath: path.resolve(testsPath),
    workspace: values.workspace && path.resolve(values.workspace),
    timeoutMs: Number(values['timeout-seconds']) * 1000,
    deadline: Date.now() + Number(values['timeout-seconds']) * 1000,
    screenshot: values.screenshot && path.resolve(values.screenshot),
    grep: values.grep,
    verbose: values.verbose,
    electron: values.electron || process.env.CASE_REVIEW_TEST_ELECTRON === '1',
    web: values.web,
  };
  if (options.web && (options.vsix || options.electron)) fail('--web goes with --extension-development-path and code-server only');
  if (options.web && options.grep) fail('--grep is not supported with --web (the web suite cannot read the environment)');

  if (!isFile(options.testsPath)) fail(`extension tests path is not a file: ${options.testsPath}`);
  if (options.devPath && !isFile(path.join(options.devPath, 'package.json'))) {
    fail(`no package.json in extension development path: ${options.devPath}`);
  }
  if (options.vsix && !isFile(options.vsix)) fail(`not a file: ${options.vsix}`);
  if (options.workspace && !fs.statSync(options.workspace, { throwIfNoEntry: false })?.isDirectory()) {
    fail(`workspace is not a directory: ${options.workspace}`);
  }
  if (!(options.timeoutMs > 0)) fail('--timeout-seconds must be a positive number');
  return options;
}

function isFile(file) {
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

function extensionIdOf(extensionDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
  return `${manifest.publisher}.${manifest.name}`;
}

// --- verdict --------------------------------------------------------------------

/** Parse a marker line; returns the counts or undefined. */
function parseMarker(line) {
  const index = line.indexOf(MARKER);
  if (index === -1) return undefined;
  try {
    const counts = JSON.parse(line.slice(index + MARKER.length).trim());
    if ([counts.passed, counts.failed, counts.pending].every(Number.isInteger)) return counts;
  } catch {
    // fall through: a malformed marker counts as no marker
  }
  return undefined;
}

/** 0 only for a run that really ran tests and all of them passed. */
function exitCodeFor(counts) {
  if (!counts) {
    log('FAILED: the suite never reported its result (no marker line): the editor tests did not run');
    return 1;
  }
  const ok = counts.passed >= 1 && counts.failed === 0 && counts.pending === 0;
  log(`${ok ? 'PASSED' : 'FAILED'}: ${counts.passed} passed, ${counts.failed} failed, ${counts.pending} pending`);
  if (counts.passed === 0) log('no test passed: an empty run does not count as success');
  if (counts.pending > 0) log('pending (skipped) tests are not allowed');
  return ok ? 0 : 1;
}

// --- cleanup --------------------------------------------------------------------

/** Cleanup steps, run once in reverse order on any kind of exit. */
const cleanups = [];
/** Process groups to SIGKILL synchronously if the process exits regardless. */
const processGroups = new Set();
let cleanedUp;
/** Set once a signal asked us to stop: the run's own failure reports are moot. */
let interrupted = false;

function cleanup() {
  cleanedUp ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(`[vscode-test] cleanup: ${error.message}`);
      }
    }
  })();
  return cleanedUp;
}

/** Temp dirs to remove synchronously if the process exits regardless. */
const tempDirs = new Set();

// Last resort for exits that skip cleanup() (uncaught errors, process.exit).
process.on('exit', () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  for (const pid of processGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});
// A closed stdout (e.g. piped into `head`) must not kill the run before it
// cleans up: ignore write errors on our own output.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    log(`received ${signal}, shutting down`);
    cleanup().finally(() => process.exit(code));
  });
}

function makeTempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  cleanups.push(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  });
  return dir;
}

/** SIGTERM a detached child's process group, SIGKILL it after a grace period. */
async function stopProcessGroup(child, graceMs = 3000) {
  if (child.exitCode !== null || child.signalCode !== null) {
    processGroups.delete(child.pid);
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, graceMs);
  await exited;
  clearTimeout(timer);
  // Children of the group (extension host, pty host…) may outlive the leader.
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // group is empty
  }
  processGroups.delete(child.pid);
}

// --- code-server ----------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Environment for code-server and, through it, the extension host. */
function codeServerEnv(home, extra) {
  const env = { ...process.env };
  // A VS Code/code-server terminal sets these; code-server would then hand the
  // request to the already running instance instead of starting its own.
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key.startsWith('CODE_SERVER_')) delete env[key];
  }
  // Keep code-server's own config.yaml and state out of the real home.
  env.XDG_CONFIG_HOME = path.join(home, 'config');
  env.XDG_DATA_HOME = path.join(home, 'data');
  env.XDG_CACHE_HOME = path.join(home, 'cache');
  // No extension gallery (code-server defaults to open-vsx.org): nothing to
  // reach offline, and tests must not depend on it.
  env.EXTENSIONS_GALLERY = '{}';
  return { ...env, ...extra };
}

/** Keep the last lines of a stream for error reports; optionally echo them. */
function captureLines(stream, prefix, sink, echo) {
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop();
    for (const line of lines) {
      sink.push(`${prefix} ${line}`);
      if (sink.length > 80) sink.shift();
      if (echo) console.log(`${prefix} ${line}`);
    }
  });
}

async function installVsix(vsix, dirs, env) {
  log(`installing ${path.basename(vsix)}`);
  const args = [
    CODE_SERVER_ENTRY,
    '--extensions-dir',
    dirs.extensions,
    '--user-data-dir',
    dirs.userData,
    '--install-extension',
    vsix,
    '--force',
  ];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, args, { env, timeout: 120_000 });
    // Keep "Extension '…' was successfully installed."; drop code-server's own log lines.
    for (const line of stdout.split('\n')) if (/^Extension /.test(line)) log(line);
  } catch (error) {
    throw new Error(`installing ${vsix} failed: ${(error.stderr || error.stdout || error.message).trim()}`);
  }
  // extensions.json lists what the extensions dir holds: the vsix is the only entry.
  const installed = JSON.parse(fs.readFileSync(path.join(dirs.extensions, 'extensions.json'), 'utf8'));
  if (installed.length !== 1) throw new Error(`expected 1 installed extension, found ${installed.length}`);
  return installed[0].identifier.id;
}

/** A do-nothing extension to be "under development" when testing a vsix. */
function writeStubExtension(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: 'vscode-test-stub',
      publisher: 'case-review-lint-test',
      version: '0.0.0',
      description: 'Empty extension so that VS Code runs the test suite against an installed vsix',
      engines: { vscode: '*' },
    }),
  );
  return dir;
}

async function startCodeServer({ port, dirs, workspace, env, verbose }) {
  const args = [
    CODE_SERVER_ENTRY,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--extensions-dir',
    dirs.extensions,
    '--user-data-dir',
    dirs.userData,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    workspace,
  ];
  // detached: own process group, so the extension host and the other helpers
  // it forks are stopped together.
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  processGroups.add(child.pid);
  cleanups.push(() => stopProcessGroup(child));
  const output = [];
  captureLines(child.stdout, '[code-server]', output, verbose);
  captureLines(child.stderr, '[code-server]', output, verbose);
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(`code-server exited (code ${code}, signal ${signal})`));
    child.on('error', (error) => resolve(`code-server failed to start: ${error.message}`));
  });

  // Ready when /healthz answers.
  const deadline = Date.now() + 60_000;
  let stop = false;
  const ready = (async () => {
    while (!stop && Date.now() < deadline) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('code-server did not become ready within 60s');
  })();
  const problem = await Promise.race([ready.then(() => undefined), exited]);
  stop = true;
  if (problem) {
    console.error(output.join('\n'));
    throw new Error(problem);
  }
  return { child, output, exited };
}

// --- the run (code-server + Chromium) ---------------------------------------------

/**
 * The tests path to give the web worker extension host for a bundle at `file`.
 * That host loads CommonJS only, and takes a suite for ES module (refused)
 * unless its path ends with .cjs, since package.json says "type": "module";
 * it then fetches that path with ".js" appended. So the bundle is
 * index.cjs.js and VS Code is told index.cjs.
 */
function webTestsPath(file) {
  if (!file.endsWith('.cjs.js')) throw new Error(`--web needs a tests bundle named *.cjs.js (see test/vscode-web/index.ts), got ${file}`);
  return file.slice(0, -'.js'.length);
}

async function runInCodeServer(options) {
  if (!isFile(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed: run scripts/vscode-test/setup.sh first (looked for ${CODE_SERVER_ENTRY})`);
  }
  const { chromium } = await import('playwright-core');

  const tempRoot = makeTempDir('vscode-test-');
  const dirs = {
    userData: path.join(tempRoot, 'user-data'),
    extensions: path.join(tempRoot, 'extensions'),
    home: path.join(tempRoot, 'home'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));

  const workspace = options.workspace ?? fs.mkdtempSync(path.join(tempRoot, 'workspace-'));
  let env = codeServerEnv(dirs.home, {});

  let devPath = options.devPath;
  let extensionId;
  if (options.vsix) {
    extensionId = await installVsix(options.vsix, dirs, env);
    devPath = writeStubExtension(path.join(tempRoot, 'stub-extension'));
  } else {
    extensionId = extensionIdOf(devPath);
  }
  if (options.web) {
    // VS Code 1.100's web workbench ignores the payload's extensionDevelopmentKind (its environment
    // service names the getter extensionDevelopmentLocationKind), so also pin the kind in the settings.
    const settings = { ...USER_SETTINGS, 'remote.extensionKind': { [extensionId]: ['web'] } };
    fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  }
  // Read by the suite (see test/vscode/smoke.test.ts and index.ts); the
  // extension host inherits code-server's environment.
  env = {
    ...env,
    CASE_REVIEW_TEST_WORKSPACE: workspace,
    CASE_REVIEW_TEST_EXTENSION_ID: extensionId,
    ...(options.grep ? { CASE_REVIEW_VSCODE_TEST_GREP: options.grep } : {}),
  };

  const port = await freePort();
  log(`starting code-server on 127.0.0.1:${port} (extension ${extensionId}${options.web ? ', in the web worker extension host' : ''})`);
  const server = await startCodeServer({ port, dirs, workspace, env, verbose: options.verbose });

  log('starting headless Chromium');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    // Our own signal handlers close everything in order.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 60_000,
  });
  cleanups.push(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

  // Everything that can end the run settles this one promise (first wins).
  let settle;
  const outcome = new Promise((resolve) => (settle = resolve));
  let counts;

  // In test mode VS Code hands every log message of the window, including the
  // extension host's console output, to window.codeAutomationLog(level, args),
  // and calls window.codeAutomationExit(code) once the suite's run() settled
  // (0 = resolved, 1 = rejected or failed to load) — the hooks @vscode/test-web
  // uses. The same messages also reach the page console, but wrapped in %c
  // styling; this channel gives the plain text.
  await page.exposeFunction('codeAutomationLog', (level, args) => {
    const [first, ...rest] = Array.isArray(args) ? args : [args];
    const text = [first, ...rest.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg)))].join(' ');
    // A suite asks for a picture of the workbench as a person sees it:
    // `CASE_REVIEW_SCREENSHOT <name>` saves test-results/<name>.png.
    const shot = /^CASE_REVIEW_SCREENSHOT ([\w-]{1,64})$/.exec(text.trim());
    if (shot) {
      const file = path.join(REPO_ROOT, 'test-results', `${shot[1]}.png`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      page
        .screenshot({ path: file, timeout: 15_000 })
        .then(() => log(`screenshot: ${file}`))
        .catch((error) => log(`could not take the screenshot ${file}: ${error.message}`));
    }
    const parsed = parseMarker(text);
    if (parsed) {
      counts = parsed;
      // run() has returned; codeAutomationExit follows. Should it not come,
      // decide from the marker alone.
      setTimeout(() => settle({ kind: 'marker' }), 15_000).unref();
    }
    if (level === 'trace' || level === 'debug') return;
    if (!options.verbose && (level === 'info' || level === 'warn') && WORKBENCH_CHATTER.some((re) => re.test(text))) return;
    console.log(level === 'info' ? text : `[${level}] ${text}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    // Let log calls still in flight arrive first.
    setTimeout(() => settle({ kind: 'exit', code }), 500);
  });
  page.on('console', (message) => {
    const text = message.text();
    if (options.verbose) console.log(`[page console.${message.type()}] ${text}`);
    // console.error calls that bypass the log service (those that go through
    // it start with %c and were printed above).
    else if (message.type() === 'error' && !text.startsWith('%c') && !text.startsWith('Failed to load resource')) {
      console.log(`[workbench console.error] ${text.split('\n')[0]}`);
    }
    // Test runs that VS Code gives up on without calling codeAutomationExit.
    if (/No extension host found that can launch the test runner|Extension host .* terminated unexpectedly/.test(text)) {
      settle({ kind: 'error', message: text.split('\n')[0] });
    }
  });
  page.on('pageerror', (error) => console.log(`[workbench error] ${error.message}`));
  page.on('crash', () => settle({ kind: 'error', message: 'the workbench page crashed' }));
  browser.on('disconnected', () => settle({ kind: 'error', message: 'Chromium exited' }));
  server.exited.then((message) => settle({ kind: 'error', message }));
  // --timeout-seconds counts from the start of run.mjs, setup included.
  const timer = setTimeout(
    () => settle({ kind: 'error', message: `timed out after ${options.timeoutMs / 1000}s` }),
    Math.max(0, options.deadline - Date.now()),
  );

  const remote = (file) => `vscode-remote://127.0.0.1:${port}${pathToFileURL(file).pathname}`;
  const payload = [
    ['extensionDevelopmentPath', remote(devPath)],
    ['extensionTestsPath', remote(options.web ? webTestsPath(options.testsPath) : options.testsPath)],
    // The web worker extension host runs the extension (package.json `browser`) and hence the suite.
    ...(options.web ? [['extensionDevelopmentKind', 'web']] : []),
  ];
  const url =
    `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}` + `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(`opening the workbench, running ${path.relative(process.cwd(), options.testsPath) || options.testsPath}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  const result = await outcome;
  clearTimeout(timer);
  if (interrupted) return 1;

  if (result.kind === 'exit' && result.code !== 0) {
    log(`the extension host's test runner ended with exit code ${result.code}`);
  } else if (result.kind === 'marker') {
    log('warning: VS Code did not report the end of the test run; deciding from the marker');
  } else if (result.kind === 'error') {
    log(`FAILED: ${result.message}`);
    if (!options.verbose) console.error(server.output.slice(-30).join('\n'));
  }

  if (options.screenshot) {
    try {
      fs.mkdirSync(path.dirname(options.screenshot), { recursive: true });
      await page.screenshot({ path: options.screenshot, timeout: 15_000 });
      log(`screenshot: ${options.screenshot}`);
    } catch (error) {
      log(`could not take the screenshot: ${error.message}`);
    }
  }

  const code = exitCodeFor(counts);
  const hostOk = (result.kind === 'exit' && result.code === 0) || result.kind === 'marker';
  return hostOk ? code : 1;
}

// --- the run (@vscode/test-electron) ----------------------------------------------

async function runInElectron(options) {
  if (options.vsix) throw new Error('--vsix is only supported with code-server (the default)');
  log(`--electron: running through @vscode/test-electron (downloads VS Code ${ELECTRON_VSCODE_VERSION})`);
  const { runTests } = await import('@vscode/test-electron');
  const tempRoot = makeTempDir('vscode-test-electron-');
  const workspace = options.workspace ?? fs.mkdtempSync(path.join(tempRoot, 'workspace-'));
  const userData = path.join(tempRoot, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));

  // Desktop VS Code prints the extension host's console on its stdout, which
  // test-electron copies to ours: watch it for the marker.
  let counts;
  const write = process.stdout.write.bind(process.stdout);
  let partial = '';
  process.stdout.write = (chunk, ...rest) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop();
    for (const line of lines) counts = parseMarker(line) ?? counts;
    return write(chunk, ...rest);
  };

  // runTests gives no handle on the VS Code process it spawns: on a timeout or
  // a signal, stop whatever this process started.
  cleanups.push(() => killDescendants(process.pid));
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, options.deadline - Date.now()));
  });

  let code;
  try {
    const run = runTests({
      version: ELECTRON_VSCODE_VERSION,
      cachePath: path.join(REPO_ROOT, '.vscode-test'),
      extensionDevelopmentPath: options.devPath,
      extensionTestsPath: options.testsPath,
      launchArgs: [workspace, '--user-data-dir', userData, '--extensions-dir', path.join(tempRoot, 'extensions')],
      extensionTestsEnv: {
        CASE_REVIEW_TEST_WORKSPACE: workspace,
        CASE_REVIEW_TEST_EXTENSION_ID: extensionIdOf(options.devPath),
        ...(options.grep ? { CASE_REVIEW_VSCODE_TEST_GREP: options.grep } : {}),
      },
    });
    code = await Promise.race([run, timedOut]);
    if (code === 'timeout') {
      log(`FAILED: timed out after ${options.timeoutMs / 1000}s`);
      code = 1;
    }
  } catch (error) {
    log(`VS Code run failed: ${error.message}`);
    code = 1;
  } finally {
    clearTimeout(timer);
    counts = parseMarker(partial) ?? counts;
    process.stdout.write = write;
  }
  const verdict = exitCodeFor(counts);
  return code === 0 ? verdict : 1;
}

/** SIGKILL every descendant of `pid` (children first found via ps). */
async function killDescendants(pid) {
  let table;
  try {
    ({ stdout: table } = await promisify(execFile)('ps', ['-eo', 'pid=,ppid=']));
  } catch {
    return;
  }
  const children = new Map();
  for (const row of table.trim().split('\n')) {
    const [child, parent] = row.trim().split(/\s+/).map(Number);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(child);
  }
  const victims = [];
  const queue = [...(children.get(pid) ?? [])];
  while (queue.length) {
    const next = queue.shift();
    victims.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  for (const victim of victims) {
    try {
      process.kill(victim, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

// --- main ---------------------------------------------------------------------------

const options = parseOptions();
const started = Date.now();
let exitCode = 1;
try {
  exitCode = options.electron ? await runInElectron(options) : await runInCodeServer(options);
} catch (error) {
  if (!interrupted) log(`FAILED: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await cleanup();
}
log(`done in ${((Date.now() - started) / 1000).toFixed(1)}s, exit code ${exitCode}`);
process.exit(exitCode);
