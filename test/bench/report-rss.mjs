// Preloaded into a measured child process: reports its peak RSS (KiB) on stderr when it exits.
process.on("exit", () => {
  process.stderr.write(`\nctx-monitor-bench maxrss-kib=${process.resourceUsage().maxRSS}\n`);
});
