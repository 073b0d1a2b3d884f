// Where the server looks for Claude Code's request bodies, given that Claude Code keeps OTEL_* out of
// its MCP servers' environment: the environment, the settings files' env, and the default folder.
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bodiesDirs } from "../../src/capture/bodies-dirs.ts";
import { captureSettingsEnv, defaultBodiesDir } from "../../src/capture/paths.ts";
import { fakeRuntime, tempDir } from "../support/runtime.ts";

describe("bodiesDirs", () => {
  it("the default folder alone when nothing names another", () => {
    const home = tempDir();
    const runtime = fakeRuntime({ homeDir: home });
    expect(bodiesDirs(runtime, join(home, "project"))).toEqual([
      join(home, ".claude", "ctx-monitor", "capture", "bodies"),
    ]);
  });

  it("the environment first, then project-local, project and user settings, without duplicates; relative or non-file values ignored", () => {
    const home = tempDir();
    const project = join(home, "project");
    mkdirSync(join(project, ".claude"), { recursive: true });
    mkdirSync(join(home, ".claude"), { recursive: true });
    writeFileSync(
      join(project, ".claude", "settings.local.json"),
      JSON.stringify({ env: { OTEL_LOG_RAW_API_BODIES: "file:/local" } }),
    );
    writeFileSync(
      join(project, ".claude", "settings.json"),
      JSON.stringify({ env: { OTEL_LOG_RAW_API_BODIES: "file:relative/dir" } }),
    );
    writeFileSync(
      join(home, ".claude", "settings.json"),
      JSON.stringify({ env: { OTEL_LOG_RAW_API_BODIES: "file:/env" } }),
    );
    const runtime = fakeRuntime({ homeDir: home, env: { OTEL_LOG_RAW_API_BODIES: "file:/env" } });
    expect(bodiesDirs(runtime, project)).toEqual(["/env", "/local", defaultBodiesDir(runtime)]);
    expect(
      bodiesDirs(fakeRuntime({ homeDir: home, env: { OTEL_LOG_RAW_API_BODIES: "otlp" } }), join(home, "elsewhere")),
    ).toEqual(["/env", defaultBodiesDir(runtime)]);
  });

  it("captureSettingsEnv names the default folder and creates it private", () => {
    const home = tempDir();
    const runtime = fakeRuntime({ homeDir: home, env: { CLAUDE_CONFIG_DIR: join(home, "config") } });
    const env = captureSettingsEnv(runtime);
    expect(env).toEqual({
      OTEL_LOG_RAW_API_BODIES: `file:${join(home, "config", "ctx-monitor", "capture", "bodies")}`,
    });
    expect(statSync(defaultBodiesDir(runtime)).mode & 0o777).toBe(0o700);
    expect(bodiesDirs(runtime, home)).toEqual([defaultBodiesDir(runtime)]);
  });
});
