import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AmbiguousSessionError, locateTranscript, projectSessions } from "../../src/transcript/locate.ts";
import { fakeRuntime, tempDir, writeTranscript } from "../support/runtime.ts";

const A = "1a2b3c4d-0000-4000-8000-000000000001";
const B = "1a2b9999-0000-4000-8000-000000000002";

function world() {
  const root = tempDir();
  const home = join(root, "home");
  const project = join(root, "repo");
  const subfolder = join(project, "src", "deep");
  mkdirSync(subfolder, { recursive: true });
  const config = join(home, ".claude");
  const a = writeTranscript(config, project, A, "{}\n");
  const b = writeTranscript(config, project, B, "{}\n");
  return { home, project, subfolder, a, b };
}

describe("finding a session from the CLI", () => {
  it("walks up from a subfolder to the folder Claude Code has sessions for", () => {
    const { home, project, subfolder } = world();
    const located = locateTranscript({}, fakeRuntime({ homeDir: home, cwd: subfolder }));
    expect(located).toMatchObject({ projectDir: project, source: "newest-in-project" });
    expect(projectSessions(fakeRuntime({ homeDir: home, cwd: subfolder }), undefined)).toMatchObject({
      projectDir: project,
    });
    expect(projectSessions(fakeRuntime({ homeDir: home, cwd: subfolder }), undefined).sessions).toHaveLength(2);
  });

  it("does not walk up from the project Claude Code names (the server's CLAUDE_PROJECT_DIR)", () => {
    const { home, subfolder } = world();
    expect(() =>
      locateTranscript({}, fakeRuntime({ homeDir: home, cwd: "/", env: { CLAUDE_PROJECT_DIR: subfolder } })),
    ).toThrow(/no Claude Code transcript found/);
  });

  it("takes a unique prefix of the session id, and says so when one is ambiguous", () => {
    const { home, subfolder, a } = world();
    const runtime = fakeRuntime({ homeDir: home, cwd: subfolder });
    expect(locateTranscript({ sessionId: "1a2b3c4d" }, runtime)).toMatchObject({
      path: a,
      sessionId: A,
      source: "session-id",
    });
    expect(() => locateTranscript({ sessionId: "1a2b" }, runtime)).toThrow(AmbiguousSessionError);
    expect(() => locateTranscript({ sessionId: "1a2b" }, runtime)).toThrow(/ambiguous: 2 sessions start with it/);
    expect(() => locateTranscript({ sessionId: "ffff0000" }, runtime)).toThrow(/no transcript for session ffff0000/);
  });

  it("finds a prefix in another project when the current one has none", () => {
    const { home, a } = world();
    expect(locateTranscript({ sessionId: "1a2b3c" }, fakeRuntime({ homeDir: home, cwd: "/elsewhere" })).path).toBe(a);
  });
});
