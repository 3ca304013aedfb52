// Validated campaign.json (+ site.json) → CampaignModel: defaults filled, texts complete in every
// locale, dates as instants, files as absolute paths, GeoJSON resolved into FeatureCollections.
// Runs only on campaigns that passed validation, so it trusts the shape and does no checking.
import { readFileSync } from "node:fs";
import path from "node:path";
import type * as Raw from "./campaign-types.js";
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from "./geojson.js";
import type { LoadedCampaign } from "./load.js";
import { categoryShapes } from "./map-symbols.js";
import {
  DEFAULT_REJECTION_REASONS,
  type BasemapModel,
  type CampaignModel,
  type CardTextModel,
  type TextTemplateModel,
  type CategoryModel,
  type ImageModel,
  type Locale,
  type Localized,
  type MapModel,
  type OptionModel,
  type PageModel,
  type QuestionModel,
} from "./model.js";
import { dateInZone, toInstant, wallClockToInstant } from "./time.js";

const DEFAULT_TIMEZONE = "Europe/Berlin";
// An accessible categorical palette (Okabe–Ito), used when a category has no colour.
const CATEGORY_COLORS = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"];
const DEFAULT_PRIMARY = "#0b5394";
const DEFAULT_ACCENT = "#f3c300";

interface Context {
  dir: string;
  locales: Locale[];
  timezone: string;
}

export function normalizeCampaign(loaded: LoadedCampaign): CampaignModel {
  const raw = loaded.data;
  const locales = raw.locales?.length ? raw.locales : [raw.locale];
  const timezone = raw.timezone ?? DEFAULT_TIMEZONE;
  const ctx: Context = { dir: loaded.dir, locales, timezone };
  const text = (value: Raw.LocalizedText) => localize(value, ctx);
  const period = {
    start: toInstant(raw.period.start, timezone),
    end: toInstant(raw.period.end, timezone, true),
  };
  const org = raw.organization;

  const enforcement = raw.accessibility?.enforcement;
  const audit = raw.accessibility?.audit;
  const video = raw.accessibility?.signLanguageVideo;
  const file = (src: string) => ({ src, file: path.resolve(loaded.dir, src) });
  return {
    slug: loaded.slug,
    dir: loaded.dir,
    locale: raw.locale,
    locales,
    timezone,
    title: text(raw.title),
    summary: text(raw.summary),
    period,
    organization: {
      name: text(org.name),
      department: org.department === undefined ? undefined : text(org.department),
      logo: org.logo && image(org.logo, ctx),
      website: org.website,
      imprint: org.imprint,
      privacy: org.privacy,
      contact: { email: org.contact.email, phone: org.contact.phone },
      contributorId: org.contributorId,
    },
    site: {
      baseUrl: raw.site.baseUrl.replace(/\/+$/, ""),
      collector: (raw.site.collector ?? "/api").replace(/\/+$/, ""),
      allowedOrigins: (raw.site.allowedOrigins ?? []).map((url) => new URL(url).origin),
    },
    theme: { primary: raw.theme?.primary ?? DEFAULT_PRIMARY, accent: raw.theme?.accent ?? DEFAULT_ACCENT },
    hero: raw.hero && image(raw.hero, ctx),
    pages: normalizePages(raw.pages, ctx, period),
    social: {
      hashtags: raw.social?.hashtags ?? [],
      platformHashtags: raw.social?.platformHashtags ?? {},
      accounts: raw.social?.accounts ?? {},
      partners: (raw.social?.partners ?? []).map((partner) => ({ id: partner.id, name: partner.name, accounts: partner.accounts })),
      owner: raw.social?.owner,
      posts: (raw.social?.posts ?? []).map((post) => ({
        id: post.id,
        date: post.date,
        page: post.page,
        platforms: post.platforms,
        text: text(post.text),
        format: post.format ?? "link",
        card: post.card && cardText(post.card, ctx),
        slides: (post.slides ?? []).map((slide) => cardText(slide, ctx)),
        title: post.title === undefined ? undefined : text(post.title),
        image: post.image && image(post.image, ctx),
        hashtags: post.hashtags ?? [],
        partners: post.partners ?? [],
        owner: post.owner,
        accounts: post.accounts ?? {},
      })),
      shortLinks: raw.social?.shortLinks ?? true,
      replies: (raw.social?.replies ?? []).map((r) => textTemplate(r, ctx)),
      netiquette: raw.social?.netiquette === undefined ? undefined : text(raw.social.netiquette),
      moderationHours: raw.social?.moderationHours === undefined ? undefined : text(raw.social.moderationHours),
    },
    accessibility: {
      knownIssues: (raw.accessibility?.knownIssues ?? []).map(text),
      feedbackContact: raw.accessibility?.feedbackContact ?? org.contact.email,
      enforcement: enforcement && {
        name: text(enforcement.name),
        url: enforcement.url,
        ...(enforcement.text === undefined ? {} : { text: text(enforcement.text) }),
      },
      audit: audit && {
        date: audit.date.slice(0, 10),
        method: text(audit.method),
        ...(audit.by === undefined ? {} : { by: text(audit.by) }),
        result: audit.result,
        ...(audit.report === undefined ? {} : { report: audit.report }),
      },
      easyLanguage: raw.accessibility?.easyLanguage === undefined ? undefined : text(raw.accessibility.easyLanguage),
      signLanguageVideo: video && {
        ...file(video.src),
        poster: video.poster === undefined ? undefined : file(video.poster),
        captions: file(video.captions),
        transcript: text(video.transcript),
      },
    },
    notices: (raw.notices ?? []).map((n) => ({
      id: n.id,
      from: toInstant(n.from, timezone),
      until: toInstant(n.until, timezone),
      level: n.level ?? "info",
      text: text(n.text),
      extendsPeriod: n.extendsPeriod === true,
    })),
    retention: raw.retention && { personalDataDays: raw.retention.personalDataDays },
    abuse: { proofOfWork: raw.abuse?.proofOfWork === true },
  };
}

function cardText(raw: Raw.Card, ctx: Context): CardTextModel {
  return {
    title: raw.title === undefined ? undefined : localize(raw.title, ctx),
    subtitle: raw.subtitle === undefined ? undefined : localize(raw.subtitle, ctx),
  };
}

function textTemplate(raw: { id: string; label: Raw.LocalizedText; text: Raw.LocalizedText }, ctx: Context): TextTemplateModel {
  return { id: raw.id, label: localize(raw.label, ctx), text: localize(raw.text, ctx) };
}

function normalizePages(raw: Raw.Page[], ctx: Context, period: { start: string; end: string }): PageModel[] {
  // A results page reports on the survey and map pages by default, in page order.
  const sources = raw.filter((p) => p.type === "survey" || p.type === "map").map((p) => p.id);
  return raw.map((page) => normalizePage(page, ctx, period, sources));
}

/** The first moment of the day after `instant`, in the campaign's zone: when results appear by default. */
function dayAfter(instant: string, timeZone: string): string {
  const date = new Date(`${dateInZone(instant, timeZone)}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return wallClockToInstant(`${date.toISOString().slice(0, 10)}T00:00:00`, timeZone);
}

/** A LocalizedText in every locale: a plain string is the default locale's text and stands in for all. */
export function localize(value: Raw.LocalizedText, ctx: { locales: Locale[] }): Localized {
  const out: Localized = {};
  for (const locale of ctx.locales) {
    out[locale] = typeof value === "string" ? value : (value[locale] ?? value[ctx.locales[0]!] ?? "");
  }
  return out;
}

function image(raw: Raw.Image | Raw.CreditedImage, ctx: Context): ImageModel {
  const empty = Object.fromEntries(ctx.locales.map((l) => [l, ""]));
  return {
    src: raw.src,
    file: path.resolve(ctx.dir, raw.src),
    decorative: raw.decorative === true,
    alt: raw.decorative || raw.alt === undefined ? empty : localize(raw.alt, ctx),
    credit: raw.credit === undefined ? undefined : localize(raw.credit, ctx),
  };
}

function normalizePage(page: Raw.Page, ctx: Context, period: { start: string; end: string }, resultSources: string[]): PageModel {
  const base = {
    id: page.id,
    title: localize(page.title, ctx),
    intro: page.intro === undefined ? undefined : localize(page.intro, ctx),
    card: page.card && {
      title: page.card.title === undefined ? undefined : localize(page.card.title, ctx),
      subtitle: page.card.subtitle === undefined ? undefined : localize(page.card.subtitle, ctx),
    },
  };
  switch (page.type) {
    case "info":
      return { ...base, type: "info", body: localize(page.body, ctx), image: page.image && image(page.image, ctx) };
    case "survey":
      return {
        ...base,
        type: "survey",
        questions: page.questions.map((q) => normalizeQuestion(q, ctx)),
        thankYou: localize(page.thankYou, ctx),
        submitLabel: page.submitLabel === undefined ? undefined : localize(page.submitLabel, ctx),
        opens: page.opens ? toInstant(page.opens, ctx.timezone) : period.start,
        closes: page.closes ? toInstant(page.closes, ctx.timezone, true) : period.end,
      };
    case "map":
      return { ...base, type: "map", map: normalizeMap(page.map, ctx) };
    case "results":
      return {
        ...base,
        type: "results",
        sources: page.sources ?? resultSources,
        publishFrom: page.publishFrom ? toInstant(page.publishFrom, ctx.timezone) : dayAfter(period.end, ctx.timezone),
        asked: page.asked === undefined ? undefined : localize(page.asked, ctx),
        said: page.said === undefined ? undefined : localize(page.said, ctx),
        did: localize(page.did, ctx),
        hide: page.hide ?? [],
        licence: page.licence ?? "dl-de/by-2-0",
      };
  }
}

function options(raw: Raw.Option[], ctx: Context): OptionModel[] {
  return raw.map((o) => (typeof o === "string" ? { value: o, label: localize(o, ctx) } : { value: o.value, label: localize(o.label, ctx) }));
}

function normalizeQuestion(q: Raw.Question, ctx: Context): QuestionModel {
  const base = {
    id: q.id,
    label: localize(q.label, ctx),
    hint: q.hint === undefined ? undefined : localize(q.hint, ctx),
    required: q.type === "consent" ? true : q.required === true,
    showIf: q.showIf && {
      question: q.showIf.question,
      values: q.showIf.in ?? (q.showIf.equals === undefined ? [] : [q.showIf.equals]),
    },
  };
  const optional = (v: Raw.LocalizedText | undefined) => (v === undefined ? undefined : localize(v, ctx));
  switch (q.type) {
    case "text":
      return { ...base, type: "text", maxLength: q.maxLength ?? 200 };
    case "textarea":
      return { ...base, type: "textarea", maxLength: q.maxLength ?? 2000 };
    case "single":
      return { ...base, type: "single", options: options(q.options, ctx), other: q.other === true };
    case "multiple":
      return {
        ...base,
        type: "multiple",
        options: options(q.options, ctx),
        other: q.other === true,
        minSelected: q.minSelected,
        maxSelected: q.maxSelected,
      };
    case "select":
      return { ...base, type: "select", options: options(q.options, ctx) };
    case "scale":
      return { ...base, type: "scale", min: q.min, max: q.max, minLabel: optional(q.minLabel), maxLabel: optional(q.maxLabel) };
    case "ranking":
      return { ...base, type: "ranking", options: options(q.options, ctx) };
    case "number":
      return { ...base, type: "number", min: q.min, max: q.max, step: q.step };
    case "date":
      return { ...base, type: "date", min: q.min, max: q.max };
    case "email":
      return { ...base, type: "email" };
    case "location":
      return { ...base, type: "location", map: normalizeMap(q.map, ctx) };
    case "consent":
      return { ...base, type: "consent" };
  }
}

function normalizeMap(raw: Raw.MapBlock, ctx: Context): MapModel {
  const shapes = categoryShapes((raw.categories ?? []).map((c) => c.shape));
  const categories: CategoryModel[] = (raw.categories ?? []).map((c, i) => ({
    id: c.id,
    label: localize(c.label, ctx),
    color: c.color ?? CATEGORY_COLORS[i % CATEGORY_COLORS.length]!,
    shape: shapes[i]!,
  }));
  return {
    center: raw.center,
    zoom: raw.zoom,
    area: readGeoJSON(raw.area, ctx) as FeatureCollection<Polygon | MultiPolygon>,
    layers: (raw.layers ?? []).map((layer, i) => ({
      id: layer.id,
      label: localize(layer.label, ctx),
      data: readGeoJSON(layer.data, ctx),
      color: layer.color ?? CATEGORY_COLORS[(i + 3) % CATEGORY_COLORS.length]!,
    })),
    categories,
    places: (raw.places ?? []).map((p) => ({ id: p.id, label: localize(p.label, ctx), coordinates: p.coordinates })),
    basemap: raw.basemap && normalizeBasemap(raw.basemap, ctx),
    renderer: raw.renderer ?? "maplibre",
    accessToken: raw.accessToken,
    contributions: {
      public: raw.contributions?.public ?? false,
      moderation: raw.contributions?.moderation ?? "before",
      maxLength: raw.contributions?.maxLength ?? 1000,
      reasons: raw.contributions?.reasons?.map((r) => ({ id: r.id, label: localize(r.label, ctx) })) ?? DEFAULT_REJECTION_REASONS.map((id) => ({ id })),
      answerTemplates: (raw.contributions?.answerTemplates ?? []).map((t) => textTemplate(t, ctx)),
    },
  };
}

function normalizeBasemap(raw: NonNullable<Raw.MapBlock["basemap"]>, ctx: Context): BasemapModel {
  const attribution = raw.attribution === undefined ? undefined : localize(raw.attribution, ctx);
  if ("pmtiles" in raw) return { kind: "pmtiles", pmtiles: { src: raw.pmtiles, file: path.resolve(ctx.dir, raw.pmtiles) }, attribution };
  if ("geojson" in raw) {
    return {
      kind: "geojson",
      geojson: raw.geojson.map((source) => ({ kind: source.kind, data: readGeoJSON(source.data, ctx), nameProperty: source.nameProperty ?? "name" })),
      attribution,
    };
  }
  // Lower case, as browsers compare origins; "https://*.example.org" stays as written (a CSP wildcard).
  const origins = raw.origins?.map((origin) => origin.toLowerCase());
  return { kind: "style", style: raw.style, attribution, ...(origins ? { origins } : {}) };
}

/** Any GeoJSON (file path or inline) as a FeatureCollection, so renderers and checks handle one shape. */
export function readGeoJSON(source: Raw.GeoJSONSource, ctx: { dir: string }): FeatureCollection {
  const json: unknown = typeof source === "string" ? JSON.parse(readFileSync(path.resolve(ctx.dir, source), "utf8")) : source;
  return toFeatureCollection(json as Geometry | Feature | FeatureCollection);
}

export function toFeatureCollection(json: Geometry | Feature | FeatureCollection): FeatureCollection {
  if (json.type === "FeatureCollection") return json;
  if (json.type === "Feature") return { type: "FeatureCollection", features: [json] };
  return { type: "FeatureCollection", features: [{ type: "Feature", properties: {}, geometry: json }] };
}
