// Which files an install or uninstall touches, for the user (Claude Code's config dir) or for a
// project (its .claude/settings.json, .mcp.json, .gitignore and CLAUDE.md), and the change to each.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Runtime } from "../../base/runtime.ts";
import { defaultBodiesDir } from "../../capture/paths.ts";
import { claudeConfigDir, claudeGlobalConfigPath, ctxMonitorStateDir, STATE_DIR_SETTING } from "../../claude/paths.ts";
import { replaceFile } from "../../fs/atomic-write.ts";
import { makeFolder } from "../../fs/make-folder.ts";
import { type FileChange, readText } from "./apply.ts";
import { readJsonObject } from "./json-text.ts";
import {
  planClaudeMdInstall,
  planClaudeMdUninstall,
  planGitignoreInstall,
  planGitignoreUninstall,
} from "./project-files.ts";
import { planServerInstall, planServerUninstall, planSettingsInstall, planSettingsUninstall } from "./settings-plan.ts";
import { checkSettingsShape } from "./settings-shape.ts";
import { type Executables, isOurStatusline, isOurSubagentStatusline } from "./wiring.ts";

interface Scope {
  /** The project folder with --project, else null (the user's own configuration). */
  project: string | null;
}

interface Targets {
  settings: string;
  servers: string;
}

function targets(runtime: Runtime, scope: Scope): Targets {
  if (scope.project)
    return { settings: join(scope.project, ".claude", "settings.json"), servers: join(scope.project, ".mcp.json") };
  return { settings: join(claudeConfigDir(runtime), "settings.json"), servers: claudeGlobalConfigPath(runtime) };
}

/** The user's own statuslines that install replaced on request, by settings file, for uninstall. */
function replacedStatuslinesPath(runtime: Runtime): string {
  return join(ctxMonitorStateDir(runtime), "replaced-statuslines.json");
}

function readReplaced(runtime: Runtime): Record<string, unknown> {
  try {
    return readJsonObject(readFileSync(replacedStatuslinesPath(runtime), "utf8"), replacedStatuslinesPath(runtime));
  } catch {
    return {};
  }
}

/** Where a replaced subagent statusline is kept: beside the statusline's, under the file's path and the key. */
const subagentKey = (settingsPath: string) => `${settingsPath}#subagentStatusLine`;

export function rememberReplacedStatusline(runtime: Runtime, replaced: Record<string, unknown>): void {
  const all = { ...readReplaced(runtime), ...replaced };
  makeFolder(ctxMonitorStateDir(runtime), 0o700, STATE_DIR_SETTING);
  replaceFile(replacedStatuslinesPath(runtime), `${JSON.stringify(all, null, 2)}\n`, 0o600);
}

interface Plan {
  files: FileChange[];
  notes: string[];
  /** The user's own statuslines install replaces, by where uninstall looks them up. */
  replacedStatuslines?: Record<string, unknown>;
}

/** A settings or server file's text (null: none), refused when Claude Code would misread it. */
function readChecked(path: string, kind: "settings" | "servers"): string | null {
  const text = readText(path);
  if (text !== null) checkSettingsShape(text, path, kind);
  return text;
}

/** The user's own statusline or subagent statusline (not ctx-monitor's), which a project's would hide. */
function userStatusline(runtime: Runtime, key: "statusLine" | "subagentStatusLine"): unknown {
  const path = join(claudeConfigDir(runtime), "settings.json");
  try {
    const statusLine = readJsonObject(readText(path) ?? "", path)[key];
    const command = (statusLine as { command?: unknown } | undefined)?.command;
    const ours = key === "statusLine" ? isOurStatusline(command) : isOurSubagentStatusline(command);
    return statusLine !== undefined && !ours ? statusLine : undefined;
  } catch {
    return undefined;
  }
}

/** The capture folder install points Claude Code at: the one the server and CLI read by default. */
function captureVariableValue(runtime: Runtime): string {
  return `file:${defaultBodiesDir(runtime)}`;
}

export function planInstall(
  runtime: Runtime,
  scope: Scope,
  executables: Executables,
  options: { statusline: boolean; capture?: boolean; statuslineOnly?: boolean },
): Plan {
  const { settings, servers } = targets(runtime, scope);
  const settingsBefore = readChecked(settings, "settings");
  const settingsPlan = planSettingsInstall(settingsBefore ?? "", settings, executables, {
    statusline: options.statusline,
    hooks: !options.statuslineOnly,
    ...(scope.project
      ? {
          userStatusline: userStatusline(runtime, "statusLine"),
          userSubagentStatusline: userStatusline(runtime, "subagentStatusLine"),
        }
      : {}),
    ...(options.capture ? { capture: captureVariableValue(runtime) } : {}),
  });
  const files: FileChange[] = [];
  if (!options.statuslineOnly) {
    const serversBefore = readChecked(servers, "servers");
    const serverPlan = planServerInstall(serversBefore ?? "", servers, executables);
    files.push({
      path: servers,
      before: serversBefore,
      after: serverPlan.changes.length ? serverPlan.text : serversBefore,
      changes: serverPlan.changes,
    });
  }
  files.push({
    path: settings,
    before: settingsBefore,
    after: settingsPlan.changes.length ? settingsPlan.text : settingsBefore,
    changes: settingsPlan.changes,
  });
  if (scope.project) {
    const gitignore = join(scope.project, ".gitignore");
    const ignoreBefore = readText(gitignore);
    files.push({
      path: gitignore,
      before: ignoreBefore,
      after: planGitignoreInstall(ignoreBefore ?? ""),
      changes: ["ignore .claude/handoffs/ (handoffs hold prompts verbatim)"],
    });
    const claudeMd = join(scope.project, "CLAUDE.md");
    const mdBefore = readText(claudeMd);
    files.push({
      path: claudeMd,
      before: mdBefore,
      after: planClaudeMdInstall(mdBefore ?? ""),
      changes: ["add the context-budget and handoff instructions, between ctx-monitor markers"],
    });
  }
  for (const file of files) if (file.before === null && file.after === "") file.after = null;
  const replacedStatuslines: Record<string, unknown> = {
    ...(settingsPlan.replacedStatusline !== undefined ? { [settings]: settingsPlan.replacedStatusline } : {}),
    ...(settingsPlan.replacedSubagentStatusline !== undefined
      ? { [subagentKey(settings)]: settingsPlan.replacedSubagentStatusline }
      : {}),
  };
  return {
    files,
    notes: settingsPlan.notes,
    ...(Object.keys(replacedStatuslines).length > 0 ? { replacedStatuslines } : {}),
  };
}

/** True when a project file holds nothing but what an empty install left (`{}`, `{"mcpServers": {}}`, blank). */
function emptied(text: string, path: string): boolean {
  if (!text.trim()) return true;
  try {
    const doc = readJsonObject(text, path);
    const keys = Object.keys(doc);
    return keys.length === 0 || (keys.length === 1 && JSON.stringify(doc.mcpServers) === "{}");
  } catch {
    return false;
  }
}

export function planUninstall(runtime: Runtime, scope: Scope, options: { statuslineOnly?: boolean } = {}): Plan {
  const { settings, servers } = targets(runtime, scope);
  const files: FileChange[] = [];
  const serversBefore = options.statuslineOnly ? null : readChecked(servers, "servers");
  if (serversBefore !== null) {
    const plan = planServerUninstall(serversBefore, servers);
    files.push({ path: servers, before: serversBefore, after: plan.text, changes: plan.changes });
  }
  const settingsBefore = readChecked(settings, "settings");
  if (settingsBefore !== null) {
    const plan = planSettingsUninstall(
      settingsBefore,
      settings,
      readReplaced(runtime)[settings],
      captureVariableValue(runtime),
      { hooks: !options.statuslineOnly, restoreSubagentStatusline: readReplaced(runtime)[subagentKey(settings)] },
    );
    files.push({ path: settings, before: settingsBefore, after: plan.text, changes: plan.changes });
  }
  if (scope.project && !options.statuslineOnly) {
    const gitignore = join(scope.project, ".gitignore");
    const ignoreBefore = readText(gitignore);
    if (ignoreBefore !== null)
      files.push({
        path: gitignore,
        before: ignoreBefore,
        after: planGitignoreUninstall(ignoreBefore),
        changes: ["stop ignoring .claude/handoffs/ (the lines install added)"],
      });
    const claudeMd = join(scope.project, "CLAUDE.md");
    const mdBefore = readText(claudeMd);
    if (mdBefore !== null)
      files.push({
        path: claudeMd,
        before: mdBefore,
        after: planClaudeMdUninstall(mdBefore),
        changes: ["remove the ctx-monitor instructions"],
      });
  }
  // Files install created and that now hold nothing go away (the user's own files are only edited).
  for (const file of files)
    if (file.after !== null && file.after !== file.before && emptied(file.after, file.path)) file.after = null;
  return { files, notes: [] };
}
