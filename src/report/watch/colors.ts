// The watch's paint: the CLI's colours (src/present/terminal.ts decides when there is colour at all).
import type { ContextStatus } from "../../context/status.ts";
import { paint as paintText, statusTone } from "../../present/terminal.ts";

export interface Paint {
  status(status: ContextStatus, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export function paint(enabled: boolean): Paint {
  const style = { color: enabled };
  return {
    status: (status, text) => paintText(style, statusTone(status), text),
    dim: (text) => paintText(style, "dim", text),
    bold: (text) => paintText(style, "bold", text),
  };
}
