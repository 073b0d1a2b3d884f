#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  styleFor
} from "./chunk-SUVNNIJD.js";
import {
  countField,
  objectField,
  parseJsonObject,
  readStdinText,
  recordSession,
  stringField
} from "./chunk-5QGFGZXA.js";
import {
  terminalText
} from "./chunk-PGED74ES.js";
import {
  DEFAULT_SETTINGS,
  NO_BUDGET,
  autocompactPoint,
  computeUsage,
  countingLimit,
  createUsageDeps,
  loadSettings,
  readCompactSettings,
  readContextUsage,
  readTailSnapshot,
  roundTokens,
  withByteSource
} from "./chunk-LIGRM5QN.js";

// src/claude/statusline-input.ts
function parseStatuslineInput(text) {
  const input = parseJsonObject(text);
  const sessionId = stringField(input, "session_id");
  if (!input || !sessionId) return null;
  const model = objectField(input, "model");
  const window = objectField(input, "context_window");
  const workspace = objectField(input, "workspace");
  const current = objectField(window, "current_usage");
  const size = countField(window, "context_window_size");
  const parts = current ? ["input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"].map(
    (key) => countField(current, key) ?? 0
  ) : null;
  const sum = parts ? parts.reduce((total, part) => total + part, 0) : null;
  const zeroed = sum === 0;
  const percentage = zeroed ? null : countField(window, "used_percentage");
  return {
    sessionId,
    transcriptPath: stringField(input, "transcript_path"),
    projectDir: stringField(workspace, "project_dir") ?? stringField(input, "cwd") ?? stringField(workspace, "current_dir"),
    modelId: stringField(model, "id"),
    modelName: stringField(model, "display_name"),
    version: stringField(input, "version"),
    contextWindowSize: size !== null && Number.isInteger(size) && size > 0 ? size : null,
    currentUsage: zeroed ? null : sum,
    usedPercentage: percentage !== null && percentage <= 100 ? percentage : null
  };
}

// src/integration/statusline.ts
function statuslineFigures(facts) {
  const { input, usage } = facts;
  const contextWindow = input.contextWindowSize ?? usage?.contextWindow ?? null;
  if (contextWindow === null) return null;
  let usedTokens;
  let estimated = false;
  if (input.currentUsage !== null) usedTokens = input.currentUsage;
  else if (usage) {
    usedTokens = usage.usedTokens;
    estimated = usage.estimated;
  } else if (input.usedPercentage !== null) {
    usedTokens = Math.round(input.usedPercentage / 100 * contextWindow);
    estimated = true;
  } else return null;
  const autocompactAt = autocompactPoint(contextWindow, facts.env, facts.compactSettings, {
    modelId: input.modelId ?? usage?.model ?? null,
    version: input.version
  }).at;
  const budget = facts.budget ?? NO_BUDGET;
  const { limit, limitKind, tokensUntilLimit, stepsUntilLimit, status } = countingLimit(
    usedTokens,
    contextWindow,
    autocompactAt,
    budget,
    facts.thresholds,
    usage?.tokensPerStep ?? null
  );
  return {
    model: input.modelName ?? input.modelId ?? usage?.model ?? "Claude",
    usedTokens,
    estimated,
    contextWindow,
    autocompactAt,
    percentOfWindow: Math.round(usedTokens / contextWindow * 100),
    limit,
    limitKind,
    tokensUntilLimit,
    stepsUntilLimit: tokensUntilLimit > 0 ? stepsUntilLimit : null,
    budgetIgnored: budget.problem !== null,
    status
  };
}
function lineStyle(env) {
  const { color, unicode } = styleFor({ env, isTTY: false, columns: void 0, colorByDefault: true });
  return { color, unicode };
}
var COLORS = { ok: "\x1B[32m", warn: "\x1B[33m", critical: "\x1B[31m" };
var RESET = "\x1B[0m";
var BAR_WIDTH = 10;
function bar(percent, style) {
  const filled = Math.max(0, Math.min(BAR_WIDTH, Math.round(percent / 100 * BAR_WIDTH)));
  const [full, empty] = style.unicode ? ["\u2588", "\u2591"] : ["#", "-"];
  return `${full.repeat(filled)}${empty.repeat(BAR_WIDTH - filled)}`;
}
var TARGET = {
  budget: (figures) => `budget ${roundTokens(figures.limit)}`,
  "auto-compact": () => "auto-compact",
  window: () => "a full window"
};
function renderStatusline(figures, style) {
  const separator = style.unicode ? " \xB7 " : " | ";
  const approx = figures.estimated ? "~" : "";
  const parts = [
    figures.model,
    `${approx}${roundTokens(figures.usedTokens)}/${roundTokens(figures.contextWindow)}`,
    `${bar(figures.percentOfWindow, style)} ${figures.percentOfWindow}% of window`
  ];
  const target = TARGET[figures.limitKind](figures);
  const left = figures.tokensUntilLimit;
  if (left <= 0) {
    const over = figures.usedTokens - figures.limit;
    parts.push(`past ${target} (${roundTokens(figures.limit)}) by ${roundTokens(over)}`);
  } else {
    const steps = figures.stepsUntilLimit;
    parts.push(
      `${roundTokens(left)} until ${target}${steps !== null ? ` (~${steps} step${steps === 1 ? "" : "s"})` : ""}`
    );
  }
  if (figures.autocompactAt === null) parts.push("auto-compact off");
  else if (figures.limitKind === "budget") parts.push(`auto-compact ~${roundTokens(figures.autocompactAt)}`);
  if (figures.budgetIgnored) parts.push("budget ignored: not a number");
  const line = parts.join(separator);
  return style.color ? `${COLORS[figures.status]}${line}${RESET}` : line;
}

// src/commands/statusline.ts
function tailUsage(input, transcriptPath, runtime) {
  const tail = withByteSource(transcriptPath, (source) => readTailSnapshot(source));
  return computeUsage({
    sessionId: input.sessionId,
    subagent: null,
    transcriptPath,
    sessionSource: "transcript-path",
    sessionGuessed: false,
    tail,
    baseline: null,
    compactions: { count: 0, last: null },
    windowState: null,
    env: runtime.env,
    thresholds: DEFAULT_SETTINGS,
    fresh: true,
    skippedLines: 0
  });
}
async function transcriptUsage(input, runtime) {
  if (!input.transcriptPath) return null;
  try {
    if (input.currentUsage !== null) return tailUsage(input, input.transcriptPath, runtime);
    return await readContextUsage(
      {
        transcriptPath: input.transcriptPath,
        sessionId: input.sessionId,
        ...input.projectDir ? { projectDir: input.projectDir } : {}
      },
      createUsageDeps(runtime)
    );
  } catch {
    return null;
  }
}
async function statuslineLine(text, runtime) {
  const input = parseStatuslineInput(text);
  if (!input) return "ctx-monitor: no statusline input from Claude Code";
  try {
    recordSession(runtime, {
      sessionId: input.sessionId,
      transcriptPath: input.transcriptPath,
      cwd: input.projectDir,
      modelId: input.modelId,
      contextWindowSize: input.contextWindowSize,
      writtenBy: "statusline"
    });
  } catch {
  }
  const usage = await transcriptUsage(input, runtime);
  const settings = loadSettings(runtime);
  const figures = statuslineFigures({
    input,
    usage,
    env: runtime.env,
    compactSettings: readCompactSettings(runtime, input.projectDir ?? runtime.cwd),
    thresholds: settings,
    budget: settings.budget
  });
  if (!figures) return `${input.modelName ?? input.modelId ?? "Claude"}: no context figures yet`;
  return renderStatusline(figures, lineStyle(runtime.env));
}
async function runStatusline(runtime, out, stdinFd = 0) {
  const text = readStdinText(stdinFd);
  out.stdout(`${terminalText(await statuslineLine(text, runtime), { color: lineStyle(runtime.env).color })}
`);
  return 0;
}
var statuslineCommand = {
  name: "statusline",
  summary: "Claude Code's statusline (its JSON on stdin): usage, a bar, tokens and steps until auto-compact",
  synopsis: "< statusline-input.json",
  options: {},
  run: (context) => runStatusline(context.runtime, context.out)
};

export {
  statuslineLine,
  runStatusline,
  statuslineCommand
};
