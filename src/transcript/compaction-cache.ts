// Keeps compaction scans between calls: in memory for the server, and on disk for CLI runs (the
// statusline and hooks start a new process each time), so only appended bytes are ever scanned.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ByteSource } from "./byte-source.ts";
import { scanCompactions, type CompactionScanState } from "./compaction-scan.ts";

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

export class CompactionCache {
  private readonly memory = new Map<string, CompactionScanState>();

  /** @param dir where scans are kept on disk, or null to keep them in memory only */
  constructor(private readonly dir: string | null) {}

  /** @param subagent the file is a subagent's own transcript (see scanCompactions) */
  scan(source: ByteSource, subagent = false): CompactionScanState {
    const key = `${source.dev}-${source.ino}`;
    const previous = this.memory.get(key) ?? this.readDisk(key);
    const next = scanCompactions(source, previous, subagent);
    this.memory.set(key, next);
    if (next.offset !== previous?.offset) this.writeDisk(key, next);
    return next;
  }

  private readDisk(key: string): CompactionScanState | null {
    if (!this.dir) return null;
    try {
      return parseScanState(JSON.parse(readFileSync(join(this.dir, `${key}.json`), "utf8")));
    } catch {
      return null;
    }
  }

  private writeDisk(key: string, state: CompactionScanState): void {
    if (!this.dir) return;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const path = join(this.dir, `${key}.json`);
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(state), { mode: 0o600 });
      renameSync(temporary, path);
    } catch {
      // A cache that cannot be written only costs a rescan next time.
    }
  }
}
