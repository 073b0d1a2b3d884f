// The other tools through the real Claude Code client. They start as todos until the tools land.
import { describe, it } from "vitest";

describe("write_handoff and get_context_breakdown through the real Claude Code", () => {
  it.todo("7. the model calls write_handoff: the file exists and holds the user's prompt verbatim");
  it.todo("8. the model calls get_context_breakdown: categories sum to usedTokens");
});
