// `ctx-monitor import-mitm` reads only what a recipe writes: regular files, each within a size. A dump
// file that is a FIFO (which blocked the read for ever) or a symlink to /dev/zero (which was read until
// memory ran out) is refused by name, as is one over the size cap, and the rest is imported. Run as a
// process with a time bound, since the old code blocked the whole thread.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_DUMP_FILE_BYTES } from "../../src/capture/import-mitm.ts";
import type { CapturedRequest } from "../../src/capture/record.ts";
import { readLog } from "../../src/capture/store.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { tempDir } from "../support/runtime.ts";

const body = (index: number) =>
  JSON.stringify({
    model: "claude-opus-4-8",
    max_tokens: 32000,
    tools: [{ name: "Agent", description: "a", input_schema: {} }],
    messages: [{ role: "user", content: `prompt ${index}` }],
  });

function importDump(dir: string, store: string) {
  const result = spawnSync(process.execPath, [CLI_PATH, "import-mitm", dir, "--capture-dir", store, "--json"], {
    encoding: "utf8",
    timeout: 20_000,
    env: { PATH: process.env.PATH ?? "", HOME: dir },
  });
  return result;
}

describe("import-mitm and the files of a dump", () => {
  it("refuses a FIFO, a symlink to /dev/zero and a file over the cap by name, and imports the rest", () => {
    const dir = tempDir();
    const dump = join(dir, "dump");
    mkdirSync(dump);
    writeFileSync(join(dump, "request_api_anthropic_com_101112.json"), body(1));
    symlinkSync("/dev/zero", join(dump, "request_api_anthropic_com_101113.json"));
    execFileSync("mkfifo", [join(dump, "request_api_anthropic_com_101114.json")]);
    // Sparse: over the cap without writing the bytes.
    writeFileSync(join(dump, "request_api_anthropic_com_101115.json"), "");
    truncateSync(join(dump, "request_api_anthropic_com_101115.json"), MAX_DUMP_FILE_BYTES + 1);
    execFileSync("mkfifo", [join(dump, "claude_traffic.log")]);

    const run = importDump(dump, join(dir, "store"));
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { imported: number; refused: Array<{ name: string; reason: string }> };
    expect(result.imported).toBe(1);
    expect(result.refused).toEqual([
      { name: "claude_traffic.log", reason: "a FIFO, only regular files are read" },
      { name: "request_api_anthropic_com_101113.json", reason: "a device, only regular files are read" },
      { name: "request_api_anthropic_com_101114.json", reason: "a FIFO, only regular files are read" },
      {
        name: "request_api_anthropic_com_101115.json",
        reason: `${Math.round(MAX_DUMP_FILE_BYTES / (1 << 20))} MiB, over the ${MAX_DUMP_FILE_BYTES >> 20} MiB a recipe file may be`,
      },
    ]);
  });

  it("says which files were not read, in one line", () => {
    const dir = tempDir();
    const dump = join(dir, "dump");
    mkdirSync(dump);
    writeFileSync(join(dump, "request_api_anthropic_com_101112.json"), body(1));
    symlinkSync("/dev/zero", join(dump, "request_api_anthropic_com_101113.json"));
    const run = spawnSync(process.execPath, [CLI_PATH, "import-mitm", dump, "--capture-dir", join(dir, "store")], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      "not read: request_api_anthropic_com_101113.json (a device, only regular files are read)\n",
    );
  });

  it("imports a dump of many small files in time order, in batches, and adds nothing the second time", () => {
    const dir = tempDir();
    const dump = join(dir, "dump");
    const store = join(dir, "store");
    mkdirSync(dump);
    const count = 300;
    const log: string[] = [];
    for (let index = 0; index < count; index++) {
      // Names in one order, log times in the reverse one: the store follows the times.
      const name = `request_api_anthropic_com_${String(100000 + index)}.json`;
      writeFileSync(join(dump, name), body(index));
      const time = new Date(Date.UTC(2026, 2, 1, 10, 0, 0) + (count - index) * 1000).toISOString().replace("Z", "");
      log.push(
        `[${time}] REQUEST`,
        "URL: https://api.anthropic.com/v1/messages?beta=true",
        `Saved full request to: /tmp/${name}`,
      );
    }
    writeFileSync(join(dump, "claude_traffic.log"), `${log.join("\n")}\n`);
    const first = importDump(dump, store);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ imported: count, alreadyThere: 0, refused: [] });
    const records = readLog<CapturedRequest>(store, { logBytes: 1 << 30, rotatedLogs: 2, sessions: 200 });
    expect(records).toHaveLength(count);
    const times = records.map((record) => record.time);
    expect(times).toEqual([...times].sort());
    expect(records[0]!.id).toBe(`request_api_anthropic_com_${100000 + count - 1}`);
    const second = importDump(dump, store);
    expect(JSON.parse(second.stdout)).toMatchObject({ imported: 0, alreadyThere: count });
  });
});
