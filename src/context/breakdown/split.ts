// Integer splits that keep sums exact: a step's measured token delta shared among its items by
// size (largest remainder), and a shrink that takes tokens back from items without going below zero.

/** Splits `total` (≥ 0) in proportion to `weights`; the parts always sum to `total`. */
export function splitByWeight(total: number, weights: readonly number[]): number[] {
  const parts = weights.map(() => 0);
  if (total <= 0 || weights.length === 0) return parts;
  const weightSum = weights.reduce((sum, weight) => sum + Math.max(0, weight), 0);
  if (weightSum === 0) {
    // Nothing to weigh by: equal shares.
    const share = Math.floor(total / weights.length);
    return parts.map((_, index) => share + (index < total - share * weights.length ? 1 : 0));
  }
  const remainders: Array<{ index: number; fraction: number }> = [];
  let assigned = 0;
  weights.forEach((weight, index) => {
    const exact = (total * Math.max(0, weight)) / weightSum;
    const whole = Math.floor(exact);
    parts[index] = whole;
    assigned += whole;
    remainders.push({ index, fraction: exact - whole });
  });
  remainders.sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (let i = 0; i < total - assigned; i++) parts[remainders[i % remainders.length]!.index]! += 1;
  return parts;
}

/**
 * Takes `amount` tokens back from `holders` in proportion to what each holds, never below zero.
 * Returns what could not be taken (when the holders hold less than `amount`).
 */
export function shrinkProportionally(holders: Array<{ tokens: number }>, amount: number): number {
  const held = holders.reduce((sum, holder) => sum + holder.tokens, 0);
  if (amount <= 0 || held === 0) return Math.max(0, amount);
  if (amount >= held) {
    for (const holder of holders) holder.tokens = 0;
    return amount - held;
  }
  // Floors first, then the rounding remainder from whoever still holds some: linear, as this can run
  // over every item of a long context.
  let left = amount;
  for (const holder of holders) {
    const cut = Math.min(holder.tokens, Math.floor((amount * holder.tokens) / held));
    holder.tokens -= cut;
    left -= cut;
  }
  for (const holder of holders) {
    if (left === 0) break;
    const cut = Math.min(holder.tokens, left);
    holder.tokens -= cut;
    left -= cut;
  }
  return left;
}
