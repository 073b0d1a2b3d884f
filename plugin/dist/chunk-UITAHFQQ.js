#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  parseJsonObject,
  readStdinText,
  recordSession,
  stringField
} from "./chunk-XLLYYDGW.js";
import {
  CompactionCache,
  STATE_DIR_SETTING,
  claudeConfigDir,
  createUsageDeps,
  ctxMonitorStateDir,
  readContextUsage,
  roundTokens,
  withByteSource
} from "./chunk-LRTN6UVP.js";
import {
  makeFolder,
  replaceFile
} from "./chunk-T2JGQYOY.js";

// src/commands/hook.ts
import { appendFileSync } from "fs";
import { join as join4 } from "path";

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

// src/claude/hooks/handlers.ts
import { existsSync, readFileSync as readFileSync3 } from "fs";
import { join as join3 } from "path";

// src/claude/hooks/hook-input.ts
var HOOK_EVENTS = ["session-start", "user-prompt-submit", "post-tool-use", "pre-compact"];
function isHookEvent(name) {
  return HOOK_EVENTS.includes(name ?? "");
}
var CLAUDE_EVENT_NAMES = {
  "session-start": "SessionStart",
  "user-prompt-submit": "UserPromptSubmit",
  "post-tool-use": "PostToolUse",
  "pre-compact": "PreCompact"
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
    trigger: stringField(input, "trigger")
  };
}

// src/claude/hooks/handoff-pointer.ts
var MAX_POINTER_CHARS = 9e3;
var LIMITS = { prompt: 3e3, nextSteps: 2500, openQuestions: 1500 };
function clipText(text, max) {
  return text.length <= max ? text : `${text.slice(0, max)}
\u2026 [cut; the handoff has it in full]`;
}
function noteSection(markdown, title) {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => line.trim() === `### ${title}`);
  if (start === -1) return null;
  const body = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,3} /.test(line)) break;
    body.push(line);
  }
  const text = body.join("\n").trim();
  return text || null;
}
function firstPrompt(markdown) {
  const match = /^### Prompt \d+[^\n]*\n\n(`{3,})text\n([\s\S]*?)\n\1$/m.exec(markdown);
  return match?.[2] ?? null;
}
function handoffPointer(handoffPath, markdown, compactionTrigger) {
  const lines = [
    `[ctx-monitor] The conversation was compacted${compactionTrigger ? ` (${compactionTrigger})` : ""}. The newest handoff, written before it, is ${handoffPath}: read it before going on (or use the ctx-monitor resume prompt).`
  ];
  const prompt = firstPrompt(markdown);
  if (prompt) lines.push("", "First prompt of the session, verbatim:", clipText(prompt, LIMITS.prompt));
  const next = noteSection(markdown, "Next steps");
  if (next) lines.push("", "Next steps the agent noted:", clipText(next, LIMITS.nextSteps));
  const questions = noteSection(markdown, "Open questions");
  if (questions) lines.push("", "Open questions:", clipText(questions, LIMITS.openQuestions));
  return lines.join("\n").slice(0, MAX_POINTER_CHARS);
}

// src/claude/hooks/hook-memory.ts
import { readFileSync as readFileSync2 } from "fs";
import { join as join2 } from "path";
var FRESH_MEMORY = { warnedStatus: "ok", pointedPastCompaction: null };
function memoryPath(runtime, sessionId) {
  return join2(ctxMonitorStateDir(runtime), "hooks", `${sessionId.replace(/[^\w-]/g, "_")}.json`);
}
function readHookMemory(runtime, sessionId) {
  try {
    const value = JSON.parse(readFileSync2(memoryPath(runtime, sessionId), "utf8"));
    const warned = value.warnedStatus;
    return {
      warnedStatus: warned === "warn" || warned === "critical" ? warned : "ok",
      pointedPastCompaction: typeof value.pointedPastCompaction === "string" ? value.pointedPastCompaction : null
    };
  } catch {
    return { ...FRESH_MEMORY };
  }
}
function writeHookMemory(runtime, sessionId, memory) {
  const path = memoryPath(runtime, sessionId);
  makeFolder(join2(path, ".."), 448, STATE_DIR_SETTING);
  replaceFile(path, `${JSON.stringify(memory)}
`, 384);
}

// src/claude/hooks/usage-warning.ts
var RANK = { ok: 0, warn: 1, critical: 2 };
function usageWarning(usage, warnedStatus) {
  if (usage.subagent) return { text: null, warnedStatus };
  if (RANK[usage.status] <= RANK[warnedStatus]) return { text: null, warnedStatus: usage.status };
  return {
    text: `[ctx-monitor] Context ${usage.status}: ${usage.summary} Give write_handoff (ctx-monitor) your goal, current state, decisions, next steps and open questions, so nothing is lost when Claude Code compacts.`,
    warnedStatus: usage.status
  };
}
function compactionKey(compaction) {
  if (!compaction) return null;
  return `${compaction.at ?? "?"}/${compaction.preTokens === null ? "?" : roundTokens(compaction.preTokens)}`;
}

// src/claude/hooks/handlers.ts
var AUTOMATIC_HANDOFF_NOTE = "Written automatically by the ctx-monitor PreCompact hook just before Claude Code compacted the conversation: it holds what the transcript says, not the agent's own notes (goal, state, decisions, next steps).";
function projectOf(input, runtime) {
  return runtime.env.CLAUDE_PROJECT_DIR || input.cwd || runtime.cwd;
}
function request(input, runtime) {
  return {
    ...input.transcriptPath ? { transcriptPath: input.transcriptPath } : { sessionId: input.sessionId },
    projectDir: projectOf(input, runtime)
  };
}
async function preCompact(input, runtime) {
  const { createHandoffDeps, writeHandoff } = await import("./write-handoff-VO4GREUN.js");
  await writeHandoff(
    { ...request(input, runtime), name: "pre-compact", notes: { warnings: AUTOMATIC_HANDOFF_NOTE } },
    createHandoffDeps(runtime, createUsageDeps(runtime))
  );
  return "";
}
async function newestHandoffOf(input, runtime) {
  const { configuredHandoffDir } = await import("./write-handoff-VO4GREUN.js");
  const { handoffFolder, isHandoffOfSession, listHandoffs } = await import("./store-UKLTN2KR.js");
  const folder = handoffFolder(configuredHandoffDir(runtime), projectOf(input, runtime)).path;
  return listHandoffs(folder).find((handoff) => isHandoffOfSession(handoff.name, input.sessionId))?.path ?? null;
}
async function sessionStart(input, runtime) {
  recordSession(runtime, {
    sessionId: input.sessionId,
    transcriptPath: input.transcriptPath,
    cwd: projectOf(input, runtime),
    modelId: input.model,
    contextWindowSize: null,
    writtenBy: "hook:SessionStart"
  });
  if (!input.transcriptPath || !existsSync(input.transcriptPath)) return "";
  const cache = new CompactionCache(join3(ctxMonitorStateDir(runtime), "scans"));
  const newest = withByteSource(input.transcriptPath, (source) => cache.scan(source)).last;
  const key = compactionKey(newest);
  const memory = readHookMemory(runtime, input.sessionId);
  if (key === null || key === memory.pointedPastCompaction) return "";
  const handoff = await newestHandoffOf(input, runtime);
  writeHookMemory(runtime, input.sessionId, { ...memory, pointedPastCompaction: key, warnedStatus: "ok" });
  if (!handoff) return "";
  return handoffPointer(handoff, readFileSync3(handoff, "utf8"), newest?.trigger ?? null);
}
async function usageCheck(input, runtime, event) {
  if (!input.transcriptPath || !existsSync(input.transcriptPath)) return "";
  const usage = await readContextUsage(request(input, runtime), createUsageDeps(runtime));
  const memory = readHookMemory(runtime, input.sessionId);
  const decision = usageWarning(usage, memory.warnedStatus);
  if (decision.warnedStatus !== memory.warnedStatus)
    writeHookMemory(runtime, input.sessionId, { ...memory, warnedStatus: decision.warnedStatus });
  if (!decision.text) return "";
  if (event === "user-prompt-submit") return decision.text;
  return JSON.stringify({
    hookSpecificOutput: { hookEventName: CLAUDE_EVENT_NAMES[event], additionalContext: decision.text }
  });
}
function runHookEvent(event, input, runtime) {
  switch (event) {
    case "pre-compact":
      return preCompact(input, runtime);
    case "session-start":
      return sessionStart(input, runtime);
    case "user-prompt-submit":
    case "post-tool-use":
      return usageCheck(input, runtime, event);
  }
}

// src/commands/hook.ts
var WATCHDOG_MS = { "pre-compact": 45e3, other: 1e4 };
function hookLogPath(runtime) {
  return join4(ctxMonitorStateDir(runtime), "hooks.log");
}
function logProblem(runtime, event, message) {
  try {
    makeFolder(ctxMonitorStateDir(runtime), 448, STATE_DIR_SETTING);
    appendFileSync(
      hookLogPath(runtime),
      `${runtime.now().toISOString()} hook ${event}: ${message.replace(/\s+/g, " ")}
`,
      { mode: 384 }
    );
  } catch {
  }
}
async function hookOutput(event, text, runtime) {
  if (!isHookEvent(event))
    throw new Error(`unknown hook event ${JSON.stringify(event)}; expected one of ${HOOK_EVENTS.join(", ")}`);
  const input = parseHookInput(text);
  if (!input) throw new Error("no hook input on stdin (a JSON object with session_id)");
  const plugin = runningAsPlugin(runtime) ? null : enabledPlugin(runtime);
  if (plugin) return event === "session-start" ? installedTwiceNotice(plugin) : "";
  return runHookEvent(event, input, runtime);
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
    if (output) out.stdout(output.endsWith("\n") ? output : `${output}
`);
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
