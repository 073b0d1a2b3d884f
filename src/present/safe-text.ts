// Text from a transcript is data: whatever a file path, a command, a model or an MCP server name holds,
// it must never reach a terminal as a control sequence (an OSC 52 clipboard write, a clear-screen, a
// title change, an OSC 8 link, reversed text). Every printed line passes `terminalText` at the output
// edge (the CLI's output, the watch's frames, the statusline, the hooks); JSON passes `jsonText`, which
// escapes what JSON.stringify leaves raw. Cheap and dependency-free: the statusline and hooks load it.

/**
 * In one pass, longest first: a whole ESC sequence (CSI; OSC, DCS, SOS, PM, APC strings up to BEL or ST,
 * or to the line's end when unterminated; two- and three-byte escapes), C1 CSI/OSC/DCS/SOS/PM/APC
 * strings, then any lone C0 control but newline and tab, DEL, C1 character, or bidi override/isolate.
 */
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?|[ -/]*[0-~]?)|\u009b[0-?]*[ -/]*[@-~]|[\u0090\u0098\u009d\u009e\u009f][^\u0007\u001b\u009c\n]*(?:\u0007|\u001b\\|\u009c)?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A mark, new in every process, that ctx-monitor writes before each colour code of its own (`ownColor`):
 * the same code in a transcript's text (`\u001b[31m` in a file name) bears no mark, so it is removed
 * like any other. Four private-use characters drawn at random: no text can hold them by chance, and the
 * output edge removes every one, so none is ever seen to be copied.
 */
export const OWN_MARK = String.fromCharCode(
  ...Array.from(globalThis.crypto.getRandomValues(new Uint16Array(4)), (random) => 0xe000 + (random % 0x1900)),
);
/** The colour codes ctx-monitor writes (src/present/terminal.ts), as they follow its mark. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const OWN_SGR = /^\u001b\[(?:0|1|2|31|32|33)m/;

/** One of ctx-monitor's own colour codes (SGR `code`), marked as its own for `terminalText`. */
export function ownColor(code: 0 | 1 | 2 | 31 | 32 | 33): string {
  return `${OWN_MARK}\u001b[${code}m`;
}

/** Characters JSON.stringify leaves raw that a terminal or a bidi-aware viewer would act on. */
const JSON_RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const QUICK_CHECK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * The text with every control sequence and control character removed but newline, tab and, with `color`,
 * the colour codes ctx-monitor marked as its own (`ownColor`); the marks themselves always go.
 */
export function terminalText(text: string, options: { color?: boolean } = {}): string {
  if (!QUICK_CHECK.test(text)) return text;
  const keepColor = options.color === true;
  const pieces = text.split(OWN_MARK);
  // Before the first mark, nothing is ctx-monitor's own; after each, only the code right after it.
  return pieces
    .map((piece, index) => {
      const own = index > 0 ? (OWN_SGR.exec(piece)?.[0] ?? "") : "";
      return (keepColor ? own : "") + piece.slice(own.length).replace(CONTROL, "");
    })
    .join("");
}

/** JSON text with C1 characters, DEL, line separators and bidi controls written as \u escapes (still the same JSON value). */
export function jsonEscaped(json: string): string {
  return json.replace(JSON_RAW, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A value as the CLI prints it with --json: indented, nothing raw a terminal would act on. */
export function jsonText(value: unknown): string {
  return jsonEscaped(JSON.stringify(value, null, 2));
}
