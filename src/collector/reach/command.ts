// What `mitreden reach <slug>` does, as a typed function the CLI (and cities' scripts) call: the
// reach figures from the store, as a table for the terminal and as CSV; and the privacy notice.
import { writeFile } from "node:fs/promises";
import type { Locale } from "../../campaign/model.js";
import { loadCampaign, storeOf, type StoreLocation } from "../commands.js";
import { withExistingStore } from "../store/index.js";
import { reachFigures, type ReachFigures } from "./figures.js";
import { privacyNotice, privacyNoticeText } from "./privacy.js";
import { reachCsv, reachTable } from "./report.js";

export interface ReachReportOptions extends StoreLocation {
  slug: string;
  /** Headings' language (default the campaign's). */
  locale?: Locale;
  /** CSV column separator; default ";" where the language writes decimals with a comma. */
  delimiter?: string;
  /** Where the CSV goes; none: not written. */
  csvFile?: string;
}

export interface ReachReport {
  figures: ReachFigures;
  table: string;
  csv: string;
  /** The privacy notice's paragraph, German and English, as text to paste. */
  privacyNotice: { de: string; en: string };
}

export async function reachReport(options: ReachReportOptions): Promise<ReachReport> {
  const campaign = await loadCampaign(options.campaignsDir, options.slug);
  const figures = await withExistingStore(storeOf(options), async (store) =>
    reachFigures(campaign, await store.listReachCounts(campaign.slug), await store.listReachSubmissions(campaign.slug), await store.listPostMetrics(campaign.slug), options.locale),
  );
  const csv = reachCsv(figures, { delimiter: options.delimiter });
  if (options.csvFile) await writeFile(options.csvFile, csv);
  return {
    figures,
    table: reachTable(figures),
    csv,
    privacyNotice: { de: privacyNoticeText(privacyNotice(campaign, "de")), en: privacyNoticeText(privacyNotice(campaign, "en")) },
  };
}
