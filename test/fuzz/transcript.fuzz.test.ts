// Fuzzing the readers and redaction with real transcript lines, mutated, and random bytes: nothing
// throws out, and every line is either read or counted as skipped. Bounded in `npm test`; set
// CTX_MONITOR_FUZZ_RUNS for a long run.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FactCollector } from "../../src/handoff/fact-collector.ts";
import { redactSecrets } from "../../src/redact/redact.ts";
import { bufferByteSource } from "../../src/transcript/byte-source.ts";
import { countLineProblems } from "../../src/transcript/line-problems.ts";
import { readForward } from "../../src/transcript/read-forward.ts";
import { readTailSnapshot } from "../../src/transcript/tail-snapshot.ts";
import { fuzzRuns, fuzzTextParser, mutatedLine, realTranscriptLines } from "../support/fuzz.ts";
import { SECRET_SHAPES } from "../support/secret-corpus.ts";

const lines = realTranscriptLines();
/** A long run (CTX_MONITOR_FUZZ_RUNS) gets the time it needs. */
const timeout = Math.max(30_000, fuzzRuns() * 20);
const transcriptText = fc
  .array(mutatedLine(lines), { minLength: 1, maxLength: 30 })
  .map((parts) => `${parts.join("\n")}\n`);

describe("fuzzing the transcript readers", () => {
  it(
    `reads or counts every line of ${fuzzRuns()} mutated transcripts, and never throws`,
    () => {
      let linesSeen = 0;
      fc.assert(
        fc.property(transcriptText, (text) => {
          const bytes = Buffer.from(text, "utf8");
          const expected = bytes
            .toString("utf8")
            .split("\n")
            .filter((line) => line.trim() !== "").length;
          const facts = new FactCollector();
          let records = 0;
          const { problems } = readForward(bufferByteSource(bytes), 0, {
            record: (record) => {
              records++;
              facts.add(record);
            },
          });
          facts.result();
          expect(records + countLineProblems(problems)).toBe(expected);
          const tail = readTailSnapshot(bufferByteSource(bytes));
          expect(countLineProblems(tail.problems)).toBeGreaterThanOrEqual(0);
          linesSeen += expected;
        }),
        { numRuns: fuzzRuns() },
      );
      expect(linesSeen).toBeGreaterThan(0);
    },
    timeout,
  );
});

describe("fuzzing redaction", () => {
  it(
    `never throws, and never lets a planted secret through, on ${fuzzRuns()} mutated lines`,
    () => {
      fc.assert(
        fc.property(mutatedLine(lines), fc.constantFrom(...SECRET_SHAPES), fc.nat(), (line, shape, at) => {
          const cut = at % (line.length + 1);
          const text = `${line.slice(0, cut)}\n${shape.text}\n${line.slice(cut)}`;
          expect(redactSecrets(text).text).not.toContain(shape.secret);
        }),
        { numRuns: fuzzRuns() },
      );
    },
    timeout,
  );

  it("is a parser that the stdin harness can drive", () => {
    // The same harness the hook and statusline stdin parsers plug into.
    expect(fuzzTextParser((text) => redactSecrets(text), lines, Math.min(fuzzRuns(), 100))).toBeGreaterThan(0);
  });
});
