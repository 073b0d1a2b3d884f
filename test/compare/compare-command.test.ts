// `ctx-monitor compare` when there is nothing to compare with: one line that says what to do, exit 1.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CLI_PATH } from "../support/built-server.ts";
import { fixturePath } from "../support/fixtures.ts";
import { tempDir } from "../support/runtime.ts";

describe("ctx-monitor compare without a captured /context run", () => {
  it("says how to capture one, in one line, and exits 2", () => {
    const home = tempDir();
    const result = spawnSync(
      process.execPath,
      [CLI_PATH, "compare", "--transcript", fixturePath("current-claude-code")],
      { encoding: "utf8", env: { PATH: process.env.PATH ?? "", HOME: home }, timeout: 30_000 },
    );
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("no /context run was captured");
    expect(result.stderr).toContain("ctx-monitor proxy");
  });
});
