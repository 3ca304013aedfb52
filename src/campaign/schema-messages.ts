// Words for what a pattern or format in the schema means. ajv only knows "must match pattern
// ^[a-z0-9]+(-[a-z0-9]+)*$"; an author needs to read which characters are allowed and see an example.
import { campaignSchema, jsonType } from "./schema.js";
import { fromPointer } from "./positions.js";

const HTTPS = 'must be an absolute https:// URL, e.g. "https://www.musterstadt.de/impressum"';

function patternOf(def: string): string | undefined {
  return campaignSchema().$defs?.[def]?.pattern;
}

function patternMessages(): Map<string, string> {
  const relativePath = 'must be a path relative to the campaign folder, e.g. "media/marktplatz.jpg" (no leading "/", no URL)';
  const entries: [string | undefined, string][] = [
    [patternOf("Slug"), 'use lower-case letters, digits and hyphens, e.g. "neue-mitte"'],
    [patternOf("QuestionId"), 'use a lower-case letter followed by lower-case letters, digits or underscores, e.g. "wohnort_seit"'],
    [patternOf("HttpsUrl"), HTTPS],
    [patternOf("HexColor"), 'must be a hex colour, e.g. "#00566b"'],
    [patternOf("LocaleTag"), 'must be a language tag such as "de", "en", "tr" or "de-AT"'],
    [patternOf("DateOrDateTime"), 'must be a date such as "2027-03-01" or a date-time such as "2027-03-01T09:00:00+01:00"'],
    [patternOf("DateTime"), 'must be a date-time such as "2027-03-01T09:00:00+01:00" (a date alone is not enough)'],
    [campaignSchema().$defs?.Image?.properties?.src?.pattern, relativePath],
    ["^\\+?[0-9 ()/-]{5,30}$", 'must be a phone number such as "+49 221 123-4567"'],
    ["^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$", 'must be an IANA time zone such as "Europe/Berlin"'],
    ["^@[^@\\s]+@[^@\\s]+$", 'must be a Mastodon handle such as "@stadt@social.example"'],
    ["^https?://(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]+)?$", 'must be a server\'s origin: scheme and host, a port if needed, no path, e.g. "https://tiles.example.org"'],
    ["^[\\p{L}\\p{N}_]+$", 'write hashtags without "#", using only letters, digits and underscores, e.g. "Marktplatz2027"'],
  ];
  const map = new Map<string, string>();
  for (const [pattern, message] of entries) if (pattern) map.set(pattern, message);
  return map;
}

let patterns: Map<string, string> | undefined;

export function patternMessage(pattern: string, pointer: string, value: unknown): string {
  patterns ??= patternMessages();
  if (pattern === patternOf("HttpsUrl")) return httpsMessage(pointer, value);
  if (pattern.startsWith("^(?!/)")) {
    return pointer.endsWith("/src")
      ? patterns.get(pattern)!
      : 'must be a path relative to the campaign folder, e.g. "media/gebiet.geojson" (no leading "/", no URL), or inline GeoJSON';
  }
  return patterns.get(pattern) ?? `must match the pattern ${pattern}`;
}

function httpsMessage(pointer: string, value: unknown): string {
  const text = typeof value === "string" ? value : "";
  if (text.startsWith("http://")) return `must start with https://, not http:// — write "${text.replace(/^http:/, "https:")}"`;
  if (pointer === "/site/baseUrl") {
    return 'must be an absolute https:// URL such as "https://mitreden.musterstadt.de": share cards, sitemaps and links in posts need the full address';
  }
  return HTTPS;
}

const FORMAT_MESSAGES: Record<string, string> = {
  email: 'must be an e-mail address such as "beteiligung@musterstadt.de"',
  uri: 'must be an absolute URL such as "https://tiles.example.org/style.json"',
  "uri-reference": 'must be a URL, absolute ("https://…") or relative to the site ("/api")',
  date: 'must be a real calendar date such as "2027-03-01"',
  "date-time": 'must be a date-time such as "2027-03-01T09:00:00+01:00"',
};

export function formatMessage(format: string, pointer: string, value: unknown): string {
  if (format === "uri" && pointer.match(/\/(imprint|privacy|website|baseUrl)$/)) return httpsMessage(pointer, value);
  return FORMAT_MESSAGES[format] ?? `must be a valid ${format}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: "a text in double quotes",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  object: "an object { … }",
  array: "a list [ … ]",
  null: "null",
};

export function typeMessage(expected: string, value: unknown): string {
  const wanted = expected
    .split(",")
    .map((t) => TYPE_NAMES[t] ?? t)
    .join(" or ");
  const actual = jsonType(value);
  const found = actual === "integer" || actual === "number" ? `the number ${String(value)}` : actual === "string" ? `the text ${JSON.stringify(value)}` : (TYPE_NAMES[actual] ?? actual);
  if (expected === "integer" && actual === "number") return `must be a whole number, not ${String(value)}`;
  if ((expected === "number" || expected === "integer") && typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))) {
    return `must be a number without quotes: ${value}`;
  }
  if (expected === "boolean" && (value === "true" || value === "false")) return `must be ${value} without quotes`;
  return `must be ${wanted}, not ${found}`;
}

/** The last key of a pointer that names a field ("options" in /pages/1/questions/0/options). */
export function fieldName(pointer: string): string | undefined {
  return fromPointer(pointer)
    .reverse()
    .find((s) => !/^\d+$/.test(s));
}
