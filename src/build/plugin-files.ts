// Build-time only (never bundled): the Claude Code plugin in plugin/ carries the built CLI, since Claude
// Code builds nothing when it installs a plugin. It carries dist/bin.cjs (the CommonJS dispatcher) and the
// fast paths' bundles it loads beside it (statusline.cjs, hook.cjs, usage.cjs), dist/single/cli.js (the
// whole ES-module CLI in one file, its lazy imports inlined, so that a rebuild changes one file instead of
// renaming dozens of chunks) and the license notices; all of it needs only Node. Its hooks.json
// names every hook event the CLI handles; `npm run plugin` writes both, and a test holds them to what
// the current source builds.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HOOKS } from "../integration/install/wiring.ts";

/** The plugin's folder in the repository, and where its copy of the build lives. */
export const PLUGIN_DIR = "plugin";
export const PLUGIN_DIST = join(PLUGIN_DIR, "dist");
const ENTRY = "bin.cjs";
/** The CommonJS bundles bin.cjs loads beside it for the statusline, the hooks and `usage`. */
export const FAST_BUNDLES = ["statusline.cjs", "hook.cjs", "usage.cjs"] as const;
/** Each file the plugin carries, and where in a build folder it comes from. bin.cjs loads "cli.js" beside it. */
const CARRIED: ReadonlyArray<readonly [name: string, from: string]> = [
  [ENTRY, ENTRY],
  ...FAST_BUNDLES.map((name) => [name, name] as const),
  ["cli.js", join("single", "cli.js")],
  // The license notices of what the bundle carries travel with it (the same packages as dist/).
  ["THIRD_PARTY_NOTICES.md", "THIRD_PARTY_NOTICES.md"],
];
/** A relative module specifier in built code (`from "./chunk-X.js"`, `import("./x.js")`): a file it needs beside it. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*)["']\.\.?\/[^"']+["']/;

/** The files the plugin carries, by name, with their bytes from a build folder (dist/). */
export function runtimeFiles(distDir: string): Map<string, Buffer> {
  return new Map(CARRIED.map(([name, from]) => [name, readFileSync(join(distDir, from))]));
}

/** The first relative import in a built file, if any: a carried file must need nothing beside it but what bin.cjs loads. */
export function relativeImport(code: string): string | undefined {
  return RELATIVE_IMPORT.exec(code)?.[0];
}

/** The command a plugin hook runs: the plugin's own copy of the executable, whatever PATH holds. */
export function pluginHookCommand(event: string): string {
  return `node "\${CLAUDE_PLUGIN_ROOT}/dist/${ENTRY}" hook ${event}`;
}

/** hooks/hooks.json: every event the CLI handles, as `ctx-monitor install` registers them. */
export function pluginHooksJson(): string {
  const hooks = Object.fromEntries(
    HOOKS.map(({ event, name }) => [name, [{ hooks: [{ type: "command", command: pluginHookCommand(event) }] }]]),
  );
  return `${JSON.stringify({ description: "ctx-monitor: usage warnings, handoff before compaction", hooks }, null, 2)}\n`;
}

/** What differs between the plugin's files and what they should be: one line each, empty when in step. */
export function pluginDifferences(wanted: ReadonlyMap<string, Buffer>, carried: ReadonlyMap<string, Buffer>): string[] {
  const problems: string[] = [];
  for (const [name, bytes] of wanted) {
    const have = carried.get(name);
    if (!have) problems.push(`${name} is missing`);
    else if (!have.equals(bytes)) problems.push(`${name} differs`);
  }
  for (const name of carried.keys()) if (!wanted.has(name)) problems.push(`${name} is not part of the build`);
  return problems;
}
