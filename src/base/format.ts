// Counts as people read them: "152,340" exactly, "167k" / "1M" roughly.
/** 1234567 → "1,234,567". Not toLocaleString: loading ICU for it costs ~35 ms of every CLI start. */
export function exactNumber(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function roundTokens(tokens: number): string {
  const abs = Math.abs(tokens);
  if (abs >= 1_000_000) return `${trim(tokens / 1_000_000)}M`;
  if (abs >= 1_000) return `${Math.round(tokens / 1_000)}k`;
  return String(Math.round(tokens));
}

function trim(value: number): string {
  return value.toFixed(2).replace(/\.?0+$/, "");
}

/** "1 file", "3 files": a count with its noun, for sentences people read. */
export function counted(n: number, noun: string): string {
  return `${exactNumber(n)} ${noun}${n === 1 ? "" : "s"}`;
}
