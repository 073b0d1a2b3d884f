// The tool calls the demo makes, in order. Each tool adds its step here when it lands.
import type { ContextBreakdown } from "../context/breakdown/read-breakdown.ts";
import type { ContextUsage } from "../context/usage.ts";
import type { HandoffResult } from "../handoff/write-handoff.ts";
import { describeBreakdown } from "../present/breakdown.ts";
import { describeHandoff } from "../present/handoff.ts";
import type { Style } from "../present/terminal.ts";
import { describeUsage } from "../present/usage.ts";

interface DemoStep {
  tool: string;
  /** Arguments; the demo fills in nothing, the server finds the session from its environment. */
  args: Record<string, unknown>;
  /** Why a person would call it, shown above the result. */
  caption: string;
  /** The tool's structuredContent as the CLI command shows it to people. */
  describe(result: unknown, style: Style): string;
}

export const DEMO_STEPS: readonly DemoStep[] = [
  {
    tool: "get_context_usage",
    args: {},
    caption: "How full is the context, and how long until auto-compact?",
    describe: (result, style) => describeUsage(result as ContextUsage, style),
  },
  {
    tool: "get_context_breakdown",
    args: {},
    caption: "What is filling it: categories, the largest items, advice.",
    describe: (result, style) => describeBreakdown(result as ContextBreakdown, style),
  },
  {
    tool: "write_handoff",
    args: {
      goal: "Fix add() and add multiply() to the calc library.",
      current_state: "Both done; node test.js passes.",
      next_steps: "Add a test for multiply().",
    },
    caption: "Write a handoff before compaction (into a folder of its own, kept for you to read).",
    describe: (result, style) => describeHandoff(result as HandoffResult, style),
  },
];
