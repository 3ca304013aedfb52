// `mitreden results <slug>`: the figures of every survey and map page of a campaign, from the store
// into campaigns/<slug>/results/<page-id>.json. The city reviews and commits these files; the build
// renders and publishes them (no database at build time, the same files the same site).
import path from "node:path";
import { writeFileAtomically } from "../../atomic-file.js";
import type { CampaignModel, MapPageModel, SurveyPageModel } from "../../campaign/model.js";
import { resultsFilePath, type ResultsFile } from "../../campaign/results-file.js";
import { loadCampaign, storeOf, type StoreLocation } from "../commands.js";
import { withExistingStore } from "../store/index.js";
import { aggregateMap } from "./aggregate.js";
import { countSurvey, defaultCountingThreads, startCounters } from "./parallel.js";

export interface WriteResultsOptions extends StoreLocation {
  slug: string;
  /** Threads that count a survey (default: one per core for big surveys; parallel.ts). */
  workers?: number;
}

export interface WrittenResults {
  /** Absolute paths, in page order. */
  files: string[];
  figures: ResultsFile[];
}

export async function writeResults(options: WriteResultsOptions): Promise<WrittenResults> {
  // The counting workers start first and load their modules while this thread reads and checks the
  // campaign (a third of a second): on two cores that hides their start. A small survey leaves them
  // unused, which costs their start on a core that was idle.
  const location = storeOf(options);
  const threads = options.workers ?? defaultCountingThreads();
  const counters = threads > 1 ? startCounters(threads - 1, location) : undefined;
  try {
    const campaign = await loadCampaign(options.campaignsDir, options.slug);
    const pages = campaign.pages.filter((p): p is SurveyPageModel | MapPageModel => p.type === "survey" || p.type === "map");
    return await withExistingStore(location, async (store) => {
      const written: WrittenResults = { files: [], figures: [] };
      for (const page of pages) {
        const figures =
          page.type === "survey"
            ? await countSurvey(store, location, campaign, page, { hide: hiddenQuestions(campaign, page.id), workers: options.workers, counters })
            : await aggregateMap(campaign, page, store.streamContributions(campaign.slug, page.id));
        const file = path.join(campaign.dir, resultsFilePath(page.id));
        await writeFileAtomically(file, JSON.stringify(figures, null, 2) + "\n");
        written.files.push(file);
        written.figures.push(figures);
      }
      return written;
    });
  } finally {
    await counters?.close();
  }
}

/** Questions of a page that some results page covering it leaves out: never written, so never published by mistake. */
export function hiddenQuestions(campaign: CampaignModel, pageId: string): string[] {
  return campaign.pages.flatMap((p) => (p.type === "results" && p.sources.includes(pageId) ? p.hide : []));
}
