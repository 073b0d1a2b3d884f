// Capture with the real Claude Code client: through `ctx-monitor proxy` to the stand-in API, and
// from Claude Code's own request bodies (OTEL_LOG_RAW_API_BODIES).
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CapturedRequest } from "../../src/capture/record.ts";
import { newestOfSession, readLog } from "../../src/capture/store.ts";
import { text, toolUse } from "./fake-api/script.ts";
import { startProxyProcess } from "../support/proxy-process.ts";
import { mainRequests, openScenario } from "./scenario.ts";

/** Every file under a folder, with its content, for the search of a secret. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe.concurrent("capture through the real Claude Code", () => {
  it("P1. the client through ctx-monitor proxy: answers arrive, every main request is captured with its usage, and no file holds the key", async () => {
    await using scenario = await openScenario({ main: [[toolUse("Bash", { command: "echo through", description: "a step" })], [text("Done.")]] });
    const storeDir = join(scenario.sandbox.home, "capture-store");
    const key = `sk-ant-api03-${randomBytes(12).toString("hex")}`;
    const proxy = await startProxyProcess(["--upstream", scenario.api.url, "--capture-dir", storeDir], { PATH: process.env.PATH ?? "", HOME: scenario.sandbox.home, ANTHROPIC_API_KEY: key });
    try {
      const result = await scenario.sandbox.claude(["-p", "run one step through the proxy", "--model", "claude-sonnet-4-5"], { ANTHROPIC_BASE_URL: proxy.url, ANTHROPIC_API_KEY: key });
      expect(result.is_error).toBe(false);
      const main = mainRequests(scenario.api);
      expect(main).toHaveLength(2);
      await proxy.stop();
      const captured = readLog<CapturedRequest>(storeDir).filter((record) => record.role === "main");
      expect(captured.map((record) => record.messageId)).toEqual(main.map((request) => request.messageId));
      expect(captured.map((record) => record.usage)).toEqual(main.map((request) => request.usage));
      expect(captured.every((record) => record.sessionId === result.session_id)).toBe(true);
      expect(newestOfSession<CapturedRequest>(storeDir, result.session_id)?.messageId).toBe(main[1]!.messageId);
      expect(statSync(storeDir).mode & 0o777).toBe(0o700);
      for (const file of filesUnder(storeDir)) expect(statSync(file).mode & 0o777).toBe(0o600);
      const holding = filesUnder(join(scenario.sandbox.home, "..")).filter((file) => readFileSync(file).includes(key));
      expect(holding).toEqual([]);
    } finally {
      await proxy.stop();
    }
  });
});
