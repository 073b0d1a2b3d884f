// One isolated Claude Code user: a temporary HOME and project folder, ctx-monitor configured as its
// MCP server (the built dist/cli.js), and a way to run the real client against the stand-in API.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { encodeProjectDir } from "../../src/claude/paths.ts";
import { ensureClaude, newestVersion } from "./claude-binary.ts";

export const CLI_PATH = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const RUN_TIMEOUT_MS = 120_000;

export interface ClaudeResult {
  session_id: string;
  result?: string;
  is_error?: boolean;
  modelUsage?: Record<string, { contextWindow?: number }>;
  [key: string]: unknown;
}

export interface Sandbox {
  /** The Claude Code version this sandbox runs. */
  version: string;
  home: string;
  project: string;
  env: Record<string, string>;
  transcriptPath(sessionId: string): string;
  /** Runs `claude` in the project; `extraEnv` adds variables for this run only. */
  claude(args: string[], extraEnv?: Record<string, string>): Promise<ClaudeResult>;
  ctxMonitor(args: string[]): Promise<string>;
  remove(): void;
}

function run(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { ...options, timeout: RUN_TIMEOUT_MS, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error)
        reject(
          new Error(
            `${command} ${args.join(" ")} failed: ${error.message}\n${stderr.slice(-3000)}\n${stdout.slice(-3000)}`,
          ),
        );
      else resolve({ stdout, stderr });
    });
  });
}

/** Only what the client needs: nothing of the outer session's ANTHROPIC_* / CLAUDE* variables. */
export function clientEnv(home: string, apiUrl: string) {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    IS_SANDBOX: "1",
    ANTHROPIC_BASE_URL: apiUrl,
    ANTHROPIC_API_KEY: "sk-ant-test",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    DISABLE_TELEMETRY: "1",
    // Wait for MCP servers before the first request: on a loaded machine a slow start would otherwise
    // lose ctx-monitor's tools for that request ("No such tool available").
    MCP_CONNECTION_NONBLOCKING: "0",
    MCP_TIMEOUT: "60000",
  };
}

interface SandboxOptions {
  /** Claude Code version to run (default: the newest this run covers). */
  version?: string;
  projectName?: string;
}

export function createSandbox(apiUrl: string, options: SandboxOptions = {}): Sandbox {
  const version = options.version ?? newestVersion();
  const projectName = options.projectName ?? "project";
  const root = mkdtempSync(join(tmpdir(), "ctx-monitor-e2e-"));
  const home = join(root, "home");
  const project = join(root, projectName);
  mkdirSync(home, { recursive: true });
  mkdirSync(project, { recursive: true });
  const mcpConfig = join(root, "mcp.json");
  writeFileSync(
    mcpConfig,
    JSON.stringify({ mcpServers: { "ctx-monitor": { type: "stdio", command: process.execPath, args: [CLI_PATH] } } }),
  );
  const env = clientEnv(home, apiUrl);
  const binary = ensureClaude(version);
  return {
    version,
    home,
    project,
    env,
    transcriptPath: (sessionId) => join(home, ".claude", "projects", encodeProjectDir(project), `${sessionId}.jsonl`),
    async claude(args, extraEnv = {}) {
      const { stdout } = await run(
        binary,
        [...args, "--output-format", "json", "--dangerously-skip-permissions", "--mcp-config", mcpConfig],
        {
          cwd: project,
          env: { ...env, ...extraEnv },
        },
      );
      return JSON.parse(stdout) as ClaudeResult;
    },
    async ctxMonitor(args) {
      const { stdout } = await run(process.execPath, [CLI_PATH, ...args], {
        cwd: project,
        env: { PATH: env.PATH, HOME: home },
      });
      return stdout;
    },
    // Retried: a client that is still shutting down may write one last file meanwhile.
    remove: () => rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }),
  };
}
