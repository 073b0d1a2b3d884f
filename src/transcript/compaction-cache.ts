// Keeps compaction scans between calls: in memory for the server, and on disk for CLI runs (the
// statusline and hooks start a new process each time), so only appended bytes are ever scanned.
// Security: a scan is keyed by what identifies the content (its first bytes: the session), not by the
// inode a new file may reuse, is continued only when the bytes it read are still there, and expires.

import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { STATE_DIR_SETTING } from "../claude/paths.ts";
import { replaceFile } from "../fs/atomic-write.ts";
import { makeFolder } from "../fs/make-folder.ts";
import type { ByteSource } from "./byte-source.ts";
import { type CompactionScanState, scanCompactions } from "./compaction-scan.ts";
import { contentKey, fingerprintAt } from "./content-identity.ts";

/** A scan kept on disk this long unused is forgotten (and removed when another is written). */
const EXPIRY_MS = 7 * 24 * 60 * 60_000;
const MEMORY_CAPACITY = 64;

interface KeptScan {
  state: CompactionScanState;
  /** fingerprintAt(source, state.offset) when the scan was made. */
  fingerprint: string;
}

function parseScanState(value: unknown): CompactionScanState | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const counts = [v.dev, v.ino, v.offset, v.count].every((x) => typeof x === "number" && Number.isFinite(x) && x >= 0);
  const last = v.last;
  const lastOk =
    last === null ||
    (typeof last === "object" &&
      ["trigger", "at"].every((k) => ["string", "object"].includes(typeof (last as Record<string, unknown>)[k])) &&
      ["preTokens", "postTokens"].every((k) => {
        const x = (last as Record<string, unknown>)[k];
        return x === null || typeof x === "number";
      }));
  return counts && lastOk ? (value as CompactionScanState) : null;
}

function parseKept(value: unknown): KeptScan | null {
  if (typeof value !== "object" || value === null) return null;
  const { state, fingerprint } = value as Record<string, unknown>;
  const parsed = parseScanState(state);
  return parsed && typeof fingerprint === "string" ? { state: parsed, fingerprint } : null;
}

export class CompactionCache {
  private readonly memory = new Map<string, KeptScan>();

  /** @param dir where scans are kept on disk, or null to keep them in memory only */
  constructor(private readonly dir: string | null) {}

  /** @param subagent the file is a subagent's own transcript (see scanCompactions) */
  scan(source: ByteSource, subagent = false): CompactionScanState {
    const key = contentKey(source);
    if (key === null) return scanCompactions(source, null, subagent);
    const kept = this.memory.get(key) ?? this.readDisk(key);
    // Continued only where the bytes it read are still the same; then it is this file's scan.
    const previous =
      kept && fingerprintAt(source, kept.state.offset) === kept.fingerprint
        ? { ...kept.state, dev: source.dev, ino: source.ino }
        : null;
    const next = scanCompactions(source, previous, subagent);
    const moved = !previous || next.offset !== kept?.state.offset;
    const scan = { state: next, fingerprint: moved ? fingerprintAt(source, next.offset) : kept.fingerprint };
    this.memory.delete(key);
    this.memory.set(key, scan);
    while (this.memory.size > MEMORY_CAPACITY) this.memory.delete(this.memory.keys().next().value!);
    if (next.offset !== kept?.state.offset || !previous) this.writeDisk(key, scan);
    return next;
  }

  private readDisk(key: string): KeptScan | null {
    if (!this.dir) return null;
    const path = join(this.dir, `${key}.json`);
    try {
      if (Date.now() - statSync(path).mtimeMs > EXPIRY_MS) return null;
      return parseKept(JSON.parse(readFileSync(path, "utf8")));
    } catch {
      return null;
    }
  }

  private writeDisk(key: string, scan: KeptScan): void {
    if (!this.dir) return;
    const path = join(this.dir, `${key}.json`);
    try {
      makeFolder(this.dir, 0o700, STATE_DIR_SETTING);
      replaceFile(path, JSON.stringify(scan), 0o600);
      this.removeExpired();
    } catch {
      // A cache that cannot be written only costs a rescan next time.
    }
  }

  private removeExpired(): void {
    for (const name of readdirSync(this.dir!).slice(0, 1_000)) {
      const path = join(this.dir!, name);
      try {
        if (Date.now() - statSync(path).mtimeMs > EXPIRY_MS) rmSync(path, { force: true });
      } catch {
        // Removed meanwhile.
      }
    }
  }
}
