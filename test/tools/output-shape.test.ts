// The output schemas are checked against the core's interfaces by tsc (npm test runs `tsc --noEmit`
// over test/ too): each `@ts-expect-error` below is a schema that disagrees with its interface, and
// tsc fails if the check ever lets one through (the directive then has no error to expect).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { ContextBreakdown } from "../../src/context/breakdown/read-breakdown.ts";
import type { ContextUsage } from "../../src/context/usage.ts";
import type { HandoffResult } from "../../src/handoff/write-handoff.ts";
import { contextBreakdownShape } from "../../src/tools/get-context-breakdown.ts";
import { contextUsageShape } from "../../src/tools/get-context-usage.ts";
import { outputShapeOf } from "../../src/tools/output-shape.ts";
import { handoffOutputShape } from "../../src/tools/write-handoff.ts";

const STATES = ["open", "closed"] as const;

interface Answer {
  name: string;
  state: (typeof STATES)[number];
  note: string | null;
  file: { path: string; lines: number } | null;
  items: Array<{ label: string; tokens: number }>;
}

const answerShape = {
  name: z.string(),
  state: z.enum(STATES),
  note: z.string().nullable(),
  file: z.object({ path: z.string(), lines: z.number().int() }).nullable(),
  items: z.array(z.object({ label: z.string(), tokens: z.number() })),
};

describe("output schemas checked against the interfaces", () => {
  it("takes a shape whose output is exactly the interface, and gives it back as written", () => {
    const shape = outputShapeOf<Answer>()(answerShape);
    expect(shape).toBe(answerShape);
    const answer: Answer = { name: "a", state: "open", note: null, file: { path: "x", lines: 3 }, items: [] };
    expect(z.object(shape).strict().parse(answer)).toEqual(answer);
  });

  it("refuses a field in one of the two only, or typed differently, at any depth", () => {
    const { note: _note, ...withoutNote } = answerShape;
    const refused = [
      // @ts-expect-error a field the interface does not have
      outputShapeOf<Answer>()({ ...answerShape, extra: z.string() }),
      // @ts-expect-error a field of the interface missing
      outputShapeOf<Answer>()(withoutNote),
      // @ts-expect-error not nullable where the interface is
      outputShapeOf<Answer>()({ ...answerShape, note: z.string() }),
      // @ts-expect-error optional where the interface is not
      outputShapeOf<Answer>()({ ...answerShape, note: z.string().nullable().optional() }),
      // @ts-expect-error an enum narrower than the union
      outputShapeOf<Answer>()({ ...answerShape, state: z.enum(["open"]) }),
      // @ts-expect-error a nested object without one of the interface's fields
      outputShapeOf<Answer>()({ ...answerShape, file: z.object({ path: z.string() }).nullable() }),
      // @ts-expect-error array items with a field the interface does not have
      outputShapeOf<Answer>()({
        ...answerShape,
        items: z.array(z.object({ label: z.string(), tokens: z.number(), x: z.number() })),
      }),
    ];
    // The check is at compile time only: at run time each shape is still handed back unchanged.
    expect(refused.map((shape) => Object.keys(shape).length)).toEqual([6, 4, 5, 5, 5, 5, 5]);
  });

  it("holds each tool's schema to the core's interface", () => {
    const { summary: _summary, ...handoffWithoutSummary } = handoffOutputShape;
    const { lastCompaction: _last, ...usageWithoutCompaction } = contextUsageShape;
    const refused = [
      // @ts-expect-error get_context_usage's schema with a field ContextUsage does not have
      outputShapeOf<ContextUsage>()({ ...contextUsageShape, extra: z.string() }),
      // @ts-expect-error get_context_usage's schema without ContextUsage's lastCompaction
      outputShapeOf<ContextUsage>()(usageWithoutCompaction),
      // @ts-expect-error get_context_breakdown's capture without its source
      outputShapeOf<ContextBreakdown>()({
        ...contextBreakdownShape,
        capture: z.object({ time: z.string() }).nullable(),
      }),
      // @ts-expect-error write_handoff's schema without HandoffResult's summary
      outputShapeOf<HandoffResult>()(handoffWithoutSummary),
    ];
    expect(refused.map((shape) => "summary" in shape)).toEqual([true, true, true, false]);
  });
});
