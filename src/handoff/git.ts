// The project's git branch and short status, when it is a repository (bounded, failures ignored).
import { execFile } from "node:child_process";
import type { GitSnapshot } from "./render.ts";

function git(args: string[], cwd: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile("git", args, { cwd, timeout: 3_000, maxBuffer: 4 << 20, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" } }, (error, stdout) =>
      resolve(error ? null : stdout),
    );
  });
}

export async function gitSnapshot(projectDir: string): Promise<GitSnapshot | null> {
  const inside = await git(["rev-parse", "--is-inside-work-tree"], projectDir);
  if (inside?.trim() !== "true") return null;
  const [branch, status] = await Promise.all([git(["branch", "--show-current"], projectDir), git(["status", "--short"], projectDir)]);
  const lines = (status ?? "").split("\n");
  const shown = lines.length > 200 ? [...lines.slice(0, 200), `… ${lines.length - 200} more lines`].join("\n") : (status ?? "");
  return { branch: branch?.trim() || null, status: shown };
}
