// Options whose value must be a number or a URL are checked before a command runs, in one place: a bad
// value is refused with exit 2 and one line naming the flag, never ignored or passed on as "Invalid URL".
export type OptionKind = "count" | "port" | "url";

const PROBLEM: Record<OptionKind, string> = {
  count: "takes a whole number of 1 or more",
  port: "takes a port number from 0 to 65535 (0: any free port)",
  url: "takes an http(s) URL such as https://api.anthropic.com",
};

function fits(kind: OptionKind, value: string): boolean {
  if (kind === "url") {
    try {
      return ["http:", "https:"].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }
  if (!/^\d+$/.test(value)) return false;
  const number = Number(value);
  return kind === "count" ? number >= 1 : number <= 65535;
}

/** The line to print for the first option given a value of the wrong kind, or null when all fit. */
export function badOptionValue(
  kinds: Readonly<Record<string, OptionKind>>,
  values: Readonly<Record<string, unknown>>,
): string | null {
  for (const [name, kind] of Object.entries(kinds)) {
    const value = values[name];
    if (typeof value === "string" && !fits(kind, value))
      return `--${name} ${PROBLEM[kind]}, got ${JSON.stringify(value)}`;
  }
  return null;
}
