// Many realistic answers to campaigns/marktplatz "umfrage" and contributions to its "karte", for the
// results acceptance test and the benchmarks (bench/export.js, bench/results.js bundle this file).
// Deterministic: answer i is always the same, so figures can be checked and runs compared.
import type { NewContribution, NewResponse } from "../../../src/collector/store/types.js";

/** A small fast generator (mulberry32): the same seed, the same sequence. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

const BEZUG = ["altstadt", "stadtteil", "arbeit", "gewerbe", "besuch", "__other"];
const HAEUFIGKEIT = ["Täglich", "Mehrmals pro Woche", "Etwa einmal pro Woche", "Ein paarmal im Monat", "Seltener"];
const NUTZUNG = ["wochenmarkt", "geschaefte", "gastronomie", "verweilen", "veranstaltungen", "durchqueren", "parken", "bus", "__other"];
const PRIORITAETEN = ["gruen", "sitzen", "barrierefrei", "markt", "spielen", "autoparken", "radparken"];
const PLACES = ["brunnen", "rathaustreppe", "bushaltestelle", "kirchgasse", "wochenmarkt"];

/** Answer number i: every question type, optional questions sometimes left out, showIf respected. */
export function marktplatzAnswers(i: number): Record<string, unknown> {
  const r = random(i + 1);
  const a: Record<string, unknown> = { bezug: pick(r, BEZUG), einwilligung: true };
  if (a.bezug === "__other") a.bezug__other = "Marktbeschicker";
  if (r() < 0.9) a.haeufigkeit = pick(r, HAEUFIGKEIT);
  if (r() < 0.85) {
    const chosen = NUTZUNG.filter(() => r() < 0.35);
    if (chosen.length) a.nutzung = chosen;
    if (chosen.includes("__other")) a.nutzung__other = "Straßenmusik";
  }
  if (r() < 0.95) a.zufriedenheit = 1 + Math.floor(r() * 5);
  if (typeof a.zufriedenheit === "number" && a.zufriedenheit <= 2 && r() < 0.5) a.zufriedenheit_grund = "Zu heiß im Sommer, kaum Schatten.";
  if (r() < 0.8) a.prioritaeten = [...PRIORITAETEN].sort(() => r() - 0.5);
  if (r() < 0.9) a.parkplaetze = pick(r, ["alle", "weniger", "keine", "weiss-nicht"]);
  const where = r();
  if (where < 0.3) a.lieblingsort = { place: pick(r, PLACES) };
  else if (where < 0.5) a.lieblingsort = { point: [6.9995 + r() * 0.001, 50.9395 + r() * 0.001] };
  else if (where < 0.6) a.lieblingsort = { description: "Unter den Platanen" };
  if (r() < 0.4) a.idee = "Mehr Bäume und Trinkbrunnen; „Grün statt Grau“.";
  if (r() < 0.3) a.drei_worte = "grün, ruhig, lebendig";
  if (r() < 0.7) {
    a.gruppe = r() < 0.3 ? "ja" : "nein";
    if (a.gruppe === "ja") {
      a.gruppe_name = "Seniorentreff";
      a.gruppe_groesse = 2 + Math.floor(r() * 39);
      // Between the question's min (22 March) and max (9 April).
      a.gruppe_termin = r() < 0.6 ? `2027-03-${22 + Math.floor(r() * 10)}` : `2027-04-0${1 + Math.floor(r() * 9)}`;
    }
  }
  return a;
}

/** A UUID-shaped id made from a number, so seeded rows are stable. */
export function seededId(kind: "r" | "c", i: number): string {
  const hex = i.toString(16).padStart(12, "0");
  return `${kind === "r" ? "00000000" : "11111111"}-0000-4000-8000-${hex}`;
}

export function marktplatzResponse(i: number): NewResponse {
  return {
    id: seededId("r", i),
    campaign: "marktplatz",
    page: "umfrage",
    locale: i % 5 === 0 ? "en" : "de",
    answers: marktplatzAnswers(i) as NewResponse["answers"],
    receivedAt: new Date(Date.UTC(2027, 2, 1, 8) + i * 60_000).toISOString(),
    channel: i % 7 === 0 ? "form" : "script",
    verified: i % 11 !== 0,
  };
}

export function marktplatzContribution(i: number): NewContribution {
  const r = random(1_000_000 + i);
  const c: NewContribution = {
    id: seededId("c", i),
    campaign: "marktplatz",
    page: "karte",
    locale: "de",
    category: pick(r, ["idee", "problem", "lob"]),
    comment: `Beitrag ${i}: ${pick(r, ["Mehr Schatten am Brunnen", "Die Bordsteine sind zu hoch", "Schöner Wochenmarkt", "Radbügel fehlen"])}`,
    receivedAt: new Date(Date.UTC(2027, 2, 2, 9) + i * 600_000).toISOString(),
    channel: "script",
    verified: true,
  };
  if (r() < 0.7) c.point = [Number((6.9995 + r() * 0.001).toFixed(6)), Number((50.9395 + r() * 0.001).toFixed(6))];
  else c.place = pick(r, PLACES);
  return c;
}
