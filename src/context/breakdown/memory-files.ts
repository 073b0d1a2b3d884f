// The memory files Claude Code loads into every session, found on disk the way it finds them (seen with
// 2.1.197 in the end-to-end suite): the user's CLAUDE.md and rules (`<config>/rules/**/*.md`) in its
// config folder; CLAUDE.md, .claude/CLAUDE.md, .claude/rules/**/*.md and CLAUDE.local.md in the project
// folder and each folder above it; the first 200 lines of the project's auto memory
// (`<config>/projects/<project>/memory/MEMORY.md`); and the files those import with `@path` (relative to
// the importing file, or `~/`), up to five levels deep. Rules scoped by `paths:` front matter load only
// when matching files are read (they arrive later, as attachments), so they are not counted here.
import { type Dirent, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import type { Runtime } from "../../base/runtime.ts";
import { claudeConfigDir, encodeProjectDir } from "../../claude/paths.ts";
import type { MemoryFile } from "./baseline.ts";

/** Larger files are counted by size without being read. */
const READ_LIMIT = 4 << 20;
const MAX_IMPORT_DEPTH = 5;
/** Claude Code loads this many lines of the auto memory's MEMORY.md. */
const AUTO_MEMORY_LINES = 200;
/** Bounds on a rules folder walk: enough for any real set of rules, never a runaway. */
const RULES_MAX_DEPTH = 6;
const RULES_MAX_FILES = 500;

/** `@path` imports outside code spans and fenced blocks: `@docs/style.md`, `@~/notes.md`. */
export function importsIn(text: string): string[] {
  const imports: string[] = [];
  let fenced = false;
  for (const line of text.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const outsideCode = line.replace(/`[^`]*`/g, "");
    for (const match of outsideCode.matchAll(/(?:^|\s)@((?:~\/|\.{0,2}\/)?[\w.~/-]*[\w-]\.?[\w]*)/g))
      imports.push(match[1]!);
  }
  return imports;
}

/** `---\npaths: …\n---` at the top of a rule: loaded only for matching files. */
export function isPathScoped(text: string): boolean {
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
  return frontMatter !== undefined && /^paths\s*:/m.test(frontMatter);
}

type Found = { chars: number; text: string | null };

function read(path: string, maxLines?: number): Found | null {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return null;
    if (stat.size > READ_LIMIT) return { chars: stat.size, text: null };
    let text = readFileSync(path, "utf8");
    if (maxLines !== undefined) text = text.split("\n").slice(0, maxLines).join("\n");
    return { chars: text.length, text };
  } catch {
    return null;
  }
}

/** Every `.md` file under a rules folder, sorted, bounded in depth and number. */
function ruleFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    for (const entry of entries) {
      if (found.length >= RULES_MAX_FILES) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < RULES_MAX_DEPTH) walk(path, depth + 1);
      else if (entry.name.endsWith(".md") && (entry.isFile() || entry.isSymbolicLink())) found.push(path);
    }
  };
  walk(folder, 0);
  return found;
}

interface Candidate {
  path: string;
  rule?: boolean;
  maxLines?: number;
}

function candidatesFor(runtime: Runtime, projectDir: string | null): Candidate[] {
  const config = claudeConfigDir(runtime);
  const candidates: Candidate[] = [
    { path: join(config, "CLAUDE.md") },
    ...ruleFiles(join(config, "rules")).map((path) => ({ path, rule: true })),
  ];
  if (!projectDir) return candidates;
  const folders: string[] = [];
  for (let folder = projectDir; ; folder = dirname(folder)) {
    folders.push(folder);
    if (dirname(folder) === folder) break;
  }
  // Outermost first, as Claude Code reads them.
  for (const folder of folders.reverse()) {
    candidates.push({ path: join(folder, "CLAUDE.md") }, { path: join(folder, ".claude", "CLAUDE.md") });
    candidates.push(...ruleFiles(join(folder, ".claude", "rules")).map((path) => ({ path, rule: true })));
    candidates.push({ path: join(folder, "CLAUDE.local.md") });
  }
  candidates.push({
    path: join(config, "projects", encodeProjectDir(projectDir), "memory", "MEMORY.md"),
    maxLines: AUTO_MEMORY_LINES,
  });
  return candidates;
}

export function findMemoryFiles(runtime: Runtime, projectDir: string | null): MemoryFile[] {
  const seen = new Set<string>();
  const files: MemoryFile[] = [];
  const visit = (path: string, depth: number, candidate: Candidate = { path }) => {
    if (seen.has(path)) return;
    seen.add(path);
    const found = read(path, candidate.maxLines);
    if (!found || found.chars === 0) return;
    if (candidate.rule && found.text !== null && isPathScoped(found.text)) return;
    files.push({ path, chars: found.chars });
    if (depth >= MAX_IMPORT_DEPTH || found.text === null) return;
    for (const target of importsIn(found.text)) {
      const resolved = target.startsWith("~/")
        ? join(runtime.homeDir, target.slice(2))
        : isAbsolute(target)
          ? target
          : resolve(dirname(path), target);
      visit(resolved, depth + 1);
    }
  };
  for (const candidate of candidatesFor(runtime, projectDir)) visit(candidate.path, 0, candidate);
  return files;
}
