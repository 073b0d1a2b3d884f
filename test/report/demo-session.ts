// A session shaped like a long working day, for the README's pictures: reads, test runs and edits
// that climb to the auto-compact point, an automatic compaction, a handoff, and a subagent with its
// own transcript. Written with the same line builder as the tests.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  assistantResponse,
  compactBoundary,
  compactSummary,
  text,
  toolResult,
  toolUse,
  transcript,
  userPrompt,
} from "../support/transcript-builder.ts";

const DEMO_SESSION_ID = "5e55a1d0-7c3b-4d2e-9f10-2b6c8d4e0a11";
const START = Date.UTC(2026, 0, 12, 9, 0, 0);

const CALLS = [
  { name: "Read", input: (i: number) => ({ file_path: `/home/user/shop/src/cart/pricing-${i % 7}.ts` }), grows: 6_500 },
  { name: "Bash", input: (i: number) => ({ command: `npm test -- cart/pricing-${i % 7}` }), grows: 2_800 },
  { name: "Grep", input: (i: number) => ({ pattern: `applyDiscount${i % 5}`, path: "src" }), grows: 700 },
  { name: "Edit", input: (i: number) => ({ file_path: `/home/user/shop/src/cart/pricing-${i % 7}.ts` }), grows: 400 },
];

export function writeDemoSession(projectFolder: string): string {
  mkdirSync(projectFolder, { recursive: true });
  const lines: Array<string | string[]> = [];
  let at = START;
  const stamp = (seconds: number) => {
    at += seconds * 1000;
    return { timestamp: new Date(at).toISOString(), sessionId: DEMO_SESSION_ID, cwd: "/home/user/shop" };
  };
  let total = 24_000;
  const step = (index: number, extraBlocks: Array<Record<string, unknown>> = []) => {
    const call = CALLS[index % CALLS.length]!;
    const use = toolUse(call.name, call.input(index));
    lines.push(
      assistantResponse(
        { input: 4, cacheCreation: 900, cacheRead: total, output: 220 },
        [text("Next step."), use, ...extraBlocks],
        stamp(35),
      ),
    );
    // Results about as large as the growth they cause (~3.5 characters a token).
    lines.push(
      toolResult(
        use.id,
        "const price = applyDiscount(cart, rule);\n".repeat(Math.round((call.grows * 3.5) / 42)),
        stamp(4),
      ),
    );
    total += call.grows + ((index * 37) % 9) * 180;
  };
  lines.push(userPrompt("Refactor the cart pricing so discounts stack correctly, with tests.", stamp(0)));
  for (let i = 0; i < 26; i++) step(i);
  const handoff = toolUse("mcp__ctx-monitor__write_handoff", { goal: "stackable discounts" });
  lines.push(assistantResponse({ input: 4, cacheCreation: 900, cacheRead: total, output: 400 }, [handoff], stamp(30)));
  lines.push(toolResult(handoff.id, "Handoff written", stamp(3)));
  total += 600;
  for (let i = 26; i < 29; i++) step(i);
  const boundary = { ...(JSON.parse(compactBoundary(total, 9_400, "auto")) as Record<string, unknown>), ...stamp(20) };
  lines.push(JSON.stringify(boundary), compactSummary("Summary of the pricing refactor so far."));
  total = 33_000;
  lines.push(userPrompt("Carry on from the handoff: the coupon edge cases are left.", stamp(60)));
  const agent = toolUse("Agent", {
    description: "Audit coupon rules",
    prompt: "Find every coupon rule",
    subagent_type: "general-purpose",
  });
  let agentStarted = 0;
  for (let i = 29; i < 44; i++) {
    if (i === 31) agentStarted = at;
    step(i, i === 31 ? [agent] : []);
  }
  writeFileSync(join(projectFolder, `${DEMO_SESSION_ID}.jsonl`), transcript(lines));
  writeSubagent(projectFolder, agentStarted + 10_000);
  return join(projectFolder, `${DEMO_SESSION_ID}.jsonl`);
}

function writeSubagent(projectFolder: string, startMs: number): void {
  const folder = join(projectFolder, DEMO_SESSION_ID, "subagents");
  mkdirSync(folder, { recursive: true });
  const lines: Array<string | string[]> = [];
  let total = 14_000;
  for (let i = 0; i < 12; i++) {
    const use = toolUse(
      i % 2 ? "Grep" : "Read",
      i % 2 ? { pattern: `coupon${i}` } : { file_path: `/home/user/shop/src/coupons/rule-${i}.ts` },
    );
    const extra = {
      timestamp: new Date(startMs + i * 22_000).toISOString(),
      sessionId: DEMO_SESSION_ID,
      isSidechain: true,
      agentId: "a0demo",
    };
    lines.push(assistantResponse({ input: 4, cacheCreation: 600, cacheRead: total, output: 150 }, [use], extra));
    lines.push(toolResult(use.id, "rule", extra));
    total += 4_200;
  }
  writeFileSync(join(folder, "agent-a0demo.jsonl"), transcript(lines));
  writeFileSync(
    join(folder, "agent-a0demo.meta.json"),
    JSON.stringify({ agentType: "general-purpose", description: "Audit coupon rules" }),
  );
}
