// The breakdown's item labels reach the model's context: a secret in a command, a path or a prompt is
// redacted before the label cuts it short.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { breakdownReader } from "../../../src/context/breakdown/read-breakdown.ts";
import { tempDir } from "../../support/runtime.ts";
import {
  assistantResponse,
  text,
  toolResult,
  toolUse,
  transcript,
  userPrompt,
} from "../../support/transcript-builder.ts";

const TOKEN = `ghp_${"Q7x9".repeat(9)}`;

describe("breakdown labels", () => {
  it("never carry a secret, whole or cut short", () => {
    // The token starts where the label's 72 characters end: cut first, its head would escape the rule.
    const command = `${"x".repeat(60)} GITHUB_TOKEN=${TOKEN} gh api /user`;
    const bash = toolUse("Bash", { command });
    const path = join(tempDir(), "session.jsonl");
    writeFileSync(
      path,
      transcript([
        userPrompt("look around"),
        assistantResponse({ input: 1_000 }, [text("Looking.")]),
        userPrompt(`use the token ${TOKEN} to open the issue`),
        assistantResponse({ input: 1_400 }, [bash]),
        toolResult(bash.id, "ok"),
        assistantResponse({ input: 1_900 }, [text("Done.")]),
      ]),
    );
    const labels = breakdownReader()
      .read(path)
      .reducer.snapshot()
      .items.map((item) => item.label);
    expect(labels.some((label) => label.startsWith("call Bash: "))).toBe(true);
    for (const label of labels) {
      expect(label).not.toContain(TOKEN);
      expect(label).not.toContain("ghp_Q7x9");
    }
  });
});
