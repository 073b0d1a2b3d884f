// Shared pieces of the fuzz tests: how many runs (bounded in `npm test`, more with
// CTX_MONITOR_FUZZ_RUNS), real transcript lines to mutate, and mutations of a text. The hook and
// statusline stdin parsers plug in through fuzzTextParser.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";

/** Runs per property: a few hundred in `npm test`; set CTX_MONITOR_FUZZ_RUNS for a long run. */
export function fuzzRuns(inTests = 200): number {
  const configured = Number(process.env.CTX_MONITOR_FUZZ_RUNS);
  return Number.isInteger(configured) && configured > 0 ? configured : inTests;
}

const FIXTURES = join(import.meta.dirname, "../../fixtures/transcripts");

/** Every line of the real Claude Code transcripts kept as fixtures. */
export function realTranscriptLines(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".jsonl"))
    .flatMap((name) => readFileSync(join(FIXTURES, name), "utf8").split("\n"))
    .filter((line) => line.trim() !== "");
}

/** Values a hostile or broken writer could put where a number, string or object belongs. */
const oddValue = fc.oneof(
  fc.constantFrom(-5_000_000, 1e300, 0.5, -0, Number.MAX_SAFE_INTEGER, "50000", "", null, [], {}, true),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A JSON line with one value, anywhere in it, replaced by an odd one. */
function replaceValue(line: string, choice: number, value: unknown): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return line;
  }
  const holders: Array<[Record<string, unknown> | unknown[], string | number]> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node))
      node.forEach((item, index) => {
        holders.push([node, index]), walk(item);
      });
    else if (node && typeof node === "object")
      for (const [key, item] of Object.entries(node)) holders.push([node as Record<string, unknown>, key]), walk(item);
  };
  walk(parsed);
  const holder = holders[choice % Math.max(1, holders.length)];
  if (holder) (holder[0] as Record<string | number, unknown>)[holder[1]] = value;
  return JSON.stringify(parsed);
}

/** A mutated version of one of `samples`: cut, spliced with random text, a value replaced, or left whole. */
export function mutatedLine(samples: readonly string[]): fc.Arbitrary<string> {
  const sample = fc.constantFrom(...samples);
  return fc.oneof(
    sample,
    fc.tuple(sample, fc.nat()).map(([line, at]) => line.slice(0, at % (line.length + 1))),
    fc.tuple(sample, fc.nat(), fc.string({ unit: "binary", maxLength: 20 })).map(([line, at, junk]) => {
      const cut = at % (line.length + 1);
      return line.slice(0, cut) + junk + line.slice(cut);
    }),
    fc.tuple(sample, fc.nat(), oddValue).map(([line, choice, value]) => replaceValue(line, choice, value)),
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  );
}

/**
 * For the stdin parsers (hooks, statusline): `parse` must never throw on mutated and random input,
 * whatever it answers. Returns the number of inputs tried.
 */
export function fuzzTextParser(
  parse: (text: string) => unknown,
  samples: readonly string[],
  runs = fuzzRuns(),
): number {
  let tried = 0;
  fc.assert(
    fc.property(fc.array(mutatedLine(samples), { maxLength: 4 }), (parts) => {
      tried++;
      parse(parts.join("\n"));
    }),
    { numRuns: runs },
  );
  return tried;
}
