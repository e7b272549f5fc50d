/** A worker thread of the command line's `--jobs` pool (bundled as dist/cli-worker.cjs): lints one file per job. */
import { lintFile, type FileJob, type FileOutcome } from './lint-file.js';
import { serveJobs } from './pool.js';

serveJobs<FileJob, FileOutcome>((job) => lintFile(job));
