#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  configuredHandoffDir,
  describeToolCall
} from "./chunk-AC5FPCFS.js";
import {
  isAutomaticHandoff
} from "./chunk-DG2HTV55.js";
import {
  hasNotesRecord
} from "./chunk-Y3ZR3M7I.js";
import {
  handoffFolder,
  isHandoffOfSession,
  listHandoffs
} from "./chunk-OZXTJKYL.js";
import {
  LIMIT_WORDS,
  contextTotal,
  isMainChainResponse,
  roundTokens
} from "./chunk-LIGRM5QN.js";

// src/present/limit-words.ts
function countdownWords(usage) {
  const target = usage.limitKind === "budget" ? `the budget (${roundTokens(usage.limit)})` : usage.limitKind === "auto-compact" ? `auto-compact (~${roundTokens(usage.limit)})` : `a full window (${roundTokens(usage.limit)})`;
  const parts = usage.tokensUntilLimit <= 0 ? [`past ${target} by ${roundTokens(usage.usedTokens - usage.limit)}`] : [`${roundTokens(usage.tokensUntilLimit)} until ${target}`];
  if (usage.tokensUntilLimit > 0 && usage.stepsUntilLimit !== null && usage.tokensPerStep !== null)
    parts.push(
      `~${usage.stepsUntilLimit} step${usage.stepsUntilLimit === 1 ? "" : "s"} (~${roundTokens(usage.tokensPerStep)}/step)`
    );
  if (usage.autocompactAt === null) parts.push("auto-compact off");
  else if (usage.limitKind === "budget") parts.push(`auto-compact ~${roundTokens(usage.autocompactAt)}`);
  return parts.join(" \xB7 ");
}
function statusWords(usage) {
  const at = usage.status === "critical" ? usage.criticalAt : usage.warnAt;
  const percent = usage.limit > 0 ? Math.round(at / usage.limit * 100) : 0;
  const relation = usage.status === "ok" ? `below` : `from`;
  return `${usage.status} ${relation} ${roundTokens(at)} (${percent}% of ${LIMIT_WORDS[usage.limitKind]})`;
}

// src/report/session-handoffs.ts
function sessionHandoffs(runtime, projectDir, sessionId) {
  try {
    const folder = handoffFolder(configuredHandoffDir(runtime), projectDir).path;
    return listHandoffs(folder).filter((handoff) => isHandoffOfSession(handoff.name, sessionId)).reverse().map((handoff) => ({ ...handoff, kind: kindOf(folder, handoff.name) }));
  } catch {
    return [];
  }
}
function kindOf(folder, name) {
  if (isAutomaticHandoff(name)) return "PreCompact (automatic)";
  return hasNotesRecord(folder, name) ? "agent's notes" : "no notes";
}

// src/transcript/response-timeline.ts
var HANDOFF_TOOL = /(?:^|__)write_handoff$/;
var HANDOFF_COMMAND = /\bctx-monitor\s+handoff\b/;
var MAX_OPEN_CALLS = 256;
var MAX_CAUSES = 12;
var ResponseTimeline = class {
  steps = [];
  marks = [];
  /** The folder Claude Code ran in, from the first record that says. */
  projectDir = null;
  lastMessageId = null;
  previousTotal = null;
  openCalls = /* @__PURE__ */ new Map();
  causes = [];
  add(record) {
    if (this.projectDir === null && record.cwd) this.projectDir = record.cwd;
    if (record.kind === "compact-boundary" && !record.isSidechain) {
      this.marks.push({
        kind: "compaction",
        at: record.timestamp,
        afterStep: this.steps.length,
        trigger: record.trigger,
        preTokens: record.preTokens,
        postTokens: record.postTokens
      });
      this.previousTotal = null;
      this.causes = [];
      return;
    }
    if (record.kind === "user" && !record.isSidechain) {
      this.addUser(record.content, record.isMeta || record.isCompactSummary);
      return;
    }
    if (isMainChainResponse(record)) this.addResponse(record);
  }
  addUser(content, meta) {
    if (typeof content === "string") {
      if (!meta) this.cause("prompt");
      return;
    }
    for (const block of content) {
      if (block.type === "tool_result") {
        const label = this.openCalls.get(block.toolUseId);
        this.openCalls.delete(block.toolUseId);
        this.cause(label ?? "tool result");
      } else if (block.type === "text" && !meta) {
        this.cause("prompt");
      }
    }
  }
  addResponse(record) {
    if (record.messageId === null || record.messageId !== this.lastMessageId) {
      const total = contextTotal(record.usage);
      this.steps.push({
        index: this.steps.length + 1,
        at: record.timestamp,
        total,
        added: this.previousTotal === null ? null : total - this.previousTotal,
        causes: this.causes,
        model: record.model
      });
      this.previousTotal = total;
      this.causes = [];
      this.lastMessageId = record.messageId;
    }
    for (const block of record.content) {
      if (block.type !== "tool_use") continue;
      const call = describeToolCall(block.name, block.input, record.cwd);
      if (this.isHandoff(block.name, block.input)) {
        this.marks.push({
          kind: "handoff",
          at: record.timestamp,
          afterStep: this.steps.length,
          trigger: call.name,
          preTokens: null,
          postTokens: null
        });
      }
      this.openCalls.set(block.id, call.label);
      if (this.openCalls.size > MAX_OPEN_CALLS) this.openCalls.delete(this.openCalls.keys().next().value);
    }
  }
  isHandoff(name, input) {
    if (HANDOFF_TOOL.test(name)) return true;
    const command = typeof input === "object" && input !== null ? input.command : void 0;
    return name === "Bash" && typeof command === "string" && HANDOFF_COMMAND.test(command);
  }
  cause(label) {
    if (this.causes.length < MAX_CAUSES && !(label === "prompt" && this.causes.includes(label)))
      this.causes.push(label);
  }
};

export {
  countdownWords,
  statusWords,
  ResponseTimeline,
  sessionHandoffs
};
