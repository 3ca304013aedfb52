// Writes every published results page's open data next to the page in the campaign's default
// language: the downloads and dcat.jsonld (files.ts). Called by the site build on its staging folder.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ResultsPageModel, SiteModel } from "../../campaign/model.js";
import { DCAT_FILE, openDataOf } from "./files.js";
import { dcatText } from "./view.js";

/** Returns the root-relative URLs written. */
export async function writeOpenData(model: SiteModel, outDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const campaign of model.campaigns) {
    for (const page of campaign.pages.filter((p): p is ResultsPageModel => p.type === "results")) {
      const data = openDataOf(campaign, page, model.builtAt);
      if (!data || data.files.length === 0) continue;
      const folder = path.join(outDir, ...data.folder.split("/").filter(Boolean));
      await mkdir(folder, { recursive: true });
      for (const file of data.files) await writeFile(path.join(folder, file.name), file.body);
      await writeFile(path.join(folder, DCAT_FILE), dcatText(data.dcat));
      written.push(...data.files.map((f) => data.folder + f.name), data.folder + DCAT_FILE);
    }
  }
  return written;
}
