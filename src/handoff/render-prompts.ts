// The user's prompts within a handoff's share of its size budget: the first and the newest always,
// verbatim; then the others from the newest back while they fit, a prompt sent again and again shown
// once with its count; those that do not fit are named with where they are verbatim.
import { counted, exactNumber } from "../base/format.ts";
import type { Prompt } from "./facts.ts";
import { fenced } from "./markdown.ts";

interface PromptGroup {
  /** The prompt shown: the newest one with this text. */
  shown: Prompt;
  /** Every prompt with this text, oldest first (the shown one included). */
  numbers: number[];
}

function entry(group: PromptGroup): string {
  const { shown, numbers } = group;
  const others = numbers.filter((number) => number !== shown.number);
  const listed = others.length > 20 ? [...others.slice(0, 10), "…", ...others.slice(-9)] : others;
  const repeats = others.length ? ` (sent ${numbers.length} times: also as prompt ${listed.join(", ")})` : "";
  return `### ${shown.command ? "Command" : "Prompt"} ${shown.number}${shown.at ? ` — ${shown.at}` : ""}${repeats}\n\n${fenced(shown.text, "text")}`;
}

/** Groups prompts by their text; the first prompt always stands alone, as the session's opening words. */
function groups(prompts: readonly Prompt[]): PromptGroup[] {
  const byText = new Map<string, PromptGroup>();
  const result: PromptGroup[] = [];
  prompts.forEach((prompt, index) => {
    if (index === 0) {
      result.push({ shown: prompt, numbers: [prompt.number] });
      return;
    }
    const group = byText.get(prompt.text);
    if (group) {
      group.shown = prompt;
      group.numbers.push(prompt.number);
      return;
    }
    const created = { shown: prompt, numbers: [prompt.number] };
    byText.set(prompt.text, created);
    result.push(created);
  });
  // In the order of their newest prompt: the document reads as the session went.
  return result.sort((a, b) => a.shown.number - b.shown.number);
}

/** What every prompts section holds whatever the budget: the first and the newest prompt. */
export function requiredPromptChars(prompts: readonly Prompt[]): number {
  const all = groups(prompts);
  const required = [all[0], all.length > 1 ? all.at(-1) : undefined].filter((group) => group !== undefined);
  return required.reduce((sum, group) => sum + entry(group).length + 2, 0);
}

/** The prompts section's body within `room` characters (the first and newest prompts always). */
export function promptsBody(prompts: readonly Prompt[], room: number, whereVerbatim: string): string {
  const all = groups(prompts);
  if (!all.length) return "";
  const texts = all.map(entry);
  const shown = new Set<number>([0, all.length - 1]);
  let left = room - [...shown].reduce((sum, index) => sum + texts[index]!.length + 2, 0);
  // From the newest back, while they fit: the recent prompts are what the next context works on.
  for (let index = all.length - 2; index > 0; index--) {
    const cost = texts[index]!.length + 2;
    if (cost > left) break;
    shown.add(index);
    left -= cost;
  }
  const parts: string[] = [];
  let skipped: PromptGroup[] = [];
  const flush = () => {
    if (!skipped.length) return;
    const numbers = skipped.flatMap((group) => group.numbers);
    const chars = skipped.reduce((sum, group) => sum + group.shown.text.length * group.numbers.length, 0);
    const first = Math.min(...numbers);
    const last = Math.max(...numbers);
    parts.push(
      `_${counted(numbers.length, "prompt")} (${first === last ? `prompt ${first}` : `between prompts ${first} and ${last}`}, ${exactNumber(chars)} characters) left out to fit the size budget: ${whereVerbatim} has them verbatim._`,
    );
    skipped = [];
  };
  all.forEach((group, index) => {
    if (shown.has(index)) {
      flush();
      parts.push(texts[index]!);
    } else skipped.push(group);
  });
  flush();
  return parts.join("\n\n");
}
