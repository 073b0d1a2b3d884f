// The pinned Claude Code, installed from the npm registry into a cache folder (never a dependency of
// the package), and verified before use.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const CLAUDE_CODE_VERSION = "2.1.197";

function cacheDir(): string {
  return process.env.CTX_MONITOR_E2E_CACHE ?? join(homedir(), ".cache", "ctx-monitor-e2e", `claude-${CLAUDE_CODE_VERSION}`);
}

/** The native binary itself when its platform package is there, else the package's launcher. */
function candidates(dir: string): string[] {
  const platform = `${process.platform}-${process.arch}`;
  return [
    join(dir, "node_modules", "@anthropic-ai", `claude-code-${platform}`, "claude"),
    join(dir, "node_modules", ".bin", "claude"),
  ];
}

function installedVersion(binary: string): string | null {
  try {
    return execFileSync(binary, ["--version"], { encoding: "utf8", timeout: 30_000, env: { PATH: process.env.PATH ?? "", HOME: homedir() } }).trim();
  } catch {
    return null;
  }
}

export function ensureClaude(): string {
  const dir = cacheDir();
  const usable = () => candidates(dir).find((binary) => existsSync(binary) && installedVersion(binary)?.startsWith(CLAUDE_CODE_VERSION));
  const present = usable();
  if (present) return present;
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, "package.json"))) writeFileSync(join(dir, "package.json"), '{"name":"ctx-monitor-e2e-cache","private":true}\n');
  try {
    execFileSync("npm", ["install", "--no-save", "--no-audit", "--no-fund", `@anthropic-ai/claude-code@${CLAUDE_CODE_VERSION}`], {
      cwd: dir,
      stdio: ["ignore", "ignore", "pipe"],
      timeout: 600_000,
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`claude ${CLAUDE_CODE_VERSION} is not installed in ${dir} and npm install failed: ${stderr.slice(-2000)}`);
  }
  const installed = usable();
  if (!installed) throw new Error(`installed @anthropic-ai/claude-code@${CLAUDE_CODE_VERSION} in ${dir}, but no binary there answers --version`);
  return installed;
}
