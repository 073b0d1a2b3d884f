// The project's git branch and short status, when it is a repository (bounded, failures ignored).
import { execFile } from "node:child_process";
import type { GitSnapshot } from "./render.ts";

function git(args: string[], cwd: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(
      "git",
      args,
      { cwd, timeout: 3_000, maxBuffer: 4 << 20, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" } },
      (error, stdout) => resolve(error ? null : stdout),
    );
  });
}

export async function gitSnapshot(projectDir: string): Promise<GitSnapshot | null> {
  const inside = await git(["rev-parse", "--is-inside-work-tree"], projectDir);
  if (inside?.trim() !== "true") return null;
  const [branch, status, diffStat] = await Promise.all([
    git(["branch", "--show-current"], projectDir),
    git(["status", "--short"], projectDir),
    git(["diff", "--stat=100", "HEAD"], projectDir),
  ]);
  return {
    branch: branch?.trim() || null,
    status: firstLines(status ?? ""),
    diffStat: firstLines(diffStat ?? "", 200, true),
  };
}

/** At most `keep` lines; a diff stat keeps its closing summary line. */
function firstLines(text: string, keep = 200, keepLast = false): string {
  const lines = text.trimEnd().split("\n");
  if (lines.length <= keep) return text;
  const last = keepLast ? lines.slice(-1) : [];
  return [...lines.slice(0, keep), `… ${lines.length - keep - last.length} more lines`, ...last].join("\n");
}
