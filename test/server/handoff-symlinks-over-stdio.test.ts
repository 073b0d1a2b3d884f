// A handoff folder an attacker or an unlucky user prepared: links planted in it (a cloned repository
// can carry them) must never put an outside file into the model's context, through the latest-handoff
// resource, the list, or the resume prompt — reached as Claude Code reaches them, over stdio.
import { linkSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Connected, connectBuiltServer } from "../support/built-server.ts";
import { tempDir } from "../support/runtime.ts";

const OUTSIDE = "TOP-SECRET outside the handoff folder";

describe("handoff resources with links planted in the folder (built server)", () => {
  let connected: Connected;
  let folder: string;

  beforeEach(async () => {
    const home = tempDir();
    const project = join(home, "project");
    folder = join(project, ".claude", "handoffs");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(home, "secret.txt"), OUTSIDE);
    writeFileSync(join(folder, "2026-01-01T00-00-00Z-aaaaaaaa.md"), "# Handoff — the real one\n");
    // Newer by name than the real handoff: a symlink and a hard link to the outside file.
    symlinkSync("../../../secret.txt", join(folder, "9999-12-31T23-59-59Z-zzzzzzzz.md"));
    linkSync(join(home, "secret.txt"), join(folder, "9999-12-31T23-59-58Z-yyyyyyyy.md"));
    connected = await connectBuiltServer({ HOME: home, CLAUDE_PROJECT_DIR: project }, project);
  });

  afterEach(async () => {
    await connected.close();
  });

  it("serves the newest regular handoff as latest, never the linked outside file", async () => {
    const latest = await connected.client.readResource({ uri: "ctx-monitor://handoffs/latest" });
    const text = latest.contents[0] && "text" in latest.contents[0] ? latest.contents[0].text : "";
    expect(text).toContain("the real one");
    expect(text).not.toContain("TOP-SECRET");
  });

  it("lists only the regular handoff", async () => {
    const list = await connected.client.readResource({ uri: "ctx-monitor://handoffs" });
    const listed =
      list.contents[0] && "text" in list.contents[0]
        ? (JSON.parse(list.contents[0].text) as { handoffs: Array<{ name: string }> })
        : null;
    expect(listed?.handoffs.map((handoff) => handoff.name)).toEqual(["2026-01-01T00-00-00Z-aaaaaaaa.md"]);
  });

  it("resumes from the regular handoff, and refuses the links when named", async () => {
    const prompt = await connected.client.getPrompt({ name: "resume", arguments: {} });
    const message = prompt.messages[0]?.content;
    expect(message?.type === "text" && message.text).toContain("the real one");
    for (const name of ["9999-12-31T23-59-59Z-zzzzzzzz.md", "9999-12-31T23-59-58Z-yyyyyyyy.md"]) {
      const named = await connected.client.getPrompt({ name: "resume", arguments: { path: name } }).then(
        (answer) => JSON.stringify(answer),
        (error: Error) => error.message,
      );
      expect(named).not.toContain("TOP-SECRET");
      expect(named).toMatch(/not a (regular )?handoff/);
    }
  });
});
