// One followed transcript's state for the watch: each refresh reads only what was appended (the
// timeline incrementally, the usage from the file's tail) and returns the next view.
import { loadSettings } from "../../config.ts";
import { createUsageDeps, readContextUsage, type UsageDeps } from "../../context/read-usage.ts";
import type { Runtime } from "../../runtime.ts";
import { IncrementalReader } from "../../transcript/incremental-reader.ts";
import { ResponseTimeline } from "../../transcript/response-timeline.ts";
import { nextView, type Thresholds, type WatchView } from "./view.ts";

export class WatchSession {
  private readonly usageDeps: UsageDeps;
  private readonly timelines = new IncrementalReader(() => new ResponseTimeline(), { capacity: 4 });
  private readonly thresholds: Thresholds;
  private last: WatchView | null = null;

  constructor(
    private readonly runtime: Runtime,
    private readonly projectDir: string | undefined,
  ) {
    this.usageDeps = createUsageDeps(runtime);
    this.thresholds = loadSettings(runtime);
  }

  get view(): WatchView | null {
    return this.last;
  }

  async refresh(transcriptPath: string): Promise<WatchView> {
    const usage = await readContextUsage({ transcriptPath, ...(this.projectDir ? { projectDir: this.projectDir } : {}) }, this.usageDeps);
    const timeline = this.timelines.read(transcriptPath).reducer;
    this.last = nextView(this.last, { usage, steps: timeline.steps, marks: timeline.marks }, this.thresholds, this.runtime.now());
    return this.last;
  }
}
