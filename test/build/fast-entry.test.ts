// The installed executable (dist/bin.cjs) runs the statusline and hooks on every message, and `usage`:
// it must stay one CommonJS file with none of the bundled packages (MCP SDK, zod, jsonc-parser) in it,
// and hand every other command to the ES-module CLI beside it.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_PATH } from "../support/built-server.ts";

const BIN = join(dirname(CLI_PATH), "bin.cjs");

describe("dist/bin.cjs", () => {
  const text = readFileSync(BIN, "utf8");

  it("is the package's bin", () => {
    const manifest = JSON.parse(readFileSync(join(dirname(CLI_PATH), "..", "package.json"), "utf8")) as {
      bin: Record<string, string>;
    };
    expect(manifest.bin).toEqual({ "ctx-monitor": "dist/bin.cjs" });
  });

  it("requires nothing but Node built-ins, and bundles no package", () => {
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    const required = [...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(required.length).toBeGreaterThan(2);
    expect(required.filter((name) => !builtins.has(name!))).toEqual([]);
    expect([...text.matchAll(/^\/\/ (node_modules\/\S+)$/gm)].map((match) => match[1])).toEqual([]);
    expect(text).not.toMatch(/modelcontextprotocol|zod\/v4|jsonc-parser/);
    // Our own code only (about 296k): the hooks' handoff writer (facts, budgeted rendering, redaction) and
    // compaction round trip (the summary comparison), the `usage` command, capture's reading and measuring,
    // the per-model auto-compact rule and budget, the output edge's cleaning and the no-follow,
    // non-blocking opens. A bundled package would add far more (and is refused by name above).
    expect(text.length).toBeLessThan(320_000);
  });

  it("loads the ES-module CLI for every other command", () => {
    expect(execFileSync(process.execPath, [BIN, "--version"], { encoding: "utf8" })).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(execFileSync(process.execPath, [BIN, "--help"], { encoding: "utf8" })).toMatch(
      / {2}install +\[--project\] \[--dry-run\] \[--statusline\]/,
    );
  });
});
