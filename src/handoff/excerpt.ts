// Excerpts of long texts for the handoff: the start for what is read from the top (a report, an
// error), the start and the end for a command's output (its verdict is usually in its last lines).
import { exactNumber } from "../base/format.ts";
import { KEPT_CHARS, type KeptText } from "./facts.ts";

const cutNote = (chars: number) => `[cut: ${exactNumber(chars)} chars in full]`;

/** At most `max` characters of a kept text's start, saying how long it was when anything is left out. */
export function clip(kept: KeptText, max: number): string {
  if (kept.text.length <= max && kept.chars <= KEPT_CHARS) return kept.text;
  return `${kept.text.slice(0, max)}\n… ${cutNote(kept.chars)}`;
}

interface OutputLimit {
  chars: number;
  lines: number;
}

/** A kept output's first and last lines within `limit`, the end given twice the room of the start. */
export function headAndTail(kept: KeptText, limit: OutputLimit): string {
  const whole = kept.tail === undefined ? kept.text : null;
  if (whole !== null && whole.length <= limit.chars && lineCount(whole) <= limit.lines) return whole;
  const head = firstLines(kept.text, Math.floor(limit.chars / 3), Math.floor(limit.lines / 3));
  const tail = lastLines(kept.tail ?? kept.text, limit.chars - head.length, limit.lines - lineCount(head));
  return `${head}\n… ${cutNote(kept.chars)} …\n${tail}`;
}

function lineCount(text: string): number {
  let count = 1;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

function firstLines(text: string, chars: number, lines: number): string {
  const taken = text.split("\n", Math.max(1, lines)).join("\n");
  return taken.length <= chars ? taken : taken.slice(0, chars);
}

function lastLines(text: string, chars: number, lines: number): string {
  const all = text.split("\n");
  const taken = all.slice(-Math.max(1, lines)).join("\n");
  return taken.length <= chars ? taken : taken.slice(-Math.max(1, chars));
}
