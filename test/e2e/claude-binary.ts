// The Claude Code versions the suite runs against, each installed from the npm registry into its own
// cache folder (never a dependency of the package), and verified before use.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** The version the project was first built against, and the newest in the registry when last checked. */
const KNOWN_VERSIONS = ["2.1.197", "2.1.332"] as const;

/** The versions this run covers: `CTX_MONITOR_E2E_VERSIONS=2.1.197,2.1.332` (default: every known one). */
export function e2eVersions(): string[] {
  const named = (process.env.CTX_MONITOR_E2E_VERSIONS ?? "")
    .split(",")
    .map((version) => version.trim())
    .filter(Boolean);
  return named.length > 0 ? named : [...KNOWN_VERSIONS];
}

/** The newest of the versions this run covers: what fixtures are recorded with. */
export function newestVersion(versions: readonly string[] = e2eVersions()): string {
  const parts = (version: string) => version.split(".").map(Number);
  return [...versions]
    .sort((a, b) => {
      const [x, y] = [parts(a), parts(b)];
      for (let i = 0; i < Math.max(x.length, y.length); i++)
        if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
      return 0;
    })
    .at(-1)!;
}

function cacheDir(version: string): string {
  const base = process.env.CTX_MONITOR_E2E_CACHE ?? join(homedir(), ".cache", "ctx-monitor-e2e");
  return join(base, `claude-${version}`);
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
    return execFileSync(binary, ["--version"], {
      encoding: "utf8",
      timeout: 30_000,
      env: { PATH: process.env.PATH ?? "", HOME: homedir() },
    }).trim();
  } catch {
    return null;
  }
}

const verified = new Map<string, string>();

/** The path of a working `claude` of exactly `version`, installing it into the cache when missing. */
export function ensureClaude(version: string): string {
  const known = verified.get(version);
  if (known) return known;
  const dir = cacheDir(version);
  const usable = () =>
    candidates(dir).find((binary) => existsSync(binary) && installedVersion(binary)?.startsWith(`${version} `));
  let binary = usable();
  if (!binary) {
    mkdirSync(dir, { recursive: true });
    if (!existsSync(join(dir, "package.json")))
      writeFileSync(join(dir, "package.json"), '{"name":"ctx-monitor-e2e-cache","private":true}\n');
    try {
      execFileSync("npm", ["install", "--no-save", "--no-audit", "--no-fund", `@anthropic-ai/claude-code@${version}`], {
        cwd: dir,
        stdio: ["ignore", "ignore", "pipe"],
        timeout: 600_000,
      });
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
      throw new Error(`claude ${version} is not installed in ${dir} and npm install failed: ${stderr.slice(-2000)}`);
    }
    binary = usable();
    if (!binary)
      throw new Error(
        `installed @anthropic-ai/claude-code@${version} in ${dir}, but no binary there answers --version`,
      );
  }
  verified.set(version, binary);
  return binary;
}
