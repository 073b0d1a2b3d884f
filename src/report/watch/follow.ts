// Which transcript the watch follows, driven by chokidar (it copes with atomic renames and editors'
// save patterns where fs.watch alone misses events). The project's transcript folder is watched, not
// one file: when Claude Code starts a new session there (/clear, a new `claude`), its new transcript is
// followed as soon as it appears, unless one transcript was named with --transcript. Appends to other,
// older sessions are not followed: two sessions often share a project, and the view would flip between them.
import { basename, dirname } from "node:path";
import { watch, type FSWatcher } from "chokidar";

interface FollowEvents {
  /** The followed transcript changed (or was replaced). */
  changed(): void;
  /** Another session's transcript was written: the watch now follows it. */
  switched(path: string): void;
}

function isMainTranscript(path: string): boolean {
  const name = basename(path);
  return name.endsWith(".jsonl") && !name.startsWith("agent-");
}

export class TranscriptFollower {
  private watcher: FSWatcher | null = null;

  constructor(
    private current: string,
    /** True when the transcript was named: never move to another one. */
    private readonly pinned: boolean,
    private readonly events: FollowEvents,
  ) {}

  get path(): string {
    return this.current;
  }

  /** Resolves once the folder is being watched. */
  async start(): Promise<void> {
    const watcher = watch(dirname(this.current), { depth: 0, ignoreInitial: true, persistent: true });
    this.watcher = watcher;
    watcher.on("all", (event, path) => {
      if (event !== "add" && event !== "change") return;
      if (path === this.current) this.events.changed();
      else if (event === "add" && !this.pinned && isMainTranscript(path)) {
        this.current = path;
        this.events.switched(path);
      }
    });
    await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    this.watcher = null;
  }
}
