// `ctx-monitor proxy` as a user runs it: the built CLI in its own process, its printed URL read back.
import { type ChildProcess, spawn } from "node:child_process";
import { CLI_PATH } from "./built-server.ts";

interface ProxyProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function startProxyProcess(args: string[], env: Record<string, string>): Promise<ProxyProcess> {
  const child = spawn(process.execPath, [CLI_PATH, "proxy", "--port", "0", ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    let printed = "";
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      printed += chunk.toString();
      const url = /ANTHROPIC_BASE_URL=(http:\/\/127\.0\.0\.1:\d+)/.exec(printed)?.[1];
      if (url) resolve({ url, child, stop });
    });
    child.once("exit", (code) =>
      reject(new Error(`ctx-monitor proxy exited (${code}) before listening: ${errors}${printed}`)),
    );
  });
}
