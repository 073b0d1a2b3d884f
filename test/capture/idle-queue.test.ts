// Capture work waits for a quiet moment, within bounds.
import { describe, expect, it } from "vitest";
import { IdleQueue } from "../../src/capture/proxy/idle-queue.ts";

const limits = { bytes: 100, count: 3, idleMs: 5 };
const quiet = () => new Promise((resolve) => setTimeout(resolve, 40));

describe("IdleQueue", () => {
  it("runs nothing while a request is in flight, everything once all have ended", async () => {
    const done: number[] = [];
    const queue = new IdleQueue<number>((item) => done.push(item), limits);
    queue.requestStarted();
    queue.requestStarted();
    queue.push(1, 10);
    queue.requestEnded();
    await quiet();
    expect(done).toEqual([]);
    queue.requestEnded();
    await quiet();
    expect(done).toEqual([1]);
  });

  it("past its count or byte bound, processes the oldest at once; drain runs the rest", () => {
    const done: number[] = [];
    const queue = new IdleQueue<number>((item) => done.push(item), limits);
    queue.requestStarted();
    for (const item of [1, 2, 3, 4]) queue.push(item, 10);
    expect(done).toEqual([1]);
    queue.push(5, 90);
    expect(done).toEqual([1, 2, 3]);
    queue.drain();
    expect(done).toEqual([1, 2, 3, 4, 5]);
  });
});
