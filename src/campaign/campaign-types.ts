/* Generated from schema/campaign.schema.json by scripts/generate-types.mjs. Do not edit: change the schema and run `npm run generate:types`. */

/**
 * BCP 47 language tag, e.g. "de", "en", "tr", "de-AT".
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "LocaleTag".
 */
export type LocaleTag = string;
/**
 * LocalizedText of at most 90 characters per language.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "Text90".
 */
export type Text90 =
  | string
  | {
      [k: string]: string;
    };
/**
 * LocalizedText of at most 200 characters per language.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "Text200".
 */
export type Text200 =
  | string
  | {
      [k: string]: string;
    };
/**
 * ISO 8601 date (2027-03-01) or date-time (2027-03-01T09:00:00+01:00). Without an offset the campaign's timezone applies.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "DateOrDateTime".
 */
export type DateOrDateTime = string;
/**
 * Text in the campaign's default language, or an object with one entry per language of `locales`, e.g. { "de": "…", "en": "…" }.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "LocalizedText".
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "Markdown".
 */
export type LocalizedText =
  | string
  | {
      [k: string]: string;
    };
/**
 * An absolute https:// URL.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "HttpsUrl".
 */
export type HttpsUrl = string;
/**
 * Colour as hex, e.g. "#00566b".
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "HexColor".
 */
export type HexColor = string;
/**
 * A page of the campaign. Its type decides its other fields.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "Page".
 */
export type Page = InfoPage | SurveyPage | MapPage | ResultsPage;
/**
 * Lower-case letters, digits and single hyphens.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "Slug".
 */
export type Slug = string;
/**
 * A survey question. Its type decides its other fields.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "Question".
 */
export type Question =
  | TextQuestion
  | TextareaQuestion
  | SingleQuestion
  | MultipleQuestion
  | SelectQuestion
  | ScaleQuestion
  | RankingQuestion
  | NumberQuestion
  | DateQuestion
  | EmailQuestion
  | LocationQuestion
  | ConsentQuestion;
/**
 * Question id: lower-case letter, then letters, digits, underscores. Column name in exports.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "QuestionId".
 */
export type QuestionId = string;
/**
 * An answer option: { "value": "a", "label": … }, or a plain string used as both.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "Option".
 */
export type Option =
  | string
  | {
      /**
       * Stored value; stable across languages.
       */
      value: string;
      label: LocalizedText;
    };
/**
 * [longitude, latitude] in WGS 84 degrees.
 *
 * @minItems 2
 * @maxItems 2
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "LngLat".
 */
export type LngLat = [number, number];
/**
 * Path to a GeoJSON file in the campaign folder (e.g. "media/gebiet.geojson"), or inline GeoJSON. Must be valid RFC 7946 GeoJSON: [longitude, latitude] positions, closed rings.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "GeoJSONSource".
 */
export type GeoJSONSource =
  | string
  | {
      type:
        | "Point"
        | "MultiPoint"
        | "LineString"
        | "MultiLineString"
        | "Polygon"
        | "MultiPolygon"
        | "GeometryCollection"
        | "Feature"
        | "FeatureCollection";
    };
/**
 * Path of a file relative to the campaign folder, e.g. "media/plan.pmtiles"; must stay inside that folder.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "MediaPath".
 */
export type MediaPath = string;
/**
 * ISO 8601 date-time, e.g. 2027-03-01T09:00:00+01:00.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "DateTime".
 */
export type DateTime = string;
/**
 * Hashtags without #.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "Hashtags".
 */
export type Hashtags = string[];
/**
 * Social network.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "Platform".
 */
export type Platform = "instagram" | "facebook" | "mastodon" | "x" | "bluesky" | "threads" | "linkedin";

/**
 * A mitreden citizen-participation campaign: campaigns/<slug>/campaign.json, merged with campaigns/site.json (campaign wins) before validation.
 */
export interface Campaign {
  /**
   * Relative path to schema/campaign.schema.json, so editors autocomplete and explain fields.
   */
  $schema?: string;
  locale: LocaleTag;
  /**
   * All languages the campaign is published in, default language first. Defaults to [locale].
   *
   * @minItems 1
   */
  locales?: [LocaleTag, ...LocaleTag[]];
  title: Text90;
  summary: Text200;
  /**
   * When the campaign is open for participation.
   */
  period: {
    start: DateOrDateTime;
    end: DateOrDateTime;
  };
  /**
   * IANA time zone for dates without an offset. Default: Europe/Berlin.
   */
  timezone?: string;
  /**
   * Who runs the campaign. Usually in campaigns/site.json so all campaigns share it.
   */
  organization: {
    name: LocalizedText;
    department?: LocalizedText;
    logo?: Image;
    website?: HttpsUrl;
    imprint: HttpsUrl;
    privacy: HttpsUrl;
    /**
     * The organization's DCAT-AP.de contributor ID (dcatde:contributorID), as GovData assigned it, e.g. "http://dcat-ap.de/def/contributors/stadtKoeln": open-data portals use it to tell whose data a results page publishes.
     */
    contributorId?: string;
    /**
     * How citizens reach the team.
     */
    contact: {
      /**
       * Contact e-mail address, shown on every page.
       */
      email: string;
      /**
       * Contact phone number, e.g. "+49 221 123-4567".
       */
      phone?: string;
    };
  };
  /**
   * Where the microsite is published.
   */
  site: {
    baseUrl: HttpsUrl;
    /**
     * URL of the collector API that receives submissions. Default: same origin, "/api".
     */
    collector?: string;
    /**
     * Extra origins (absolute URLs such as "https://www.musterstadt.de") whose pages may post forms to the collector, besides the site's own origin (site.baseUrl). Needed when the forms are embedded in another site of the city.
     *
     * Items: An origin: scheme, host and optional port, no path, e.g. "https://www.musterstadt.de".
     */
    allowedOrigins?: string[];
  };
  /**
   * Campaign colours, mapped onto KERN UX's semantic colours. White text on primary and primary text on white must both reach 4.5:1 contrast.
   */
  theme?: {
    primary?: HexColor;
    accent?: HexColor;
  };
  hero?: CreditedImage;
  /**
   * The campaign's pages, in navigation order. Ids must be unique.
   *
   * @minItems 1
   */
  pages: [Page, ...Page[]];
  social?: Social;
  /**
   * Feeds the accessibility statement (Erklärung zur Barrierefreiheit).
   */
  accessibility?: {
    /**
     * Known limitations beyond the ones mitreden lists itself, each with its alternative.
     */
    knownIssues?: LocalizedText[];
    /**
     * Where people report accessibility barriers. Default: organization.contact.email.
     */
    feedbackContact?: string;
    /**
     * @deprecated
     * ISO 8601 date (2027-03-01) or date-time (2027-03-01T09:00:00+01:00). Without an offset the campaign's timezone applies.
     */
    lastAudit?: string;
    /**
     * @deprecated
     * Text in the campaign's default language, or an object with one entry per language of `locales`, e.g. { "de": "…", "en": "…" }.
     */
    method?:
      | string
      | {
          [k: string]: string;
        };
    /**
     * The body people can turn to when their feedback brought no solution (Durchsetzungs- or Schlichtungsverfahren). Default: the federal Schlichtungsstelle nach § 16 BGG, which is responsible for federal bodies. Cities and state authorities name their state's body here, e.g. in North Rhine-Westphalia the Ombudsstelle für barrierefreie Informationstechnik.
     */
    enforcement?: {
      name: LocalizedText;
      url: HttpsUrl;
      text?: LocalizedText;
    };
    /**
     * A manual accessibility test of the site (e.g. a BITV-Test by an accredited tester, or an evaluation following WCAG-EM). Only with result "full", no knownIssues and a clean automated audit may the statement say "vollständig vereinbar".
     */
    audit?: {
      date: DateOrDateTime;
      method: LocalizedText;
      by?: LocalizedText;
      /**
       * full: the site met every requirement; partial: some requirements were not met (list them in knownIssues).
       */
      result: "full" | "partial";
      report?: HttpsUrl;
    };
    easyLanguage?: LocalizedText;
    /**
     * A video in Deutsche Gebärdensprache (DGS) for /<slug>/gebaerdensprache/: what the site contains and how to use it. Self-hosted; without it the page says that the video will follow.
     */
    signLanguageVideo?: {
      src: MediaPath;
      poster?: MediaPath;
      captions: MediaPath;
      transcript: LocalizedText;
    };
  };
  /**
   * Announcements shown on every page of the campaign while they are current: a cancelled event, an extended deadline, a paused survey. A rebuild publishes them.
   */
  notices?: {
    id: Slug;
    from: DateTime;
    until: DateTime;
    /**
     * info (default): news; warning: something people must know before taking part.
     */
    level?: "info" | "warning";
    text: LocalizedText;
    /**
     * true: this notice announces an extended participation period (set period.end to the new end as well: the forms close at period.end). While the notice shows, share cards say "verlängert bis <period.end>" instead of "bis <period.end>".
     */
    extendsPeriod?: boolean;
  }[];
  /**
   * How long personal data is kept (DSGVO Art. 5 (1) e).
   */
  retention?: {
    /**
     * Days after period.end after which `mitreden purge` deletes personal fields (e-mail answers and the like); the rest of the answers stays.
     */
    personalDataDays: number;
  };
  /**
   * Extra protection for campaigns that attract bots.
   */
  abuse?: {
    /**
     * Adds a self-hosted, cookie-free proof-of-work challenge (ALTCHA) to surveys and map forms. Default false. Without JavaScript the forms still work; such submissions are marked unverified.
     */
    proofOfWork?: boolean;
  };
}
/**
 * An image file in the campaign folder. Alt text is required unless decorative is true.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "Image".
 */
export interface Image {
  /**
   * Path relative to the campaign folder, e.g. "media/marktplatz.jpg" (in site.json: relative to the campaigns folder, e.g. "media/logo.svg"); must stay inside that folder. JPEG, PNG, WebP, AVIF, GIF or SVG.
   */
  src: string;
  alt?: LocalizedText;
  credit?: LocalizedText;
  /**
   * true when the image adds nothing to the text; screen readers then skip it and no alt text is needed.
   */
  decorative?: boolean;
}
/**
 * An image that needs a credit (copyright line).
 */
export interface CreditedImage {
  /**
   * Path relative to the campaign folder, e.g. "media/marktplatz.jpg" (in site.json: relative to the campaigns folder, e.g. "media/logo.svg"); must stay inside that folder. JPEG, PNG, WebP, AVIF, GIF or SVG.
   */
  src: string;
  alt?: LocalizedText;
  credit: LocalizedText;
  /**
   * true when the image adds nothing to the text; screen readers then skip it and no alt text is needed.
   */
  decorative?: boolean;
}
/**
 * A page of text (Markdown), optionally with an image.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "InfoPage".
 */
export interface InfoPage {
  id: Slug;
  /**
   * An information page.
   */
  type: "info";
  title: Text90;
  intro?: LocalizedText;
  card?: Card;
  body: LocalizedText;
  image?: CreditedImage;
}
/**
 * Overrides what this page's share card shows.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "Card".
 */
export interface Card {
  title?: Text90;
  subtitle?: Text200;
}
/**
 * A survey: questions citizens answer in a form.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "SurveyPage".
 */
export interface SurveyPage {
  id: Slug;
  /**
   * A survey page.
   */
  type: "survey";
  title: Text90;
  intro?: LocalizedText;
  card?: Card;
  /**
   * The questions, in order. Ids unique within the page.
   *
   * @minItems 1
   */
  questions: [Question, ...Question[]];
  thankYou: LocalizedText;
  submitLabel?: LocalizedText;
  opens?: DateOrDateTime;
  closes?: DateOrDateTime;
}
/**
 * One line of text.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "TextQuestion".
 */
export interface TextQuestion {
  id: QuestionId;
  type: "text";
  label: LocalizedText;
  hint?: LocalizedText;
  /**
   * Must be answered. Default false.
   */
  required?: boolean;
  showIf?: ShowIf;
  /**
   * Longest answer in characters. Default 200.
   */
  maxLength?: number;
}
/**
 * Show this question only when an earlier question has a given answer: { "question": "<earlier id>", "equals": value } or { "question": …, "in": [values] }, exactly one of equals and in.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "ShowIf".
 */
export interface ShowIf {
  /**
   * Id of an earlier question of the same page.
   */
  question: string;
  /**
   * Show when the answer is (or, for multiple choice, includes) this value.
   */
  equals?: string | number | boolean;
  /**
   * Show when the answer is one of these values.
   *
   * @minItems 1
   */
  in?: [string | number | boolean, ...(string | number | boolean)[]];
}
/**
 * Several lines of text.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "TextareaQuestion".
 */
export interface TextareaQuestion {
  id: QuestionId;
  type: "textarea";
  label: LocalizedText;
  hint?: LocalizedText;
  /**
   * Must be answered. Default false.
   */
  required?: boolean;
  showIf?: ShowIf;
  /**
   * Longest answer in characters. Default 2000.
   */
  maxLength?: number;
}
/**
 * Choose exactly one option (radio buttons).
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "SingleQuestion".
 */
export interface SingleQuestion {
  id: QuestionId;
  type: "single";
  label: LocalizedText;
  hint?: LocalizedText;
  /**
   * Must be answered. Default false.
   */
  required?: boolean;
  showIf?: ShowIf;
  /**
   * At least two options.
   *
   * @minItems 2
   */
  options: [Option, Option, ...Option[]];
  /**
   * Adds an "other" option with a free-text field.
   */
  other?: boolean;
}
/**
 * Choose any number of options (checkboxes).
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "MultipleQuestion".
 */
export interface MultipleQuestion {
  id: QuestionId;
  type: "multiple";
  label: LocalizedText;
  hint?: LocalizedText;
  /**
   * At least one option must be chosen. Default false.
   */
  required?: boolean;
  showIf?: ShowIf;
  /**
   * At least two options.
   *
   * @minItems 2
   */
  options: [Option, Option, ...Option[]];
  /**
   * Fewest options to choose.
   */
  minSelected?: number;
  /**
   * Most options to choose.
   */
  maxSelected?: number;
  /**
   * Adds an "other" option with a free-text field.
   */
  other?: boolean;
}
/**
 * Choose one option from a drop-down list.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "SelectQuestion".
 */
export interface SelectQuestion {
  id: QuestionId;
  type: "select";
  label: LocalizedText;
  hint?: LocalizedText;
  /**
   * Must be answered. Default false.
   */
  required?: boolean;
  showIf?: ShowIf;
  /**
   * At least two options.
   *
   * @minItems 2
   */
  options: [Option, Option, ...Option[]];
}
/**
 * A rating on a scale from min to max (2–11 steps).
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "ScaleQuestion".
 */
export interface ScaleQuestion {
  id: QuestionId;
  type: "scale";
  label: LocalizedText;
  hint?: LocalizedText;
  /**
   * Must be answered. Default false.
   */
  required?: boolean;
  showIf?: ShowIf;
  /**
   * Lowest value, e.g. 1.
   */
  min: number;
  /**
   * Highest value, e.g. 5. The scale has 2–11 steps.
   */
  max: number;
  minLabel?: LocalizedText;
  maxLabel?: LocalizedText;
}
/**
 * Put all options in order of importance.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "RankingQuestion".
 */
export interface RankingQuestion {
  id: QuestionId;
  type: "ranking";
  label: LocalizedText;
  hint?: LocalizedText;
  /**
   * Must be answered. Default false.
   */
  required?: boolean;
  showIf?: ShowIf;
  /**
   * 2–10 options to rank.
   *
   * @minItems 2
   * @maxItems 10
   */
  options: [Option, Option, ...Option[]];
}
/**
 * A number.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "NumberQuestion".
 */
export interface NumberQuestion {
  id: QuestionId;
  type: "number";
  label: LocalizedText;
  hint?: LocalizedText;
  /**
   * Must be answered. Default false.
   */
  required?: boolean;
  showIf?: ShowIf;
  /**
   * Smallest allowed number.
   */
  min?: number;
  /**
   * Largest allowed number.
   */
  max?: number;
  /**
   * Allowed step, e.g. 1 for whole numbers.
   */
  step?: number;
}
/**
 * A calendar date.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "DateQuestion".
 */
export interface DateQuestion {
  id: QuestionId;
  type: "date";
  label: LocalizedText;
  hint?: LocalizedText;
  /**
   * Must be answered. Default false.
   */
  required?: boolean;
  showIf?: ShowIf;
  /**
   * Earliest date (YYYY-MM-DD).
   */
  min?: string;
  /**
   * Latest date (YYYY-MM-DD).
   */
  max?: string;
}
/**
 * An e-mail address for an optional follow-up. The survey needs a consent question too.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "EmailQuestion".
 */
export interface EmailQuestion {
  id: QuestionId;
  type: "email";
  label: LocalizedText;
  hint?: LocalizedText;
  /**
   * Must be answered. Default false.
   */
  required?: boolean;
  showIf?: ShowIf;
}
/**
 * A place in an area: a point on the map, a named place, or a description.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "LocationQuestion".
 */
export interface LocationQuestion {
  id: QuestionId;
  type: "location";
  label: LocalizedText;
  hint?: LocalizedText;
  /**
   * Must be answered. Default false.
   */
  required?: boolean;
  showIf?: ShowIf;
  map: MapBlock;
}
/**
 * The map: area, layers, categories, named places.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "MapBlock".
 */
export interface MapBlock {
  center: LngLat;
  /**
   * Zoom level the map opens with (0–22).
   */
  zoom: number;
  area: GeoJSONSource;
  /**
   * Extra map layers, shown with a legend.
   */
  layers?: {
    id: Slug;
    label: LocalizedText;
    data: GeoJSONSource;
    color?: HexColor;
  }[];
  /**
   * Kinds of contribution (at least one on map pages).
   *
   * @minItems 1
   */
  categories?: [Category, ...Category[]];
  /**
   * Named spots for people who do not use the map. Must lie inside the area.
   */
  places?: {
    id: Slug;
    label: LocalizedText;
    coordinates: LngLat;
  }[];
  /**
   * Background map, one of three kinds: a PMTiles archive in the campaign folder ({ "pmtiles" }), the city's own GeoJSON turned into tiles at build time ({ "geojson" }), or a third-party style URL ({ "style" }, which makes every visitor's browser contact that server). Without it the area and layers are drawn on a plain background.
   */
  basemap?:
    | {
        pmtiles: MediaPath;
        attribution?: LocalizedText;
      }
    | {
        /**
         * The data, one entry per file.
         *
         * @minItems 1
         */
        geojson: [BasemapSource, ...BasemapSource[]];
        attribution?: LocalizedText;
      }
    | {
        /**
         * URL of a MapLibre/Mapbox style JSON.
         */
        style: string;
        attribution?: LocalizedText;
        /**
         * Further servers the style loads tiles, glyphs or sprites from, when they are not the style's own server, e.g. ["https://tiles.example.org"] (scheme://host[:port], no path; "https://*.example.org" for all its subdomains). The pages' Content-Security-Policy allows the style's server and exactly these; look up the hosts in the style's "sources", "glyphs" and "sprite".
         */
        origins?: string[];
      };
  /**
   * Map library: maplibre (default, open source) or mapbox (needs accessToken).
   */
  renderer?: "maplibre" | "mapbox";
  /**
   * Mapbox access token; required when renderer is "mapbox".
   */
  accessToken?: string;
  /**
   * How contributions are handled.
   */
  contributions?: {
    /**
     * Show others' approved contributions on the map and in the list.
     */
    public?: boolean;
    /**
     * before: public only after approval; after: public until rejected.
     */
    moderation?: "before" | "after";
    /**
     * Longest comment in characters. Default: 1000.
     */
    maxLength?: number;
    /**
     * The netiquette reasons a moderator chooses from when rejecting a contribution. Default: off-topic, insulting, personal-data, advertising, duplicate, other.
     *
     * @minItems 1
     */
    reasons?: [
      {
        id: Slug;
        label: LocalizedText;
      },
      ...{
        id: Slug;
        label: LocalizedText;
      }[]
    ];
    /**
     * Texts an official answer can start from in the desk.
     */
    answerTemplates?: TextTemplate[];
  };
}
/**
 * A kind of contribution, e.g. idea, problem, praise.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "Category".
 */
export interface Category {
  id: Slug;
  label: LocalizedText;
  color?: HexColor;
  /**
   * Symbol on the map, in the legend, the filter and the list (categories differ by shape, not by colour alone). Default: the next shape no category chose, in this order.
   */
  shape?: "circle" | "square" | "triangle" | "diamond" | "triangle-down" | "hexagon";
}
/**
 * One GeoJSON file of a self-made basemap and what it holds.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "BasemapSource".
 */
export interface BasemapSource {
  /**
   * What the file holds; decides how it is drawn.
   */
  kind: "streets" | "buildings" | "water" | "green" | "rail" | "places";
  data: GeoJSONSource;
  /**
   * Feature property holding the name to label (streets, places, water). Default: "name".
   */
  nameProperty?: string;
}
/**
 * A named text to start from.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "TextTemplate".
 */
export interface TextTemplate {
  id: Slug;
  label: LocalizedText;
  text: LocalizedText;
}
/**
 * A checkbox that must be ticked to send the form. The label should link the privacy notice.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "ConsentQuestion".
 */
export interface ConsentQuestion {
  id: QuestionId;
  type: "consent";
  label: LocalizedText;
  hint?: LocalizedText;
  /**
   * Always required when present; false is not allowed.
   */
  required?: true;
  showIf?: ShowIf;
}
/**
 * A map on which citizens place contributions.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "MapPage".
 */
export interface MapPage {
  id: Slug;
  /**
   * A map page.
   */
  type: "map";
  title: Text90;
  intro?: LocalizedText;
  card?: Card;
  map: MapBlock;
}
/**
 * "Wir haben gefragt / Ihr habt gesagt / Wir tun": what came of the campaign, with the figures of its surveys and maps (from campaigns/<slug>/results/<page-id>.json, written by `mitreden results <slug>`) and open-data downloads.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "ResultsPage".
 */
export interface ResultsPage {
  id: Slug;
  /**
   * A results page.
   */
  type: "results";
  title: Text90;
  intro?: LocalizedText;
  card?: Card;
  /**
   * Ids of the survey and map pages whose results the page shows. Default: all of them.
   *
   * @minItems 1
   */
  sources?: [Slug, ...Slug[]];
  publishFrom?: DateTime;
  asked?: LocalizedText;
  said?: LocalizedText;
  did: LocalizedText;
  /**
   * Ids of questions whose figures are not published (e.g. a question about age in a small group).
   */
  hide?: QuestionId[];
  /**
   * Licence of the open data, as an identifier of the GovData licence list or a URL. Default: "dl-de/by-2-0" (Datenlizenz Deutschland – Namensnennung – Version 2.0).
   */
  licence?: string;
}
/**
 * Hashtags, accounts and planned posts; feeds the social-media kit.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "Social".
 */
export interface Social {
  hashtags?: Hashtags;
  accounts?: Accounts;
  /**
   * Hashtags for one platform instead of "hashtags", e.g. more for Instagram, fewer for X. Without #.
   */
  platformHashtags?: {
    instagram?: Hashtags;
    facebook?: Hashtags;
    mastodon?: Hashtags;
    x?: Hashtags;
    bluesky?: Hashtags;
    threads?: Hashtags;
    linkedin?: Hashtags;
  };
  /**
   * Partner organizations whose accounts posts mention ("partners" of a post), e.g. the cycling club or the neighbourhood association.
   */
  partners?: {
    id: Slug;
    /**
     * The partner's name, e.g. "ADFC Musterstadt".
     */
    name: string;
    accounts: Accounts;
  }[];
  /**
   * Who publishes the posts, for the editorial plan (e.g. "Team Social Media"); a post's "owner" overrides it. Left empty in the plan when not set.
   */
  owner?: string;
  /**
   * Planned posts; each must fit every platform it names.
   */
  posts?: {
    id: Slug;
    date: DateTime;
    page?: Slug;
    /**
     * Where the post goes.
     *
     * @minItems 1
     */
    platforms: [Platform, ...Platform[]];
    text: LocalizedText;
    /**
     * How the post is published: link (default: text with a link, the preview comes from the page), image (a picture with alt text, the link in the text, first comment or bio), carousel (the slides), story (9:16 with a link sticker).
     */
    format?: "link" | "image" | "carousel" | "story";
    card?: Card;
    /**
     * A carousel of up to 10 cards in 4:5, e.g. the dates of a series of walks.
     *
     * @minItems 1
     * @maxItems 10
     */
    slides?: [Card, ...Card[]];
    title?: Text90;
    image?: CreditedImage;
    hashtags?: Hashtags;
    /**
     * Ids of social.partners to mention (@) in this post, on each platform where the partner has an account.
     */
    partners?: Slug[];
    /**
     * Who publishes this post, for the editorial plan; default social.owner.
     */
    owner?: string;
    accounts?: Accounts;
  }[];
  /**
   * The kit gives out short links <baseUrl>/l/<code> that the collector counts (clicks per post and platform, without cookies). Default true.
   */
  shortLinks?: boolean;
  /**
   * Reply templates for comments under the posts. mitreden generates defaults from the campaign (where to take part, deadline, how data is used, what happens next); these add to them or, with the same id, replace one.
   */
  replies?: TextTemplate[];
  netiquette?: LocalizedText;
  moderationHours?: LocalizedText;
}
/**
 * Accounts per platform.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "Accounts".
 */
export interface Accounts {
  /**
   * Instagram handle.
   */
  instagram?: string;
  /**
   * Facebook page name.
   */
  facebook?: string;
  /**
   * Mastodon handle, e.g. @stadt@social.example.
   */
  mastodon?: string;
  /**
   * X handle.
   */
  x?: string;
  /**
   * Bluesky handle, e.g. stadt.bsky.social.
   */
  bluesky?: string;
  /**
   * Threads handle.
   */
  threads?: string;
  /**
   * LinkedIn page.
   */
  linkedin?: string;
}
/**
 * An image file in the campaign folder. Alt text is required unless decorative is true.
 *
 * This interface was referenced by `Campaign`'s JSON-Schema
 * via the `definition` "CreditedImage".
 */
export interface Image1 {
  /**
   * Path relative to the campaign folder, e.g. "media/marktplatz.jpg" (in site.json: relative to the campaigns folder, e.g. "media/logo.svg"); must stay inside that folder. JPEG, PNG, WebP, AVIF, GIF or SVG.
   */
  src: string;
  alt?: LocalizedText;
  credit?: LocalizedText;
  /**
   * true when the image adds nothing to the text; screen readers then skip it and no alt text is needed.
   */
  decorative?: boolean;
}
