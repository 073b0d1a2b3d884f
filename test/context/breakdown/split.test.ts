import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shrinkProportionally, splitByWeight } from "../../../src/context/breakdown/split.ts";

describe("splitByWeight", () => {
  it("parts are non-negative integers that sum to the total, in proportion to the weights", () => {
    fc.assert(
      fc.property(fc.nat(5_000_000), fc.array(fc.nat(1_000_000), { minLength: 1, maxLength: 40 }), (total, weights) => {
        const parts = splitByWeight(total, weights);
        expect(parts.reduce((sum, part) => sum + part, 0)).toBe(total);
        const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
        parts.forEach((part, index) => {
          expect(Number.isInteger(part) && part >= 0).toBe(true);
          if (weightSum > 0) expect(Math.abs(part - (total * weights[index]!) / weightSum)).toBeLessThan(1 + 1e-9);
        });
      }),
    );
  });

  it("gives zero-weight items nothing when others weigh something", () => {
    expect(splitByWeight(10, [0, 3, 1])).toEqual([0, 8, 2]);
  });
});

describe("shrinkProportionally", () => {
  it("takes exactly the amount when the holders have it, never leaving a holder below zero", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { minLength: 1, maxLength: 30 }), fc.nat(400_000), (tokens, amount) => {
        const holders = tokens.map((value) => ({ tokens: value }));
        const held = tokens.reduce((sum, value) => sum + value, 0);
        const left = shrinkProportionally(holders, amount);
        const after = holders.reduce((sum, holder) => sum + holder.tokens, 0);
        expect(holders.every((holder) => holder.tokens >= 0)).toBe(true);
        expect(left).toBe(Math.max(0, amount - held));
        expect(after).toBe(held - (amount - left));
      }),
    );
  });
});
