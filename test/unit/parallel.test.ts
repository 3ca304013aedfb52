// The build's small concurrency helpers: a pool that keeps the order of its results, never runs
// more than its size at once, and, when an item fails, lets the items under way end before it
// fails (the build then removes a staging folder nothing writes into any more).
import { describe, expect, it } from "vitest";
import { allSettled, pool } from "../../src/parallel.js";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("pool", () => {
  it("keeps the order of the items and runs at most its size at once", async () => {
    let running = 0;
    let most = 0;
    const results = await pool([30, 5, 20, 1, 10, 2], 3, async (ms, i) => {
      most = Math.max(most, ++running);
      await pause(ms);
      running--;
      return `${i}:${ms}`;
    });
    expect(results).toEqual(["0:30", "1:5", "2:20", "3:1", "4:10", "5:2"]);
    expect(most).toBe(3);
  });

  it("after a failure starts no further item, and fails only when the items under way have ended", async () => {
    const started: number[] = [];
    const ended: number[] = [];
    const run = pool([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      if (n === 0) throw new Error("item 0 failed");
      await pause(40);
      ended.push(n);
      return n;
    });
    await expect(run).rejects.toThrow("item 0 failed");
    // Item 1 was under way when item 0 failed: it ended before the pool failed; no item after it began.
    expect(started).toEqual([0, 1]);
    expect(ended).toEqual([1]);
  });
});

describe("allSettled", () => {
  it("gives the values in the tasks' order", async () => {
    expect(await allSettled([pause(20).then(() => "slow"), Promise.resolve(2)] as const)).toEqual(["slow", 2]);
  });

  it("fails with the first failure only when every task has ended", async () => {
    let slowEnded = false;
    const run = allSettled([Promise.reject(new Error("first")), pause(40).then(() => (slowEnded = true)), Promise.reject(new Error("second"))]);
    await expect(run).rejects.toThrow("first");
    expect(slowEnded).toBe(true);
  });
});
