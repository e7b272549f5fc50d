/**
 * The lint worker thread (bundled as dist/lint-worker.cjs): lints documents off
 * the extension host's main thread, so a long lint never freezes the editor or
 * other extensions. One job at a time; the editor sends the next when this one is done.
 */
import { parentPort } from 'node:worker_threads';
import { DocumentLinter } from './document-linter.js';
import { warmUp } from './warm-up.js';
import { speculativeJob } from './job-config.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

const linter = new DocumentLinter();
const port = parentPort;
if (!port) throw new Error('lint-worker must run in a worker thread');
// The bundle is evaluated: the editor's start-up timeline notes the moment.
port.postMessage({ type: 'ready' } satisfies WorkerReply);

port.on('message', (request: WorkerRequest) => {
  if (request.type === 'forget') {
    linter.forget(request.key);
    return;
  }
  if (request.type === 'warm-up') {
    port.postMessage({ type: 'warmed', ms: warmUp(linter) } satisfies WorkerReply);
    return;
  }
  if (request.type === 'speculate') {
    const started = performance.now();
    try {
      linter.speculate(request.key, speculativeJob(request.speculation));
    } catch {
      // Only the speculation is lost: the editor's job is linted as usual.
    }
    port.postMessage({ type: 'warmed', ms: performance.now() - started } satisfies WorkerReply);
    return;
  }
  let reply: WorkerReply;
  try {
    reply = { type: 'result', id: request.id, outcome: linter.lint(request.key, request.job) };
  } catch (error) {
    reply = { type: 'error', id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
