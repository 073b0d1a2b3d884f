// A long session where users live: two hundred prompts typed into the real interactive Claude Code
// (tmux), with commands run and files read along the way and secrets of several kinds passing through
// prompts, command output and files, then /compact. The PreCompact handoff must fit the size it was
// given, keep the first and the newest prompts verbatim, hold none of the secrets, and the first
// request after the compaction must point at it within the re-injection bound.

import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { newestVersion } from "./claude-binary.ts";
import { preCompactHandoffs, quoted, sent, waitUntil } from "./compaction-evidence.ts";
import { type Step, text, toolUse } from "./fake-api/script.ts";
import type { FakeApi } from "./fake-api/server.ts";
import { startInteractive, stopClient, typePrompt, WAIT_MS } from "./interactive-client.ts";
import { CLI_PATH } from "./sandbox.ts";
import { openScenario } from "./scenario.ts";

const BIN_PATH = join(dirname(CLI_PATH), "bin.cjs");
const PROMPTS = 200;
/** Small enough that two hundred prompts, their commands and files cannot all fit. */
const HANDOFF_CHARS = 12_000;
const TOPICS = ["the parser", "the CSV importer", "the nightly job", "retry logic", "the settings page", "logging"];

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const alnum = (length: number) =>
  randomBytes(length * 2)
    .toString("base64")
    .replace(/[^A-Za-z0-9]/g, "")
    .slice(0, length);

/** Secrets of different kinds, fresh each run: what the handoff must never hold, by their random parts. */
function plantedSecrets() {
  const github = `ghp_${alnum(36)}`;
  const awsSecret = alnum(40);
  const dbPassword = `Pw${hex(10)}`;
  const slack = `xoxb-${Date.now()}-${hex(6)}-${alnum(24)}`;
  const pemBody = Array.from({ length: 8 }, () => randomBytes(48).toString("base64")).join("\n");
  return {
    prompts: [
      `use the token ${github} for the registry`,
      `the database is at postgres://app:${dbPassword}@db.internal:5432/app`,
    ],
    envFile: `AWS_SECRET_ACCESS_KEY=${awsSecret}\nSLACK_BOT_TOKEN=${slack}\n`,
    pem: `-----BEGIN RSA PRIVATE KEY-----\n${pemBody}\n-----END RSA PRIVATE KEY-----\n`,
    random: [github.slice(4), awsSecret, dbPassword, slack.slice(-24), pemBody.split("\n")[3]!],
  };
}

function promptText(index: number): string {
  const topic = TOPICS[index % TOPICS.length]!;
  return `step ${index}: look at ${topic} again and tell me what to change next (${hex(4)})`;
}

/** Every eighth answer runs a command with long output, every twentieth reads a file, the rest just answer. */
function answers(): Step[] {
  const steps: Step[] = [];
  for (let index = 1; index <= PROMPTS + 2; index++) {
    if (index % 20 === 0) {
      steps.push([toolUse("Bash", { command: "cat .env.local deploy.pem", description: "show the config" })]);
    } else if (index % 8 === 0) {
      steps.push([toolUse("Bash", { command: `seq 1 ${300 + index}`, description: "count" })]);
    } else {
      steps.push([text(`Answer ${index}.`)]);
      continue;
    }
    steps.push([text(`Answer ${index}.`)]);
  }
  return steps;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const mains = (api: FakeApi) => api.requests.filter((request) => request.kind === "main");

// The newest version only: two hundred turns take minutes, and the round trip on each version is
// compaction-roundtrip.e2e.test.ts's job.
describe.each([newestVersion()])(
  "a session of two hundred prompts in the real interactive Claude Code %s",
  (version) => {
    it("/compact leaves one handoff within its size, first and newest prompts verbatim, no secret, and the pointer after it", {
      timeout: 1_200_000,
    }, async () => {
      const secrets = plantedSecrets();
      await using scenario = await openScenario({ main: answers() }, version);
      const { sandbox, api } = scenario;
      sandbox.env.CTX_MONITOR_HANDOFF_MAX_CHARS = String(HANDOFF_CHARS);
      writeFileSync(join(sandbox.project, ".env.local"), secrets.envFile);
      writeFileSync(join(sandbox.project, "deploy.pem"), secrets.pem);
      execFileSync(process.execPath, [BIN_PATH, "install"], {
        cwd: sandbox.project,
        env: sandbox.env,
        encoding: "utf8",
      });
      const tmux = startInteractive(sandbox, version);
      const prompts: string[] = [];
      try {
        await tmux.waitFor((screen) => /^❯\s/m.test(screen), "the input box", 60_000);
        const started = Date.now();
        for (let index = 1; index <= PROMPTS; index++) {
          const prompt = index === 50 ? secrets.prompts[0]! : index === 120 ? secrets.prompts[1]! : promptText(index);
          prompts.push(prompt);
          const before = mains(api).length;
          await typePrompt(tmux, prompt);
          // The turn is over once its answer's text is on the screen (a command's turn takes two requests).
          let answer = "";
          await waitUntil(() => {
            const block = mains(api)
              .slice(before)
              .flatMap((request) => request.blocks)
              .find((candidate) => candidate.type === "text");
            answer = block?.type === "text" ? block.text : "";
            return answer !== "";
          }, `the answer to prompt ${index}`);
          await tmux.waitFor((screen) => screen.includes(answer), `"${answer}" on the screen`, WAIT_MS);
          if (process.env.CTX_MONITOR_E2E_PROGRESS)
            writeFileSync(process.env.CTX_MONITOR_E2E_PROGRESS, `${index} ${Date.now() - started}\n`, { flag: "a" });
        }
        const compactions = () => api.requests.filter((request) => request.kind === "compaction").length;
        await typePrompt(tmux, "/compact");
        await waitUntil(() => compactions() === 1, "the /compact request", 2 * WAIT_MS);
        const beforeNext = api.requests.length;
        await typePrompt(tmux, "where were we?");
        await waitUntil(
          () => api.requests.slice(beforeNext).some((request) => request.kind === "main"),
          "the first request after /compact",
        );

        const [handoff, ...more] = preCompactHandoffs(sandbox.project);
        expect(handoff, "a PreCompact handoff").toBeDefined();
        expect(more).toEqual([]);
        const written = readFileSync(handoff!, "utf8");
        console.log(`long session (${version}): ${prompts.length} prompts, handoff ${written.length} characters`);
        expect(written.length).toBeLessThanOrEqual(HANDOFF_CHARS);
        expect(written).toContain(prompts[0]!);
        expect(written).toContain(prompts.at(-1)!);
        // The secrets did pass through the session: the transcript Claude Code wrote holds each of them.
        const transcripts = filesUnder(join(sandbox.home, ".claude", "projects")).filter((file) =>
          file.endsWith(".jsonl"),
        );
        const transcript = transcripts.map((file) => readFileSync(file, "utf8")).join("\n");
        for (const secret of secrets.random)
          expect(transcript.includes(secret), "a planted secret in the transcript").toBe(true);
        const folder = join(sandbox.project, ".claude", "handoffs");
        for (const file of filesUnder(folder))
          for (const secret of secrets.random)
            expect(readFileSync(file, "utf8").includes(secret), `${file} holds a planted secret`).toBe(false);

        const after = sent(api.requests.slice(beforeNext).find((request) => request.kind === "main")!);
        expect(after).toContain(quoted(handoff!));
        expect(after).toContain(quoted(prompts[0]!));
        const log = join(sandbox.home, ".claude", "ctx-monitor", "hooks.log");
        expect(filesUnder(dirname(log)).includes(log) ? readFileSync(log, "utf8") : "").toBe("");
      } finally {
        await stopClient(tmux);
      }
    });
  },
);
