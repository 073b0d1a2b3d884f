// The two atomic writes on real files: the mode asked for whatever the umask, an existing file never
// replaced by writeNewFile, and after any failure the old file as it was and no temporary file left.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { replaceFile, writeNewFile } from "../../src/fs/atomic-write.ts";
import { tempDir } from "../support/runtime.ts";

const ATOMIC_WRITE = resolve("src/fs/atomic-write.ts");
const VITE_NODE = resolve("node_modules/.bin/vite-node");

function mode(path: string): number {
  return statSync(path).mode & 0o777;
}

describe("replaceFile", () => {
  it("creates the file with exactly the mode given, whatever the umask, and leaves only it", () => {
    const folder = tempDir();
    const path = join(folder, "state.json");
    const umask = process.umask(0o077);
    try {
      replaceFile(path, '{"a":1}\n', 0o644);
    } finally {
      process.umask(umask);
    }
    expect(readFileSync(path, "utf8")).toBe('{"a":1}\n');
    expect(mode(path)).toBe(0o644);
    expect(readdirSync(folder)).toEqual(["state.json"]);
  });

  it("replaces an existing file's content and mode in one step", () => {
    const folder = tempDir();
    const path = join(folder, "cache.json");
    writeFileSync(path, "old content that is longer than the new", { mode: 0o644 });
    replaceFile(path, "new", 0o600);
    expect(readFileSync(path, "utf8")).toBe("new");
    expect(mode(path)).toBe(0o600);
    expect(readdirSync(folder)).toEqual(["cache.json"]);
  });

  it("fails with ENOTDIR when the parent is a file, and creates nothing", () => {
    const folder = tempDir();
    writeFileSync(join(folder, "file"), "x");
    expect(() => replaceFile(join(folder, "file", "state.json"), "{}", 0o600)).toThrow(
      expect.objectContaining({ code: "ENOTDIR" }),
    );
    expect(readdirSync(folder)).toEqual(["file"]);
  });

  it("leaves no temporary file when the rename fails (a folder where the file should be)", () => {
    const folder = tempDir();
    mkdirSync(join(folder, "state.json"));
    writeFileSync(join(folder, "state.json", "inside"), "x");
    expect(() => replaceFile(join(folder, "state.json"), "{}", 0o600)).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/) }),
    );
    expect(readdirSync(folder)).toEqual(["state.json"]);
    expect(readdirSync(join(folder, "state.json"))).toEqual(["inside"]);
  });

  it("keeps the old content and leaves no temporary file when the write fails part-way (file size limit)", () => {
    // A real short write: the child may write files of at most 64 KiB (`ulimit -f`), the content is 1 MiB.
    const folder = tempDir();
    const path = join(folder, "state.json");
    writeFileSync(path, "old", { mode: 0o600 });
    const script = join(tempDir(), "child.ts");
    writeFileSync(
      script,
      `import { replaceFile } from ${JSON.stringify(ATOMIC_WRITE)};
try {
  replaceFile(process.argv[2]!, "y".repeat(1 << 20), 0o600);
  console.log("written");
} catch (error) {
  const { code, path } = error as NodeJS.ErrnoException;
  console.log(JSON.stringify({ code, path }));
}
`,
    );
    const child = spawnSync("bash", ["-c", 'ulimit -f 64 && exec "$0" "$1" "$2"', VITE_NODE, script, path], {
      encoding: "utf8",
    });
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toEqual({ code: "EFBIG", path });
    expect(readFileSync(path, "utf8")).toBe("old");
    expect(readdirSync(folder)).toEqual(["state.json"]);
  });

  it.runIf(process.getuid?.() !== 0)("fails in a read-only folder and leaves the old file as it was", () => {
    const folder = tempDir();
    const path = join(folder, "state.json");
    writeFileSync(path, "old");
    chmodSync(folder, 0o500);
    try {
      expect(() => replaceFile(path, "new", 0o600)).toThrow(expect.objectContaining({ code: "EACCES" }));
    } finally {
      chmodSync(folder, 0o700);
    }
    expect(readFileSync(path, "utf8")).toBe("old");
    expect(readdirSync(folder)).toEqual(["state.json"]);
  });
});

describe("writeNewFile", () => {
  it("writes the first free name with the mode given and never replaces an existing file", () => {
    const folder = tempDir();
    writeFileSync(join(folder, "h.md"), "taken");
    const written = writeNewFile(folder, ["h.md", "h-2.md", "h-3.md"], "content", 0o600);
    expect(written).toBe(join(folder, "h-2.md"));
    expect(readFileSync(join(folder, "h.md"), "utf8")).toBe("taken");
    expect(readFileSync(join(folder, "h-2.md"), "utf8")).toBe("content");
    expect(mode(join(folder, "h-2.md"))).toBe(0o600);
    expect(statSync(join(folder, "h-2.md")).nlink).toBe(1);
    expect(readdirSync(folder).sort()).toEqual(["h-2.md", "h.md"]);
  });

  it("answers null when every name is taken, and leaves no temporary file", () => {
    const folder = tempDir();
    writeFileSync(join(folder, "a"), "1");
    writeFileSync(join(folder, "b"), "2");
    expect(writeNewFile(folder, ["a", "b"], "content", 0o600)).toBeNull();
    expect(readdirSync(folder).sort()).toEqual(["a", "b"]);
    expect(readFileSync(join(folder, "a"), "utf8")).toBe("1");
  });

  it("fails with ENOTDIR when the folder is a file, and creates nothing", () => {
    const folder = tempDir();
    writeFileSync(join(folder, "file"), "x");
    expect(() => writeNewFile(join(folder, "file"), ["h.md"], "content", 0o600)).toThrow(
      expect.objectContaining({ code: "ENOTDIR" }),
    );
    expect(readdirSync(folder)).toEqual(["file"]);
  });
});
