// npm run bench:cards — 200 share cards rendered cold (empty cache), then the same build again with
// nothing changed, in one run. Prints ms per card (p50, p95), the throughput of the cold run and the
// rebuild's card time. Targets: p50 ≤ 40 ms per card on a 2-core machine; the rebuild renders 0 cards.
// The cards come from the example campaigns, multiplied: half with a photo behind the text, all with
// the logo, titles from short to long German ones.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadCampaigns } from "../dist/campaign/load.js";
import { normalizeCampaign } from "../dist/campaign/normalize.js";
import { cardPages, renderCardImages } from "../dist/site/cards/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const COUNT = Number(process.env.BENCH_CARDS ?? 200);
const TITLES = [
  "Neugestaltung des Marktplatzes und der angrenzenden Fußgängerzone",
  "Umfrage zum Radverkehr",
  "Wie soll der Stadtpark in Zukunft aussehen?",
  "Lärmaktionsplan: Wo ist es Ihnen zu laut?",
  "Spielplätze",
  "Ihre Ideen für die Innenstadt – direkt auf der Karte",
];

const { campaigns } = await loadCampaigns(path.join(root, "campaigns"));
const examples = campaigns.map(normalizeCampaign);
const model = { campaigns: [], locale: "de", builtAt: new Date().toISOString() };
for (let i = 0; cardPages(model).length < COUNT + 1; i++) {
  const example = examples[i % examples.length];
  const title = (n) => Object.fromEntries(example.locales.map((l) => [l, `${TITLES[(i + n) % TITLES.length]} ${i}`]));
  model.campaigns.push({
    ...example,
    slug: `${example.slug}-${i}`,
    title: title(0),
    hero: i % 2 === 0 ? example.hero : undefined,
    pages: example.pages.map((page, n) => ({ ...page, title: title(n + 1), card: undefined })),
  });
}
const requests = cardPages(model).slice(1, COUNT + 1).map((page) => ({ name: page.name, content: page.content, format: "link" }));

const work = mkdtempSync(path.join(os.tmpdir(), "mitreden-bench-cards-"));
// BENCH_CONCURRENCY=1 times each card alone (its cost); the default, one per core, is what builds do.
const options = { cacheDir: path.join(work, "cache"), concurrency: process.env.BENCH_CONCURRENCY ? Number(process.env.BENCH_CONCURRENCY) : undefined };
const target = path.join(work, "_site", "assets", "cards");
try {
  const cold = await renderCardImages(requests, target, "/assets/cards/", options);
  const warm = await renderCardImages(requests, target, "/assets/cards/", options);
  const sorted = [...cold.timings].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  console.log(`cards: ${requests.length} (${requests.filter((r) => r.content.hero).length} with a photo), ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)}`);
  console.log(`cold:    rendered ${cold.rendered}, ${cold.ms.toFixed(0)} ms in all (fonts included), ${(cold.ms / cold.rendered).toFixed(1)} ms per card throughput`);
  console.log(`         per card (each card's own time, ${options.concurrency ?? os.availableParallelism()} in flight): p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms`);
  console.log(`rebuild: rendered ${warm.rendered}, reused ${warm.reused}, ${warm.ms.toFixed(0)} ms`);
  if (warm.rendered !== 0) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
