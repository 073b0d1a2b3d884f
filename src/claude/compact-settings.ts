// The settings of Claude Code's own settings files that move auto-compaction, merged in Claude Code's
// precedence: managed policy, then the project's local settings, the project's shared settings, the
// user's settings, and last the legacy global config (`.claude.json`, where older /config toggles
// were stored). Read by hand and leniently: a file that is missing or not JSON counts as empty.

import { join } from "node:path";
import type { Runtime } from "../base/runtime.ts";
import { readRegularText } from "../fs/open-regular.ts";
import { claudeConfigDir, claudeGlobalConfigPath } from "./paths.ts";

/** The two settings of Claude Code's settings files that move auto-compaction, as merged by it. */
export interface CompactSettings {
  autoCompactEnabled?: boolean | undefined;
  autoCompactWindow?: number | undefined;
}

const MANAGED_SETTINGS = "/etc/claude-code/managed-settings.json";

/** Settings files, highest precedence first. */
function compactSettingsFiles(runtime: Runtime, projectDir: string): string[] {
  return [
    MANAGED_SETTINGS,
    join(projectDir, ".claude", "settings.local.json"),
    join(projectDir, ".claude", "settings.json"),
    join(claudeConfigDir(runtime), "settings.json"),
    claudeGlobalConfigPath(runtime),
  ];
}

function readObject(path: string): Record<string, unknown> {
  // Security: a project's settings file planted as a link to /dev/zero or a FIFO is refused, never read for ever.
  try {
    const value: unknown = JSON.parse(readRegularText(path));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** Merges the files' values (each key from the first file that has a valid one). */
export function mergeCompactSettings(objects: readonly Record<string, unknown>[]): CompactSettings {
  const settings: CompactSettings = {};
  for (const object of objects) {
    const enabled = object.autoCompactEnabled;
    if (settings.autoCompactEnabled === undefined && typeof enabled === "boolean")
      settings.autoCompactEnabled = enabled;
    const window = object.autoCompactWindow;
    // Claude Code drops a value outside its schema (an integer in [100k, 1M]) and looks further.
    if (
      settings.autoCompactWindow === undefined &&
      typeof window === "number" &&
      Number.isInteger(window) &&
      window >= 100_000 &&
      window <= 1_000_000
    ) {
      settings.autoCompactWindow = window;
    }
  }
  return settings;
}

export function readCompactSettings(runtime: Runtime, projectDir: string): CompactSettings {
  const files = compactSettingsFiles(runtime, projectDir).map(readObject);
  // The global config only ever held the /config toggle, never a window.
  const legacy = files.pop() ?? {};
  return mergeCompactSettings([...files, { autoCompactEnabled: legacy.autoCompactEnabled }]);
}
