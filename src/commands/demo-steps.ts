// The tool calls the demo makes, in order. Each tool adds its step here when it lands.
export interface DemoStep {
  tool: string;
  /** Arguments; the demo fills in nothing, the server finds the session from its environment. */
  args: Record<string, unknown>;
  /** Why a person would call it, shown above the result. */
  caption: string;
}

export const DEMO_STEPS: readonly DemoStep[] = [
  { tool: "get_context_usage", args: {}, caption: "How full is the context, and how long until auto-compact?" },
  { tool: "get_context_breakdown", args: {}, caption: "What is filling it: categories, the largest items, advice." },
  {
    tool: "write_handoff",
    args: {
      goal: "Fix add() and add multiply() to the calc library.",
      current_state: "Both done; node test.js passes.",
      next_steps: "Add a test for multiply().",
    },
    caption: "Write a handoff before compaction (into a temporary folder for the demo).",
  },
];
