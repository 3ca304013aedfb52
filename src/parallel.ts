// Small concurrency helpers for build steps that are mostly file-system waits (linking cached
// images, reading the cache) with some CPU work in between.

/**
 * Runs `work` over `items`, `size` at a time, keeping the order of results. After a failure no
 * further item starts, and the failure is thrown once the items under way have ended: a build
 * removes its staging folder on failure, and nothing may still be writing into it then.
 */
export async function pool<T, R>(items: readonly T[], size: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      const i = next++;
      try {
        results[i] = await work(items[i]!, i);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await allSettled(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, worker));
  return results;
}

/**
 * Like Promise.all, but waits for every task before failing: a task still writing into the
 * staging folder after the build has removed it would leave a half-written folder behind.
 */
export async function allSettled<T extends readonly unknown[]>(tasks: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results = await Promise.allSettled(tasks);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/** A gate that lets at most `size` calls of `run` work at once; the others wait their turn. */
export function limiter(size: number): <R>(task: () => Promise<R>) => Promise<R> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
