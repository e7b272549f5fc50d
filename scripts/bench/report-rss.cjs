// Preloaded into a benchmarked node process (node --require): on exit, appends the
// process's peak resident memory (kB) and CPU time (user + system, ms) to the file
// named by BENCH_RSS_FILE, one "rss cpu" line per process.
const { appendFileSync } = require('node:fs');
process.on('exit', () => {
  if (!process.env.BENCH_RSS_FILE) return;
  const usage = process.resourceUsage();
  appendFileSync(process.env.BENCH_RSS_FILE, `${usage.maxRSS} ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`);
});
