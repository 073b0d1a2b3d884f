// The handoff folder under hostile or unlucky conditions: links that leave the project refused before
// anything is created, loose permissions tightened, a file in the folder's way, no temporary file left.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureHandoffFolder, HandoffPathError, handoffFolder, writeNewHandoff } from "../../src/handoff/store.ts";
import { tempDir } from "../support/runtime.ts";

function project(): { home: string; project: string } {
  const home = tempDir();
  const dir = join(home, "project");
  mkdirSync(dir);
  return { home, project: dir };
}

describe("ensureHandoffFolder", () => {
  it("a folder it creates ignores itself, so handoffs never show in the project's git status; an existing one is left as it is", () => {
    const dir = tempDir();
    spawnSync("git", ["init", "--quiet"], { cwd: dir });
    const folder = ensureHandoffFolder(handoffFolder(null, dir));
    expect(readFileSync(join(folder, ".gitignore"), "utf8")).toBe("*\n");
    writeFileSync(join(folder, "2026-12-04-handoff.md"), "prompts verbatim\n");
    expect(
      spawnSync("git", ["status", "--porcelain", "--untracked-files=all"], { cwd: dir, encoding: "utf8" }).stdout,
    ).toBe("");
    const mine = join(dir, "mine");
    mkdirSync(mine);
    ensureHandoffFolder(handoffFolder(mine, dir));
    expect(existsSync(join(mine, ".gitignore"))).toBe(false);
  });

  it("refuses a .claude that a symlink sends elsewhere, and creates nothing there", () => {
    const { home, project: dir } = project();
    const elsewhere = join(home, "elsewhere");
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(dir, ".claude"));
    expect(() => ensureHandoffFolder(handoffFolder(null, dir))).toThrow(
      /resolves through a symlink to .*elsewhere, outside the project/,
    );
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it("refuses a dangling handoffs symlink with one line naming it", () => {
    const { project: dir } = project();
    mkdirSync(join(dir, ".claude"));
    symlinkSync(join(dir, "gone"), join(dir, ".claude", "handoffs"));
    expect(() => ensureHandoffFolder(handoffFolder(null, dir))).toThrow(HandoffPathError);
    expect(() => ensureHandoffFolder(handoffFolder(null, dir))).toThrow(/handoffs is a symlink to nothing/);
    expect(existsSync(join(dir, "gone"))).toBe(false);
  });

  it("refuses a file where the folder should be", () => {
    const { project: dir } = project();
    mkdirSync(join(dir, ".claude"));
    writeFileSync(join(dir, ".claude", "handoffs"), "not a folder");
    expect(() => ensureHandoffFolder(handoffFolder(null, dir))).toThrow(/EEXIST|not a folder/);
  });

  it("tightens a folder others could open to owner-only", () => {
    const { project: dir } = project();
    const folder = join(dir, ".claude", "handoffs");
    mkdirSync(folder, { recursive: true });
    chmodSync(folder, 0o777);
    ensureHandoffFolder(handoffFolder(null, dir));
    expect(statSync(folder).mode & 0o777).toBe(0o700);
  });
});

describe("writeNewHandoff", () => {
  it("leaves no temporary file behind when no name is free", () => {
    const folder = tempDir();
    writeFileSync(join(folder, "h.md"), "taken");
    for (let i = 2; i <= 1000; i++) writeFileSync(join(folder, `h-${i}.md`), "taken");
    expect(() => writeNewHandoff(folder, "h.md", "content")).toThrow(/could not find a free name/);
    expect(readdirSync(folder).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});

// A full disk needs a small file system of its own: a tmpfs, which only a privileged user can mount.
// Where that is not allowed (most CI containers) the test does not run.
const fullDisk = (() => {
  const dir = mkdtempSync(join(tmpdir(), "ctx-monitor-full-disk-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=4k", "tmpfs", dir], { stdio: "ignore" }).status === 0;
  if (!mounted) rmSync(dir, { recursive: true, force: true });
  return mounted ? dir : null;
})();

describe.runIf(fullDisk)("a disk that fills up while a handoff is written", () => {
  afterAll(() => {
    spawnSync("umount", [fullDisk!], { stdio: "ignore" });
    rmSync(fullDisk!, { recursive: true, force: true });
  });

  it("fails with ENOSPC naming the file, and leaves neither a short handoff nor a temporary file", () => {
    const folder = join(fullDisk!, "handoffs");
    mkdirSync(folder);
    expect(() => writeNewHandoff(folder, "h.md", "x".repeat(64_000))).toThrow(
      expect.objectContaining({ code: "ENOSPC", path: join(folder, "h.md") }),
    );
    expect(readdirSync(folder)).toEqual([]);
  });
});
