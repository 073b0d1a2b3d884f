#!/usr/bin/env node
import { createRequire as __ctxMonitorCreateRequire } from "node:module";
const require = __ctxMonitorCreateRequire(import.meta.url);
import {
  IncrementalReader,
  classifyUserText,
  describeToolCall,
  mcpServerOf,
  redactedLabel,
  toolDisplayName
} from "./chunk-AC5FPCFS.js";
import {
  blockChars,
  captureAdvice,
  claudeConfigDir,
  compactionOf,
  contextTotal,
  countLineProblems,
  digestRequest,
  encodeProjectDir,
  estimateTokens,
  exactNumber,
  isMainChainResponse,
  mcpServerOfTool,
  readContextUsage,
  readSessionCapture,
  roundTokens,
  sessionProjectDir
} from "./chunk-LIGRM5QN.js";
import {
  log
} from "./chunk-AM7EQEUM.js";

// src/version.ts
import { readFileSync } from "fs";
function readPackage() {
  try {
    const raw = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    return { name: String(raw.name ?? "ctx-monitor"), version: String(raw.version ?? "0.0.0") };
  } catch {
    return { name: "ctx-monitor", version: "0.0.0" };
  }
}
var PACKAGE = readPackage();

// src/capture/capture-used.ts
function partsOf(record, tokens) {
  const groups = record.groups ?? { systemPrompt: null, builtInTools: null, servers: {} };
  const part = (name, key, figure) => {
    const unmeasured = figure === null ? tokens.unmeasured[key] : void 0;
    return { part: name, tokens: figure, reason: unmeasured?.reason ?? null, said: unmeasured?.said ?? null };
  };
  return [
    ...groups.systemPrompt ? [part("system prompt", "systemPrompt", tokens.systemPrompt)] : [],
    ...groups.builtInTools ? [part("built-in tools", "builtInTools", tokens.builtInTools)] : [],
    ...Object.keys(groups.servers).map(
      (server) => part(`MCP server ${server}`, `server:${server}`, tokens.servers[server] ?? null)
    )
  ];
}
function captureUsed({ record, tokens }, setAside = null) {
  const parts = partsOf(record, tokens).map(
    (part) => setAside && part.tokens !== null ? { ...part, tokens: null, reason: setAside.reason, said: setAside.said } : part
  );
  return {
    source: record.source,
    time: record.time,
    model: record.model,
    measured: parts.some((part) => part.tokens !== null),
    parts
  };
}

// src/context/breakdown/items.ts
var CATEGORY = {
  systemPrompt: "System prompt",
  systemTools: "System tools",
  mcpTools: "MCP tools",
  customAgents: "Custom agents",
  memoryFiles: "Memory files",
  skills: "Skills",
  userPrompts: "Messages: user prompts",
  assistantText: "Messages: assistant text",
  thinking: "Messages: thinking",
  toolCalls: "Messages: tool calls",
  attachments: "Messages: attachments",
  compactionSummary: "Messages: compaction summary",
  images: "Messages: images",
  harness: "Messages: harness additions",
  /** What neither measured nor estimated parts explain of a measured total (message framing, small parts). */
  unexplained: "Unexplained (framing, small parts)",
  freeSpace: "Free space",
  autocompactBuffer: "Autocompact buffer"
};
function toolResultsCategory(tool) {
  return `Messages: tool results (${tool ? toolDisplayName(tool) : "unknown tool"})`;
}
var ATTACHMENT_CATEGORIES = {
  skill_listing: CATEGORY.skills,
  agent_listing_delta: CATEGORY.customAgents,
  mcp_instructions_delta: CATEGORY.mcpTools,
  deferred_tools_delta: CATEGORY.systemTools,
  nested_memory: CATEGORY.memoryFiles,
  // 2.1.332 sends its environment block as a message with role "system", counted as /context does.
  environment: CATEGORY.systemPrompt,
  memory: CATEGORY.memoryFiles
};
var KIND_CATEGORIES = {
  "user-prompt": CATEGORY.userPrompts,
  "assistant-text": CATEGORY.assistantText,
  thinking: CATEGORY.thinking,
  "tool-call": CATEGORY.toolCalls,
  "compaction-summary": CATEGORY.compactionSummary,
  image: CATEGORY.images,
  harness: CATEGORY.harness,
  "tool-definitions": CATEGORY.mcpTools
};
function categoryOf(item) {
  if (item.kind === "tool-result") return toolResultsCategory(item.tool);
  if (item.kind === "attachment") return ATTACHMENT_CATEGORIES[item.attachmentType ?? ""] ?? CATEGORY.attachments;
  return KIND_CATEGORIES[item.kind];
}
function promptLabel(turn, text) {
  return `user prompt ${turn}: "${redactedLabel(text, 60)}"`;
}

// src/context/breakdown/split.ts
function splitByWeight(total, weights) {
  const parts = weights.map(() => 0);
  if (total <= 0 || weights.length === 0) return parts;
  const weightSum = weights.reduce((sum, weight) => sum + Math.max(0, weight), 0);
  if (weightSum === 0) {
    const share = Math.floor(total / weights.length);
    return parts.map((_, index) => share + (index < total - share * weights.length ? 1 : 0));
  }
  const remainders = [];
  let assigned = 0;
  weights.forEach((weight, index) => {
    const exact = total * Math.max(0, weight) / weightSum;
    const whole = Math.floor(exact);
    parts[index] = whole;
    assigned += whole;
    remainders.push({ index, fraction: exact - whole });
  });
  remainders.sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (let i = 0; i < total - assigned; i++) parts[remainders[i % remainders.length].index] += 1;
  return parts;
}
function shrinkProportionally(holders, amount) {
  const held = holders.reduce((sum, holder) => sum + holder.tokens, 0);
  if (amount <= 0 || held === 0) return Math.max(0, amount);
  if (amount >= held) {
    for (const holder of holders) holder.tokens = 0;
    return amount - held;
  }
  let left = amount;
  for (const holder of holders) {
    const cut = Math.min(holder.tokens, Math.floor(amount * holder.tokens / held));
    holder.tokens -= cut;
    left -= cut;
  }
  for (const holder of holders) {
    if (left === 0) break;
    const cut = Math.min(holder.tokens, left);
    holder.tokens -= cut;
    left -= cut;
  }
  return left;
}

// src/context/breakdown/attribute.ts
var BreakdownBuilder = class {
  /** Paths in labels are shown relative to the project: given, or learnt from the records' cwd. */
  constructor(projectDir = null) {
    this.projectDir = projectDir;
  }
  projectDir;
  items = [];
  open = [];
  baseline = null;
  lastStep = [];
  last = null;
  toolCalls = /* @__PURE__ */ new Map();
  mcpToolsCalled = /* @__PURE__ */ new Set();
  turn = 0;
  compactions = 0;
  lastCompaction = null;
  model = null;
  asOf = null;
  responses = 0;
  /** Digests of the request shapes seen, by Claude Code's shape hash (each shape is written once). */
  shapes = /* @__PURE__ */ new Map();
  requestShapeHash = null;
  responseShapeHash = null;
  /** Characters of each system message blob, by hash. */
  systemBlobs = /* @__PURE__ */ new Map();
  requestSystemChars = 0;
  responseSystemChars = 0;
  deferred = /* @__PURE__ */ new Set();
  add(record) {
    if (record.isSidechain) return;
    this.projectDir ??= record.cwd;
    switch (record.kind) {
      case "assistant":
        if (record.isApiError) return;
        if (isMainChainResponse(record))
          this.response(record.messageId, contextTotal(record.usage), record.model, record.timestamp);
        for (const block of record.content) this.assistantBlock(block);
        return;
      case "user":
        this.userContent(record.content, record.isMeta, record.isCompactSummary);
        return;
      case "attachment":
        this.attachment(record.attachment);
        return;
      case "api-request-shape":
        if (record.shapeHash) this.shapes.set(record.shapeHash, digestRequest(record.shape));
        return;
      case "api-request": {
        this.requestShapeHash = record.shapeHash;
        const added = record.tail.filter((hash) => this.systemBlobs.has(hash)).reduce((sum, hash) => sum + this.systemBlobs.get(hash), 0);
        if (added > 0) this.requestSystemChars = added;
        return;
      }
      case "api-request-blob":
        if (record.role === "system" && record.hash) this.systemBlobs.set(record.hash, record.systemChars);
        return;
      case "compact-boundary":
        this.compactions++;
        this.lastCompaction = compactionOf(record);
        this.items = [];
        this.open = [];
        this.lastStep = [];
        this.baseline = null;
        this.last = null;
        this.toolCalls.clear();
        this.deferred.clear();
        return;
      default:
        return;
    }
  }
  /** An unreadable line still takes its share of the step it was in, by its size. */
  oversized(bytes) {
    const size = bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(0)} MB` : `${Math.ceil(bytes / 1024)} KB`;
    this.open.push(this.item("harness", `a transcript line too large to read (${size})`, bytes));
  }
  snapshot() {
    return {
      usedTokens: this.last?.total ?? 0,
      baseline: this.baseline,
      items: this.items,
      pending: this.open.map((item) => ({ ...item, tokens: estimateTokens(item.chars), exact: false })),
      model: this.model,
      asOf: this.asOf,
      compactions: this.compactions,
      lastCompaction: this.lastCompaction,
      responses: this.responses,
      projectDir: this.projectDir,
      mcpToolsCalled: [...this.mcpToolsCalled],
      requestShape: this.responseShapeHash ? this.shapes.get(this.responseShapeHash) ?? null : null,
      systemMessageChars: this.responseSystemChars,
      deferredTools: [...this.deferred]
    };
  }
  response(messageId, total, model, at) {
    this.model = model ?? this.model;
    this.asOf = at ?? this.asOf;
    this.responseShapeHash = this.requestShapeHash ?? this.responseShapeHash;
    this.responseSystemChars = this.requestSystemChars;
    if (this.last && messageId !== null && messageId === this.last.messageId) {
      if (total > this.last.total) this.grow(total - this.last.total);
      this.last.total = Math.max(total, this.last.total);
      return;
    }
    this.responses++;
    if (!this.last || !this.baseline) {
      this.baseline = { tokens: total, items: this.open };
      this.lastStep = [];
    } else {
      this.closeStep(total - this.last.total);
    }
    this.open = [];
    this.last = { messageId, total };
  }
  /** Shares a measured step among the items added in it. */
  closeStep(delta) {
    const step = this.open.length ? this.open : [this.harnessItem()];
    const exact = step.length === 1;
    if (delta >= 0) {
      const parts = splitByWeight(
        delta,
        step.map((item) => item.chars)
      );
      step.forEach((item, index) => {
        item.tokens = parts[index];
        item.exact = exact;
      });
    } else {
      const estimates = step.map((item) => estimateTokens(item.chars));
      step.forEach((item, index) => {
        item.tokens = estimates[index];
        item.exact = false;
      });
      const left = this.takeBack(estimates.reduce((sum, tokens) => sum + tokens, 0) - delta);
      shrinkProportionally(step, left);
    }
    this.items.push(...step);
    this.lastStep = step;
  }
  /** Takes tokens back from older items (thinking first, as the API drops it first), then the baseline. */
  takeBack(amount) {
    const thinking = this.items.filter((item) => item.kind === "thinking");
    let left = shrinkProportionally(thinking, amount);
    left = shrinkProportionally(this.items, left);
    if (left > 0 && this.baseline) {
      const taken = Math.min(this.baseline.tokens, left);
      this.baseline.tokens -= taken;
      left -= taken;
    }
    this.items = this.items.filter((item) => {
      item.exact = false;
      return item.tokens > 0;
    });
    return left;
  }
  grow(extra) {
    if (this.lastStep.length === 0) {
      if (this.baseline) this.baseline.tokens += extra;
      return;
    }
    const parts = splitByWeight(
      extra,
      this.lastStep.map((item) => item.chars)
    );
    this.lastStep.forEach((item, index) => {
      item.tokens += parts[index];
    });
  }
  harnessItem() {
    return this.item("harness", "not in the transcript: system reminders and other harness additions", 0);
  }
  item(kind, label, chars, extra = {}) {
    return { kind, label, tool: null, path: null, chars, tokens: 0, turn: this.turn, exact: false, ...extra };
  }
  assistantBlock(block) {
    switch (block.type) {
      case "text":
        if (block.text)
          this.open.push(this.item("assistant-text", `assistant text (after prompt ${this.turn})`, block.text.length));
        return;
      case "thinking":
        this.open.push(this.item("thinking", `thinking (after prompt ${this.turn})`, block.thinking.length));
        return;
      case "tool_use": {
        const call = describeToolCall(block.name, block.input, this.projectDir);
        if (block.id) this.toolCalls.set(block.id, call);
        if (block.name.startsWith("mcp__")) this.mcpToolsCalled.add(block.name);
        this.open.push(
          this.item("tool-call", `call ${call.label}`, blockChars(block), { tool: call.name, path: call.path })
        );
        return;
      }
      default:
        this.open.push(this.item("assistant-text", "assistant content", blockChars(block)));
    }
  }
  userContent(content, isMeta, isCompactSummary) {
    const blocks = typeof content === "string" ? [{ type: "text", text: content }] : content;
    let prompt = null;
    for (const block of blocks) {
      if (block.type === "tool_result") {
        const call = this.toolCalls.get(block.toolUseId);
        this.open.push(
          this.item("tool-result", call ? call.label : "result of an unknown tool call", blockChars(block), {
            tool: call?.name ?? null,
            path: call?.path ?? null
          })
        );
      } else if (block.type === "text") {
        const text = classifyUserText(block.text, { isMeta, isCompactSummary });
        if (!text) continue;
        if (text.kind === "compaction-summary")
          this.open.push(this.item("compaction-summary", "compaction summary", block.text.length));
        else if (text.kind === "harness")
          this.open.push(
            this.item("harness", text.tag ? `harness message <${text.tag}>` : "harness message", block.text.length)
          );
        else {
          prompt ??= ++this.turn;
          this.open.push(this.item("user-prompt", promptLabel(prompt, text.text), block.text.length));
        }
      } else if (block.type === "image") {
        this.open.push(this.item("image", "image", block.bytes));
      } else {
        this.open.push(
          this.item(
            "harness",
            `user content (${block.type === "other" ? block.blockType : block.type})`,
            blockChars(block)
          )
        );
      }
    }
  }
  attachment(attachment) {
    const fields = typeof attachment === "object" && attachment !== null ? attachment : {};
    const type = typeof fields.type === "string" ? fields.type : "unknown";
    if (type === "prompt_snapshot") return;
    if (type === "deferred_tools_delta") this.deferredDelta(fields);
    let chars = 0;
    try {
      chars = JSON.stringify(attachment)?.length ?? 0;
    } catch {
      chars = 0;
    }
    this.open.push(this.item("attachment", `attachment: ${type}`, chars, { attachmentType: type }));
  }
  deferredDelta(fields) {
    const names = (value) => Array.isArray(value) ? value.filter((name) => typeof name === "string") : [];
    for (const name of names(fields.addedNames)) this.deferred.add(name);
    for (const name of names(fields.removedNames)) this.deferred.delete(name);
  }
};

// src/context/breakdown/mcp-definitions.ts
function ownServerNames(ownTools, calledTools) {
  const names = /* @__PURE__ */ new Set();
  for (const called of calledTools) {
    const server = mcpServerOf(called);
    if (server && ownTools.some((tool) => called === `mcp__${server}__${tool.name}`)) names.add(server);
  }
  return [...names];
}
function definitionsAsSent(server, tools) {
  const chars = tools.reduce(
    (sum, tool) => sum + JSON.stringify({
      name: `mcp__${server}__${tool.name}`,
      description: tool.description ?? "",
      input_schema: tool.inputSchema
    }).length,
    0
  );
  return { server, tools: tools.length, chars };
}

// src/context/breakdown/memory-files.ts
import { readdirSync, readFileSync as readFileSync2, statSync } from "fs";
import { dirname, isAbsolute, join, resolve } from "path";
var READ_LIMIT = 4 << 20;
var MAX_IMPORT_DEPTH = 5;
var AUTO_MEMORY_LINES = 200;
var RULES_MAX_DEPTH = 6;
var RULES_MAX_FILES = 500;
function importsIn(text) {
  const imports = [];
  let fenced = false;
  for (const line of text.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const outsideCode = line.replace(/`[^`]*`/g, "");
    for (const match of outsideCode.matchAll(/(?:^|\s)@((?:~\/|\.{0,2}\/)?[\w.~/-]*[\w-]\.?[\w]*)/g))
      imports.push(match[1]);
  }
  return imports;
}
function isPathScoped(text) {
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  return frontMatter !== void 0 && /^paths\s*:/m.test(frontMatter);
}
function read(path, maxLines) {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return null;
    if (stat.size > READ_LIMIT) return { chars: stat.size, text: null };
    let text = readFileSync2(path, "utf8");
    if (maxLines !== void 0) text = text.split("\n").slice(0, maxLines).join("\n");
    return { chars: text.length, text };
  } catch {
    return null;
  }
}
function ruleFiles(folder) {
  const found = [];
  const walk = (dir, depth) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (found.length >= RULES_MAX_FILES) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < RULES_MAX_DEPTH) walk(path, depth + 1);
      else if (entry.name.endsWith(".md") && (entry.isFile() || entry.isSymbolicLink())) found.push(path);
    }
  };
  walk(folder, 0);
  return found;
}
function candidatesFor(runtime, projectDir) {
  const config = claudeConfigDir(runtime);
  const candidates = [
    { path: join(config, "CLAUDE.md") },
    ...ruleFiles(join(config, "rules")).map((path) => ({ path, rule: true }))
  ];
  if (!projectDir) return candidates;
  const folders = [];
  for (let folder = projectDir; ; folder = dirname(folder)) {
    folders.push(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of folders.reverse()) {
    candidates.push({ path: join(folder, "CLAUDE.md") }, { path: join(folder, ".claude", "CLAUDE.md") });
    candidates.push(...ruleFiles(join(folder, ".claude", "rules")).map((path) => ({ path, rule: true })));
    candidates.push({ path: join(folder, "CLAUDE.local.md") });
  }
  candidates.push({
    path: join(config, "projects", encodeProjectDir(projectDir), "memory", "MEMORY.md"),
    maxLines: AUTO_MEMORY_LINES
  });
  return candidates;
}
function findMemoryFiles(runtime, projectDir) {
  const seen = /* @__PURE__ */ new Set();
  const files = [];
  const visit = (path, depth, candidate = { path }) => {
    if (seen.has(path)) return;
    seen.add(path);
    const found = read(path, candidate.maxLines);
    if (!found || found.chars === 0) return;
    if (candidate.rule && found.text !== null && isPathScoped(found.text)) return;
    files.push({ path, chars: found.chars });
    if (depth >= MAX_IMPORT_DEPTH || found.text === null) return;
    for (const target of importsIn(found.text)) {
      const resolved = target.startsWith("~/") ? join(runtime.homeDir, target.slice(2)) : isAbsolute(target) ? target : resolve(dirname(path), target);
      visit(resolved, depth + 1);
    }
  };
  for (const candidate of candidatesFor(runtime, projectDir)) visit(candidate.path, 0, candidate);
  return files;
}

// src/context/breakdown/baseline.ts
function systemPromptShare(model) {
  return model && /sonnet|haiku/.test(model) ? 0.25 : 0.09;
}
function memoryFileChars(file) {
  return file.chars + file.path.length + 70;
}
function memoryItem(file) {
  return {
    kind: "attachment",
    label: `memory file ${file.path}`,
    tool: null,
    path: file.path,
    chars: memoryFileChars(file),
    tokens: 0,
    turn: 0,
    exact: false,
    attachmentType: "memory"
  };
}
function definitionItem(server, tools, chars, deferred = 0) {
  const deferredNote = deferred > 0 ? `; ${deferred} more deferred behind ToolSearch` : "";
  return {
    kind: "tool-definitions",
    label: `tool definitions of MCP server ${server} (${tools} tools${deferredNote})`,
    tool: null,
    path: null,
    chars,
    tokens: 0,
    turn: 0,
    exact: false,
    mcpServer: server,
    deferredTools: deferred
  };
}
function sizedPart(category, label, chars) {
  return {
    kind: "harness",
    label,
    tool: null,
    path: null,
    chars,
    tokens: 0,
    turn: 0,
    exact: false,
    baselineCategory: category
  };
}
function shapeItems(shape, known) {
  const servers = new Map(shape.mcpServers.map((server) => [server.server, { ...server }]));
  const inRequest = new Set(shape.parts.filter((part) => part.kind === "tool").map((part) => part.name));
  for (const name of new Set(known.deferredTools ?? [])) {
    const server = mcpServerOfTool(name);
    if (!server || inRequest.has(name)) continue;
    const entry = servers.get(server) ?? { server, tools: 0, chars: 0, deferredTools: 0 };
    entry.deferredTools++;
    servers.set(server, entry);
  }
  const definitions = [...servers.values()].map(
    (server) => measured(
      definitionItem(server.server, server.tools, server.chars, server.deferredTools),
      known.measuredTokens?.servers[server.server]
    )
  );
  const builtIn = measured(
    sizedPart(CATEGORY.systemTools, "built-in tool definitions", shape.builtInToolChars),
    known.measuredTokens?.builtInTools
  );
  const system = measured(
    sizedPart(CATEGORY.systemPrompt, "system prompt", shape.systemPromptChars + (known.systemMessageChars ?? 0)),
    known.measuredTokens?.systemPrompt
  );
  return system.exact ? { fixed: [system, builtIn, ...definitions], flexible: [] } : { fixed: [builtIn, ...definitions], flexible: [system] };
}
function measured(item, tokens) {
  return typeof tokens === "number" ? { ...item, tokens, exact: true } : item;
}
function splitBaseline(tokens, contentItems, known, model) {
  const content = [...contentItems.map((item) => ({ ...item })), ...known.memoryFiles.map(memoryItem)];
  if (known.requestShape) {
    const exactEnvironment = (known.systemMessageChars ?? 0) > 0 || known.requestShape.parts.some((part) => part.kind === "system-message");
    const sent = exactEnvironment ? content.filter((item) => item.attachmentType !== "environment") : content;
    return fitShape(tokens, sent, shapeItems(known.requestShape, known));
  }
  const items = [
    ...content,
    ...known.mcpDefinitions.map(
      (definitions) => definitionItem(definitions.server, definitions.tools, definitions.chars)
    )
  ];
  const rest = tokens - estimateWithin(tokens, items);
  const [systemPrompt, systemTools] = splitByWeight(rest, [systemPromptShare(model), 1 - systemPromptShare(model)]);
  return group(items, [
    [CATEGORY.systemPrompt, systemPrompt ?? 0, false],
    [CATEGORY.systemTools, systemTools ?? 0, false]
  ]);
}
function fitShape(tokens, content, { fixed, flexible }) {
  const measuredTotal = fixed.filter((item) => item.exact).reduce((sum, item) => sum + item.tokens, 0);
  if (measuredTotal > 0 && measuredTotal <= tokens) return fitAroundMeasured(tokens, content, fixed, flexible);
  for (const item of fixed) item.exact = false;
  const flexibleAll = [...flexible, ...fixed.filter((item) => item.baselineCategory === CATEGORY.systemPrompt)];
  const fixedAll = fixed.filter((item) => !flexibleAll.includes(item));
  const shared = [...flexibleAll, ...content];
  const fixedEstimates = fixedAll.map((item) => estimateTokens(item.chars));
  const fixedTotal = fixedEstimates.reduce((sum, value) => sum + value, 0);
  if (fixedTotal <= tokens) {
    fixedAll.forEach((item, index) => {
      item.tokens = fixedEstimates[index];
    });
    const parts = splitByWeight(
      tokens - fixedTotal,
      shared.map((item) => item.chars)
    );
    shared.forEach((item, index) => {
      item.tokens = parts[index];
    });
  } else {
    const all = [...fixedAll, ...shared];
    const parts = splitByWeight(
      tokens,
      all.map((item) => item.chars)
    );
    all.forEach((item, index) => {
      item.tokens = parts[index];
    });
  }
  return grouped([...fixedAll, ...shared], []);
}
function estimateWithin(room, items) {
  const estimates = items.map((item) => estimateTokens(item.chars));
  const estimated = estimates.reduce((sum, value) => sum + value, 0);
  const fitted = estimated > room ? splitByWeight(room, estimates) : estimates;
  items.forEach((item, index) => {
    item.tokens = fitted[index];
  });
  return fitted.reduce((sum, value) => sum + value, 0);
}
function fitAroundMeasured(tokens, content, fixed, flexible) {
  const exact = fixed.filter((item) => item.exact);
  const estimatedItems = [...fixed.filter((item) => !item.exact), ...flexible, ...content];
  const room = tokens - exact.reduce((sum, item) => sum + item.tokens, 0);
  const unexplained = room - estimateWithin(room, estimatedItems);
  return grouped([...exact, ...estimatedItems], unexplained > 0 ? [[CATEGORY.unexplained, unexplained, false]] : []);
}
function grouped(sized, extra) {
  return group(
    sized.filter((item) => !item.baselineCategory),
    [
      ...sized.filter((item) => item.baselineCategory).map((item) => [item.baselineCategory, item.tokens, item.exact]),
      ...extra
    ]
  );
}
function group(items, totals) {
  const parts = /* @__PURE__ */ new Map();
  const part = (category) => {
    let found = parts.get(category);
    if (!found) {
      found = { category, tokens: 0, exact: true, items: [] };
      parts.set(category, found);
    }
    return found;
  };
  for (const [category, tokens, exact] of totals) {
    const target = part(category);
    target.tokens += tokens;
    target.exact &&= exact;
  }
  for (const item of items) {
    const target = part(item.attachmentType === "memory" ? CATEGORY.memoryFiles : categoryOf(item));
    target.tokens += item.tokens;
    target.exact &&= item.exact;
    target.items.push(item);
  }
  return [...parts.values()];
}

// src/context/breakdown/summarize.ts
var TOP_ITEMS = 15;
var TOP_REPEATED_READS = 10;
var TOP_TOOLS = 20;
var percent = (tokens, window) => window > 0 ? Math.round(tokens / window * 1e3) / 10 : 0;
function summarizeBreakdown(attribution, known, figures) {
  const { contextWindow, autocompactAt } = figures;
  const parts = baselineParts(attribution, known);
  const baselineItems = parts.flatMap((part) => part.items);
  const allTools = toolTotals(attribution.items);
  const core = {
    usedTokens: attribution.usedTokens,
    contextWindow,
    categories: windowCategories(attribution, parts, figures),
    topItems: topItemsOf([...baselineItems, ...attribution.items]),
    repeatedReads: readsByPath(attribution.items).slice(0, TOP_REPEATED_READS),
    tools: allTools.slice(0, TOP_TOOLS),
    mcpServers: mcpTotals(allTools, baselineItems),
    pendingTokens: attribution.pending.reduce((sum, item) => sum + item.tokens, 0),
    compactions: attribution.compactions,
    lastCompaction: withDroppedTokens(attribution.lastCompaction),
    model: attribution.model,
    asOf: attribution.asOf,
    advice: []
  };
  core.advice = adviseOn(core, autocompactAt);
  return core;
}
function baselineParts(attribution, known) {
  return attribution.baseline ? splitBaseline(attribution.baseline.tokens, attribution.baseline.items, known, attribution.model) : [];
}
function windowCategories(attribution, parts, figures) {
  const { contextWindow, autocompactAt } = figures;
  const totals = /* @__PURE__ */ new Map();
  const add = (name, tokens, estimated) => {
    const entry = totals.get(name) ?? { tokens: 0, estimated: false };
    entry.tokens += tokens;
    entry.estimated ||= estimated;
    totals.set(name, entry);
  };
  for (const part of parts) add(part.category, part.tokens, !part.exact);
  for (const item of attribution.items) add(categoryOf(item), item.tokens, !item.exact);
  const order = Object.values(CATEGORY);
  const rank = (name) => order.includes(name) ? order.indexOf(name) : order.indexOf(CATEGORY.compactionSummary) + 0.5;
  const categories = [...totals.entries()].filter(([, entry]) => entry.tokens > 0).sort(([a, x], [b, y]) => rank(a) - rank(b) || y.tokens - x.tokens).map(([name, entry]) => ({
    name,
    tokens: entry.tokens,
    estimated: entry.estimated,
    percentOfWindow: percent(entry.tokens, contextWindow)
  }));
  const buffer = autocompactAt === null ? 0 : Math.max(0, contextWindow - autocompactAt);
  const free = Math.max(0, contextWindow - attribution.usedTokens - buffer);
  categories.push({
    name: CATEGORY.freeSpace,
    tokens: free,
    estimated: false,
    percentOfWindow: percent(free, contextWindow)
  });
  if (buffer > 0)
    categories.push({
      name: CATEGORY.autocompactBuffer,
      tokens: buffer,
      estimated: true,
      percentOfWindow: percent(buffer, contextWindow)
    });
  return categories;
}
function topItemsOf(everything) {
  return everything.filter((item) => item.tokens > 0).sort((a, b) => b.tokens - a.tokens).slice(0, TOP_ITEMS).map((item) => ({
    label: item.label,
    tokens: item.tokens,
    turn: item.turn,
    category: item.attachmentType === "memory" ? CATEGORY.memoryFiles : categoryOf(item),
    tool: item.tool,
    path: item.path,
    estimated: !item.exact
  }));
}
function withDroppedTokens(compaction) {
  if (!compaction) return null;
  const droppedTokens = compaction.preTokens !== null && compaction.postTokens !== null ? compaction.preTokens - compaction.postTokens : null;
  return { ...compaction, droppedTokens };
}
function readsByPath(items) {
  const reads = /* @__PURE__ */ new Map();
  for (const item of items) {
    if (item.tool !== "Read" || item.kind !== "tool-result" || !item.path) continue;
    const entry = reads.get(item.path) ?? { path: item.path, reads: 0, tokens: 0 };
    entry.reads++;
    entry.tokens += item.tokens;
    reads.set(item.path, entry);
  }
  return [...reads.values()].filter((entry) => entry.reads > 1).sort((a, b) => b.tokens - a.tokens);
}
function toolTotals(items) {
  const tools = /* @__PURE__ */ new Map();
  for (const item of items) {
    if (!item.tool || item.kind !== "tool-call" && item.kind !== "tool-result") continue;
    const entry = tools.get(item.tool) ?? { name: item.tool, calls: 0, tokens: 0 };
    if (item.kind === "tool-call") entry.calls++;
    entry.tokens += item.tokens;
    tools.set(item.tool, entry);
  }
  return [...tools.values()].sort((a, b) => b.tokens - a.tokens);
}
function mcpTotals(tools, baselineItems) {
  const servers = /* @__PURE__ */ new Map();
  const entry = (name) => {
    let found = servers.get(name);
    if (!found) {
      found = { name, calls: 0, tokens: 0, definitionTokens: null, definitionsEstimated: null, deferredTools: null };
      servers.set(name, found);
    }
    return found;
  };
  for (const tool of tools) {
    const server = mcpServerOf(tool.name);
    if (!server) continue;
    entry(server).calls += tool.calls;
    entry(server).tokens += tool.tokens;
  }
  for (const item of baselineItems) {
    if (item.kind !== "tool-definitions" || !item.mcpServer) continue;
    entry(item.mcpServer).definitionTokens = item.tokens;
    entry(item.mcpServer).definitionsEstimated = !item.exact;
    entry(item.mcpServer).deferredTools = item.deferredTools ?? null;
  }
  const cost = (server) => server.tokens + (server.definitionTokens ?? 0);
  return [...servers.values()].sort((a, b) => cost(b) - cost(a));
}
function adviseOn(core, autocompactAt) {
  const advice = [];
  const used = Math.max(1, core.usedTokens);
  for (const read2 of core.repeatedReads.slice(0, 3)) {
    if (read2.tokens < 2e3) continue;
    advice.push(
      `${read2.reads} reads of ${read2.path} cost ${roundTokens(read2.tokens)}; avoid re-reading it (use offset/limit or Grep for the part you need).`
    );
  }
  for (const item of core.topItems.slice(0, 5)) {
    if (item.category.startsWith("Messages: tool results") && item.tokens >= Math.max(1e4, used * 0.1)) {
      advice.push(
        `${item.label} returned ${roundTokens(item.tokens)} (${Math.round(item.tokens / used * 100)}% of the context); ask for less output next time (head, grep, a narrower range).`
      );
    }
  }
  const memory = core.categories.find((category) => category.name === CATEGORY.memoryFiles);
  if (memory && memory.tokens >= 5e3 && memory.tokens >= used * 0.1) {
    advice.push(
      `Memory files (CLAUDE.md, rules) cost ~${roundTokens(memory.tokens)} in every request; move what is rarely needed into rules scoped with paths: front matter, which load only for matching files.`
    );
  }
  const toolResults = core.categories.filter((category) => category.name.startsWith("Messages: tool results")).reduce((sum, category) => sum + category.tokens, 0);
  if (toolResults > used * 0.5)
    advice.push(
      `Tool results are ${Math.round(toolResults / used * 100)}% of the context; delegate broad searches to a subagent so only its report stays here.`
    );
  if (autocompactAt !== null) {
    const left = autocompactAt - core.usedTokens;
    if (left <= autocompactAt * 0.15) {
      advice.push(
        `About ${roundTokens(Math.max(0, left))} left before auto-compaction at ${roundTokens(autocompactAt)}: call write_handoff now.`
      );
    }
  }
  if (core.lastCompaction?.droppedTokens) {
    advice.push(
      `The last compaction dropped ${exactNumber(core.lastCompaction.droppedTokens)} tokens; check the handoff or the summary before relying on earlier detail.`
    );
  }
  return advice;
}

// src/context/breakdown/read-breakdown.ts
function breakdownReader() {
  return new IncrementalReader(() => new BreakdownBuilder());
}
function createBreakdownDeps(runtime, usage, ownTools) {
  return { runtime, usage, reader: breakdownReader(), ownTools };
}
async function readContextBreakdown(request, deps) {
  const usage = await readContextUsage(request, deps.usage);
  const parsed = deps.reader.read(usage.transcriptPath);
  const measured2 = parsed.reducer.snapshot();
  const projectDir = sessionProjectDir(deps.runtime, request.projectDir, measured2.projectDir);
  const memoryFiles = findMemoryFiles(deps.runtime, projectDir);
  const capture = usage.subagent ? null : await readSessionCapture(deps.runtime, usage.sessionId, projectDir);
  const fromCapture = !measured2.requestShape && capture !== null;
  const requestShape = measured2.requestShape ?? capture?.record.request ?? null;
  const mcpDefinitions = requestShape ? [] : await ownDefinitions(deps, measured2.mcpToolsCalled);
  const { attribution, estimated } = withEstimatedBaseline(measured2, usage);
  const sameShape = capture && (fromCapture || capture.record.request.shapeHash === measured2.requestShape?.shapeHash);
  const setAside = capture ? measurementsSetAside(deps.runtime, sameShape === true, capture, attribution) : null;
  const core = summarizeBreakdown(
    attribution,
    {
      memoryFiles,
      mcpDefinitions,
      requestShape,
      systemMessageChars: fromCapture ? 0 : measured2.systemMessageChars,
      deferredTools: measured2.deferredTools,
      measuredTokens: capture && sameShape && !setAside ? capture.tokens : null
    },
    { contextWindow: usage.contextWindow, autocompactAt: usage.autocompactAt }
  );
  return {
    sessionId: usage.sessionId,
    transcriptPath: usage.transcriptPath,
    sessionSource: usage.sessionSource,
    subagent: usage.subagent,
    windowSource: usage.windowSource,
    autocompactAt: usage.autocompactAt,
    status: usage.status,
    estimated,
    fresh: usage.fresh,
    skippedLines: countLineProblems(parsed.problems),
    memoryFiles: memoryFiles.map((file) => ({ ...file })),
    capture: capture ? captureUsed(capture, setAside) : null,
    captureAdvice: capture || usage.subagent ? null : captureAdvice(),
    ...core,
    summary: summarize(core)
  };
}
async function ownDefinitions(deps, calledTools) {
  if (calledTools.length === 0) return [];
  try {
    const ownTools = await deps.ownTools();
    return ownServerNames(ownTools, calledTools).map((server) => definitionsAsSent(server, ownTools));
  } catch (error) {
    log(
      `could not list ctx-monitor's own tools to size them: ${error instanceof Error ? error.message : String(error)}`
    );
    return [];
  }
}
function measurementsSetAside(runtime, sameShape, capture, attribution) {
  const at = runtime.now().toISOString();
  if (!sameShape)
    return {
      reason: "other-shape",
      said: "measured on the newest captured request, whose system prompt or tools differ from the transcript's",
      at
    };
  const { systemPrompt, builtInTools, servers } = capture.tokens;
  const sum = (systemPrompt ?? 0) + (builtInTools ?? 0) + Object.values(servers).reduce((a, b) => a + b, 0);
  if (attribution.baseline && sum > attribution.baseline.tokens)
    return {
      reason: "other-shape",
      said: `count_tokens' figures for the newest captured request (${sum}) exceed the session's first request in all (${attribution.baseline.tokens}): it was sent with fewer parts (an MCP server connected, or tools loaded, later)`,
      at
    };
  return null;
}
function withEstimatedBaseline(attribution, usage) {
  if (attribution.baseline || usage.usedTokens === 0) return { attribution, estimated: false };
  return {
    attribution: {
      ...attribution,
      usedTokens: usage.usedTokens,
      baseline: { tokens: usage.usedTokens, items: attribution.pending },
      pending: []
    },
    estimated: true
  };
}
function summarize(core) {
  if (core.usedTokens === 0) {
    return `No model response recorded in this transcript yet: nothing fills the ${roundTokens(core.contextWindow)}-token window to break down.`;
  }
  const used = Math.max(1, core.usedTokens);
  const biggest = core.categories.filter((category) => category.name !== "Free space" && category.name !== "Autocompact buffer").sort((a, b) => b.tokens - a.tokens).slice(0, 3).map(
    (category) => `${category.name} ${roundTokens(category.tokens)} (${Math.round(category.tokens / used * 100)}%)`
  );
  const top = core.topItems[0];
  const parts = [
    `${roundTokens(core.usedTokens)} of ${roundTokens(core.contextWindow)} used; of that, ${biggest.join(", ")}.`
  ];
  if (top) parts.push(`Largest item: ${top.label} (${roundTokens(top.tokens)}).`);
  if (core.advice[0]) parts.push(core.advice[0]);
  return parts.join(" ");
}

export {
  PACKAGE,
  CATEGORY,
  BreakdownBuilder,
  createBreakdownDeps,
  readContextBreakdown
};
