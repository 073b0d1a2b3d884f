// One followed transcript's state for the watch: each refresh reads only what was appended (the
// timeline incrementally, the usage from the file's tail) and returns the next view.

import type { Runtime } from "../../base/runtime.ts";
import { sessionProjectDir } from "../../claude/paths.ts";
import { loadSettings } from "../../config/settings.ts";
import { createUsageDeps, readContextUsage, type UsageDeps } from "../../context/read-usage.ts";
import type { Thresholds } from "../../context/status.ts";
import { sessionHandoffs } from "../session-handoffs.ts";
import { TailFirstTimeline } from "./tail-first-timeline.ts";
import { nextView, type WatchView } from "./view.ts";

export class WatchSession {
  private readonly usageDeps: UsageDeps;
  private readonly timelines: TailFirstTimeline;
  private readonly thresholds: Thresholds;
  private last: WatchView | null = null;

  constructor(
    private readonly runtime: Runtime,
    private readonly projectDir: string | undefined,
    firstReadBytes?: number,
  ) {
    this.timelines = new TailFirstTimeline(firstReadBytes);
    this.usageDeps = createUsageDeps(runtime);
    this.thresholds = loadSettings(runtime);
  }

  get view(): WatchView | null {
    return this.last;
  }

  async refresh(transcriptPath: string): Promise<WatchView> {
    const usage = await readContextUsage(
      { transcriptPath, ...(this.projectDir ? { projectDir: this.projectDir } : {}) },
      this.usageDeps,
    );
    const { timeline, partial } = this.timelines.read(transcriptPath);
    this.last = nextView(
      this.last,
      {
        usage,
        steps: timeline.steps,
        marks: timeline.marks,
        // One directory listing per refresh: the PreCompact hook's and the CLI's handoffs are not in the transcript.
        handoffs: sessionHandoffs(
          this.runtime,
          sessionProjectDir(this.runtime, this.projectDir, timeline.projectDir),
          usage.sessionId,
        ),
        partial,
      },
      this.thresholds,
      this.runtime.now(),
    );
    return this.last;
  }
}
