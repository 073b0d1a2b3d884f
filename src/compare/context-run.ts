// The newest /context run in the capture store: /context sends its count_tokens requests all at once,
// so a run is the newest count_tokens records with no more than a few seconds between neighbours.
// Pure: records in, the run out.
import type { CapturedRequest } from "../capture/record.ts";

/** The longest quiet gap inside one run: its requests go out together and are answered within seconds, while two
 * runs a person types are further apart. */
const RUN_GAP_MS = 10_000;

interface ContextRun {
  records: CapturedRequest[];
  /** When its last request was captured (ISO). */
  time: string;
  model: string | null;
}

export function newestContextRun(records: readonly CapturedRequest[]): ContextRun | null {
  const counts = records
    .filter((record) => record.kind === "count_tokens" && typeof record.inputTokens === "number")
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const newest = counts.at(-1);
  if (!newest) return null;
  let first = counts.length - 1;
  while (first > 0 && Date.parse(counts[first]!.time) - Date.parse(counts[first - 1]!.time) <= RUN_GAP_MS) first--;
  const run = counts.slice(first);
  return { records: run, time: newest.time, model: newest.model };
}
