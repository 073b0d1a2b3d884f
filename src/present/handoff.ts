// write_handoff's answer as the CLI shows it.
import type { HandoffResult } from "../handoff/write-handoff.ts";
import { PLAIN, type Style, wrap } from "./terminal.ts";

export function describeHandoff(result: HandoffResult, style: Style = PLAIN): string {
  return [
    wrap(style, result.summary),
    "",
    `  sections   ${wrap(style, result.sections.join(", ") || "none", "             ")}`,
    `  resume     ${wrap(style, result.resumeInstruction, "             ")}`,
  ].join("\n");
}
