// What the map page shows of others' contributions: "before" → only approved ones, "after" →
// everything not rejected. GeoJSON with an ETag over the body, so a reload costs a 304, and
// compressed (thousands of comments are 1.5 MB as text, a tenth of that as Brotli on a phone).
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { MapModel } from "../../campaign/model.js";
import type { ContributionStatus, StoredContribution } from "../store/index.js";

export function publicStatuses(map: MapModel): ContributionStatus[] {
  return map.contributions.moderation === "before" ? ["approved"] : ["approved", "pending"];
}

/**
 * Published properties only: no locale, channel, token flag, moderation reason, staff names.
 * Comments stay text. Each has its public status ("received" until the city sets one) and, once
 * answered, the city's answer with the organization's name and the date (docs/adr/018-desk.md).
 */
export function publicGeoJson(contributions: StoredContribution[], organization = ""): string {
  const features = contributions.map((c) => ({
    type: "Feature",
    id: c.seq,
    // Six decimals are ~10 cm: more digits are noise that every phone would download.
    geometry: c.point ? { type: "Point", coordinates: c.point.map((n) => Math.round(n * 1e6) / 1e6) } : null,
    properties: {
      id: c.id,
      category: c.category,
      comment: c.comment,
      ...(c.place ? { place: c.place } : {}),
      ...(c.description ? { description: c.description } : {}),
      date: c.receivedAt,
      status: c.publicStatus ?? "received",
      ...(c.answer ? { answer: { text: c.answer, organization, date: c.answeredAt } } : {}),
    },
  }));
  return JSON.stringify({ type: "FeatureCollection", features });
}

export function etagOf(body: string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/** If-None-Match may list several tags, or "*"; weak tags compare like strong ones for GET. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

export type Encoding = "br" | "gzip" | "identity";

/** The encoding to send: Brotli, else gzip, else none (q=0 refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name) accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return "identity";
}

/** One published body in each encoding, compressed on first request (a new contribution makes a new one). */
export class PublicBody {
  private readonly encoded = new Map<Encoding, Buffer>();
  readonly etag: string;

  constructor(readonly version: string, private readonly text: string) {
    this.etag = etagOf(text);
    this.encoded.set("identity", Buffer.from(text));
  }

  /** The bytes and the ETag of one encoding: a representation of its own, so its tag differs. */
  get(encoding: Encoding): { bytes: Buffer; etag: string } {
    let bytes = this.encoded.get(encoding);
    if (!bytes) {
      // Brotli quality 5 and gzip level 6: a few ms per megabyte, most of the gain of the slowest levels.
      bytes = encoding === "br" ? brotliCompressSync(this.text, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : gzipSync(this.text, { level: 6 });
      this.encoded.set(encoding, bytes);
    }
    return { bytes, etag: encoding === "identity" ? this.etag : `${this.etag.slice(0, -1)}-${encoding}"` };
  }
}
