// The statusline: one line from Claude Code's statusline input and what the transcript says.
// Pure: the figures are decided here, the command does the reading and writing.
import { autocompactPoint, type CompactSettings } from "../context/autocompact.ts";
import { roundTokens } from "../context/format.ts";
import { contextStatus, type ContextStatus, type Thresholds } from "../context/status.ts";
import type { ContextUsage } from "../context/usage.ts";
import type { StatuslineInput } from "./statusline-input.ts";
import { styleFor, type Style } from "../present/terminal.ts";

interface StatuslineFigures {
  model: string;
  usedTokens: number;
  estimated: boolean;
  contextWindow: number;
  autocompactAt: number | null;
  /** Percent of the auto-compact point (of the window when auto-compact is off). */
  percentOfLimit: number;
  tokensUntilAutocompact: number | null;
  stepsUntilAutocompact: number | null;
  status: ContextStatus;
}

export interface StatuslineFacts {
  input: StatuslineInput;
  /** The transcript's answer (the same as get_context_usage's), or null when it could not be read. */
  usage: ContextUsage | null;
  env: Readonly<Record<string, string | undefined>>;
  compactSettings: CompactSettings;
  thresholds: Thresholds;
}

/** Claude Code's own figures first (exact and current); the transcript for what they lack. */
export function statuslineFigures(facts: StatuslineFacts): StatuslineFigures | null {
  const { input, usage } = facts;
  const contextWindow = input.contextWindowSize ?? usage?.contextWindow ?? null;
  if (contextWindow === null) return null;
  let usedTokens: number;
  let estimated = false;
  if (input.currentUsage !== null) usedTokens = input.currentUsage;
  else if (usage) {
    usedTokens = usage.usedTokens;
    estimated = usage.estimated;
  } else if (input.usedPercentage !== null) {
    usedTokens = Math.round((input.usedPercentage / 100) * contextWindow);
    estimated = true;
  } else return null;
  const autocompactAt = autocompactPoint(contextWindow, facts.env, facts.compactSettings).at;
  const limit = autocompactAt ?? contextWindow;
  const tokensUntilAutocompact = autocompactAt === null ? null : autocompactAt - usedTokens;
  const pace = usage?.tokensPerStep ?? null;
  return {
    model: input.modelName ?? input.modelId ?? usage?.model ?? "Claude",
    usedTokens,
    estimated,
    contextWindow,
    autocompactAt,
    percentOfLimit: limit > 0 ? Math.round((usedTokens / limit) * 100) : 100,
    tokensUntilAutocompact,
    stepsUntilAutocompact:
      pace && tokensUntilAutocompact !== null && tokensUntilAutocompact > 0
        ? Math.floor(tokensUntilAutocompact / pace)
        : null,
    status: contextStatus(usedTokens, limit, facts.thresholds),
  };
}

type LineStyle = Pick<Style, "color" | "unicode">;

/** The CLI's rule (NO_COLOR, FORCE_COLOR, the locale); Claude Code shows ANSI colours, so on by default. */
export function lineStyle(env: Readonly<Record<string, string | undefined>>): LineStyle {
  const { color, unicode } = styleFor({ env, isTTY: false, columns: undefined, colorByDefault: true });
  return { color, unicode };
}

const COLORS: Record<ContextStatus, string> = { ok: "\u001b[32m", warn: "\u001b[33m", critical: "\u001b[31m" };
const RESET = "\u001b[0m";
const BAR_WIDTH = 10;

function bar(percent: number, style: LineStyle): string {
  const filled = Math.max(0, Math.min(BAR_WIDTH, Math.round((percent / 100) * BAR_WIDTH)));
  const [full, empty] = style.unicode ? ["█", "░"] : ["#", "-"];
  return `${full.repeat(filled)}${empty.repeat(BAR_WIDTH - filled)}`;
}

export function renderStatusline(figures: StatuslineFigures, style: LineStyle): string {
  const separator = style.unicode ? " · " : " | ";
  const approx = figures.estimated ? "~" : "";
  const parts = [figures.model, `${approx}${roundTokens(figures.usedTokens)}/${roundTokens(figures.contextWindow)}`];
  if (figures.autocompactAt === null) {
    parts.push(`${bar(figures.percentOfLimit, style)} ${figures.percentOfLimit}% of window, auto-compact off`);
  } else {
    parts.push(`${bar(figures.percentOfLimit, style)} ${figures.percentOfLimit}% of auto-compact`);
    const left = figures.tokensUntilAutocompact ?? 0;
    if (left <= 0) parts.push(`past auto-compact (~${roundTokens(figures.autocompactAt)}) by ${roundTokens(-left)}`);
    else {
      const steps = figures.stepsUntilAutocompact;
      parts.push(
        `${roundTokens(left)} until auto-compact${steps !== null ? ` (~${steps} step${steps === 1 ? "" : "s"})` : ""}`,
      );
    }
  }
  const line = parts.join(separator);
  return style.color ? `${COLORS[figures.status]}${line}${RESET}` : line;
}
