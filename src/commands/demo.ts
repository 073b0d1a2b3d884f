// `ctx-monitor demo`: starts this very executable as an MCP server over stdio, the way Claude Code
// does, points it at a bundled transcript written by the real Claude Code, and shows what each tool
// answers. The staged session and the handoff it writes go to a temporary folder that is removed
// afterwards (the handoff's start is printed first).

import {
  closeSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { UserError } from "../base/user-error.ts";
import { encodeProjectDir } from "../claude/paths.ts";
import { PACKAGE } from "../version.ts";
import type { Command, CommandContext } from "./command.ts";
import { DEMO_STEPS } from "./demo-steps.ts";

/** The neutral project path the bundled fixtures were normalised to. */
const FIXTURE_PROJECT_DIR = "/home/user/project";
/** Preferred demo transcript; otherwise the largest bundled one. */
const DEMO_FIXTURE = "busy-session";

export const demoCommand: Command = {
  name: "demo",
  summary: "run the MCP server on a bundled sample session and show what each tool returns",
  synopsis: "[--json] [--transcript PATH]",
  options: { json: { type: "boolean" }, transcript: { type: "string" } },
  run: runDemo,
};

function fixturesDir(): string {
  return fileURLToPath(new URL("../fixtures/transcripts/", import.meta.url));
}

function pickFixture(): string {
  const dir = fixturesDir();
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".jsonl")) : [];
  if (names.length === 0)
    throw new UserError(`no sample transcripts in ${dir}; reinstall the package or pass --transcript PATH`);
  const preferred = names.find((name) => name === `${DEMO_FIXTURE}.jsonl`);
  const largest = names.sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0]!;
  return join(dir, preferred ?? largest);
}

/** A Claude Code config dir in a temp folder holding the transcript as Claude Code would store it. */
function stageSession(root: string, transcript: string): { configDir: string; sessionId: string } {
  const configDir = join(root, ".claude");
  const projectFolder = join(configDir, "projects", encodeProjectDir(FIXTURE_PROJECT_DIR));
  mkdirSync(projectFolder, { recursive: true });
  const sessionId = sessionIdIn(transcript) ?? basename(transcript, ".jsonl");
  copyFileSync(transcript, join(projectFolder, `${sessionId}.jsonl`));
  const sidecar = transcript.replace(/\.jsonl$/, "");
  if (existsSync(sidecar) && statSync(sidecar).isDirectory())
    cpSync(sidecar, join(projectFolder, sessionId), { recursive: true });
  return { configDir, sessionId };
}

/** The session id the transcript's records carry (the file may have been renamed). */
function sessionIdIn(transcript: string): string | null {
  const head = Buffer.alloc(256 << 10);
  const fd = openSync(transcript, "r");
  try {
    const read = readSync(fd, head, 0, head.length, 0);
    return /"sessionId":"([^"]+)"/.exec(head.toString("utf8", 0, read))?.[1] ?? null;
  } finally {
    closeSync(fd);
  }
}

/** The start of the handoff the demo wrote, as the next context would read it (the folder goes when the demo ends). */
function handoffPreview(folder: string): string {
  const name = existsSync(folder) ? readdirSync(folder).find((file) => file.endsWith(".md")) : undefined;
  if (!name) return "";
  const lines = readFileSync(join(folder, name), "utf8").split("\n");
  const shown = lines.slice(0, HANDOFF_PREVIEW_LINES).join("\n");
  const rest = lines.length - HANDOFF_PREVIEW_LINES;
  return `── the handoff, as the next context reads it${rest > 0 ? ` (first ${HANDOFF_PREVIEW_LINES} lines of ${lines.length})` : ""}\n\n${shown}\n`;
}

const HANDOFF_PREVIEW_LINES = 40;

async function runDemo(context: CommandContext): Promise<number> {
  const transcript = typeof context.values.transcript === "string" ? context.values.transcript : pickFixture();
  const { Client } = await import("@modelcontextprotocol/sdk/client/index.js");
  const { StdioClientTransport } = await import("@modelcontextprotocol/sdk/client/stdio.js");
  const root = mkdtempSync(join(tmpdir(), "ctx-monitor-demo-"));
  // Inside the demo's own folder, so that nothing of it is left behind.
  const handoffDir = join(root, "handoffs");
  const client = new Client({ name: `${PACKAGE.name}-demo`, version: PACKAGE.version });
  try {
    const { configDir, sessionId } = stageSession(root, transcript);
    const projectDir = join(root, "project");
    mkdirSync(projectDir);
    const transport = new StdioClientTransport({
      command: process.execPath,
      // This very executable (dist/cli.js, or the installed bin, dist/bin.cjs, which loads it).
      args: [process.argv[1] ?? fileURLToPath(new URL("../dist/cli.js", import.meta.url))],
      cwd: projectDir,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: root,
        CLAUDE_CONFIG_DIR: configDir,
        CLAUDE_CODE_SESSION_ID: sessionId,
        CLAUDE_PROJECT_DIR: FIXTURE_PROJECT_DIR,
        CTX_MONITOR_HANDOFF_DIR: handoffDir,
      },
      stderr: "inherit",
    });
    await client.connect(transport);
    const { tools } = await client.listTools();
    const results: Record<string, unknown> = {};
    if (!context.values.json) {
      context.out.stdout(
        `${PACKAGE.name} demo: the MCP server over stdio, on sample session ${sessionId} (recorded from the real Claude Code)\n`,
      );
      context.out.stdout(`tools: ${tools.map((tool) => tool.name).join(", ")}\n`);
      context.out.stdout(
        "This client is not Claude Code: it sends no calling tool_use id, so answers say fresh: false. --json shows each tool's exact object.\n",
      );
    }
    for (const step of DEMO_STEPS) {
      if (!tools.some((tool) => tool.name === step.tool)) continue;
      const result = await client.callTool({ name: step.tool, arguments: step.args });
      results[step.tool] = result.structuredContent ?? result.content;
      if (!context.values.json) {
        context.out.stdout(`\n── ${step.tool}: ${step.caption}\n\n`);
        const shown =
          result.isError || !result.structuredContent
            ? JSON.stringify(result.content, null, 2)
            : step.describe(result.structuredContent, context.style);
        context.out.stdout(`${shown}\n`);
      }
    }
    if (context.values.json) context.out.stdout(`${JSON.stringify(results, null, 2)}\n`);
    else context.out.stdout(`\n${handoffPreview(handoffDir)}`);
    return 0;
  } finally {
    await client.close().catch(() => {});
    rmSync(root, { recursive: true, force: true });
  }
}
