// The normalized campaign: what the site, the share cards and the collector read.
// Produced by normalize() from a validated campaign.json (+ site.json); defaults are filled,
// every text is resolved to one entry per locale, dates are instants, files are absolute paths.
import type { FeatureCollection, Polygon, MultiPolygon } from "./geojson.js";
import type { Shape } from "./map-symbols.js";

export type Locale = string;
/** A text in every locale of its campaign (after normalization, always complete). */
export type Localized = Record<Locale, string>;

export interface Period {
  /** ISO 8601 instant with offset, e.g. 2027-03-01T00:00:00+01:00. */
  start: string;
  /** ISO 8601 instant with offset; a date-only `end` means the end of that day (23:59:59). */
  end: string;
}

export interface ImageModel {
  /** Path as written in campaign.json, relative to the campaign folder. */
  src: string;
  /** Absolute path of the file on disk. */
  file: string;
  /** Alt text per locale; empty strings when decorative. */
  alt: Localized;
  decorative: boolean;
  credit?: Localized;
}

export interface OptionModel {
  value: string;
  label: Localized;
}

export interface ShowIfModel {
  question: string;
  /** The question is shown when the earlier answer equals (or, for multiple choice, includes) one of these. */
  values: (string | number | boolean)[];
}

interface QuestionBase {
  id: string;
  label: Localized;
  hint?: Localized;
  required: boolean;
  showIf?: ShowIfModel;
}

export type QuestionModel =
  | (QuestionBase & { type: "text"; maxLength: number })
  | (QuestionBase & { type: "textarea"; maxLength: number })
  | (QuestionBase & { type: "single"; options: OptionModel[]; other: boolean })
  | (QuestionBase & {
      type: "multiple";
      options: OptionModel[];
      other: boolean;
      minSelected?: number;
      maxSelected?: number;
    })
  | (QuestionBase & { type: "select"; options: OptionModel[] })
  | (QuestionBase & { type: "scale"; min: number; max: number; minLabel?: Localized; maxLabel?: Localized })
  | (QuestionBase & { type: "ranking"; options: OptionModel[] })
  | (QuestionBase & { type: "number"; min?: number; max?: number; step?: number })
  | (QuestionBase & { type: "date"; min?: string; max?: string })
  | (QuestionBase & { type: "email" })
  | (QuestionBase & { type: "location"; map: MapModel })
  | (QuestionBase & { type: "consent" });

export type QuestionType = QuestionModel["type"];

export interface CategoryModel {
  id: string;
  label: Localized;
  color: string;
  /** The symbol on the map, in the legend, filter and list: chosen by the campaign or the next free one. */
  shape: Shape;
}

export interface PlaceModel {
  id: string;
  label: Localized;
  coordinates: [number, number];
}

export interface LayerModel {
  id: string;
  label: Localized;
  data: FeatureCollection;
  color: string;
}

export interface MapModel {
  center: [number, number];
  zoom: number;
  /** The planning area as a FeatureCollection of Polygon/MultiPolygon features. */
  area: FeatureCollection<Polygon | MultiPolygon>;
  layers: LayerModel[];
  categories: CategoryModel[];
  places: PlaceModel[];
  basemap?: BasemapModel;
  renderer: "maplibre" | "mapbox";
  accessToken?: string;
  contributions: {
    public: boolean;
    moderation: "before" | "after";
    maxLength: number;
    /** Netiquette reasons for rejecting; the defaults (DEFAULT_REJECTION_REASONS) have no label: the UI catalogue names them. */
    reasons: RejectionReasonModel[];
    answerTemplates: TextTemplateModel[];
  };
}

/**
 * The background map: exactly one of `style` (a third-party style URL), `pmtiles` (a self-hosted archive)
 * or `geojson` (the city's data, tiled at build time). Code that only knows `style` keeps working.
 */
export type BasemapModel =
  | {
      kind: "style";
      style: string;
      attribution?: Localized;
      /** Origins (scheme://host[:port]) of the servers its tiles, glyphs and sprites come from besides the style's own; the CSP allows them. */
      origins?: string[];
    }
  | { kind: "pmtiles"; pmtiles: { src: string; file: string }; attribution?: Localized }
  | { kind: "geojson"; geojson: BasemapSourceModel[]; attribution?: Localized };

export type BasemapFeatureKind = "streets" | "buildings" | "water" | "green" | "rail" | "places";

export interface BasemapSourceModel {
  kind: BasemapFeatureKind;
  data: FeatureCollection;
  /** Feature property with the name to label; default "name". */
  nameProperty: string;
}

/**
 * A scale step as people read it: the number, and at the ends the campaign's words for them
 * ("1 – gar nicht zufrieden"). The form's choices and the results' rows say it alike.
 */
export function scaleStepText(q: Extract<QuestionModel, { type: "scale" }>, step: number, locale: Locale): string {
  const words = step === q.min ? q.minLabel?.[locale] : step === q.max ? q.maxLabel?.[locale] : undefined;
  return words ? `${step} – ${words}` : String(step);
}

/** Ids of the rejection reasons a campaign gets when it names none (campaign-format: contributions.reasons). */
export const DEFAULT_REJECTION_REASONS = ["off-topic", "insulting", "personal-data", "advertising", "duplicate", "other"] as const;

export interface RejectionReasonModel {
  id: string;
  /** The campaign's own wording; undefined for the defaults, which the interface catalogue words. */
  label?: Localized;
}

export interface TextTemplateModel {
  id: string;
  label: Localized;
  text: Localized;
}

/** Public statuses of a contribution, set in the desk (campaign-format: "Public statuses"). */
export const CONTRIBUTION_STATUSES = ["received", "in-review", "planned", "partly", "not-possible", "done"] as const;
export type PublicStatus = (typeof CONTRIBUTION_STATUSES)[number];

interface PageBase {
  id: string;
  title: Localized;
  intro?: Localized;
  card?: { title?: Localized; subtitle?: Localized };
}

export interface InfoPageModel extends PageBase {
  type: "info";
  body: Localized;
  image?: ImageModel;
}

export interface SurveyPageModel extends PageBase {
  type: "survey";
  questions: QuestionModel[];
  thankYou: Localized;
  submitLabel?: Localized;
  /** Instants; default to the campaign period. */
  opens: string;
  closes: string;
}

export interface MapPageModel extends PageBase {
  type: "map";
  map: MapModel;
}

export interface ResultsPageModel extends PageBase {
  type: "results";
  /** Ids of the survey and map pages it reports on (default: all of them, in page order). */
  sources: string[];
  /** Instant from which the figures are shown; before it the page says when results come. */
  publishFrom: string;
  asked?: Localized;
  said?: Localized;
  did: Localized;
  /** Question ids whose figures are not published. */
  hide: string[];
  /** Licence of the open data (identifier or URL); default "dl-de/by-2-0". */
  licence: string;
}

export type PageModel = InfoPageModel | SurveyPageModel | MapPageModel | ResultsPageModel;

export type Platform = "instagram" | "facebook" | "mastodon" | "x" | "bluesky" | "threads" | "linkedin";

export interface PostModel {
  id: string;
  /** ISO 8601 date-time as written. */
  date: string;
  /** Page id the post links to; undefined = landing page. */
  page?: string;
  platforms: Platform[];
  text: Localized;
  /** How it is published; default "link". */
  format: "link" | "image" | "carousel" | "story";
  /** The post's own image text instead of its page's card. */
  card?: CardTextModel;
  /** Carousel slides (4:5), up to 10. */
  slides: CardTextModel[];
  /** What the post is about, for the editorial plan and calendar ("Start der Beteiligung"). */
  title?: Localized;
  /** The post's own photo on its images instead of the campaign's hero. */
  image?: ImageModel;
  /** Hashtags of this post only, added to the campaign's. */
  hashtags: string[];
  /** Ids of social.partners to mention. */
  partners: string[];
  /** Who publishes it (default social.owner). */
  owner?: string;
  /** The accounts it is published from, over social.accounts. */
  accounts: Partial<Record<Platform, string>>;
}

export interface PartnerModel {
  id: string;
  name: string;
  accounts: Partial<Record<Platform, string>>;
}

export interface CardTextModel {
  title?: Localized;
  subtitle?: Localized;
}

export interface SocialModel {
  hashtags: string[];
  /** Hashtags for one platform instead of `hashtags`. */
  platformHashtags: Partial<Record<Platform, string[]>>;
  accounts: Partial<Record<Platform, string>>;
  partners: PartnerModel[];
  /** Who publishes the posts, for the editorial plan. */
  owner?: string;
  posts: PostModel[];
  /** The kit gives out counted short links <baseUrl>/l/<code> (default true). */
  shortLinks: boolean;
  /** The campaign's own reply templates; the kit adds generated defaults (a template with a default's id replaces it). */
  replies: TextTemplateModel[];
  netiquette?: Localized;
  moderationHours?: Localized;
}

export interface NoticeModel {
  id: string;
  /** Instants. */
  from: string;
  until: string;
  level: "info" | "warning";
  /** Markdown. */
  text: Localized;
  /** It announces an extended period (period.end is the new end): share cards say so while it shows. */
  extendsPeriod: boolean;
}

export interface OrganizationModel {
  name: Localized;
  department?: Localized;
  logo?: ImageModel;
  website?: string;
  imprint: string;
  privacy: string;
  contact: { email: string; phone?: string };
  /** DCAT-AP.de contributor ID (http://dcat-ap.de/def/contributors/…) for open-data portals. */
  contributorId?: string;
}

export interface CampaignModel {
  /** Folder name under campaigns/. */
  slug: string;
  /** Absolute path of the campaign folder. */
  dir: string;
  locale: Locale;
  /** All locales, default first. */
  locales: Locale[];
  timezone: string;
  title: Localized;
  summary: Localized;
  period: Period;
  organization: OrganizationModel;
  /**
   * baseUrl without trailing slash; collector URL (absolute or root-relative), default "/api";
   * allowedOrigins: further origins (scheme://host[:port], no slash) that may post to the collector.
   */
  site: { baseUrl: string; collector: string; allowedOrigins: string[] };
  theme: { primary: string; accent: string };
  hero?: ImageModel;
  pages: PageModel[];
  social: SocialModel;
  accessibility: {
    knownIssues: Localized[];
    feedbackContact: string;
    /** The state's enforcement body; undefined: the federal Schlichtungsstelle nach § 16 BGG. */
    enforcement?: { name: Localized; url: string; text?: Localized };
    /** A declared manual test (date as YYYY-MM-DD). */
    audit?: { date: string; method: Localized; by?: Localized; result: "full" | "partial"; report?: string };
    /** The campaign's own part of the Leichte Sprache page (Markdown). */
    easyLanguage?: Localized;
    /** The DGS video; files as absolute paths, `src`-style paths as written. */
    signLanguageVideo?: {
      src: string;
      file: string;
      poster?: { src: string; file: string };
      captions: { src: string; file: string };
      transcript: Localized;
    };
  };
  /** Announcements shown while current (campaign-format v2). */
  notices: NoticeModel[];
  /** Days after period.end after which personal fields are purged; undefined: not configured. */
  retention?: { personalDataDays: number };
  abuse: { proofOfWork: boolean };
}

/** Everything one build renders. */
export interface SiteModel {
  campaigns: CampaignModel[];
  /** Language of the campaign index `/` and the 404 page: the first campaign's default, else "de". */
  locale: Locale;
  /** ISO instant of the build; "now" for open/closed states and the accessibility statement. */
  builtAt: string;
}
