// What an install from the packed package gets (as `npm install -g .` from a clone would): installed
// offline, with nothing else, it serves MCP over stdio from its bin and answers from a real-client transcript;
// it carries nothing that only the plugin needs.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { describe, expect, it } from "vitest";
import { CLI_PATH } from "../support/built-server.ts";
import { fixturePath, fixtureTruth } from "../support/fixtures.ts";
import { tempDir } from "../support/runtime.ts";

const ROOT = dirname(dirname(CLI_PATH));
const npm = (args: string[], cwd: string) =>
  execFileSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });

describe("the packed package", () => {
  it("installs offline as one package and serves the three tools from its bin", async () => {
    const dir = tempDir();
    // --ignore-scripts: pack the dist/ this run built, without prepack rebuilding it under other tests.
    const packed = JSON.parse(npm(["pack", "--ignore-scripts", "--json", "--pack-destination", dir], ROOT)) as Array<{
      filename: string;
      files: Array<{ path: string }>;
    }>;
    const files = packed[0]!.files.map((file) => file.path);
    expect(files).toContain("dist/cli.js");
    expect(files).toContain("dist/THIRD_PARTY_NOTICES.md");
    // The one-file build (1.5 MB) is the plugin's copy (plugin/dist/cli.js); a clone install runs dist/bin.cjs
    // and dist/cli.js with its chunks, as the install below shows.
    expect(files.filter((file) => file.startsWith("dist/single"))).toEqual([]);
    expect(
      files.filter((file) => file.startsWith("src/") || file.startsWith("test/") || file.includes("metafile")),
    ).toEqual([]);

    const prefix = join(dir, "installed");
    mkdirSync(prefix);
    npm(
      [
        "install",
        "--offline",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
        "--prefix",
        prefix,
        join(dir, packed[0]!.filename),
      ],
      prefix,
    );
    expect(existsSync(join(prefix, "node_modules", "@modelcontextprotocol"))).toBe(false);
    const bin = join(prefix, "node_modules", ".bin", "ctx-monitor");

    const client = new Client({ name: "ctx-monitor-package-test", version: "0" });
    await client.connect(
      new StdioClientTransport({
        command: bin,
        args: [],
        env: { PATH: process.env.PATH ?? "", HOME: dir },
        stderr: "pipe",
      }),
    );
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual([
        "get_context_breakdown",
        "get_context_usage",
        "write_handoff",
      ]);
      const result = await client.callTool({
        name: "get_context_usage",
        arguments: { transcript_path: fixturePath("busy-session") },
      });
      expect(result.isError).toBeFalsy();
      expect((result.structuredContent as { usedTokens: number }).usedTokens).toBe(
        fixtureTruth("busy-session").usedTokens,
      );
    } finally {
      await client.close();
    }
  });
});
