// Runs an async job one at a time: asked while it runs, it runs once more afterwards (never twice at
// once, never an ask lost); asked "soon", it waits for a burst of asks to settle first.
export class SerialRunner {
  private running = false;
  private again = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly job: () => Promise<void>,
    private readonly settleMs: number,
  ) {}

  async now(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        await this.job();
      } while (this.again);
    } finally {
      this.running = false;
    }
  }

  soon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.now();
    }, this.settleMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
