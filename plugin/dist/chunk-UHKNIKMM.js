#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  parseJsonObject,
  readStdinText,
  recordSession,
  stringField
} from "./chunk-5QGFGZXA.js";
import {
  jsonEscaped,
  terminalText
} from "./chunk-PGED74ES.js";
import {
  projectOf,
  readHookMemory,
  request,
  writeHookMemory
} from "./chunk-JULSVRIS.js";
import {
  STATE_DIR_SETTING,
  appendPrivate,
  claudeConfigDir,
  createUsageDeps,
  ctxMonitorStateDir,
  readContextUsage
} from "./chunk-LIGRM5QN.js";
import {
  UserError,
  makeFolder
} from "./chunk-PUOW4WKH.js";

// src/commands/hook.ts
import { join as join2 } from "path";

// src/claude/plugin-presence.ts
import { readFileSync } from "fs";
import { join } from "path";
function runningAsPlugin(runtime) {
  return Boolean(runtime.env.CLAUDE_PLUGIN_ROOT?.trim());
}
function enabledPlugin(runtime) {
  let text;
  try {
    text = readFileSync(join(claudeConfigDir(runtime), "settings.json"), "utf8");
  } catch {
    return null;
  }
  try {
    const enabled = JSON.parse(text).enabledPlugins;
    if (typeof enabled !== "object" || enabled === null) return null;
    const id = Object.entries(enabled).find(([key, on]) => on === true && key.startsWith("ctx-monitor@"))?.[0];
    return id ?? null;
  } catch {
    return null;
  }
}
function installedTwiceNotice(pluginId) {
  return `[ctx-monitor] installed twice: as the plugin ${pluginId} and by \`ctx-monitor install\`; the plugin's hooks run and these stay silent. Run \`ctx-monitor uninstall\` to remove the second.`;
}

// src/integration/hooks/handlers.ts
import { existsSync } from "fs";

// src/integration/hooks/hook-input.ts
var HOOK_EVENTS = [
  "session-start",
  "user-prompt-submit",
  "post-tool-use",
  "pre-compact",
  "post-compact"
];
function isHookEvent(name) {
  return HOOK_EVENTS.includes(name ?? "");
}
var CLAUDE_EVENT_NAMES = {
  "session-start": "SessionStart",
  "user-prompt-submit": "UserPromptSubmit",
  "post-tool-use": "PostToolUse",
  "pre-compact": "PreCompact",
  "post-compact": "PostCompact"
};
function parseHookInput(text) {
  const input = parseJsonObject(text);
  const sessionId = stringField(input, "session_id");
  if (!input || !sessionId) return null;
  const model = input.model;
  return {
    sessionId,
    transcriptPath: stringField(input, "transcript_path"),
    cwd: stringField(input, "cwd"),
    eventName: stringField(input, "hook_event_name"),
    source: stringField(input, "source"),
    // Documented as a string; accept {id} too, as the statusline sends it.
    model: typeof model === "string" && model ? model : stringField(
      typeof model === "object" && model !== null && !Array.isArray(model) ? model : null,
      "id"
    ),
    trigger: stringField(input, "trigger"),
    compactSummary: typeof input.compact_summary === "string" ? input.compact_summary : null
  };
}

// src/integration/hooks/usage-warning.ts
var RANK = { ok: 0, warn: 1, critical: 2 };
function usageWarning(usage, warnedStatus) {
  if (usage.subagent) return { text: null, warnedStatus };
  if (RANK[usage.status] <= RANK[warnedStatus]) return { text: null, warnedStatus: usage.status };
  return {
    text: `[ctx-monitor] Context ${usage.status}: ${usage.summary} Give write_handoff (ctx-monitor) your goal, current state, decisions, next steps and open questions, so nothing is lost when Claude Code compacts.`,
    warnedStatus: usage.status
  };
}

// src/integration/hooks/handlers.ts
var compactionHooks = () => import("./compaction-hooks-DKNW224N.js");
async function sessionStart(input, runtime) {
  recordSession(runtime, {
    sessionId: input.sessionId,
    transcriptPath: input.transcriptPath,
    cwd: projectOf(input, runtime),
    modelId: input.model,
    contextWindowSize: null,
    writtenBy: "hook:SessionStart"
  });
  return (await compactionHooks()).compactionPointer(input, runtime);
}
async function usageCheck(input, runtime, event) {
  if (!input.transcriptPath || !existsSync(input.transcriptPath)) return "";
  const usage = await readContextUsage(request(input, runtime), createUsageDeps(runtime));
  const memory = readHookMemory(runtime, input.sessionId);
  const decision = usageWarning(usage, memory.warnedStatus);
  const lost = event === "user-prompt-submit" ? memory.lostPending : null;
  if (decision.warnedStatus !== memory.warnedStatus || lost)
    writeHookMemory(runtime, input.sessionId, { ...memory, warnedStatus: decision.warnedStatus, lostPending: null });
  const text = [lost, decision.text].filter(Boolean).join("\n\n");
  if (!text) return "";
  if (event === "user-prompt-submit") return text;
  return JSON.stringify({
    hookSpecificOutput: { hookEventName: CLAUDE_EVENT_NAMES[event], additionalContext: text }
  });
}
function runHookEvent(event, input, runtime) {
  switch (event) {
    case "pre-compact":
      return compactionHooks().then((hooks) => hooks.preCompact(input, runtime));
    case "session-start":
      return sessionStart(input, runtime);
    case "post-compact":
      return compactionHooks().then((hooks) => hooks.postCompact(input, runtime));
    case "user-prompt-submit":
    case "post-tool-use":
      return usageCheck(input, runtime, event);
  }
}

// src/commands/hook.ts
var WATCHDOG_MS = { "pre-compact": 45e3, other: 1e4 };
function hookLogPath(runtime) {
  return join2(ctxMonitorStateDir(runtime), "hooks.log");
}
function logProblem(runtime, event, message) {
  try {
    makeFolder(ctxMonitorStateDir(runtime), 448, STATE_DIR_SETTING);
    appendPrivate(
      hookLogPath(runtime),
      `${runtime.now().toISOString()} hook ${event}: ${message.replace(/\s+/g, " ")}
`
    );
  } catch {
  }
}
async function hookOutput(event, text, runtime) {
  if (!isHookEvent(event))
    throw new UserError(`unknown hook event ${JSON.stringify(event)}; expected one of ${HOOK_EVENTS.join(", ")}`);
  const input = parseHookInput(text);
  if (!input) throw new UserError("no hook input on stdin (a JSON object with session_id)");
  const plugin = runningAsPlugin(runtime) ? null : enabledPlugin(runtime);
  if (plugin) return event === "session-start" ? installedTwiceNotice(plugin) : "";
  return runHookEvent(event, input, runtime);
}
function safeHookText(output) {
  return output.startsWith("{") ? jsonEscaped(output) : terminalText(output);
}
async function runHook(event, runtime, out, stdinFd = 0) {
  const watchdog = setTimeout(
    () => {
      logProblem(runtime, event ?? "?", "gave up: took too long");
      process.exit(0);
    },
    event === "pre-compact" ? WATCHDOG_MS["pre-compact"] : WATCHDOG_MS.other
  );
  watchdog.unref();
  try {
    const text = readStdinText(stdinFd);
    const output = await hookOutput(event, text, runtime);
    if (output) out.stdout(safeHookText(output.endsWith("\n") ? output : `${output}
`));
  } catch (error) {
    logProblem(runtime, event ?? "?", error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(watchdog);
  }
  return 0;
}
var hookCommand = {
  name: "hook",
  summary: "Claude Code hook (its JSON on stdin): context warnings, a handoff before compaction, a pointer after it",
  synopsis: `<${HOOK_EVENTS.join(" | ")}> < hook-input.json`,
  options: {},
  arguments: ["EVENT"],
  run: (context) => runHook(context.positionals[0], context.runtime, context.out)
};

export {
  runningAsPlugin,
  enabledPlugin,
  HOOK_EVENTS,
  CLAUDE_EVENT_NAMES,
  runHook,
  hookCommand
};
