// `ctx-monitor watch`: a live view of a session's context. The terminal is the process's own; the
// implementation (and chokidar with it) is loaded only when the command runs.

import type { WatchTerminal } from "../report/watch/run-watch.ts";
import { type Command, SELECTION_SYNOPSIS, selectionFrom, selectionOptions } from "./command.ts";

export const watchCommand: Command = {
  name: "watch",
  summary: "live view of the context: gauge, steps left, the last steps and what they added (q quits)",
  synopsis: SELECTION_SYNOPSIS,
  options: { ...selectionOptions },
  async run(context) {
    const { runWatch } = await import("../report/watch/run-watch.ts");
    return runWatch(selectionFrom(context.values), context.runtime, processTerminal(context.out.stderr));
  },
};

function processTerminal(error: (text: string) => void): WatchTerminal {
  const { stdout, stdin } = process;
  const isTTY = stdout.isTTY === true;
  return {
    isTTY,
    size: () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 }),
    write: (text) => stdout.write(text),
    error,
    onResize(listener) {
      stdout.on("resize", listener);
      return () => stdout.off("resize", listener);
    },
    onKey(listener) {
      if (!isTTY || !stdin.isTTY) return () => {};
      stdin.setRawMode(true);
      stdin.setEncoding("utf8");
      const onData = (chunk: string) => {
        for (const key of chunk) listener(key);
      };
      stdin.on("data", onData);
      stdin.resume();
      return () => {
        stdin.off("data", onData);
        stdin.setRawMode(false);
        stdin.pause();
      };
    },
    onSignal(listener) {
      process.on("SIGINT", listener);
      process.on("SIGTERM", listener);
      return () => {
        process.off("SIGINT", listener);
        process.off("SIGTERM", listener);
      };
    },
  };
}
