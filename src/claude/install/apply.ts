// Carrying out an install or uninstall plan: each file written atomically with its mode kept, the
// previous version kept beside it as `<name>.ctx-monitor.bak`, nothing written when nothing changes.
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname } from "node:path";

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
  if (change.before !== null) copyFileSync(change.path, backupPath(change.path));
  if (change.after === null) {
    unlinkSync(change.path);
    return;
  }
  mkdirSync(dirname(change.path), { recursive: true });
  const mode = existsSync(change.path) ? statSync(change.path).mode & 0o777 : 0o644;
  const temporary = `${change.path}.${process.pid}.tmp`;
  writeFileSync(temporary, change.after, { mode });
  chmodSync(temporary, mode);
  renameSync(temporary, change.path);
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
