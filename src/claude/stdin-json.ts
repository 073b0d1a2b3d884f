// Claude Code hands the statusline and hooks one JSON object on stdin, then closes it. It is read
// with one synchronous call: a stream would load Node's stream and socket machinery, a tenth of a
// bare start. A terminal (someone trying the command by hand) is not waited on.
import { fstatSync, readFileSync } from "node:fs";

export function readStdinText(fd = 0): string {
  try {
    if (fstatSync(fd).isCharacterDevice()) return "";
    return readFileSync(fd, "utf8");
  } catch {
    return "";
  }
}

type JsonObject = Record<string, unknown>;

export function parseJsonObject(text: string): JsonObject | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
}

export function stringField(object: JsonObject | null | undefined, key: string): string | null {
  const value = object?.[key];
  return typeof value === "string" && value.length > 0 ? value : null;
}

export function objectField(object: JsonObject | null | undefined, key: string): JsonObject | null {
  const value = object?.[key];
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

export function countField(object: JsonObject | null | undefined, key: string): number | null {
  const value = object?.[key];
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
}
