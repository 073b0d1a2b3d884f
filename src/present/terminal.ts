// What the terminal a CLI answer goes to can show: colour (NO_COLOR, FORCE_COLOR, a TTY), its width,
// and block characters (a UTF-8 locale). Decided once from the environment, then passed to presenters.

import { ownColor } from "./safe-text.ts";

export interface Style {
  color: boolean;
  /** Block characters for bars; ASCII where the locale is not UTF-8. */
  unicode: boolean;
  /** Columns to wrap prose to; null when not a terminal (pipes get one line per paragraph). */
  columns: number | null;
}

export const PLAIN: Style = { color: false, unicode: true, columns: null };

interface TerminalFacts {
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
  columns: number | undefined;
  /** Colour when neither variable says: a terminal's, unless the reader is known to show it (the statusline). */
  colorByDefault?: boolean;
}

/**
 * One rule for the CLI, the watch and the statusline. Colour: NO_COLOR (non-empty, https://no-color.org)
 * wins, then FORCE_COLOR (anything but "0"/"false" turns it on), then the default. Block characters when the
 * locale (LC_ALL, LC_CTYPE, LANG) says UTF-8.
 */
export function styleFor({ env, isTTY, columns, colorByDefault = isTTY && env.TERM !== "dumb" }: TerminalFacts): Style {
  const forced = env.FORCE_COLOR;
  const color = env.NO_COLOR
    ? false
    : forced !== undefined && forced !== ""
      ? forced !== "0" && forced.toLowerCase() !== "false"
      : colorByDefault;
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || "";
  return { color, unicode: /utf-?8/i.test(locale), columns: isTTY && columns && columns > 20 ? columns : null };
}

const SGR = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1 } as const;
type Tone = keyof typeof SGR;

export function paint(style: Pick<Style, "color">, tone: Tone, text: string): string {
  return style.color && text ? `${ownColor(SGR[tone])}${text}${ownColor(0)}` : text;
}

/** The colour of a status word, as the statusline and watch use it. */
export function statusTone(status: string): Tone {
  return status === "critical" ? "red" : status === "warn" ? "yellow" : "green";
}

/** Prose wrapped at word boundaries to the terminal's width; left alone when there is no terminal. */
export function wrap(style: Style, text: string, indent = ""): string {
  const width = style.columns;
  if (!width) return text;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((text, index) => (index === 0 ? text : `${indent}${text}`)).join("\n");
}
