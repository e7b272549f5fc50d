/**
 * The lint worker thread (bundled as dist/lint-worker.cjs): lints documents off
 * the extension host's main thread, so a long lint never freezes the editor or
 * other extensions. One job at a time; the editor sends the next when this one
 * is done. What it does with each request: worker-loop.ts.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './protocol.js';
import { WorkerLoop } from './worker-loop.js';

const port = parentPort;
if (!port) throw new Error('lint-worker must run in a worker thread');
const loop = new WorkerLoop(
  (reply) => port.postMessage(reply),
  (task) => {
    const immediate = setImmediate(task);
    return () => clearImmediate(immediate);
  },
);
// The bundle is evaluated: the editor's start-up timeline notes the moment.
port.postMessage({ type: 'ready' } satisfies WorkerReply);
port.on('message', (request: WorkerRequest) => loop.handle(request));
