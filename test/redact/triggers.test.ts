import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONTEXT_RULES } from "../../src/redact/redact-context.ts";
import { PREFIXED_RULES } from "../../src/redact/redact-prefixed.ts";
import { compileTriggers } from "../../src/redact/triggers.ts";

/** What the one-pass scan must answer: each literal looked for on its own. */
const naive = (literals: readonly string[], text: string) =>
  literals.map((literal) => (text.toLowerCase().includes(literal.toLowerCase()) ? 1 : 0));

describe("compileTriggers", () => {
  // A small alphabet makes literals that overlap, share prefixes and sit inside each other.
  const literal = fc.string({ unit: fc.constantFrom("a", "b", "A", "-", " "), minLength: 1, maxLength: 5 });
  const text = fc.string({ unit: fc.constantFrom("a", "b", "B", "-", " ", "\n", "é", "😀"), maxLength: 60 });

  it("finds each literal a text holds, ignoring case, whatever overlaps", () => {
    fc.assert(
      fc.property(fc.uniqueArray(literal, { minLength: 1, maxLength: 8 }), text, (literals, sample) => {
        expect([...compileTriggers(literals).scan(sample)]).toEqual(naive(literals, sample));
      }),
      { numRuns: 1_000 },
    );
  });

  it("looks only between the bounds it is given", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(literal, { minLength: 1, maxLength: 8 }),
        text,
        fc.nat(),
        fc.nat(),
        (literals, sample, a, b) => {
          const [from, to] = [a % (sample.length + 1), b % (sample.length + 1)].sort((x, y) => x - y) as [
            number,
            number,
          ];
          expect([...compileTriggers(literals).scan(sample, from, to)]).toEqual(
            naive(literals, sample.slice(from, to)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it("leaves out each occurrence of the text it is told to pass over, as if a separator stood there", () => {
    const passOver = fc.string({ unit: fc.constantFrom("a", "b", "[", "]", "-"), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.uniqueArray(literal, { minLength: 1, maxLength: 8 }),
        fc.array(fc.oneof(text, passOver), { maxLength: 6 }),
        passOver,
        fc.nat(),
        fc.nat(),
        (literals, pieces, skipped, a, b) => {
          const sample = pieces.join("");
          const [from, to] = [a % (sample.length + 1), b % (sample.length + 1)].sort((x, y) => x - y) as [
            number,
            number,
          ];
          // What indexOf finds from `from` on, ending by `to`, each put as a "\0", which no literal holds.
          let expected = "";
          let at = from;
          for (
            let skip = sample.indexOf(skipped, at);
            skip >= 0 && skip + skipped.length <= to;
            skip = sample.indexOf(skipped, at)
          ) {
            expected += `${sample.slice(at, skip)}\0`;
            at = skip + skipped.length;
          }
          expected += sample.slice(at, to);
          expect([...compileTriggers(literals).scan(sample, from, to, skipped)]).toEqual(naive(literals, expected));
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("refuses a literal it could not find (beyond ASCII)", () => {
    expect(() => compileTriggers(["café"])).toThrow(/not printable ASCII/);
  });
});

describe("the rules' triggers", () => {
  const triggers = [
    ...PREFIXED_RULES.flatMap((rule) => rule.triggers),
    ...CONTEXT_RULES.flatMap((rule) => [...rule.triggers, ...(rule.requires ?? [])]),
  ];

  // A replacement joins text only at a marker's brackets or after a kept quote, and the text is
  // scanned by stretches of whole lines: a trigger holding one of these could appear or be split
  // where the scan does not look.
  it("hold no bracket, quote or line end", () => {
    expect(triggers.filter((trigger) => /[[\]"'`\n\r]/.test(trigger))).toEqual([]);
  });
});
