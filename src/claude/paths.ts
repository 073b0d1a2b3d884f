// Where Claude Code keeps things, computed the way Claude Code computes them.
import { join } from "node:path";
import type { Runtime } from "../base/runtime.ts";

/** `$CLAUDE_CONFIG_DIR`, or `~/.claude`. */
export function claudeConfigDir(runtime: Runtime): string {
  const configured = runtime.env.CLAUDE_CONFIG_DIR;
  return configured && configured.trim() ? configured : join(runtime.homeDir, ".claude");
}

/** Claude Code's global config (user-scope MCP servers, the /config toggles): in the config dir when set. */
export function claudeGlobalConfigPath(runtime: Runtime): string {
  const configured = runtime.env.CLAUDE_CONFIG_DIR;
  return configured && configured.trim() ? join(configured, ".claude.json") : join(runtime.homeDir, ".claude.json");
}

export function projectsDir(runtime: Runtime): string {
  return join(claudeConfigDir(runtime), "projects");
}

/** Claude Code's folder name for a project: every character outside [A-Za-z0-9] becomes "-". */
export function encodeProjectDir(projectDir: string): string {
  return projectDir.replace(/[^A-Za-z0-9]/g, "-");
}

/** Claude Code shortens names past this length and appends a hash; match those by prefix. */
export const MAX_ENCODED_PROJECT_LENGTH = 200;

export function claudeSessionsDir(runtime: Runtime): string {
  return join(claudeConfigDir(runtime), "sessions");
}

/** The setting that moves ctx-monitor's state folder, for errors that ask a person to choose another. */
export const STATE_DIR_SETTING = "CTX_MONITOR_STATE_DIR";

/**
 * ctx-monitor's own state (what the statusline and hooks saw), inside Claude Code's config dir; run as
 * a plugin, in the folder Claude Code gives the plugin (`CLAUDE_PLUGIN_DATA`), which goes with it.
 */
export function ctxMonitorStateDir(runtime: Runtime): string {
  const configured = runtime.env[STATE_DIR_SETTING];
  if (configured?.trim()) return configured;
  const plugin = runtime.env.CLAUDE_PLUGIN_DATA;
  return plugin?.trim() ? plugin : join(claudeConfigDir(runtime), "ctx-monitor");
}

/** The project the session belongs to: what Claude Code told us, or where we run. */
export function defaultProjectDir(runtime: Runtime): string {
  return runtime.env.CLAUDE_PROJECT_DIR || runtime.cwd;
}

/**
 * The project a read session belongs to: the one asked for, else the folder its records say it ran
 * in (the session's own evidence), else the default.
 */
export function sessionProjectDir(runtime: Runtime, explicit: string | undefined, fromRecords: string | null): string {
  return explicit ?? fromRecords ?? defaultProjectDir(runtime);
}
