// Cards are cached by the hash of what they show: the content object, the bytes of the logo and
// photo, the fonts, the layout version and the renderer versions. A rebuild with nothing changed
// renders no card; a changed page title re-renders that page's cards and nothing else.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { CardContent } from "./content.js";
import type { CardFormat } from "./formats.js";
import { writeFileAtomically } from "../../atomic-file.js";
import { readCached } from "./internal/cache-files.js";

/** Raise when the look of the cards changes in a way the inputs do not show (layout.ts, render.ts). */
export const LAYOUT_VERSION = 2;
const PRUNE_AFTER_DAYS = 30;

interface Entry {
  jpeg: boolean;
  usedAt: string;
}

interface Manifest {
  version: 1;
  entries: Record<string, Entry>;
}

export class CardCache {
  private readonly fileHashes = new Map<string, Promise<string>>();
  private manifest: Manifest = { version: 1, entries: {} };
  private dirty = false;

  constructor(
    readonly dir: string,
    private readonly fontHash: string,
  ) {}

  async open(): Promise<this> {
    const text = await readCached(this.manifestFile());
    try {
      const parsed = text ? (JSON.parse(text.toString("utf8")) as Manifest) : undefined;
      if (parsed?.version === 1 && parsed.entries) this.manifest = parsed;
    } catch {
      // A damaged manifest only costs a re-render: start afresh.
    }
    return this;
  }

  /** The cache key of one card image. */
  async key(content: CardContent, format: CardFormat): Promise<string> {
    const pictures = {
      logo: content.logo && (await this.hashFile(content.logo)),
      hero: content.hero && (await this.hashFile(content.hero)),
    };
    // Paths are where the pictures lie, not what they show: hash the bytes instead (undefined drops out of JSON).
    // What the photo shows and its credit go into the alt text and the kit, not into the picture.
    const shown = { ...content, logo: undefined, hero: undefined, picture: undefined, credit: undefined };
    return createHash("sha256")
      .update(JSON.stringify({ layout: LAYOUT_VERSION, renderer: RENDERER_VERSIONS, fonts: this.fontHash, format, shown, pictures }))
      .digest("hex")
      .slice(0, 24);
  }

  file(key: string, ext: "png" | "jpg"): string {
    return path.join(this.dir, `${key}.${ext}`);
  }

  /**
   * Which files the manifest lists for `key`, or undefined when the card must be rendered. The
   * caller finds out whether the file is really there when it links it (see renderCardImages).
   */
  lookup(key: string): { jpeg: boolean } | undefined {
    const entry = this.manifest.entries[key];
    if (!entry) return undefined;
    entry.usedAt = new Date().toISOString();
    this.dirty = true;
    return { jpeg: entry.jpeg };
  }

  async store(key: string, png: Buffer, jpeg: Buffer | undefined): Promise<void> {
    await writeFileAtomically(this.file(key, "png"), png);
    if (jpeg) await writeFileAtomically(this.file(key, "jpg"), jpeg);
    this.manifest.entries[key] = { jpeg: jpeg !== undefined, usedAt: new Date().toISOString() };
    this.dirty = true;
  }

  /** Writes the manifest, forgetting cards no build has used for a month (their files stay until then). */
  async close(): Promise<void> {
    const cutoff = Date.now() - PRUNE_AFTER_DAYS * 86_400_000;
    for (const [key, entry] of Object.entries(this.manifest.entries)) {
      if (Date.parse(entry.usedAt) < cutoff) {
        delete this.manifest.entries[key];
        this.dirty = true;
      }
    }
    if (this.dirty) await writeFileAtomically(this.manifestFile(), JSON.stringify(this.manifest));
    this.dirty = false;
  }

  private manifestFile(): string {
    return path.join(this.dir, "manifest.json");
  }

  private hashFile(file: string): Promise<string> {
    let hash = this.fileHashes.get(file);
    if (!hash) {
      // A cache lives for one build: each picture is read and hashed once, however many cards show it.
      hash = readFile(file).then((bytes) => createHash("sha256").update(bytes).digest("hex"));
      this.fileHashes.set(file, hash);
    }
    return hash;
  }
}

const require = createRequire(import.meta.url);
/** A new Satori, sharp or librsvg may draw differently: their versions are part of every key. */
// From the packages' manifests: loading sharp itself just for its version would cost ~0.1 s a
// build that renders no card. A sharp version ships one libvips (and its librsvg).
const RENDERER_VERSIONS = ["satori", "sharp"].map((name) => `${name}@${packageVersion(name)}`);

/** A dependency's version from its package.json, found above its entry file (sharp does not export the manifest). */
function packageVersion(name: string): string {
  let dir = path.dirname(require.resolve(name));
  for (let i = 0; i < 5; i++, dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (!existsSync(manifest)) continue;
    const json = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version?: string };
    if (json.name === name && json.version) return json.version;
  }
  return "?";
}
