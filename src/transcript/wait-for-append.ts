// Re-checks a file each time it changes until a probe is satisfied or the time is up. Event-driven
// (fs.watch), with a slow backstop timer for file systems whose change events are unreliable.
import { type FSWatcher, watch } from "node:fs";

interface Probe<T> {
  done: boolean;
  value: T;
}

interface WaitResult<T> extends Probe<T> {
  waitedMs: number;
}

export async function waitForAppend<T>(
  path: string,
  probe: () => Probe<T>,
  timeoutMs: number,
  backstopMs = 250,
  options: { recursive?: boolean } = {},
): Promise<WaitResult<T>> {
  const started = Date.now();
  let last = probe();
  if (last.done || timeoutMs <= 0) return { ...last, waitedMs: 0 };
  return new Promise((resolve) => {
    let watcher: FSWatcher | null = null;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(deadline);
      clearInterval(backstop);
      watcher?.close();
      resolve({ ...last, waitedMs: Date.now() - started });
    };
    const check = () => {
      if (finished) return;
      last = probe();
      if (last.done) finish();
    };
    const deadline = setTimeout(() => {
      check();
      finish();
    }, timeoutMs);
    const backstop = setInterval(check, backstopMs);
    try {
      watcher = watch(path, { persistent: false, recursive: options.recursive ?? false }, check);
      watcher.on("error", () => {});
    } catch {
      // No watcher for this file (removed, or an unsupported file system): the backstop still runs.
    }
  });
}
