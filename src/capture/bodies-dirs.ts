// Where Claude Code may be writing its request bodies. Claude Code 2.1.197 does not pass OTEL_*
// variables on to MCP servers or to the Bash tool (seen), so the server cannot rely on its own
// environment: it also reads the variable from the settings files' `env` (where `install --capture`
// puts it), and always looks in the folder `install --capture` uses.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { claudeConfigDir, defaultProjectDir } from "../claude/paths.ts";
import type { Runtime } from "../runtime.ts";
import { bodiesDirOf, defaultBodiesDir } from "./paths.ts";

function settingsEnvValue(path: string): unknown {
  try {
    const settings = JSON.parse(readFileSync(path, "utf8")) as { env?: Record<string, unknown> };
    return settings.env?.OTEL_LOG_RAW_API_BODIES;
  } catch {
    return undefined;
  }
}

/** Candidate folders, without duplicates: this process's environment, the settings files, the default. */
export function bodiesDirs(runtime: Runtime, projectDir: string = defaultProjectDir(runtime)): string[] {
  const candidates = [
    bodiesDirOf(runtime.env.OTEL_LOG_RAW_API_BODIES),
    bodiesDirOf(settingsEnvValue(join(projectDir, ".claude", "settings.local.json"))),
    bodiesDirOf(settingsEnvValue(join(projectDir, ".claude", "settings.json"))),
    bodiesDirOf(settingsEnvValue(join(claudeConfigDir(runtime), "settings.json"))),
    defaultBodiesDir(runtime),
  ];
  return [...new Set(candidates.filter((dir): dir is string => dir !== null))];
}
