// The committed plugin (plugin/) must run what the source builds: Claude Code builds nothing on install,
// so a plugin/dist behind src/ would ship old code. `npm test` builds dist/ first; this holds plugin/dist
// to it byte for byte, and hooks.json, plugin.json and the marketplace to the CLI and package.json.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  FAST_BUNDLES,
  PLUGIN_DIR,
  PLUGIN_DIST,
  pluginDifferences,
  pluginHooksJson,
  relativeImport,
  runtimeFiles,
} from "../../src/build/plugin-files.ts";
import { HOOKS } from "../../src/integration/install/wiring.ts";
import { CLI_PATH } from "../support/built-server.ts";

const REPO = dirname(dirname(CLI_PATH));
const DIST = dirname(CLI_PATH);
const REBUILD = "run `npm run plugin` and commit plugin/";

function carried(): Map<string, Buffer> {
  const dir = join(REPO, PLUGIN_DIST);
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
}

const json = (path: string) => JSON.parse(readFileSync(join(REPO, path), "utf8")) as Record<string, unknown>;

describe("the plugin in this repository", () => {
  it(`carries exactly what the source builds (else: ${REBUILD})`, () => {
    const wanted = runtimeFiles(DIST);
    expect(pluginDifferences(wanted, carried()), REBUILD).toEqual([]);
  });

  it("is bin.cjs, the bundles it loads and one ES-module CLI, each needing nothing beside it but those", () => {
    const have = carried();
    expect([...have.keys()].sort()).toEqual(["THIRD_PARTY_NOTICES.md", "bin.cjs", "cli.js", ...FAST_BUNDLES].sort());
    expect(have.get("bin.cjs")?.equals(readFileSync(join(DIST, "bin.cjs"))), "bin.cjs is dist/bin.cjs").toBe(true);
    for (const name of ["bin.cjs", "cli.js", ...FAST_BUNDLES])
      expect(relativeImport(String(have.get(name))), name).toBeUndefined();
    // What the split build of dist/ is made of, so that the check above can fail.
    expect(relativeImport(readFileSync(join(DIST, "cli.js"), "utf8"))).toMatch(/^from ?"\.\/chunk-\w+\.js"$/);
    expect(relativeImport('await import("./serve-X.js")')).toBe('import("./serve-X.js"');
  });

  it("runs each fast path from its own copy (a bundle bin.cjs loads and the plugin lacks fails here)", () => {
    const bin = join(REPO, PLUGIN_DIST, "bin.cjs");
    const state = mkdtempSync(join(tmpdir(), "ctx-monitor-plugin-"));
    const env = { ...process.env, CTX_MONITOR_STATE_DIR: state, CLAUDE_CONFIG_DIR: state };
    expect(execFileSync(process.execPath, [bin, "statusline"], { input: "", env, encoding: "utf8" })).toBe(
      "ctx-monitor: no statusline input from Claude Code\n",
    );
    expect(execFileSync(process.execPath, [bin, "hook", "session-start"], { input: "", env, encoding: "utf8" })).toBe(
      "",
    );
    const usage = spawnSync(process.execPath, [bin, "usage", "--no-such-option"], { env, encoding: "utf8" });
    rmSync(state, { recursive: true, force: true });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--no-such-option/);
  });

  it("tells a stale, a missing and a left-over file apart", () => {
    const wanted = new Map([
      ["bin.cjs", Buffer.from("new")],
      ["chunk-B.js", Buffer.from("b")],
    ]);
    const have = new Map([
      ["bin.cjs", Buffer.from("old")],
      ["chunk-A.js", Buffer.from("a")],
    ]);
    expect(pluginDifferences(wanted, have)).toEqual([
      "bin.cjs differs",
      "chunk-B.js is missing",
      "chunk-A.js is not part of the build",
    ]);
  });

  it(`registers every hook event the CLI handles (else: ${REBUILD})`, () => {
    expect(readFileSync(join(REPO, PLUGIN_DIR, "hooks", "hooks.json"), "utf8")).toBe(pluginHooksJson());
    const hooks = (JSON.parse(pluginHooksJson()) as { hooks: Record<string, unknown> }).hooks;
    expect(Object.keys(hooks)).toEqual(HOOKS.map(({ name }) => name));
  });

  it("is listed by the marketplace, named and versioned as the package", () => {
    const pkg = json("package.json");
    const manifest = json(join(PLUGIN_DIR, ".claude-plugin", "plugin.json"));
    expect(manifest.name).toBe(pkg.name);
    expect(manifest.version).toBe(pkg.version);
    const market = json(join(".claude-plugin", "marketplace.json")) as { plugins: { name: string; source: string }[] };
    expect(market.plugins).toEqual([expect.objectContaining({ name: pkg.name, source: `./${PLUGIN_DIR}` })]);
    const mcp = json(join(PLUGIN_DIR, ".mcp.json")) as { mcpServers: Record<string, { args: string[] }> };
    expect(mcp.mcpServers["ctx-monitor"]?.args).toEqual(["${CLAUDE_PLUGIN_ROOT}/dist/bin.cjs"]);
  });
});
