// A results page's `licence` must be one open-data portals understand: an identifier of the GovData
// licence list mitreden knows (it becomes a DCAT-AP.de URI), or the licence's URL.
import { LICENCE_IDS, licenceOf } from "../licences.js";
import { pages, type Check } from "./context.js";

export const checkLicence: Check = (ctx) => {
  for (const [page, pointer] of pages(ctx)) {
    if (page.type !== "results" || page.licence === undefined) continue;
    if (typeof page.licence === "string" && !licenceOf(page.licence)) {
      ctx.error(`${pointer}/licence`, `"${page.licence}" is no licence mitreden knows; write one of ${LICENCE_IDS.join(", ")}, or the licence's URL (https://…)`);
    }
  }
};
