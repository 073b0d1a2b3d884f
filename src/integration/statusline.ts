// The statusline: one line from Claude Code's statusline input and what the transcript says.
// Pure: the figures are decided here, the command does the reading and writing.

import { roundTokens } from "../base/format.ts";
import type { CompactSettings } from "../claude/compact-settings.ts";
import type { StatuslineInput } from "../claude/statusline-input.ts";
import { type Budget, NO_BUDGET } from "../config/budget.ts";
import { autocompactPoint } from "../context/autocompact.ts";
import { countingLimit, type LimitKind } from "../context/limit.ts";
import type { ContextStatus, Thresholds } from "../context/status.ts";
import type { ContextUsage } from "../context/usage.ts";
import { ownColor } from "../present/safe-text.ts";
import { type Style, styleFor } from "../present/terminal.ts";

interface StatuslineFigures {
  model: string;
  usedTokens: number;
  estimated: boolean;
  contextWindow: number;
  autocompactAt: number | null;
  /** Percent of the window: the one base every view uses (get_context_usage's usedPercent). */
  percentOfWindow: number;
  /** What the countdown and the colour count against: the working budget, the auto-compact point, the window. */
  limit: number;
  limitKind: LimitKind;
  tokensUntilLimit: number;
  stepsUntilLimit: number | null;
  /** A budget setting that was refused, in a few words for the line. */
  budgetIgnored: boolean;
  status: ContextStatus;
}

export interface StatuslineFacts {
  input: StatuslineInput;
  /** The transcript's answer (the same as get_context_usage's), or null when it could not be read. */
  usage: ContextUsage | null;
  env: Readonly<Record<string, string | undefined>>;
  compactSettings: CompactSettings;
  thresholds: Thresholds;
  budget?: Budget | undefined;
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
  const autocompactAt = autocompactPoint(contextWindow, facts.env, facts.compactSettings, {
    modelId: input.modelId ?? usage?.model ?? null,
    version: input.version,
  }).at;
  const budget = facts.budget ?? NO_BUDGET;
  const { limit, limitKind, tokensUntilLimit, stepsUntilLimit, status } = countingLimit(
    usedTokens,
    contextWindow,
    autocompactAt,
    budget,
    facts.thresholds,
    usage?.tokensPerStep ?? null,
  );
  return {
    model: input.modelName ?? input.modelId ?? usage?.model ?? "Claude",
    usedTokens,
    estimated,
    contextWindow,
    autocompactAt,
    percentOfWindow: Math.round((usedTokens / contextWindow) * 100),
    limit,
    limitKind,
    tokensUntilLimit,
    stepsUntilLimit: tokensUntilLimit > 0 ? stepsUntilLimit : null,
    budgetIgnored: budget.problem !== null,
    status,
  };
}

type LineStyle = Pick<Style, "color" | "unicode">;

/** The CLI's rule (NO_COLOR, FORCE_COLOR, the locale); Claude Code shows ANSI colours, so on by default. */
export function lineStyle(env: Readonly<Record<string, string | undefined>>): LineStyle {
  const { color, unicode } = styleFor({ env, isTTY: false, columns: undefined, colorByDefault: true });
  return { color, unicode };
}

const COLORS: Record<ContextStatus, string> = { ok: ownColor(32), warn: ownColor(33), critical: ownColor(31) };
const RESET = ownColor(0);
const BAR_WIDTH = 10;

function bar(percent: number, style: LineStyle): string {
  const filled = Math.max(0, Math.min(BAR_WIDTH, Math.round((percent / 100) * BAR_WIDTH)));
  const [full, empty] = style.unicode ? ["█", "░"] : ["#", "-"];
  return `${full.repeat(filled)}${empty.repeat(BAR_WIDTH - filled)}`;
}

/** The countdown's target in a few words: "until auto-compact", "of budget 300k". */
const TARGET: Record<LimitKind, (figures: StatuslineFigures) => string> = {
  budget: (figures) => `budget ${roundTokens(figures.limit)}`,
  "auto-compact": () => "auto-compact",
  window: () => "a full window",
};

export function renderStatusline(figures: StatuslineFigures, style: LineStyle): string {
  const separator = style.unicode ? " · " : " | ";
  const approx = figures.estimated ? "~" : "";
  const parts = [
    figures.model,
    `${approx}${roundTokens(figures.usedTokens)}/${roundTokens(figures.contextWindow)}`,
    `${bar(figures.percentOfWindow, style)} ${figures.percentOfWindow}% of window`,
  ];
  const target = TARGET[figures.limitKind](figures);
  const left = figures.tokensUntilLimit;
  if (left <= 0) {
    const over = figures.usedTokens - figures.limit;
    parts.push(`past ${target} (${roundTokens(figures.limit)}) by ${roundTokens(over)}`);
  } else {
    const steps = figures.stepsUntilLimit;
    parts.push(
      `${roundTokens(left)} until ${target}${steps !== null ? ` (~${steps} step${steps === 1 ? "" : "s"})` : ""}`,
    );
  }
  if (figures.autocompactAt === null) parts.push("auto-compact off");
  else if (figures.limitKind === "budget") parts.push(`auto-compact ~${roundTokens(figures.autocompactAt)}`);
  if (figures.budgetIgnored) parts.push("budget ignored: not a number");
  const line = parts.join(separator);
  return style.color ? `${COLORS[figures.status]}${line}${RESET}` : line;
}
