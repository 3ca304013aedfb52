// A collector on a throwaway SQLite file, driven with app.inject (no port).
import { mkdtempSync, rmSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { SiteModel } from "../../../src/campaign/model.js";
import type { AbuseOptions } from "../../../src/collector/abuse.js";
import type { DeskAuthOptions } from "../../../src/collector/desk/auth.js";
import { createCollector } from "../../../src/collector/server.js";
import { openStore, type Store } from "../../../src/collector/store/index.js";
import { DURING_MARKTPLATZ, exampleSite } from "./campaigns.js";

export const EXPORT_TOKEN = "test-export-token-0123456789abcdef";

export function tempDir(prefix: string): string {
  const root = path.resolve("test/.tmp");
  mkdirSync(root, { recursive: true });
  return mkdtempSync(path.join(root, `${prefix}-`));
}

export interface TestCollector {
  app: FastifyInstance;
  /** Every route with its method, as registered (the desk's security tests walk them). */
  routes: { method: string; url: string }[];
  store: Store;
  close(): Promise<void>;
}

export async function testCollector(options: { now?: Date; abuse?: AbuseOptions; store?: Store; desk?: DeskAuthOptions; trustProxy?: number | string; model?: SiteModel } = {}): Promise<TestCollector> {
  // Only a collector with a store of its own needs a folder (and removes it on close).
  const dir = options.store ? undefined : tempDir("collector");
  const store = options.store ?? (await openStore({ file: path.join(dir!, "test.sqlite") }));
  const now = options.now ?? DURING_MARKTPLATZ;
  const app = createCollector({
    model: options.model ?? exampleSite(),
    store,
    now: () => now,
    abuse: { rateLimit: { max: 1000 }, ...options.abuse },
    exportToken: EXPORT_TOKEN,
    assets: { stylesheet: "/assets/mitreden.0123abcd.css", images: new Map() },
    // Failed logins wait 300 ms each in real life; tests do not need to.
    desk: { failureDelayMs: 0, ...options.desk },
    trustProxy: options.trustProxy,
  });
  const routes: { method: string; url: string }[] = [];
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  await app.ready();
  return {
    app,
    routes,
    store,
    close: async () => {
      await app.close();
      if (dir) {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A form body as a browser sends it: repeated names for checkboxes. */
export function formBody(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  return params.toString();
}

export const FORM = { "content-type": "application/x-www-form-urlencoded" };
export const JSON_HEADERS = { "content-type": "application/json", accept: "application/json" };

/** The no-JS form's fields for a complete marktplatz answer. */
export function fullMarktplatzForm(): Record<string, string | string[]> {
  return {
    _id: "",
    _token: "",
    _locale: "de",
    "website-url": "",
    bezug: "__other",
    bezug__other: "Ich bin Marktbeschicker aus Köln",
    haeufigkeit: "Mehrmals pro Woche",
    nutzung: ["wochenmarkt", "verweilen", "__other"],
    nutzung__other: "Straßenmusik hören",
    zufriedenheit: "2",
    zufriedenheit_grund: "Zu heiß im Sommer, kaum Schatten – und die Bänke fehlen.",
    prioritaeten__gruen: "1",
    prioritaeten__sitzen: "2",
    prioritaeten__barrierefrei: "3",
    prioritaeten__markt: "4",
    prioritaeten__spielen: "5",
    prioritaeten__autoparken: "7",
    prioritaeten__radparken: "6",
    parkplaetze: "weniger",
    lieblingsort__place: "brunnen",
    lieblingsort__description: "Am Brunnen, wo nachmittags Schatten ist",
    lieblingsort__lng: "",
    lieblingsort__lat: "",
    idee: "Mehr Bäume und Trinkbrunnen; „Grün statt Grau“.",
    drei_worte: "grün, ruhig, lebendig",
    gruppe: "ja",
    gruppe_name: "Seniorentreff Altstadt e. V.",
    gruppe_groesse: "12",
    gruppe_termin: "2027-03-24",
    email: "gruppe@beispiel.de",
    einwilligung: "yes",
  };
}

/** Sets a contribution's state directly in the store (the desk's rules are tested in test/collector/desk-*.test.ts). */
export async function setContributionStatus(store: Store, id: string, status: "approved" | "rejected", reason?: string, at = new Date().toISOString()): Promise<void> {
  const current = await store.getContribution(id);
  if (!current) throw new Error(`No contribution ${id}`);
  const outcome = await store.changeContribution(id, current.version, { status, reason: reason ?? null, moderatedAt: at, moderatedBy: "test" }, { at, actor: "test", action: `contribution.${status === "approved" ? "approve" : "reject"}`, target: `contribution:${id}` });
  if (outcome.outcome !== "changed") throw new Error(`Could not set ${id} to ${status}: ${outcome.outcome}`);
}
