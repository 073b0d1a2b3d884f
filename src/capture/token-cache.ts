// What count_tokens said of each group of the baseline's parts, by group hash, in the store (0600):
// the measured tokens, or why there is no figure (no credentials, refused, timed out, turned off…),
// so the answer can say it even when the measuring ran in another process (the proxy) or earlier
// (the server's digest timer), when the part's texts are long gone. Never a text, never a credential.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { replaceFile } from "../fs/atomic-write.ts";
import { ensurePrivateDir } from "./paths.ts";

export const UNMEASURED_REASONS = [
  "turned-off",
  "no-credentials",
  "credentials-rejected",
  "refused",
  "timed-out",
  "unreachable",
  "nonsense",
  "not-yet",
  /** Measured, but on another request shape than the one the breakdown is split by. */
  "other-shape",
] as const;

export type UnmeasuredReason = (typeof UNMEASURED_REASONS)[number];

/** Why a group has no measured figure, in words a person can act on (never holding a credential). */
export interface Unmeasured {
  reason: UnmeasuredReason;
  said: string;
  /** When it was tried (ISO): a failure that may pass (timed out, refused) is tried again later. */
  at: string;
}

type Entry = number | Unmeasured;

/** Failures worth asking again after this long: the API may answer next time. */
const RETRY_AFTER_MS = 5 * 60_000;
/** Reasons that come from the asker's own setup, not the API: asked again as soon as it can ask. */
const SETUP_REASONS: ReadonlySet<UnmeasuredReason> = new Set(["turned-off", "no-credentials", "not-yet"]);
const KEEP = 500;

function isUnmeasured(value: unknown): value is Unmeasured {
  if (typeof value !== "object" || value === null) return false;
  const { reason, said, at } = value as Record<string, unknown>;
  return (
    typeof reason === "string" &&
    (UNMEASURED_REASONS as readonly string[]).includes(reason) &&
    typeof said === "string" &&
    typeof at === "string"
  );
}

function readEntries(path: string): Record<string, Entry> {
  try {
    const raw: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (typeof raw !== "object" || raw === null) return {};
    const entries: Record<string, Entry> = {};
    for (const [hash, value] of Object.entries(raw))
      if (typeof value === "number" || isUnmeasured(value)) entries[hash] = value;
    return entries;
  } catch {
    return {};
  }
}

export class TokenCache {
  private entries: Record<string, Entry>;
  private readonly changed = new Map<string, Entry>();
  private readonly path: string;

  constructor(private readonly storeDir: string) {
    this.path = join(storeDir, "part-tokens.json");
    this.entries = readEntries(this.path);
  }

  /** The measured tokens of a group, if count_tokens measured it. */
  get(hash: string): number | undefined {
    const value = this.entries[hash];
    return typeof value === "number" ? value : undefined;
  }

  /** Why a group has no figure, if the last try said. */
  unmeasured(hash: string): Unmeasured | undefined {
    const value = this.entries[hash];
    return typeof value === "number" ? undefined : value;
  }

  /** True when the group should be asked: never measured, and no failure that is still recent. */
  wants(hash: string, now: Date): boolean {
    const value = this.entries[hash];
    if (value === undefined) return true;
    if (typeof value === "number") return false;
    return SETUP_REASONS.has(value.reason) || now.getTime() - Date.parse(value.at) >= RETRY_AFTER_MS;
  }

  set(hash: string, tokens: number): void {
    this.put(hash, tokens);
  }

  /** Records why a group is not measured; a figure measured before is kept. */
  fail(hash: string, unmeasured: Unmeasured): void {
    if (this.get(hash) === undefined) this.put(hash, unmeasured);
  }

  /** Writes this cache's changes over what is on disk now: the proxy and the server share the file. */
  save(): void {
    if (this.changed.size === 0) return;
    const merged = readEntries(this.path);
    for (const [hash, value] of this.changed) {
      if (typeof value !== "number" && typeof merged[hash] === "number") continue;
      delete merged[hash];
      merged[hash] = value;
    }
    const keys = Object.keys(merged);
    for (const old of keys.slice(0, Math.max(0, keys.length - KEEP))) delete merged[old];
    ensurePrivateDir(this.storeDir);
    replaceFile(this.path, JSON.stringify(merged), 0o600);
    this.entries = merged;
    this.changed.clear();
  }

  private put(hash: string, value: Entry): void {
    delete this.entries[hash];
    this.entries[hash] = value;
    this.changed.set(hash, value);
  }
}
