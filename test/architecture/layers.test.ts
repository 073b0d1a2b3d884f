// Keeps the layers of ARCHITECTURE.md: reads every import in src/ and fails, naming file and import, on one
// that reaches a higher layer, on two folders importing each other, and on a folder no layer names.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { LAYERS, layerProblems, relativeImports } from "./layers.ts";

const SRC = join(import.meta.dirname, "..", "..", "src");

function sourceFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(SRC, path).split("\\").join("/"), readFileSync(path, "utf8"));
  }
  return files;
}

describe("the layers of src/", () => {
  it("hold: no import reaches up, no two folders import each other, every folder is in a layer", () => {
    const files = sourceFiles();
    expect(files.size).toBeGreaterThan(100);
    expect(layerProblems(files)).toEqual([]);
  });

  it("name each unit of src/ once", () => {
    const units = LAYERS.flat();
    expect(new Set(units).size).toBe(units.length);
  });

  it("fail on a type-only import of the server from transcript/, naming file and import", () => {
    const files = new Map([
      ["transcript/locate.ts", 'import type { ServerDeps } from "../server.ts";\nexport const x = 1;\n'],
      ["server.ts", "export interface ServerDeps {}\n"],
    ]);
    expect(layerProblems(files)).toEqual([
      'src/transcript/locate.ts imports "../server.ts": transcript/ (layer 3) may not import server.ts (layer 8)',
    ]);
  });

  it("fail on a view importing the server", () => {
    const files = new Map([
      ["report/html/report-data.ts", 'const own = async () => (await import("../../server.ts")).ownToolsOf;\n'],
    ]);
    expect(layerProblems(files)).toEqual([
      'src/report/html/report-data.ts imports "../../server.ts": report/ (layer 7) may not import server.ts (layer 8)',
    ]);
  });

  it("fail on a dynamic import and a re-export that reach up", () => {
    const files = new Map([
      ["context/usage.ts", 'export const load = () => import("../present/usage.ts");\n'],
      ["claude/paths.ts", 'export { x } from "../integration/statusline.ts";\n'],
    ]);
    expect(layerProblems(files)).toEqual([
      'src/context/usage.ts imports "../present/usage.ts": context/ (layer 4) may not import present/ (layer 6)',
      'src/claude/paths.ts imports "../integration/statusline.ts": claude/ (layer 2) may not import integration/ (layer 7)',
    ]);
  });

  it("fail on two folders of one layer importing each other", () => {
    const files = new Map([
      ["transcript/a.ts", 'import { b } from "../capture/b.ts";\n'],
      ["capture/b.ts", 'import type { A } from "../transcript/a.ts";\n'],
    ]);
    expect(layerProblems(files)).toEqual([
      'capture/ and transcript/ import each other: src/capture/b.ts imports "../transcript/a.ts"; src/transcript/a.ts imports "../capture/b.ts"',
    ]);
  });

  it("fail on a folder no layer names, saying where to add it", () => {
    const files = new Map([["gadgets/x.ts", 'import { log } from "../base/log.ts";\n']]);
    expect(layerProblems(files)).toEqual([
      "src/gadgets/ is in no layer: add it to ARCHITECTURE.md and to LAYERS in test/architecture/layers.ts",
    ]);
  });

  it("see multi-line, type-only and side-effect imports", () => {
    const text = 'import type {\n  A,\n  B,\n} from "./a.ts";\nimport "./b.ts";\nconst c = await import("./c.ts");\n';
    expect(relativeImports(text)).toEqual(["./a.ts", "./b.ts", "./c.ts"]);
  });
});
