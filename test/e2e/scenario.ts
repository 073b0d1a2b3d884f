// One scripted run of the real client: a fresh stand-in API and an isolated sandbox per scenario.

import type { Script } from "./fake-api/script.ts";
import { type FakeApi, startFakeApi } from "./fake-api/server.ts";
import { createSandbox, type Sandbox } from "./sandbox.ts";

interface Scenario {
  api: FakeApi;
  sandbox: Sandbox;
  [Symbol.asyncDispose](): Promise<void>;
}

/** `version`: the Claude Code version to run (default: the newest this run covers). */
export async function openScenario(script: Script, version?: string): Promise<Scenario> {
  const api = await startFakeApi(script);
  const sandbox = createSandbox(api.url, version ? { version } : {});
  return {
    api,
    sandbox,
    async [Symbol.asyncDispose]() {
      await api.close();
      sandbox.remove();
    },
  };
}

/** Main-chain requests only, in order (no subagent, compaction or side requests). */
export function mainRequests(api: FakeApi) {
  return api.requests.filter((request) => request.kind === "main");
}
