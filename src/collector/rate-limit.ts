// The windows of the per-client rate limit (docs/adr/006, 019). One collector keeps them in memory
// (MemoryRateWindows); several collectors on one PostgreSQL share them there (the store's
// sharedRateWindows), so a client cannot multiply its quota by the number of instances.
import type { RateOutcome, RateWindows } from "./store/types.js";

export type { RateOutcome, RateWindows };

interface Window {
  start: number;
  used: number;
}

/**
 * Windows in memory, bounded without letting a flood reset anyone: a key seen once waits in a
 * "probation" part, a key seen again moves to a "protected" part (a segmented LRU). A flood of
 * distinct addresses, each sending once, only pushes other one-time keys out of probation; the
 * windows of clients that actually submit stay where they are.
 */
export class MemoryRateWindows implements RateWindows {
  private readonly probation = new Map<string, Window>();
  private readonly protected = new Map<string, Window>();
  private readonly probationSize: number;
  private readonly protectedSize: number;

  constructor(capacity = 100_000) {
    this.probationSize = Math.max(1, Math.floor(capacity / 2));
    this.protectedSize = Math.max(1, capacity - this.probationSize);
  }

  get size(): number {
    return this.probation.size + this.protected.size;
  }

  async take(key: string, cost: number, max: number, windowMs: number, now: number): Promise<RateOutcome> {
    let window = this.protected.get(key);
    const wasProtected = window !== undefined;
    window ??= this.probation.get(key);
    if (window && now - window.start >= windowMs) {
      this.forget(key);
      window = undefined;
    }
    if (!window) {
      window = { start: now, used: 0 };
      put(this.probation, key, window, this.probationSize);
    } else {
      // Seen again (or still active): into, or to the young end of, the protected part.
      if (!wasProtected) this.probation.delete(key);
      else this.protected.delete(key);
      put(this.protected, key, window, this.protectedSize);
    }
    if (window.used + cost > max) return { allowed: false, retryAfter: Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)) };
    window.used += cost;
    return { allowed: true };
  }

  async refund(key: string, cost: number): Promise<void> {
    const window = this.protected.get(key) ?? this.probation.get(key);
    if (window) window.used = Math.max(0, window.used - cost);
  }

  /** Whether anything is kept under `key` (tests: the address itself never is). */
  keys(): string[] {
    return [...this.probation.keys(), ...this.protected.keys()];
  }

  private forget(key: string): void {
    this.probation.delete(key);
    this.protected.delete(key);
  }
}

/** Map keeps insertion order: its first key is the least recently used. */
function put(map: Map<string, Window>, key: string, window: Window, capacity: number): void {
  if (map.size >= capacity) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  map.set(key, window);
}
