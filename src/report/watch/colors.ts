// Whether the watch paints in colour, by the conventions people set in their shells: NO_COLOR
// (any non-empty value) turns it off, FORCE_COLOR (anything but "0"/"false") turns it on even when
// stdout is not a terminal; otherwise colour only on a terminal.
import type { ContextStatus } from "../../context/status.ts";

export function colorEnabled(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  return isTTY;
}

export interface Paint {
  status(status: ContextStatus, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const STATUS_CODE: Record<ContextStatus, string> = { ok: "32", warn: "33", critical: "31" };

export function paint(enabled: boolean): Paint {
  const wrap = (code: string, text: string) => (enabled && text ? `\x1b[${code}m${text}\x1b[0m` : text);
  return {
    status: (status, text) => wrap(STATUS_CODE[status], text),
    dim: (text) => wrap("2", text),
    bold: (text) => wrap("1", text),
  };
}
