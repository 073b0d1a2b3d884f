// Padding by what a terminal shows, not by UTF-16 units: a label with CJK characters or emoji takes
// two columns per character, and a table padded by length would lean.
import stringWidth from "string-width";

export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - stringWidth(text)));
}

export function widest(texts: readonly string[]): number {
  return Math.max(0, ...texts.map((text) => stringWidth(text)));
}
