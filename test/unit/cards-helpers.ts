// The example campaigns as a SiteModel, without running validation (its own tests cover it):
// card and kit tests need realistic content, not a second check of the format.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import nunjucks from "nunjucks";
import { loadCampaigns } from "../../src/campaign/load.js";
import type { SiteModel } from "../../src/campaign/model.js";
import { normalizeCampaign } from "../../src/campaign/normalize.js";
import { packagePath } from "../../src/package-root.js";

export async function exampleModel(): Promise<SiteModel> {
  const { campaigns } = await loadCampaigns(packagePath("campaigns"));
  const models = campaigns.map(normalizeCampaign).sort((a, b) => a.slug.localeCompare(b.slug));
  return { campaigns: models, locale: models[0]?.locale ?? "de", builtAt: "2027-03-10T10:00:00.000Z" };
}

export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `mitreden-${prefix}-`));
}

/** Nunjucks over the package's templates, autoescaping like the site. */
export function templates(): nunjucks.Environment {
  return new nunjucks.Environment(new nunjucks.FileSystemLoader(packagePath("templates")), { autoescape: true });
}

/** WCAG contrast of two [r, g, b] colours. */
export function contrast(a: number[], b: number[]): number {
  const lum = (c: number[]) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
