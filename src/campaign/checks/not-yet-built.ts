// Parts of the v2 campaign format that the schema accepts but this version cannot build yet. Saying
// so here is better than a site that silently leaves them out. Each entry goes when its feature lands.
import { pages, type Check } from "./context.js";

export const checkNotYetBuilt: Check = (ctx) => {
  for (const [page, pointer] of pages(ctx)) {
    if (page.type === "results") {
      ctx.error(`${pointer}/type`, "results pages are part of the campaign format but not built by this version of mitreden yet; remove the page for now");
    }
  }
};
