// `claude_traffic.log` as the mitmproxy recipe's addon writes it: per request a block that opens with
// `[<local ISO time>] REQUEST`, then `Host:`, `URL:`, `Method:`, `Content-Length:` lines and, when the body
// was kept, `Saved full request to: <file>` (or `Saved to: <file>` in the variant that also keeps responses).
// Response lines (`[time] RESPONSE host: 200 (n bytes)`, `RESPONSE: 200 (n bytes)`) name no request, so
// they are passed by. Pure: text in, what each saved file was.

export interface SavedRequest {
  /** The file's name, without its folder (the recipe writes absolute /tmp paths). */
  file: string;
  url: string | null;
  /** When the addon saw the request: its local time, read as this machine's. */
  time: Date | null;
}

const REQUEST_LINE = /^\[([^\]]+)\] REQUEST\s*$/;
const SAVED_LINE = /^Saved (?:full request )?to: (.+?)\s*$/;

function localTime(text: string): Date | null {
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? null : time;
}

/** Each saved file's request; a name saved twice (two requests in one second) is the later one's. */
export function savedRequests(log: string): Map<string, SavedRequest> {
  const saved = new Map<string, SavedRequest>();
  let current: { url: string | null; time: Date | null } | null = null;
  for (const line of log.split("\n")) {
    const opened = REQUEST_LINE.exec(line);
    if (opened) {
      current = { url: null, time: localTime(opened[1]!) };
      continue;
    }
    if (!current) continue;
    if (line.startsWith("URL: ")) current.url = line.slice("URL: ".length).trim() || null;
    const file = SAVED_LINE.exec(line)?.[1];
    if (file) {
      const name = file.split(/[\\/]/).at(-1)!;
      saved.set(name, { file: name, ...current });
    }
  }
  return saved;
}
