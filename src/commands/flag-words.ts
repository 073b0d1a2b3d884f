// Messages about which session to read name the way to choose one, and that differs by surface: the
// MCP tools take parameters (`session_id`, `transcript_path`), the CLI flags (`--session`, `--transcript`).
// The core words its messages for the tools; this is the one place that words them for the CLI.
const FLAGS: ReadonlyArray<[RegExp, string]> = [
  [/\bsession_id\b/g, "--session"],
  [/\btranscript_path\b/g, "--transcript"],
];

export function inCliWords(message: string): string {
  return FLAGS.reduce((text, [parameter, flag]) => text.replace(parameter, flag), message);
}
