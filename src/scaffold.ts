// `mitreden new <slug>`: a campaign to start from that is valid and runs as it is. The full one shows
// every capability (information page, survey with consent and privacy text, map with categories and
// named places, social posts, the accessibility block, a placeholder picture); --minimal is one page.
// Its period starts today and runs six weeks, so `mitreden serve` shows open forms at once.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { dateInZone, wallClockToInstant } from "./campaign/time.js";
import { UsageError } from "./errors.js";
import { packagePath } from "./package-root.js";

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const TIME_ZONE = "Europe/Berlin";
/** How long a new campaign runs: long enough to try everything, short enough to be a real plan. */
export const SCAFFOLD_WEEKS = 6;

export interface ScaffoldOptions {
  campaignsDir: string;
  slug: string;
  /** One information page instead of the full campaign. */
  minimal?: boolean;
  /** The first day (default today in Europe/Berlin). */
  today?: Date;
}

export interface ScaffoldResult {
  /** The campaign.json written. */
  file: string;
  /** Every file written, campaign.json first. */
  files: string[];
}

export async function scaffold(options: ScaffoldOptions): Promise<ScaffoldResult> {
  if (!SLUG.test(options.slug)) {
    throw new UsageError(`"${options.slug}" can't be a campaign folder: use lower-case letters, digits and hyphens, e.g. "neue-mitte".`);
  }
  const dir = path.join(options.campaignsDir, options.slug);
  const file = path.join(dir, "campaign.json");
  const template = await readFile(packagePath("templates", "scaffold", options.minimal ? "minimal.json" : "campaign.json"), "utf8");
  const schema = path.relative(dir, packagePath("schema/campaign.schema.json")).split(path.sep).join("/");
  const text = fill(template, { __SCHEMA__: schema, ...dates(options.today ?? new Date()) });
  await mkdir(dir, { recursive: true });
  try {
    // "wx": never overwrite a campaign someone already wrote.
    await writeFile(file, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new UsageError(`${file} exists already; choose another name.`);
    throw error;
  }
  const files = [file];
  if (!options.minimal) {
    try {
      files.push(await writePlaceholderPicture(path.join(dir, "media", "titelbild.jpg")));
    } catch (error) {
      // A campaign.json naming a picture that is not there would not validate: take both back.
      await rm(file, { force: true });
      throw error;
    }
  }
  return { file, files };
}

/** The placeholders' values: the period from today for six weeks, a post on the first day and one a week before the end. */
function dates(today: Date): Record<string, string> {
  const start = dateInZone(today, TIME_ZONE);
  const day = (offset: number) => {
    const [y, m, d] = start.split("-").map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d + offset)).toISOString().slice(0, 10);
  };
  const end = day(SCAFFOLD_WEEKS * 7);
  return {
    __START__: start,
    __END__: end,
    __POST_START__: wallClockToInstant(`${start}T09:00`, TIME_ZONE),
    __POST_REMINDER__: wallClockToInstant(`${day(SCAFFOLD_WEEKS * 7 - 7)}T09:00`, TIME_ZONE),
  };
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/__[A-Z_]+__/g, (name) => {
    const value = values[name];
    if (value === undefined) throw new Error(`templates/scaffold has an unknown placeholder ${name}`);
    return value;
  });
}

/**
 * A plain drawing (sky, a square, trees; no text, no photo) made with sharp, so the campaign
 * builds with a hero picture from the start and nobody ships a stock photo by mistake.
 */
async function writePlaceholderPicture(file: string): Promise<string> {
  const { default: sharp } = await import("sharp");
  const trees = [180, 420, 1180, 1420]
    .map((x, i) => `<rect x="${x - 12}" y="${520 - (i % 2) * 20}" width="24" height="120" fill="#5b4636"/><circle cx="${x}" cy="${470 - (i % 2) * 20}" r="${95 + (i % 2) * 15}" fill="#2f7d32"/>`)
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9cc8ec"/><stop offset="1" stop-color="#e3f0fa"/></linearGradient></defs>
<rect width="1600" height="900" fill="url(#sky)"/>
<circle cx="1320" cy="170" r="70" fill="#f3c300"/>
<rect y="620" width="1600" height="280" fill="#8fbf6a"/>
<path d="M420 900 L640 620 L960 620 L1180 900 Z" fill="#d9cfc1"/>
<ellipse cx="800" cy="700" rx="120" ry="34" fill="#9fb8c8"/><ellipse cx="800" cy="690" rx="90" ry="22" fill="#cfe3ee"/>
${trees}
<rect x="560" y="760" width="110" height="14" rx="4" fill="#7a5b3e"/><rect x="930" y="760" width="110" height="14" rx="4" fill="#7a5b3e"/>
</svg>`;
  await mkdir(path.dirname(file), { recursive: true });
  await sharp(Buffer.from(svg)).jpeg({ quality: 80, mozjpeg: true }).toFile(file);
  return file;
}
