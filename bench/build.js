// npm run bench:build — `mitreden build` against a bare Eleventy build of as many, equally sized
// Nunjucks pages, in the same run. N synthetic campaigns (5 pages, 2 locales each), no images.
// Target (issue 16): ours ≤ 1.1 × bare Eleventy, excluding image work (it was 1.5 × before that
// issue): a first, untimed build of ours fills the image and share-card caches (its time is
// printed as "cold"), the timed builds reuse them.
// A build deletes the site it replaced in a background process, after it has finished; the next
// timed run waits until that is done, so neither side runs beside it.
// Then a cold build of the example campaigns (empty cache: every picture encoded, every card
// rendered), with the time of its steps (DEBUG=mitreden). Target: under 8 s.
// "before" is bench/build-baseline.json, written by this script (`--save-baseline`) on the commit
// named in it; the ratios are measured against bare Eleventy in each run, so they compare across
// runs better than the absolute times, which vary ±20 % with what else runs on the machine.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./median.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const work = path.join(root, "bench/.tmp/build");
const sizes = (process.env.BENCH_SIZES ?? "10,100").split(",").map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const coldRuns = Number(process.env.BENCH_COLD_RUNS ?? 3);
const BASELINE = path.join(root, "bench/build-baseline.json");
const baseline = existsSync(BASELINE) ? JSON.parse(readFileSync(BASELINE, "utf8")) : undefined;
const measured = { sizes: {}, cold: undefined };

const paragraph = (n, lang) =>
  lang === "de"
    ? `Absatz ${n}: Der Rat der Stadt hat beschlossen, die Bürgerinnen und Bürger früh an der Planung zu beteiligen. Wir möchten wissen, wie Sie den Ort heute nutzen, was Ihnen fehlt und was bleiben soll. Ihre Hinweise fließen in den Wettbewerb ein, der im Herbst startet.`
    : `Paragraph ${n}: The city council decided to involve residents early in the planning. We would like to know how you use the place today, what is missing and what should stay. Your comments feed into the design competition that starts in autumn.`;
const body = (lang, sections = 6) => Array.from({ length: sections }, (_, i) => `## ${lang === "de" ? "Abschnitt" : "Section"} ${i + 1}\n\n${paragraph(i + 1, lang)}`).join("\n\n");
const both = (f) => ({ de: f("de"), en: f("en") });
const square = [[[7.0, 50.9], [7.01, 50.9], [7.01, 50.91], [7.0, 50.91], [7.0, 50.9]]];

function campaign(i) {
  return {
    locale: "de",
    locales: ["de", "en"],
    title: both((l) => (l === "de" ? `Beteiligung Quartier ${i}` : `Participation district ${i}`)),
    summary: both((l) => (l === "de" ? `Sagen Sie uns, wie sich Quartier ${i} entwickeln soll.` : `Tell us how district ${i} should develop.`)),
    period: { start: "2027-03-01", end: "2027-04-15" },
    pages: [
      ...[1, 2, 3].map((p) => ({ id: `info-${p}`, type: "info", title: both((l) => `${l === "de" ? "Information" : "Information"} ${p}`), body: both(body) })),
      {
        id: "umfrage",
        type: "survey",
        title: both((l) => (l === "de" ? "Umfrage" : "Survey")),
        intro: both((l) => paragraph(0, l)),
        thankYou: both((l) => (l === "de" ? "Danke!" : "Thank you!")),
        questions: [
          { id: "note", type: "textarea", label: both((l) => (l === "de" ? "Ihre Anregung" : "Your suggestion")) },
          { id: "rating", type: "scale", min: 1, max: 5, label: both((l) => (l === "de" ? "Wie zufrieden sind Sie?" : "How satisfied are you?")) },
        ],
      },
      {
        id: "karte",
        type: "map",
        title: both((l) => (l === "de" ? "Karte" : "Map")),
        intro: both((l) => paragraph(0, l)),
        map: {
          center: [7.005, 50.905],
          zoom: 15,
          area: { type: "Polygon", coordinates: square },
          categories: [{ id: "idee", label: both((l) => (l === "de" ? "Idee" : "Idea")) }],
        },
      },
    ],
  };
}

function writeCampaigns(n, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "site.json"),
    JSON.stringify({
      organization: {
        name: "Stadt Musterstadt",
        imprint: "https://www.musterstadt.de/impressum",
        privacy: "https://www.musterstadt.de/datenschutz",
        contact: { email: "beteiligung@musterstadt.de" },
      },
      site: { baseUrl: "https://mitreden.musterstadt.de" },
      theme: { primary: "#00566b" },
    }),
  );
  for (let i = 1; i <= n; i++) {
    mkdirSync(path.join(dir, `quartier-${i}`));
    writeFileSync(path.join(dir, `quartier-${i}`, "campaign.json"), JSON.stringify(campaign(i)));
  }
}

/** The same number of pages with the same text, as plain Nunjucks templates with one layout. */
function writeBare(pageCount, sections, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "_includes"), { recursive: true });
  writeFileSync(
    path.join(dir, "_includes/base.njk"),
    `<!doctype html><html lang="{{ lang }}"><head><meta charset="utf-8"><title>{{ title }}</title><link rel="stylesheet" href="/style.css"></head>
<body><a href="#main">Skip</a><header><nav><ul>{% for i in range(0, 6) %}<li><a href="/p{{ i }}/">Page {{ i }}</a></li>{% endfor %}</ul></nav></header>
<main id="main"><h1>{{ title }}</h1>{{ content | safe }}</main><footer><a href="/impressum">Impressum</a></footer></body></html>`,
  );
  for (let p = 0; p < pageCount; p++) {
    const lang = p % 2 ? "en" : "de";
    const file = path.join(dir, `c${Math.floor(p / 50)}`, `p${p}.md`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `---\nlayout: base.njk\ntitle: Page ${p}\nlang: ${lang}\n---\n${body(lang, sections)}\n`);
  }
}

function time(command, args) {
  const started = process.hrtime.bigint();
  execFileSync(command, args, { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => String(f).endsWith(".html"))
    .map((f) => path.join(dir, String(f)));
}

/** Waits until the background deletion of replaced sites (`<out>.old-*`) is done. */
function waitForOldSites(dir) {
  for (let i = 0; i < 600 && readdirSync(path.dirname(dir)).some((n) => n.startsWith(`${path.basename(dir)}.old-`)); i++) execFileSync("sleep", ["0.1"]);
}

console.log(`mitreden build vs bare Eleventy, ${runs} runs each, median wall time (node start included)`);
console.log(`before = ${baseline ? `bench/build-baseline.json (commit ${baseline.commit}, measured ${baseline.measured}, same script)` : "no baseline stored"}`);
for (const n of sizes) {
  const campaigns = path.join(work, `campaigns-${n}`);
  const htmlBytes = (dir) => htmlFiles(dir).reduce((sum, f) => sum + statSync(f).size, 0);
  const bare = path.join(work, `bare-${n}`);
  writeCampaigns(n, campaigns);
  const ours = [];
  const base = [];
  const cold = time("node", [path.join(root, "bin/mitreden.js"), "build", "--campaigns", campaigns, "--out", path.join(work, `out-${n}`)]);
  waitForOldSites(path.join(work, `out-${n}`));
  // As many bare pages as ours wrote (pages, statements, thank-you pages, kits, posters).
  const pageCount = htmlFiles(path.join(work, `out-${n}`)).length;
  // Equally sized: as many Markdown sections (~300 bytes of HTML each, plus ~400 of layout) as
  // make a bare page as large as ours on average.
  const averageBytes = htmlFiles(path.join(work, `out-${n}`)).reduce((sum, f) => sum + statSync(f).size, 0) / pageCount;
  writeBare(pageCount, Math.max(1, Math.round((averageBytes - 400) / 300)), bare);
  for (let r = 0; r < runs; r++) {
    // Alternate the two so a warming disk cache favours neither.
    base.push(time("node", [path.join(root, "bench/bare-eleventy.js"), bare, path.join(work, `bare-out-${n}`)]));
    ours.push(time("node", [path.join(root, "bin/mitreden.js"), "build", "--campaigns", campaigns, "--out", path.join(work, `out-${n}`)]));
    waitForOldSites(path.join(work, `out-${n}`));
  }
  const ratio = median(ours) / median(base);
  const list = (xs) => xs.map((x) => x.toFixed(0)).join(", ");
  const before = baseline?.sizes[n];
  measured.sizes[n] = { ratio: Number(ratio.toFixed(2)), ours: Math.round(median(ours)), bare: Math.round(median(base)) };
  console.log(`  runs (ms): mitreden ${list(ours)} · bare Eleventy ${list(base)}`);
  console.log(
    `N=${String(n).padStart(3)}  HTML pages=${pageCount}  mitreden ${median(ours).toFixed(0)} ms  bare Eleventy ${median(base).toFixed(0)} ms  ratio ${before ? `${before.ratio.toFixed(2)} → ` : ""}${ratio.toFixed(2)}  (HTML ${(htmlBytes(path.join(work, `out-${n}`)) / 1e6).toFixed(1)} MB vs ${(htmlBytes(path.join(work, `bare-out-${n}`)) / 1e6).toFixed(1)} MB)  ${ratio <= 1.1 ? "✓ ≤ 1.1" : "✗ > 1.1"}  (cold, with cards: ${cold.toFixed(0)} ms)`,
  );
}

coldExamples();

if (process.argv.includes("--save-baseline")) {
  const commit = process.env.BENCH_COMMIT ?? execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  writeFileSync(BASELINE, JSON.stringify({ commit, measured: new Date().toISOString().slice(0, 10), ...measured }, null, 2) + "\n");
  console.log(`Baseline written to ${path.relative(root, BASELINE)} (commit ${commit}).`);
}

/**
 * The examples built with an empty cache (a fresh CI runner): run in a folder of its own, so
 * `.cache/mitreden` starts empty each time. Prints the median and the steps of that run.
 */
function coldExamples() {
  // BENCH_COLD_RUNS=0: only the comparison with bare Eleventy.
  if (coldRuns < 1) return;
  const runsMs = [];
  for (let r = 0; r < coldRuns; r++) {
    const dir = path.join(work, "cold");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const started = process.hrtime.bigint();
    const run = spawnSync("node", [path.join(root, "bin/mitreden.js"), "build", "--campaigns", path.join(root, "campaigns"), "--out", path.join(dir, "site"), "--now", "2027-03-20T10:00:00+01:00"], {
      cwd: dir,
      env: { ...process.env, DEBUG: "mitreden" },
      encoding: "utf8",
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (run.status !== 0) throw new Error(`cold build of the examples failed:\n${run.stderr}`);
    const steps = [...run.stderr.matchAll(/^mitreden: (.+?) (\d+) ms$/gm)].map((m) => ({ step: m[1], ms: Number(m[2]) }));
    runsMs.push({ ms, steps });
  }
  const mid = [...runsMs].sort((a, b) => a.ms - b.ms)[Math.floor(runsMs.length / 2)];
  const step = (name) => mid.steps.find((s) => s.step === name)?.ms ?? 0;
  measured.cold = { ms: Math.round(mid.ms), pictures: step("pictures"), cards: step("share cards") + step("social-media kits") };
  const old = baseline?.cold;
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`\nCold build of the examples (empty .cache/), ${coldRuns} runs: ${runsMs.map((r) => s(r.ms)).join(", ")}`);
  console.log(
    `  median ${old ? `${s(old.ms)} → ` : ""}${s(mid.ms)} ${mid.ms < 8000 ? "✓ < 8 s" : "✗ ≥ 8 s"}; pictures ${old ? `${s(old.pictures)} → ` : ""}${s(step("pictures"))}, share cards and kits ${old ? `${s(old.cards)} → ` : ""}${s(measured.cold.cards)}`,
  );
  console.log(`  steps: ${mid.steps.map((x) => `${x.step} ${x.ms} ms`).join(" · ")}`);
}
