// get_context_usage as the real Claude Code client calls it: the answer the model receives must
// equal the exact context size of the request whose response made the call.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { digestRequest } from "../../src/capture/request-digest.ts";
import { CLI_PATH } from "../support/built-server.ts";
import { e2eVersions } from "./claude-binary.ts";
import { ours, SUBAGENT_MARKER, text, toolUse } from "./fake-api/script.ts";
import { mainRequests, openScenario as openScenarioOf } from "./scenario.ts";
import { findToolExchange, toolJson } from "./tool-results.ts";

interface Usage {
  usedTokens: number;
  contextWindow: number;
  windowSource: string;
  fresh: boolean;
  estimated: boolean;
  sessionId: string;
  sessionSource: string;
  model: string;
}

const SLOW_START = fileURLToPath(new URL("./slow-start.cjs", import.meta.url));

const usageCall = () => toolUse(ours("get_context_usage"));

describe.concurrent.each(e2eVersions())("get_context_usage through the real Claude Code %s", (version) => {
  const openScenario = (script: Parameters<typeof openScenarioOf>[0]) => openScenarioOf(script, version);

  it("1. after a Bash call, equals the exact total of the request that called it", async () => {
    const call = usageCall();
    await using scenario = await openScenario({
      main: [[text("Running it."), toolUse("Bash", { command: "echo hello", description: "say hello" })], [call]],
    });
    const result = await scenario.sandbox.claude([
      "-p",
      "say hello, then check the context budget",
      "--model",
      "claude-sonnet-4-5",
    ]);
    const exchange = findToolExchange(scenario.api.requests, call.id);
    const usage = toolJson<Usage & { transcriptPath: string }>(exchange);
    expect(usage.usedTokens).toBe(exchange.callingRequest.total);
    // The session found is the caller's; which of the equally good sources answered first may vary.
    expect(usage).toMatchObject({
      fresh: true,
      estimated: false,
      sessionId: result.session_id,
      transcriptPath: scenario.sandbox.transcriptPath(result.session_id),
    });
    expect(usage.sessionSource).not.toBe("newest-in-project");
  });

  it("9. the agent runs `ctx-monitor usage --json` in its Bash tool: its own session, from the environment Claude Code gives", async () => {
    const bash = toolUse("Bash", {
      command: `"${process.execPath}" "${CLI_PATH}" usage --json`,
      description: "check the context budget",
    });
    const first = toolUse("Bash", { command: "echo warming up", description: "a first step" });
    await using scenario = await openScenario({ main: [[text("Looking around."), first], [bash], [text("Done.")]] });
    await scenario.sandbox.claude(["-p", "check the context budget from the shell", "--model", "claude-sonnet-4-5"]);
    const exchange = findToolExchange(scenario.api.requests, bash.id);
    const usage = toolJson<Usage & { transcriptPath: string }>(exchange);
    const mains = mainRequests(scenario.api);
    console.log(
      `scenario 9: CLI in Bash says ${usage.usedTokens}; calling request ${exchange.callingRequest.total}; mains ${mains.map((r) => r.total).join(",")}`,
    );
    expect(usage.estimated).toBe(false);
    expect(usage.transcriptPath).toBe(scenario.sandbox.transcriptPath(usage.sessionId));
    expect([exchange.callingRequest.total, mains[mains.indexOf(exchange.callingRequest) - 1]?.total]).toContain(
      usage.usedTokens,
    );
  });

  it("1b. after four steps, the pace is the growth per step of the requests' exact totals", async () => {
    const call = usageCall();
    const steps = [1, 2, 3].map((n) => [toolUse("Bash", { command: `seq 1 ${n * 300}`, description: `numbers ${n}` })]);
    await using scenario = await openScenario({ main: [...steps, [call]] });
    await scenario.sandbox.claude([
      "-p",
      "print some numbers three times, then check the budget",
      "--model",
      "claude-sonnet-4-6",
    ]);
    const exchange = findToolExchange(scenario.api.requests, call.id);
    const usage = toolJson<Usage & { tokensPerStep: number; stepsUntilAutocompact: number }>(exchange);
    const mains = mainRequests(scenario.api);
    const calling = mains.indexOf(exchange.callingRequest);
    expect(calling).toBe(3);
    // The median of the three steps' growth: one large step does not set the pace.
    const growth = [1, 2, 3].map((i) => mains[i]!.total - mains[i - 1]!.total).sort((a, b) => a - b);
    const expected = growth[1]!;
    console.log(
      `scenario 1b: pace ${usage.tokensPerStep} per step (from totals ${mains
        .slice(0, 4)
        .map((r) => r.total)
        .join(", ")}), ${usage.stepsUntilAutocompact} steps left`,
    );
    expect(usage.tokensPerStep).toBe(expected);
    expect(usage.stepsUntilAutocompact).toBe(Math.floor((167_000 - usage.usedTokens) / expected));
  });

  it("2. right after a ~200 KB Read, counts the file (a stale answer would be off by ~50k)", async () => {
    const call = usageCall();
    await using scenario = await openScenario({ main: [] });
    const file = join(scenario.sandbox.project, "big.txt");
    // 2,000 lines (the most Read returns by default) of 100 characters: ~200 KB.
    writeFileSync(file, `${"the quick brown fox jumps over the lazy dog; ".repeat(2)}${"x".repeat(9)}\n`.repeat(2_000));
    scenario.api.setScript({ main: [[toolUse("Read", { file_path: file })], [call]] });
    // Read caps what it returns at 25,000 tokens of its own estimate; Claude Code's setting lifts the
    // cap so the whole file enters the context.
    await scenario.sandbox.claude(
      ["-p", "read big.txt, then check the context budget", "--model", "claude-sonnet-4-5"],
      {
        CLAUDE_CODE_FILE_READ_MAX_OUTPUT_TOKENS: "100000",
      },
    );
    const exchange = findToolExchange(scenario.api.requests, call.id);
    const usage = toolJson<Usage>(exchange);
    const main = mainRequests(scenario.api);
    const before = main[main.indexOf(exchange.callingRequest) - 1];
    const added = exchange.callingRequest.total - (before?.total ?? 0);
    process.stderr.write(`scenario 2: the Read added ${added} tokens\n`);
    expect(added).toBeGreaterThan(40_000);
    expect(usage.usedTokens).toBe(exchange.callingRequest.total);
    expect(usage.fresh).toBe(true);
  });

  it("3. called in the same response as another tool_use", async () => {
    const call = usageCall();
    await using scenario = await openScenario({
      main: [[text("Both at once."), toolUse("Bash", { command: "ls", description: "list" }), call]],
    });
    await scenario.sandbox.claude(["-p", "list files and check the budget", "--model", "claude-sonnet-4-5"]);
    const exchange = findToolExchange(scenario.api.requests, call.id);
    expect(toolJson<Usage>(exchange).usedTokens).toBe(exchange.callingRequest.total);
  });

  it("4. after a subagent with much larger totals, reports the main chain's figures", async () => {
    const call = usageCall();
    await using scenario = await openScenario({
      main: [
        [
          toolUse("Agent", {
            description: "Check files",
            prompt: `${SUBAGENT_MARKER} List the files and report.`,
            subagent_type: "general-purpose",
          }),
        ],
        [call],
      ],
      subagent: [[toolUse("Bash", { command: "ls", description: "list" })], [text("Subagent report: 3 files.")]],
    });
    await scenario.sandbox.claude(["-p", "delegate a check, then check the budget", "--model", "claude-sonnet-4-5"]);
    const subagentTotals = scenario.api.requests
      .filter((request) => request.kind === "subagent")
      .map((request) => request.total);
    expect(subagentTotals.length).toBeGreaterThan(0);
    const exchange = findToolExchange(scenario.api.requests, call.id);
    const usage = toolJson<Usage>(exchange);
    expect(usage.usedTokens).toBe(exchange.callingRequest.total);
    expect(Math.min(...subagentTotals)).toBeGreaterThan(usage.usedTokens);
  });

  it("4b. called by a subagent: the subagent's own context, exactly, and fresh", async () => {
    const call = usageCall();
    await using scenario = await openScenario({
      main: [
        [
          toolUse("Agent", {
            description: "Check budget",
            prompt: `${SUBAGENT_MARKER} Check your context budget.`,
            subagent_type: "general-purpose",
          }),
        ],
      ],
      subagent: [[call], [text("Subagent report: budget checked.")]],
    });
    await scenario.sandbox.claude(["-p", "delegate a budget check", "--model", "claude-sonnet-4-5"]);
    const exchange = findToolExchange(scenario.api.requests, call.id);
    expect(exchange.callingRequest.kind).toBe("subagent");
    const usage = toolJson<Usage & { subagent: { description: string } | null }>(exchange);
    expect(usage).toMatchObject({
      fresh: true,
      usedTokens: exchange.callingRequest.total,
      subagent: { description: "Check budget" },
    });
  });

  it("5. after /compact, estimates within 5% of the next real request (a file read and re-attached, the default model)", async () => {
    await using scenario = await openScenario({ main: [] });
    const { sandbox, api } = scenario;
    const notes = join(sandbox.project, "notes.md");
    writeFileSync(notes, `# Notes\n${"A project note that the next context still needs.\n".repeat(200)}`);
    api.setScript({
      main: [
        [toolUse("Read", { file_path: notes })],
        [toolUse("Bash", { command: "seq 1 3000", description: "numbers" })],
        [text("Counted.")],
      ],
    });
    const first = await sandbox.claude(["-p", "read the notes, then count to 3000"]);
    await sandbox.claude(["-p", "/compact", "--resume", first.session_id]);
    const estimate = JSON.parse(await sandbox.ctxMonitor(["usage", "--session", first.session_id, "--json"])) as Usage;
    expect(estimate.estimated).toBe(true);
    api.setScript({ main: [[text("Continuing.")]] });
    const before = api.requests.length;
    await sandbox.claude(["-p", "continue", "--resume", first.session_id]);
    const next = api.requests.slice(before).find((request) => request.kind === "main");
    expect(next).toBeDefined();
    const error = (estimate.usedTokens - next!.total) / next!.total;
    process.stderr.write(
      `scenario 5 (${version}): estimated ${estimate.usedTokens} after /compact, next request ${next!.total}: error ${(error * 100).toFixed(1)}%\n`,
    );
    expect(Math.abs(error)).toBeLessThan(0.05);
    const after = JSON.parse(await sandbox.ctxMonitor(["usage", "--session", first.session_id, "--json"])) as Usage;
    expect(after).toMatchObject({ estimated: false, usedTokens: next!.total });
  });

  it.each([
    ["claude-sonnet-4-5", ["--model", "claude-sonnet-4-5"]],
    ["the default model", []],
  ])("6. contextWindow equals Claude Code's own for %s", async (_name, modelArgs) => {
    const call = usageCall();
    await using scenario = await openScenario({ main: [[call]] });
    const result = await scenario.sandbox.claude(["-p", "check the budget", ...modelArgs]);
    const windows = Object.values(result.modelUsage ?? {}).map((model) => model.contextWindow);
    expect(windows.length).toBeGreaterThan(0);
    const usage = toolJson<Usage>(findToolExchange(scenario.api.requests, call.id));
    expect(usage.contextWindow).toBe(windows[0]);
  });

  it("6b. a -p session resumed without --model: Claude Code's own window, from the Claude Code process's arguments", async () => {
    const call = usageCall();
    await using scenario = await openScenario({ main: [[text("Started.")]] });
    const first = await scenario.sandbox.claude(["-p", "start"]);
    scenario.api.setScript({ main: [[call]] });
    const resumed = await scenario.sandbox.claude(["-p", "check the budget", "--resume", first.session_id]);
    const claudeWindow = Object.values(resumed.modelUsage ?? {})[0]?.contextWindow;
    const usage = toolJson<Usage & { windowAssumedBecause: string | null; summary: string }>(
      findToolExchange(scenario.api.requests, call.id),
    );
    console.log(
      `scenario 6b (${version}): Claude Code runs the resumed session at ${claudeWindow}; ctx-monitor says ${usage.contextWindow} (${usage.windowSource})`,
    );
    // 2.1.197 runs the resumed default model at 200k under the same model id as the 1M first run: nothing in
    // the transcript tells, but the Claude Code process's own arguments (-p, --resume, no --model) do.
    expect(usage.contextWindow).toBe(claudeWindow);
    expect(usage.windowSource).not.toBe("assumed");
  });

  it("10. the first request offers get_context_usage without a search; ToolSearch finds the others by their hints", async () => {
    const search = toolUse("ToolSearch", { query: "save progress before compaction" });
    await using scenario = await openScenario({ main: [[search], [text("Found it.")]] });
    await scenario.sandbox.claude(["-p", "find a way to save progress"]);
    const first = mainRequests(scenario.api)[0]!;
    const offered = digestRequest(first.body);
    const names = offered.parts.filter((part) => part.kind === "tool" && !part.deferred).map((part) => part.name);
    expect(names).toContain(ours("get_context_usage"));
    if (!offered.toolSearch) return; // 2.1.197 sends every MCP tool in full and has no ToolSearch.
    expect(names).not.toContain(ours("write_handoff"));
    // The search matched write_handoff by its hint, and Claude Code sent its definition with the result.
    const loaded = (findToolExchange(scenario.api.requests, search.id).resultRequest.body.tools ?? []).map(
      (tool) => tool.name,
    );
    expect(loaded).toContain(ours("write_handoff"));

    // Always loaded, it is there even when the server starts slowly and Claude Code connects as it does
    // by default (without waiting for MCP servers).
    scenario.api.setScript({ main: [[text("Nothing to do.")]] });
    const before = scenario.api.requests.length;
    await scenario.sandbox.claude(["-p", "hello"], {
      MCP_CONNECTION_NONBLOCKING: "",
      NODE_OPTIONS: `--require ${SLOW_START}`,
      E2E_MCP_DELAY_MS: "3000",
    });
    const slow = scenario.api.requests.slice(before).find((request) => request.kind === "main")!;
    expect((slow.body.tools ?? []).map((tool) => tool.name)).toContain(ours("get_context_usage"));
  });
});
