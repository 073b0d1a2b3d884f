// Where Claude Code may be writing its request bodies. Claude Code does not pass OTEL_* variables on
// to MCP servers, hooks or the Bash tool (seen), so the server cannot rely on its own environment: it
// reads the variable from the environment the Claude Code process itself was started with (Linux,
// same user: a user who exported it in the shell), from the settings files' `env` (where
// `install --capture` puts it), and always looks in the folder `install --capture` uses.

import { join } from "node:path";
import type { Runtime } from "../base/runtime.ts";
import { canReadProcesses, findClaudeProcess, processEnvValue } from "../claude/claude-process.ts";
import { claudeConfigDir, defaultProjectDir } from "../claude/paths.ts";
import { readRegularText } from "../fs/open-regular.ts";
import { bodiesDirOf, defaultBodiesDir } from "./paths.ts";

function settingsEnvValue(path: string): unknown {
  try {
    const settings = JSON.parse(readRegularText(path)) as { env?: Record<string, unknown> };
    return settings.env?.OTEL_LOG_RAW_API_BODIES;
  } catch {
    return undefined;
  }
}

/** The folder named in the environment of the Claude Code process that started this one, if readable. */
function claudeProcessBodiesDir(runtime: Runtime): string | null {
  const claude = findClaudeProcess(runtime);
  return claude ? bodiesDirOf(processEnvValue(claude.pid, "OTEL_LOG_RAW_API_BODIES")) : null;
}

/** Candidate folders, without duplicates: this process's environment, Claude Code's, the settings files, the default. */
export function bodiesDirs(runtime: Runtime, projectDir: string = defaultProjectDir(runtime)): string[] {
  const candidates = [
    bodiesDirOf(runtime.env.OTEL_LOG_RAW_API_BODIES),
    claudeProcessBodiesDir(runtime),
    bodiesDirOf(settingsEnvValue(join(projectDir, ".claude", "settings.local.json"))),
    bodiesDirOf(settingsEnvValue(join(projectDir, ".claude", "settings.json"))),
    bodiesDirOf(settingsEnvValue(join(claudeConfigDir(runtime), "settings.json"))),
    defaultBodiesDir(runtime),
  ];
  return [...new Set(candidates.filter((dir): dir is string => dir !== null))];
}

/** What to do when a session has no capture: how to point ctx-monitor at Claude Code's request bodies. */
export function captureAdvice(): string {
  const unseen = canReadProcesses()
    ? "and ctx-monitor reads the folder from the Claude Code process that started it only on Linux, same user"
    : "and this platform does not let ctx-monitor read the Claude Code process's environment";
  return (
    "No captured request for this session, so the system prompt and tool definitions are estimated. " +
    "Run `ctx-monitor install --capture`, or put OTEL_LOG_RAW_API_BODIES=file:<dir> in the env of ~/.claude/settings.json " +
    `(Claude Code passes no OTEL_* variable to MCP servers, ${unseen}), or run Claude Code through \`ctx-monitor proxy\`.`
  );
}
