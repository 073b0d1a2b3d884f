// Token counts as people read them: "152,340" exactly, "167k" / "1M" roughly.
export function exactTokens(tokens: number): string {
  return Math.round(tokens).toLocaleString("en-US");
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
