// No write through a link planted where ctx-monitor writes: the hooks' log, the capture log and the
// HTML report. The target of a planted link is left byte for byte; a report onto an existing file
// needs --force and is 0600; the default report goes to ctx-monitor's own folder, not the project.
import { spawnSync } from "node:child_process";
import {
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appendRecords } from "../../src/capture/store.ts";
import { appendPrivate } from "../../src/fs/append-private.ts";
import { CLI_PATH, runCli } from "../support/built-server.ts";
import { stageFixture } from "../support/fixtures.ts";
import { tempDir } from "../support/runtime.ts";

const PRECIOUS = "# a shell profile someone wants kept\n";

/** A file someone cares about, and a folder where ctx-monitor writes. */
function planted() {
  const root = tempDir();
  const precious = join(root, "precious");
  writeFileSync(precious, PRECIOUS);
  const folder = join(root, "folder");
  mkdirSync(folder, { mode: 0o700 });
  return { root, precious, folder };
}

describe("appending to ctx-monitor's logs", () => {
  it("refuses a symlink, a hard link or a FIFO under the log's name and leaves what it points at alone", () => {
    const { precious, folder } = planted();
    symlinkSync(precious, join(folder, "linked.log"));
    linkSync(precious, join(folder, "hard.log"));
    spawnSync("mkfifo", [join(folder, "fifo.log")]);
    expect(() => appendPrivate(join(folder, "linked.log"), "x\n")).toThrow(/symbolic link; refusing to write/);
    expect(() => appendPrivate(join(folder, "hard.log"), "x\n")).toThrow(/hard link to another file/);
    expect(() => appendPrivate(join(folder, "fifo.log"), "x\n")).toThrow(/FIFO/);
    expect(readFileSync(precious, "utf8")).toBe(PRECIOUS);
    appendPrivate(join(folder, "new.log"), "a\n");
    appendPrivate(join(folder, "new.log"), "b\n");
    expect(readFileSync(join(folder, "new.log"), "utf8")).toBe("a\nb\n");
    expect(statSync(join(folder, "new.log")).mode & 0o777).toBe(0o600);
  });

  it("hook: a failure is not logged through a hooks.log symlink, and the hook still exits 0 quietly", () => {
    const { precious, folder } = planted();
    symlinkSync(precious, join(folder, "hooks.log"));
    const result = spawnSync(process.execPath, [CLI_PATH, "hook", "user-prompt-submit"], {
      env: { PATH: process.env.PATH ?? "", HOME: folder, CTX_MONITOR_STATE_DIR: folder },
      input: "not json",
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    expect(readFileSync(precious, "utf8")).toBe(PRECIOUS);
    expect(lstatSync(join(folder, "hooks.log")).isSymbolicLink()).toBe(true);
  });

  it("capture: requests.jsonl planted as a symlink is refused with one line, its target untouched", () => {
    const { precious, folder } = planted();
    symlinkSync(precious, join(folder, "requests.jsonl"));
    const record = { time: "2030-01-01T00:00:00Z", sessionId: null, role: "side" };
    expect(() => appendRecords(folder, [record])).toThrow(/requests\.jsonl is a symbolic link; refusing/);
    expect(readFileSync(precious, "utf8")).toBe(PRECIOUS);
  });
});

describe("ctx-monitor report", () => {
  function session() {
    const { root, precious, folder } = planted();
    const project = join(root, "project");
    mkdirSync(project);
    const transcript = stageFixture("busy-session", folder);
    const env = { HOME: root, CTX_MONITOR_STATE_DIR: join(root, "state") };
    return { root, precious, folder, project, transcript, env };
  }

  it("does not replace an existing file or write through a symlink without --force; with it, replaces the link itself", async () => {
    const { precious, folder, transcript, env } = session();
    const link = join(folder, "report.html");
    symlinkSync(precious, link);
    const refused = await runCli(["report", "--transcript", transcript, "--out", link], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/report\.html exists; pass --force to replace it/);
    expect(readFileSync(precious, "utf8")).toBe(PRECIOUS);

    const forced = await runCli(["report", "--transcript", transcript, "--out", link, "--force"], env);
    expect(forced.code).toBe(0);
    expect(readFileSync(precious, "utf8")).toBe(PRECIOUS);
    expect(lstatSync(link).isSymbolicLink()).toBe(false);
    expect(readFileSync(link, "utf8")).toMatch(/^<!doctype html>/i);
    expect(statSync(link).mode & 0o777).toBe(0o600);
  }, 60_000);

  it("writes a new file 0600, and by default into ctx-monitor's reports folder, never the project", async () => {
    const { root, folder, project, transcript, env } = session();
    const out = join(folder, "new.html");
    const written = await runCli(["report", "--transcript", transcript, "--out", out], env);
    expect(written.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);

    const byDefault = spawnSync(process.execPath, [CLI_PATH, "report", "--transcript", transcript], {
      env: { PATH: process.env.PATH ?? "", ...env },
      cwd: project,
      encoding: "utf8",
    });
    expect(byDefault.status).toBe(0);
    const path = byDefault.stdout.trim();
    expect(path.startsWith(join(root, "state", "reports"))).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(project)).toEqual([]);
    // Run again: the session's own report in ctx-monitor's folder is refreshed, not refused.
    const again = spawnSync(process.execPath, [CLI_PATH, "report", "--transcript", transcript], {
      env: { PATH: process.env.PATH ?? "", ...env },
      cwd: project,
      encoding: "utf8",
    });
    expect(again.status).toBe(0);
    expect(again.stdout.trim()).toBe(path);
  }, 60_000);
});
