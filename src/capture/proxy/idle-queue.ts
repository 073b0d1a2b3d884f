// Capture work waits until no request is in flight: digesting a 100 KB body costs a few milliseconds
// of the only thread, which must never delay a response being streamed. Claude Code's requests come
// seconds apart (a person typing, tools running), so the queue empties between them; under a burst
// it is bounded, and past its bounds the oldest exchange is processed at once.
export interface QueueLimits {
  bytes: number;
  count: number;
  /** Quiet time after the last response before the work runs. */
  idleMs: number;
}

export const DEFAULT_QUEUE_LIMITS: QueueLimits = { bytes: 32 << 20, count: 128, idleMs: 50 };

export class IdleQueue<T> {
  private items: Array<{ item: T; bytes: number }> = [];
  private bytes = 0;
  private inFlight = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly work: (item: T) => void,
    private readonly limits: QueueLimits = DEFAULT_QUEUE_LIMITS,
  ) {}

  requestStarted(): void {
    this.inFlight++;
    this.cancel();
  }

  requestEnded(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.schedule();
  }

  push(item: T, bytes: number): void {
    this.items.push({ item, bytes });
    this.bytes += bytes;
    while (this.items.length > this.limits.count || (this.bytes > this.limits.bytes && this.items.length > 1))
      this.runOne();
    this.schedule();
  }

  /** Runs everything left (on shutdown). */
  drain(): void {
    this.cancel();
    while (this.items.length) this.runOne();
  }

  private runOne(): void {
    const next = this.items.shift();
    if (!next) return;
    this.bytes -= next.bytes;
    this.work(next.item);
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.inFlight > 0 || this.items.length === 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.inFlight === 0) this.drain();
    }, this.limits.idleMs);
    this.timer.unref();
  }
}
