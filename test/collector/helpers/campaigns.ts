// The example campaigns as the collector sees them. Built with normalizeCampaign from the merged
// JSON (site.json + campaign.json), so these tests do not depend on the validator's progress.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CampaignModel, SiteModel, SurveyPageModel } from "../../../src/campaign/model.js";
import { normalizeCampaign } from "../../../src/campaign/normalize.js";

export const CAMPAIGNS_DIR = path.resolve("campaigns");
/** A moment inside the example campaigns' periods (marktplatz: March–April 2027). */
export const DURING_MARKTPLATZ = new Date("2027-03-15T12:00:00+01:00");
export const DURING_RADVERKEHR = new Date("2027-05-10T12:00:00+02:00");

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function merge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = isObject(value) && isObject(out[key]) ? merge(out[key] as Json, value) : value;
  return out;
}

export function exampleCampaign(slug: string): CampaignModel {
  const dir = path.join(CAMPAIGNS_DIR, slug);
  const site = JSON.parse(readFileSync(path.join(CAMPAIGNS_DIR, "site.json"), "utf8")) as Json;
  const file = path.join(dir, "campaign.json");
  const data = merge(site, JSON.parse(readFileSync(file, "utf8")) as Json);
  // site.json's media paths are relative to campaigns/, a campaign's to its folder; the collector reads neither.
  return normalizeCampaign({ slug, dir, file, data } as unknown as Parameters<typeof normalizeCampaign>[0]);
}

export function exampleSite(): SiteModel {
  const campaigns = [exampleCampaign("marktplatz"), exampleCampaign("radverkehr")];
  return { campaigns, locale: "de", builtAt: new Date().toISOString() };
}

export function surveyPage(campaign: CampaignModel, id = "umfrage"): SurveyPageModel {
  const page = campaign.pages.find((p) => p.id === id);
  if (page?.type !== "survey") throw new Error(`${campaign.slug} has no survey "${id}"`);
  return page;
}

/** A complete, valid answer to marktplatz/umfrage using every question type. */
export function fullMarktplatzAnswers(): Record<string, unknown> {
  return {
    bezug: "__other",
    bezug__other: "Ich bin Marktbeschicker aus Köln",
    haeufigkeit: "Mehrmals pro Woche",
    nutzung: ["wochenmarkt", "verweilen", "__other"],
    nutzung__other: "Straßenmusik hören",
    zufriedenheit: 2,
    zufriedenheit_grund: "Zu heiß im Sommer, kaum Schatten – und die Bänke fehlen.",
    prioritaeten: ["gruen", "sitzen", "barrierefrei", "markt", "spielen", "radparken", "autoparken"],
    parkplaetze: "weniger",
    lieblingsort: { place: "brunnen", description: "Am Brunnen, wo nachmittags Schatten ist" },
    idee: "Mehr Bäume und Trinkbrunnen; „Grün statt Grau“.",
    drei_worte: "grün, ruhig, lebendig",
    gruppe: "ja",
    gruppe_name: "Seniorentreff Altstadt e. V.",
    gruppe_groesse: 12,
    gruppe_termin: "2027-03-24",
    email: "gruppe@beispiel.de",
    einwilligung: true,
  };
}
