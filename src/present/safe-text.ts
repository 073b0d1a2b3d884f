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

/** The colour codes ctx-monitor itself writes (src/present/terminal.ts): kept when colour is on. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const OWN_SGR = /^\u001b\[(?:0|1|2|31|32|33)m$/;

/** Characters JSON.stringify leaves raw that a terminal or a bidi-aware viewer would act on. */
const JSON_RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const QUICK_CHECK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The text with every control sequence and control character removed but newline, tab and, with `color`, ctx-monitor's own colours. */
export function terminalText(text: string, options: { color?: boolean } = {}): string {
  if (!QUICK_CHECK.test(text)) return text;
  const keepColor = options.color === true;
  return text.replace(CONTROL, (match) => (keepColor && OWN_SGR.test(match) ? match : ""));
}

/** JSON text with C1 characters, DEL, line separators and bidi controls written as \u escapes (still the same JSON value). */
export function jsonEscaped(json: string): string {
  return json.replace(JSON_RAW, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A value as the CLI prints it with --json: indented, nothing raw a terminal would act on. */
export function jsonText(value: unknown): string {
  return jsonEscaped(JSON.stringify(value, null, 2));
}
