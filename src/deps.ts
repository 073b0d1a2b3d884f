// The dependencies every entry needs (usage, breakdown, handoff, and ctx-monitor's own tool definitions
// for the breakdown), built in this one place for the MCP server, the CLI commands, the report and compare.
// The MCP server (and the SDK and zod with it) is loaded only when a breakdown needs the own tools.
import type { Runtime } from "./base/runtime.ts";
import { type BreakdownDeps, createBreakdownDeps } from "./context/breakdown/read-breakdown.ts";
import { createUsageDeps } from "./context/read-usage.ts";
import { createHandoffDeps } from "./handoff/write-handoff.ts";
import type { ServerDeps } from "./server.ts";

export function createEntryDeps(runtime: Runtime, overrides: Partial<ServerDeps> = {}): ServerDeps {
  const usage = overrides.usage ?? createUsageDeps(runtime);
  return {
    runtime,
    usage,
    breakdown: createBreakdownDeps(runtime, usage, ownToolsOf(runtime)),
    handoff: createHandoffDeps(runtime, usage),
    ...overrides,
  };
}

/** The breakdown's dependencies alone, for the commands that need nothing else (breakdown, compare). */
export function createBreakdownEntryDeps(runtime: Runtime): BreakdownDeps {
  return createBreakdownDeps(runtime, createUsageDeps(runtime), ownToolsOf(runtime));
}

/** ctx-monitor's own tool definitions as a client lists them, asked for only when the breakdown needs them. */
export function ownToolsOf(runtime: Runtime): BreakdownDeps["ownTools"] {
  return async () => {
    const [{ listOwnTools }, { createServer }] = await Promise.all([
      import("./tools/list-own-tools.ts"),
      import("./server.ts"),
    ]);
    return listOwnTools(() => createServer(createEntryDeps(runtime)));
  };
}
