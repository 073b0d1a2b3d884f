// Carrying out an install or uninstall plan. Every target is checked before the first write, so a file
// that cannot be written leaves every other file as it was; each file is written atomically with its
// mode kept, through a symlink to its target (a settings file kept in a dotfiles repository stays a
// link); install keeps the previous version beside it as `<name>.ctx-monitor.bak`, uninstall removes
// those backups; nothing is written when nothing changes.
import {
  accessSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  statSync,
  unlinkSync,
} from "node:fs";
import { dirname } from "node:path";
import { replaceFile } from "../../fs/atomic-write.ts";
import { SettingsFileError } from "./json-text.ts";

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

export function backupPath(path: string): string {
  return `${path}.ctx-monitor.bak`;
}

/** Where a write to `path` lands: the file a symlink points to (the link itself stays). */
function writeTarget(path: string): string {
  try {
    return lstatSync(path).isSymbolicLink() ? realpathSync(path) : path;
  } catch {
    return path;
  }
}

/** The nearest folder of `path` that exists. */
function existingFolder(path: string): string {
  let folder = dirname(path);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

/** Throws one line for the first target that cannot be written, before anything is. */
export function checkWritable(changes: readonly FileChange[], backups: boolean): void {
  for (const change of changes.filter(isChange)) {
    const target = writeTarget(change.path);
    const places = [existingFolder(target)];
    if (existsSync(target)) places.push(target);
    if (backups && change.before !== null) places.push(existingFolder(backupPath(change.path)));
    for (const place of places) {
      try {
        accessSync(place, constants.W_OK);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? "not writable";
        throw new SettingsFileError(
          `cannot write ${place === target ? target : `in ${place}`} (${code}): nothing was changed; make it writable, then run this again`,
        );
      }
    }
  }
}

/** Writes one planned change; `backup`: keep the previous version beside it (install does). */
export function applyChange(change: FileChange, backup: boolean): void {
  if (!isChange(change)) return;
  const target = writeTarget(change.path);
  const mode = existsSync(target) ? statSync(target).mode & 0o777 : 0o644;
  // Security: the backup replaces whatever is at its name, a symlink included (a cloned project can
  // carry one), rather than writing through it to a file elsewhere.
  if (backup && change.before !== null) replaceFile(backupPath(change.path), change.before, mode);
  if (change.after === null) {
    unlinkSync(change.path);
    return;
  }
  mkdirSync(dirname(target), { recursive: true });
  replaceFile(target, change.after, mode);
}

export function describeChanges(
  changes: readonly FileChange[],
  notes: readonly string[],
  dryRun: boolean,
  backups = true,
): string {
  const lines: string[] = [];
  const real = changes.filter(isChange);
  for (const change of real) {
    lines.push(`${change.path}${change.after === null ? " (removed: nothing left in it)" : ""}`);
    for (const what of change.changes) lines.push(`  - ${what}`);
    if (!dryRun && backups && change.before !== null)
      lines.push(`  (previous version kept in ${backupPath(change.path)})`);
  }
  if (real.length === 0) lines.push("Nothing to change: already as wanted.");
  for (const note of notes) lines.push(`Note: ${note}`);
  if (dryRun) lines.unshift("Dry run: these changes would be made (nothing written):");
  return lines.join("\n");
}
