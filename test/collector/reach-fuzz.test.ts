// Attacks on the reach wing (issue 11, docs/adr/020-reach-without-cookies.md), on SQLite and
// PostgreSQL: short links `/l/<code>` with generated, malformed, oversized, path-traversal and
// Unicode codes, and many at once; the desk's POST of the platforms' figures with generated fields,
// raw bytes, and without or with a wrong CSRF token. Never a 5xx; a short link only ever leads to a
// page of the site; every redirect is counted exactly once, as a click or a preview, and nothing
// else is; figures change only when the desk says they were saved.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { shortLinks } from "../../src/campaign/short-links.js";
import type { PostMetrics, Store } from "../../src/collector/store/index.js";
import { exampleCampaign } from "./helpers/campaigns.js";
import { FORM, formBody, testCollector, type TestCollector } from "./helpers/collector.js";
import { addStaff, loggedIn, type LoggedIn } from "./helpers/desk.js";
import { bothStores } from "./helpers/stores.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";
const ROBOT = "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)";
const CODES = shortLinks(exampleCampaign("marktplatz")).map((link) => link.code);

// What attackers try in a path: traversal in every spelling, NUL, CRLF (header injection into the
// Location), open-redirect tricks, overlong and odd Unicode, and the campaign's real codes nearby.
const crafted = fc.constantFrom(
  "..",
  "../../etc/passwd",
  "..%2f..%2fetc%2fpasswd",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "..%252f..%252f",
  "%c0%ae%c0%ae%c0%af",
  "marktplatz-qr%00.html",
  "marktplatz-qr%0d%0aLocation:%20https://evil.example",
  "marktplatz-qr%0d%0aSet-Cookie:%20x=1",
  "%2f%2fevil.example",
  "\\\\evil.example",
  "https:%2f%2fevil.example",
  "marktplatz-qr/",
  "marktplatz-qr/..",
  "marktplatz-qr?utm_source=evil",
  "marktplatz-qr#x",
  "MARKTPLATZ-QR",
  "marktplatz-q%CC%81r",
  "%ff%fe",
  "%",
  "%zz",
  "%E2%80%AE",
  "x".repeat(8_000),
  `${"marktplatz-".repeat(500)}qr`,
  "__proto__",
  "constructor",
);
const generated = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }).map(encodeURIComponent),
  fc.string({ unit: "grapheme", maxLength: 60 }).map(encodeURIComponent),
  fc.constantFrom(...CODES),
  fc.tuple(fc.constantFrom(...CODES), fc.string({ maxLength: 4 })).map(([code, tail]) => encodeURIComponent(code + tail)),
);
const code = fc.oneof(crafted, generated);
const agent = fc.option(fc.oneof(fc.constantFrom(PHONE, ROBOT, "Mastodon/4.3 (http.rb/5.2; +https://social.example/)", "", "\u00ff\u00fe"), fc.string({ maxLength: 300 })), { nil: undefined });

const stores = bothStores("reach-fuzz");
/** Each call a store of its own on the same PostgreSQL schema: what a second collector instance has. */
const openPostgres = stores.find(([name]) => name === "PostgreSQL")![1];

/** Clicks and previews of a campaign, summed over its channels and days. */
async function totals(store: Store): Promise<{ clicks: number; previews: number }> {
  const rows = await store.listReachCounts("marktplatz");
  return { clicks: rows.reduce((sum, r) => sum + r.clicks, 0), previews: rows.reduce((sum, r) => sum + r.previews, 0) };
}

describe.each(stores)("%s", (name, open) => {
  let store: Store;
  let c: TestCollector;
  let rita: LoggedIn;
  beforeAll(async () => {
    store = await open();
    c = await testCollector({ store, abuse: { rateLimit: { max: 1_000_000 } } });
    await addStaff(store, `rita-${name.toLowerCase()}`, "moderator");
    rita = await loggedIn(c, `rita-${name.toLowerCase()}`);
  });
  afterAll(async () => {
    await c?.close();
    await store?.close();
  });

  test("/l/<anything>: never a 5xx, a redirect only to a page of the site (no header injection), every redirect counted once", async () => {
    let redirects = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("GET" as const, "HEAD" as const), code, agent, async (method, raw, userAgent) => {
        const response = await c.app.inject({ method, url: `/l/${raw}`, headers: userAgent === undefined ? {} : { "user-agent": userAgent } });
        const where = `${method} /l/${raw.slice(0, 200)} (${userAgent?.slice(0, 60)})`;
        expect(response.statusCode, where).toBeLessThan(500);
        expect(response.headers["set-cookie"], where).toBeUndefined();
        if (response.statusCode === 302) {
          redirects++;
          const location = String(response.headers.location);
          // Root-relative, on the site: never "//host" or "/\host" (an open redirect), never a line break.
          expect(location, where).toMatch(/^\/(?![/\\])[^\r\n]*$/);
          expect(new URL(location, "https://mitreden.musterstadt.de").searchParams.get("utm_campaign"), where).toBe("marktplatz");
        } else {
          expect([400, 404, 414], where).toContain(response.statusCode);
        }
      }),
      { numRuns: RUNS },
    );
    expect(redirects).toBeGreaterThan(0);
    // The desk's page flushes what this instance counted: every redirect of the run is there, nothing else.
    expect((await rita.get("/admin/marktplatz/reach")).statusCode).toBe(200);
    const after = await totals(store);
    expect(after.clicks + after.previews).toBe(redirects);
  }, 120_000);

  test("many at once: 600 concurrent short-link requests, people and robots, GET and HEAD, counted exactly", async () => {
    await rita.get("/admin/marktplatz/reach"); // flushes what the test before left
    const before = await store.listReachCounts("marktplatz");
    const requests = Array.from({ length: 600 }, (_, i) => ({
      code: CODES[i % 4]!,
      method: i % 5 === 0 ? ("HEAD" as const) : ("GET" as const),
      userAgent: i % 3 === 0 ? ROBOT : PHONE,
    }));
    const responses = await Promise.all(requests.map((r) => c.app.inject({ method: r.method, url: `/l/${r.code}`, headers: { "user-agent": r.userAgent } })));
    expect(new Set(responses.map((r) => r.statusCode))).toEqual(new Set([302]));
    await rita.get("/admin/marktplatz/reach");
    const after = await store.listReachCounts("marktplatz");
    const sum = (rows: typeof after, key: "clicks" | "previews") => rows.reduce((total, r) => total + r[key], 0);
    const people = requests.filter((r) => r.method === "GET" && r.userAgent === PHONE).length;
    expect(sum(after, "clicks") - sum(before, "clicks")).toBe(people);
    expect(sum(after, "previews") - sum(before, "previews")).toBe(600 - people);
  }, 60_000);

  test("the figures' POST: never a 5xx, saved only with the session's CSRF token and valid numbers", async () => {
    const field = fc.oneof(
      fc.constantFrom("mastodon:endspurt:impressions", "instagram:start:shares", "x:ideenkarte:comments", "facebook:spaziergang:reactions", "_csrf", "mastodon:endspurt", "::", "__proto__"),
      fc.string({ unit: "grapheme", maxLength: 30 }),
    );
    const number = fc.oneof(
      fc.nat().map(String),
      fc.constantFrom("", " ", "1.200", "1 200", "-1", "1e9", "0x10", "9".repeat(13), "9".repeat(400), "١٢٣", "１２３", "NaN", "Infinity", "<b>7</b>", "\u0000"),
      fc.string({ unit: "binary", maxLength: 20 }),
    );
    const csrf = fc.constantFrom("good", "missing", "wrong", "twice");
    await fc.assert(
      fc.asyncProperty(fc.dictionary(field, fc.oneof(number, fc.array(number, { maxLength: 3 })), { maxKeys: 6 }), csrf, async (fields, token) => {
        const before = await store.listPostMetrics("marktplatz");
        const body: Record<string, string | string[]> = { ...(fields as Record<string, string | string[]>) };
        if (token === "good") body._csrf = rita.csrf;
        else if (token === "wrong") body._csrf = `${rita.csrf.slice(0, -2)}xx`;
        else if (token === "twice") body._csrf = [rita.csrf, "anders"];
        else delete body._csrf;
        const response = await c.app.inject({ method: "POST", url: "/admin/marktplatz/reach/metrics", headers: { ...FORM, cookie: rita.cookie }, payload: formBody(body) });
        const where = `${token} ${JSON.stringify(body).slice(0, 300)}`;
        expect(response.statusCode, where).toBeLessThan(500);
        const after = await store.listPostMetrics("marktplatz");
        if (token === "missing" || token === "wrong") expect(response.statusCode, where).toBe(403);
        if (response.statusCode !== 303) expect(after, where).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  test("the figures' POST as raw bytes, JSON, oversized, and to odd campaign names: never a 5xx, nothing saved", async () => {
    const before = await store.listPostMetrics("marktplatz");
    const post = (url: string, contentType: string, payload: string) => c.app.inject({ method: "POST", url, headers: { "content-type": contentType, cookie: rita.cookie }, payload });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("application/x-www-form-urlencoded", "application/json", "text/plain", "multipart/form-data"), fc.string({ unit: "binary", maxLength: 200 }), async (type, raw) => {
        const response = await post("/admin/marktplatz/reach/metrics", type, raw);
        expect(response.statusCode, `${type} ${raw.slice(0, 200)}`).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
    const huge = formBody({ _csrf: rita.csrf, "mastodon:endspurt:impressions": "1".repeat(2_000_000) });
    expect([400, 413]).toContain((await post("/admin/marktplatz/reach/metrics", FORM["content-type"], huge)).statusCode);
    const json = await post("/admin/marktplatz/reach/metrics", "application/json", JSON.stringify({ _csrf: rita.csrf, "mastodon:endspurt:impressions": { $gt: 1 } }));
    expect(json.statusCode).toBeLessThan(500);
    for (const slug of ["..", "%2e%2e", "marktplatz%00", "%ff", "x".repeat(5_000), "__proto__", "constructor"]) {
      const response = await rita.post(`/admin/${slug}/reach/metrics`, { "mastodon:endspurt:impressions": "5" });
      expect([400, 404, 414], slug.slice(0, 40)).toContain(response.statusCode);
    }
    expect(await store.listPostMetrics("marktplatz")).toEqual(before);
  }, 120_000);

  test("concurrent saves of the figures: each stored row is one of the values sent, never a mix or a 5xx", async () => {
    const values = Array.from({ length: 40 }, (_, i) => 1_000 + i);
    const responses = await Promise.all(
      values.map((v) => rita.post("/admin/marktplatz/reach/metrics", { "mastodon:endspurt:impressions": String(v), "mastodon:endspurt:shares": String(v) })),
    );
    expect(new Set(responses.map((r) => r.statusCode))).toEqual(new Set([303]));
    const stored = (await store.listPostMetrics("marktplatz")).find((m: PostMetrics) => m.post === "endspurt" && m.platform === "mastodon")!;
    expect(values).toContain(stored.impressions);
    expect(stored.shares).toBe(stored.impressions);
  }, 60_000);
});

test("PostgreSQL: two collectors on one database, 300 short links each at the same time, add up", async () => {
  const stores = [await openPostgres(), await openPostgres()];
  const collectors = await Promise.all(stores.map((store) => testCollector({ store, abuse: { rateLimit: { max: 1_000_000 } } })));
  try {
    const before = await totals(stores[0]!);
    await Promise.all(
      collectors.flatMap((collector) => Array.from({ length: 300 }, (_, i) => collector.app.inject({ method: "GET", url: `/l/${CODES[i % CODES.length]}`, headers: { "user-agent": i % 2 ? PHONE : ROBOT } }))),
    );
    // Closing writes what each counted; both write into the same rows.
    await Promise.all(collectors.map((collector) => collector.app.close()));
    const after = await totals(stores[0]!);
    expect(after.clicks - before.clicks).toBe(300);
    expect(after.previews - before.previews).toBe(300);
  } finally {
    for (const store of stores) await store.close();
  }
}, 60_000);
