// The layers of src/ (ARCHITECTURE.md explains them) and the check that keeps them: every import, type-only
// and dynamic ones included, may only reach its own layer or a lower one, and no two folders may import each
// other. Every folder and top-level file of src/ must be named in LAYERS: a new one fails until it is added
// here and to ARCHITECTURE.md.
import { dirname, join, normalize } from "node:path/posix";
import ts from "typescript";

/** Lowest first. A folder is named with a trailing slash, a top-level file by its name. */
export const LAYERS: readonly (readonly string[])[] = [
  /* 0 base      */ ["base/", "version.ts"],
  /* 1 utilities */ ["fs/", "redact/"],
  /* 2 claude    */ ["claude/", "config/"],
  /* 3 sources   */ ["transcript/", "capture/"],
  /* 4 maths     */ ["context/"],
  /* 5 features  */ ["handoff/", "compare/"],
  /* 6 views     */ ["present/", "tools/"],
  /* 7 surfaces  */ ["integration/", "report/"],
  /* 8 protocol  */ ["server.ts", "stdio-transport.ts", "request-params.ts"],
  /* 9 wiring    */ ["deps.ts"],
  /* 10 commands */ ["commands/"],
  /* 11 entries  */ ["fast-entry.ts", "main-entry.ts"],
  /* build tools */ ["build/"],
];

/** The unit a path under src/ belongs to: its first folder, or the file itself at the top. */
export function unitOf(path: string): string {
  const slash = path.indexOf("/");
  return slash === -1 ? path : path.slice(0, slash + 1);
}

function layerOf(unit: string): number | undefined {
  const index = LAYERS.findIndex((units) => units.includes(unit));
  return index === -1 ? undefined : index;
}

/** Relative specifiers a file imports: static, type-only, re-exports and dynamic import(). */
export function relativeImports(text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((file) => file.fileName)
    .filter((name) => name.startsWith("."));
}

/**
 * Every broken rule among `files` (paths relative to src/, with their text), one line each naming the
 * file and the import.
 */
export function layerProblems(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const edges = new Map<string, string>(); // "from -> to" to one example import
  const unclassified = new Set<string>();
  for (const [path, text] of files) {
    const from = unitOf(path);
    const fromLayer = layerOf(from);
    if (fromLayer === undefined) unclassified.add(from);
    for (const specifier of relativeImports(text)) {
      const target = normalize(join(dirname(path), specifier));
      if (target.startsWith("..")) continue;
      const to = unitOf(target);
      if (to === from) continue;
      const toLayer = layerOf(to);
      if (toLayer === undefined) unclassified.add(to);
      else if (fromLayer !== undefined && toLayer > fromLayer)
        problems.push(
          `src/${path} imports "${specifier}": ${from} (layer ${fromLayer}) may not import ${to} (layer ${toLayer})`,
        );
      if (!edges.has(`${from} -> ${to}`)) edges.set(`${from} -> ${to}`, `src/${path} imports "${specifier}"`);
    }
  }
  for (const [edge, example] of edges) {
    const [from, to] = edge.split(" -> ") as [string, string];
    if (from < to && edges.has(`${to} -> ${from}`))
      problems.push(`${from} and ${to} import each other: ${example}; ${edges.get(`${to} -> ${from}`)}`);
  }
  for (const unit of unclassified)
    problems.push(`src/${unit} is in no layer: add it to ARCHITECTURE.md and to LAYERS in test/architecture/layers.ts`);
  return problems;
}
