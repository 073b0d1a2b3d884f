// Installing as a new user would: the package from a git URL (npm runs `prepare`, which builds it),
// then `ctx-monitor install` in a throwaway HOME, checked with the real `claude mcp list`; and
// `uninstall` takes it out again.
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ensureClaude, newestVersion } from "./claude-binary.ts";
import { CLI_PATH } from "./sandbox.ts";

const REPO = dirname(dirname(CLI_PATH));
const run = promisify(execFile);

describe("installing as a new user would, seen by the real client", () => {
  it("11. claude mcp list shows ctx-monitor connected after install, and not after uninstall", async () => {
    const root = mkdtempSync(join(tmpdir(), "ctx-monitor-install-e2e-"));
    try {
      const commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: REPO, encoding: "utf8" }).trim();
      const consumer = join(root, "consumer");
      const home = join(root, "home");
      mkdirSync(consumer);
      mkdirSync(home);
      writeFileSync(join(consumer, "package.json"), '{"name":"consumer","version":"1.0.0","private":true}\n');
      // npm clones the repository, installs its dev dependencies, runs `prepare` (the build), packs and installs it.
      await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", `git+file://${REPO}#${commit}`], {
        cwd: consumer,
        env: { ...process.env, npm_config_update_notifier: "false" },
        timeout: 170_000,
      });
      const installed = join(consumer, "node_modules", "ctx-monitor");
      expect(readFileSync(join(installed, "dist", "bin.cjs"), "utf8").startsWith("#!/usr/bin/env node")).toBe(true);
      const bin = join(consumer, "node_modules", ".bin", "ctx-monitor");
      const env = {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: home,
        IS_SANDBOX: "1",
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
        DISABLE_TELEMETRY: "1",
      };
      const { stdout: installing } = await run(bin, ["install"], { cwd: home, env });
      expect(installing).toContain(join(home, ".claude.json"));

      const claude = ensureClaude(newestVersion());
      const { stdout: listed } = await run(claude, ["mcp", "list"], { cwd: home, env, timeout: 60_000 });
      expect(listed).toMatch(
        new RegExp(`ctx-monitor: ${process.execPath} \\S*node_modules/ctx-monitor/dist/bin\\.cjs - . Connected`),
      );

      await run(bin, ["uninstall"], { cwd: home, env });
      const { stdout: after } = await run(claude, ["mcp", "list"], { cwd: home, env, timeout: 60_000 });
      expect(after).not.toContain("ctx-monitor");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("11b. the README's route from a fresh clone: npm ci builds, npm install -g . puts ctx-monitor on PATH", async () => {
    const root = mkdtempSync(join(tmpdir(), "ctx-monitor-clone-e2e-"));
    try {
      const clone = join(root, "ctx-monitor");
      const prefix = join(root, "global");
      const home = join(root, "home");
      mkdirSync(home);
      await run("git", ["clone", "--quiet", REPO, clone]);
      await run(
        "git",
        ["checkout", "--quiet", execFileSync("git", ["rev-parse", "HEAD"], { cwd: REPO, encoding: "utf8" }).trim()],
        { cwd: clone },
      );
      const npmEnv = { ...process.env, npm_config_update_notifier: "false" };
      await run("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], {
        cwd: clone,
        env: npmEnv,
        timeout: 170_000,
      });
      await run("npm", ["install", "-g", ".", "--prefix", prefix, "--no-audit", "--no-fund"], {
        cwd: clone,
        env: npmEnv,
        timeout: 120_000,
      });
      const env = { PATH: `${join(prefix, "bin")}:${process.env.PATH ?? "/usr/bin:/bin"}`, HOME: home };
      const { stdout: help } = await run("ctx-monitor", ["--help"], { cwd: home, env });
      expect(help).toMatch(/ {2}install +\[--project\] \[--dry-run\] \[--statusline\]/);
      const { stdout: planned } = await run("ctx-monitor", ["install", "--dry-run"], { cwd: home, env });
      expect(planned).toContain(
        `register the MCP server ctx-monitor: ${process.execPath} ${join(clone, "dist", "bin.cjs")}`,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
