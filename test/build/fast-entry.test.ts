// The installed executable (dist/bin.cjs) runs the statusline and hooks on every message, and `usage`:
// each from its own CommonJS bundle beside it, with none of the bundled packages (MCP SDK, zod,
// jsonc-parser) in them and none of the other paths' code, since compiling what a run never calls is
// most of what a start costs above bare Node; every other command loads the ES-module CLI beside it.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { FAST_BUNDLES } from "../../src/build/plugin-files.ts";
import { CLI_PATH } from "../support/built-server.ts";

const DIST = dirname(CLI_PATH);
const BIN = join(DIST, "bin.cjs");
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const read = (name: string) => readFileSync(join(DIST, name), "utf8");

/** A CommonJS file of dist/ that requires only Node built-ins, and bundles no package. */
function expectBuiltinsOnly(text: string): void {
  const required = [...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]);
  expect(required.length).toBeGreaterThan(1);
  expect(required.filter((name) => !BUILTINS.has(name!))).toEqual([]);
  expect([...text.matchAll(/^\/\/ (node_modules\/\S+)$/gm)].map((match) => match[1])).toEqual([]);
  expect(text).not.toMatch(/modelcontextprotocol|zod\/v4|jsonc-parser/);
}

/** The source modules a bundle carries, from esbuild's `// src/...` markers. */
const modulesOf = (text: string) => new Set([...text.matchAll(/^\/\/ (src\/\S+)$/gm)].map((match) => match[1] ?? ""));

describe("dist/bin.cjs", () => {
  const text = read("bin.cjs");

  it("is the package's bin", () => {
    const manifest = JSON.parse(readFileSync(join(DIST, "..", "package.json"), "utf8")) as {
      bin: Record<string, string>;
    };
    expect(manifest.bin).toEqual({ "ctx-monitor": "dist/bin.cjs" });
  });

  it("is a dispatcher only: Node built-ins and the names of the fast paths' bundles beside it", () => {
    expectBuiltinsOnly(text);
    for (const name of FAST_BUNDLES) expect(text).toContain(`"${name}"`);
    // Every run compiles it: argument dispatch, the runtime and the output edge, nothing more.
    expect([...modulesOf(text)].sort()).toEqual(["src/base/runtime.ts", "src/fast-entry.ts"]);
    expect(text.length).toBeLessThan(6_000);
  });

  it("runs the statusline from a bundle without the hooks', usage's option parsing or the other commands' code", () => {
    const statusline = read("statusline.cjs");
    expectBuiltinsOnly(statusline);
    const modules = modulesOf(statusline);
    expect(modules.has("src/commands/statusline.ts")).toBe(true);
    for (const module of modules)
      expect(module).not.toMatch(
        /^src\/(handoff|redact|compare|report)\/|^src\/integration\/hooks|run-command|\/hook\.ts/,
      );
    // The statusline, the usage answer it shares with get_context_usage, and capture's reading (about 130k).
    expect(statusline.length).toBeLessThan(150_000);
  });

  it("runs the hooks and `usage` from their own bundles, `usage` with none of the hooks' code", () => {
    const hook = read("hook.cjs");
    const usage = read("usage.cjs");
    expectBuiltinsOnly(hook);
    expectBuiltinsOnly(usage);
    const hookModules = modulesOf(hook);
    const usageModules = modulesOf(usage);
    expect(hookModules.has("src/commands/hook.ts")).toBe(true);
    expect([...hookModules].some((module) => module.startsWith("src/redact/"))).toBe(true);
    expect(usageModules.has("src/commands/usage.ts")).toBe(true);
    expect(usageModules.has("src/commands/run-command.ts")).toBe(true);
    for (const module of usageModules) expect(module).not.toMatch(/^src\/(handoff|redact)\/|\/hook\.ts$/);
    // The hooks carry the handoff writer (facts, budgeted rendering, redaction) and the compaction round trip.
    expect(hook.length).toBeLessThan(300_000);
    expect(usage.length).toBeLessThan(150_000);
  });

  it("answers each fast path through its bundle, and loads the ES-module CLI for every other command", () => {
    expect(execFileSync(process.execPath, [BIN, "statusline"], { input: "", encoding: "utf8" })).toBe(
      "ctx-monitor: no statusline input from Claude Code\n",
    );
    expect(execFileSync(process.execPath, [BIN, "--version"], { encoding: "utf8" })).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(execFileSync(process.execPath, [BIN, "--help"], { encoding: "utf8" })).toMatch(
      / {2}install +\[--project\] \[--dry-run\] \[--statusline\]/,
    );
  });
});
