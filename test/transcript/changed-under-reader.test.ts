// A transcript that changes under a running server: overwritten in place by another session (same
// inode, larger), or a new session on a path whose scan is cached. Neither may mix two sessions.
import { readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { factsReader, readFacts } from "../../src/handoff/write-handoff.ts";
import { withByteSource } from "../../src/transcript/byte-source.ts";
import { CompactionCache } from "../../src/transcript/compaction-cache.ts";
import { tempDir } from "../support/runtime.ts";
import { assistantResponse, compactBoundary, text, transcript, userPrompt } from "../support/transcript-builder.ts";

const sessionA = () =>
  transcript([
    userPrompt("first session, prompt one"),
    assistantResponse({ input: 1_000 }, [text("a")]),
    compactBoundary(150_000, 20_000),
  ]);
const sessionB = () =>
  transcript([
    userPrompt("second session, its first prompt"),
    assistantResponse({ input: 2_000 }, [text("b")]),
    userPrompt("second session, another prompt with more words in it"),
    assistantResponse({ input: 3_000 }, [text("c")]),
  ]);

describe("the incremental reader", () => {
  it("starts over when the file is rewritten in place by another session, larger", () => {
    const path = join(tempDir(), "session.jsonl");
    writeFileSync(path, sessionA());
    const reader = factsReader();
    expect(readFacts(path, reader).prompts.map((prompt) => prompt.text)).toEqual(["first session, prompt one"]);
    const b = sessionB();
    expect(b.length).toBeGreaterThan(sessionA().length);
    writeFileSync(path, b); // same inode: truncated and rewritten
    expect(readFacts(path, reader).prompts.map((prompt) => prompt.text)).toEqual([
      "second session, its first prompt",
      "second session, another prompt with more words in it",
    ]);
  });

  it("still reads only what was appended when nothing before it changed", () => {
    const path = join(tempDir(), "session.jsonl");
    writeFileSync(path, sessionA());
    const reader = factsReader();
    reader.read(path);
    writeFileSync(path, transcript([userPrompt("appended prompt")]), { flag: "a" });
    const again = reader.read(path);
    expect(again.cold).toBe(false);
    expect(again.reducer.result().prompts.map((prompt) => prompt.text)).toEqual([
      "first session, prompt one",
      "appended prompt",
    ]);
  });
});

describe("the compaction cache", () => {
  const count = (cache: CompactionCache, path: string) => withByteSource(path, (source) => cache.scan(source).count);

  it("gives a session rewritten in place its own compactions, not the previous session's", () => {
    const dir = tempDir();
    const path = join(dir, "session.jsonl");
    writeFileSync(path, sessionA());
    expect(count(new CompactionCache(join(dir, "cache")), path)).toBe(1);
    writeFileSync(path, sessionB());
    expect(count(new CompactionCache(join(dir, "cache")), path)).toBe(0);
  });

  it("forgets a scan kept on disk for more than a week", () => {
    const dir = tempDir();
    const cacheDir = join(dir, "cache");
    const path = join(dir, "session.jsonl");
    writeFileSync(path, sessionA());
    expect(count(new CompactionCache(cacheDir), path)).toBe(1);
    const [file] = readdirSync(cacheDir);
    const kept = join(cacheDir, file!);
    // A kept scan is trusted while fresh: changing its count shows whether it was used.
    const scan = JSON.parse(readFileSync(kept, "utf8")) as { state: { count: number } };
    scan.state.count = 7;
    writeFileSync(kept, JSON.stringify(scan));
    expect(count(new CompactionCache(cacheDir), path)).toBe(7);
    const old = new Date(Date.now() - 8 * 24 * 60 * 60_000);
    utimesSync(kept, old, old);
    expect(count(new CompactionCache(cacheDir), path)).toBe(1);
  });
});
