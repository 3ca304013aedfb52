// What every part of the collector works with, made once per app by server.ts and handed to each
// wing (surveys/, contributions/, and later desk/, reach/, results/). The wings import this type,
// never server.ts or each other, so the collector has no import circles.
import type { AbuseGuard } from "./abuse.js";
import type { Campaigns } from "./campaigns.js";
import type { CollectorPages } from "./pages.js";
import type { ReachCounter } from "./reach/counter.js";
import type { Store } from "./store/index.js";

export interface CollectorContext {
  /** The campaigns, surveys and maps the collector serves (follows rebuilds of the model). */
  campaigns: Campaigns;
  store: Store;
  /** Form tokens and rate limits (docs/adr/006-abuse-protection.md). */
  guard: AbuseGuard;
  /** The collector's clock for open periods: real time, or a rehearsal clock (docs/adr/008-rehearsal-clock.md). */
  now: () => Date;
  /** The collector's HTML pages, in the site's frame. */
  pages: CollectorPages;
  /** Aggregate reach counts, written every few seconds (docs/adr/020-reach-without-cookies.md). */
  reach: ReachCounter;
}
