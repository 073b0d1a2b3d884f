// The watch's paint: the CLI's colours (src/present/terminal.ts decides when there is colour at all).
import type { ContextStatus } from "../../context/status.ts";
import { paint as paintText, statusTone, type Style } from "../../present/terminal.ts";

export interface Paint {
  status(status: ContextStatus, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export function paint(enabled: boolean): Paint {
  const style: Pick<Style, "color"> = { color: enabled };
  const as = (text: string, tone: Parameters<typeof paintText>[1]) =>
    paintText({ ...style, unicode: true, columns: null }, tone, text);
  return {
    status: (status, text) => as(text, statusTone(status)),
    dim: (text) => as(text, "dim"),
    bold: (text) => as(text, "bold"),
  };
}
