import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeProjectDir } from "../../../src/claude/paths.ts";
import { findMemoryFiles, importsIn, isPathScoped } from "../../../src/context/breakdown/memory-files.ts";
import { fakeRuntime, tempDir } from "../../support/runtime.ts";

describe("memory files", () => {
  it("finds the user's, the project's and its parents', and follows @imports, each once", () => {
    const home = tempDir();
    const config = join(home, ".claude");
    const project = join(home, "work", "app");
    mkdirSync(join(project, ".claude"), { recursive: true });
    mkdirSync(join(project, "docs"), { recursive: true });
    mkdirSync(config, { recursive: true });
    writeFileSync(join(config, "CLAUDE.md"), "user rules\n@~/personal.md\n");
    writeFileSync(join(home, "personal.md"), "personal");
    writeFileSync(join(home, "work", "CLAUDE.md"), "work rules");
    writeFileSync(
      join(project, "CLAUDE.md"),
      "See @docs/style.md and @docs/style.md again.\n`@not/an-import.md`\n```\n@also/not.md\n```\n",
    );
    writeFileSync(join(project, "docs", "style.md"), "style, importing back @../CLAUDE.md");
    writeFileSync(join(project, ".claude", "CLAUDE.md"), "");
    writeFileSync(join(project, "CLAUDE.local.md"), "local");
    const files = findMemoryFiles(fakeRuntime({ homeDir: home, env: { CLAUDE_CONFIG_DIR: config } }), project);
    expect(files.map((file) => file.path)).toEqual([
      join(config, "CLAUDE.md"),
      join(home, "personal.md"),
      join(home, "work", "CLAUDE.md"),
      join(project, "CLAUDE.md"),
      join(project, "docs", "style.md"),
      join(project, "CLAUDE.local.md"),
    ]);
    expect(files[1]).toEqual({ path: join(home, "personal.md"), chars: "personal".length });
  });

  it("reads imports outside code only", () => {
    expect(importsIn("use @a.md, `@b.md`, email me@example.com\n```\n@c.md\n```\n@./d/e.md")).toEqual([
      "a.md",
      "./d/e.md",
    ]);
  });

  it("counts rules (user and project, nested, not path-scoped ones, .md only) and the first 200 lines of auto memory", () => {
    const home = tempDir();
    const config = join(home, ".claude");
    const project = join(home, "app");
    mkdirSync(join(config, "rules"), { recursive: true });
    mkdirSync(join(project, ".claude", "rules", "sub"), { recursive: true });
    writeFileSync(join(config, "rules", "mine.md"), "user rule");
    writeFileSync(join(project, ".claude", "rules", "style.md"), "project rule");
    writeFileSync(join(project, ".claude", "rules", "sub", "nested.md"), "nested rule");
    writeFileSync(
      join(project, ".claude", "rules", "scoped.md"),
      '---\npaths:\n  - "src/**/*.ts"\n---\nonly for TypeScript',
    );
    writeFileSync(join(project, ".claude", "rules", "notes.txt"), "not a rule");
    const memory = join(config, "projects", encodeProjectDir(project), "memory");
    mkdirSync(memory, { recursive: true });
    const lines = Array.from({ length: 300 }, (_, i) => `memory line ${i + 1}`);
    writeFileSync(join(memory, "MEMORY.md"), lines.join("\n"));
    writeFileSync(join(memory, "other.md"), "not loaded");
    const files = findMemoryFiles(fakeRuntime({ homeDir: home, env: { CLAUDE_CONFIG_DIR: config } }), project);
    expect(files.map((file) => file.path)).toEqual([
      join(config, "rules", "mine.md"),
      join(project, ".claude", "rules", "style.md"),
      join(project, ".claude", "rules", "sub", "nested.md"),
      join(memory, "MEMORY.md"),
    ]);
    expect(files[3]!.chars).toBe(lines.slice(0, 200).join("\n").length);
  });

  it("tells path-scoped rules by their front matter", () => {
    expect(isPathScoped('---\npaths:\n  - "**/*.cs"\n---\nbody')).toBe(true);
    expect(isPathScoped("---\ndescription: style\n---\nbody")).toBe(false);
    expect(isPathScoped("paths: not front matter")).toBe(false);
  });
});
