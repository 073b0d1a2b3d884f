// Carrying out an install or uninstall plan: each file written atomically with its mode kept, the
// previous version kept beside it as `<name>.ctx-monitor.bak`, nothing written when nothing changes.
import { existsSync, mkdirSync, readFileSync, statSync, unlinkSync } from "node:fs";
import { dirname } from "node:path";
import { replaceFile } from "../../fs/atomic-write.ts";

export interface FileChange {
  path: string;
  before: string | null;
  /** null: remove the file (only ever one that install created and that is now empty). */
  after: string | null;
  changes: string[];
}

export function readText(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export function isChange(change: FileChange): boolean {
  return change.after !== change.before;
}

function backupPath(path: string): string {
  return `${path}.ctx-monitor.bak`;
}

export function applyChange(change: FileChange): void {
  if (!isChange(change)) return;
  const mode = existsSync(change.path) ? statSync(change.path).mode & 0o777 : 0o644;
  // Security: the backup replaces whatever is at its name, a symlink included (a cloned project can
  // carry one), rather than writing through it to a file elsewhere.
  if (change.before !== null) replaceFile(backupPath(change.path), change.before, mode);
  if (change.after === null) {
    unlinkSync(change.path);
    return;
  }
  mkdirSync(dirname(change.path), { recursive: true });
  replaceFile(change.path, change.after, mode);
}

export function describeChanges(changes: readonly FileChange[], notes: readonly string[], dryRun: boolean): string {
  const lines: string[] = [];
  const real = changes.filter(isChange);
  for (const change of real) {
    lines.push(`${change.path}${change.after === null ? " (removed: nothing left in it)" : ""}`);
    for (const what of change.changes) lines.push(`  - ${what}`);
    if (!dryRun && change.before !== null) lines.push(`  (previous version kept in ${backupPath(change.path)})`);
  }
  if (real.length === 0) lines.push("Nothing to change: already as wanted.");
  for (const note of notes) lines.push(`Note: ${note}`);
  if (dryRun) lines.unshift("Dry run: these changes would be made (nothing written):");
  return lines.join("\n");
}
