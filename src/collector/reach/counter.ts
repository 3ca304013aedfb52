// Reach counts in memory, written to the store in one batch every few seconds and on shutdown, so
// that counting costs a short-link redirect a Map update and no database write. What a crash can
// cost: the counts of the last flush interval (default 5 s). Submissions are not counted here:
// they carry their channel in their own durable row.
import type { CampaignModel } from "../../campaign/model.js";
import type { ReachCount, Store } from "../store/index.js";
import { channelOf, checkedLabel, dayIn, type Channel } from "./channels.js";

/** Default seconds between two writes of the counts. */
export const DEFAULT_FLUSH_SECONDS = 5;

type Kind = "clicks" | "previews" | "opened";

export interface ReachCounterOptions {
  store: Store;
  /** The collector's clock (a rehearsal counts on the rehearsed day). */
  now: () => Date;
  /** Milliseconds between writes (default 5000). */
  flushMs?: number;
  /** Where a failed write is reported (the counts stay in memory and are written with the next). */
  warn?: (line: string) => void;
}

export class ReachCounter {
  private pending = new Map<string, ReachCount>();
  private readonly timer: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();
  private failing = false;

  constructor(private readonly options: ReachCounterOptions) {
    this.timer = setInterval(() => void this.flush(), options.flushMs ?? DEFAULT_FLUSH_SECONDS * 1000);
    // A collector that is done must not stay alive for its counter.
    this.timer.unref();
  }

  /** A short link followed: by a person (click) or a preview robot (preview). */
  click(campaign: CampaignModel, channel: Channel, preview: boolean): void {
    this.add(campaign, channel, preview ? "previews" : "clicks");
  }

  /**
   * A survey or map form loaded (its form token requested), with the channel its address carried
   * as the script sends it ("mastodon:endspurt"); one the campaign does not give out counts as direct.
   */
  opened(campaign: CampaignModel, label: unknown): void {
    this.add(campaign, channelOf(checkedLabel(campaign, label)), "opened");
  }

  private add(campaign: CampaignModel, channel: Channel, kind: Kind): void {
    const day = dayIn(campaign.timezone, this.options.now());
    const key = `${campaign.slug}\u0000${channel.source}\u0000${channel.content}\u0000${day}`;
    let count = this.pending.get(key);
    if (!count) this.pending.set(key, (count = { campaign: campaign.slug, source: channel.source, content: channel.content, day, clicks: 0, previews: 0, opened: 0 }));
    count[kind] += 1;
  }

  /** Writes what was counted since the last write; resolves when it is committed. One write at a time. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    try {
      await this.options.store.addReachCounts(batch);
      if (this.failing) this.options.warn?.("mitreden collector: reach counts are written again.");
      this.failing = false;
    } catch (error) {
      // Keep them for the next write; say so once, not every few seconds.
      for (const count of batch) this.merge(count);
      if (!this.failing) this.options.warn?.(`mitreden collector: reach counts could not be written (${(error as Error).message}); kept in memory, retrying.`);
      this.failing = true;
    }
  }

  private merge(count: ReachCount): void {
    const key = `${count.campaign}\u0000${count.source}\u0000${count.content}\u0000${count.day}`;
    const known = this.pending.get(key);
    if (!known) this.pending.set(key, count);
    else for (const kind of ["clicks", "previews", "opened"] as const) known[kind] += count[kind];
  }

  /** Stops the timer and writes the rest: call before the store closes. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
