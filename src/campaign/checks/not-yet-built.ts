// Parts of the v2 campaign format that the schema accepts but this version cannot build yet. Saying
// so here is better than a site that silently leaves them out. Each entry goes when its feature lands.
import { maps, pages, record, type Check } from "./context.js";

export const checkNotYetBuilt: Check = (ctx) => {
  for (const [page, pointer] of pages(ctx)) {
    if (page.type === "results") {
      ctx.error(`${pointer}/type`, "results pages are part of the campaign format but not built by this version of mitreden yet; remove the page for now");
    }
  }
  for (const [map, pointer] of maps(ctx)) {
    const basemap = record(map.basemap);
    if ("pmtiles" in basemap || "geojson" in basemap) {
      ctx.error(`${pointer}/basemap`, 'self-hosted basemaps ("pmtiles", "geojson") are not built by this version of mitreden yet; use "style" or leave the basemap out for now');
    }
  }
};
