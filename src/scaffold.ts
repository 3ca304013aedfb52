// `mitreden new <slug>`: a campaign to start from, valid as it is, with every required field.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "./errors.js";
import { packagePath } from "./package-root.js";

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export async function scaffold(options: { campaignsDir: string; slug: string }): Promise<string> {
  if (!SLUG.test(options.slug)) {
    throw new UsageError(`"${options.slug}" can't be a campaign folder: use lower-case letters, digits and hyphens, e.g. "neue-mitte".`);
  }
  const dir = path.join(options.campaignsDir, options.slug);
  const file = path.join(dir, "campaign.json");
  const template = await readFile(packagePath("templates/scaffold/campaign.json"), "utf8");
  const schema = path.relative(dir, packagePath("schema/campaign.schema.json")).split(path.sep).join("/");
  await mkdir(dir, { recursive: true });
  try {
    // "wx": never overwrite a campaign someone already wrote.
    await writeFile(file, template.replace("__SCHEMA__", schema), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new UsageError(`${file} exists already; choose another name.`);
    throw error;
  }
  return file;
}
