// Markdown pieces the handoff is built from, safe for any text inside them.

/** A fenced block that cannot be closed early by the text inside it. */
export function fenced(text: string, language = ""): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

export function quoted(text: string): string {
  return text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");
}

export function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => (line ? `   ${line}` : line))
    .join("\n");
}
