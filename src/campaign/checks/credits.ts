// Photo credits that name someone: image rights are the first thing a city's legal office asks
// about, and "Foto: privat" or a bare "Foto" does not say whose rights they are. The credit is shown
// with every picture in the kit and written into posts that carry the photo.
import { record, texts, type Check } from "./context.js";

/** Words a credit starts with before the name: "Foto: Anna Beispiel". */
const LABEL = /^(\s*(©|\(c\)|copyright|foto|fotos|photo|photos|bild|bilder|picture|image|illustration|grafik|graphic|zeichnung|drawing|quelle|source|credit)\s*[:/–—-]?\s*)+/i;
/** What is not a name. */
const NOT_A_NAME = new Set(["", "privat", "private", "unbekannt", "unknown", "archiv", "archive", "symbolbild", "stock", "internet", "google", "n/a", "-", "?"]);

/** Why a credit names nobody, or undefined when it names someone. */
export function unnamedCredit(credit: string): string | undefined {
  const rest = credit.replace(LABEL, "").trim().replace(/[.\s]+$/, "");
  return NOT_A_NAME.has(rest.toLowerCase()) ? credit : undefined;
}

export const checkCredits: Check = (ctx) => {
  const seen = new Set<string>();
  // Where the schema requires a credit it reports a missing one itself.
  const required = new Set(ctx.uses.filter((u) => u.def === "CreditedImage").map((u) => u.pointer));
  for (const use of ctx.uses) {
    if ((use.def !== "Image" && use.def !== "CreditedImage") || seen.has(use.pointer)) continue;
    seen.add(use.pointer);
    const image = record(use.value);
    // The logo is the organization's own mark; decorative images are not shown as pictures.
    if (use.pointer === "/organization/logo" || image.decorative === true) continue;
    if (image.credit === undefined) {
      if (required.has(use.pointer)) continue;
      ctx.warning(use.pointer, 'no "credit": name who made the picture and who holds the rights ("Foto: Anna Beispiel / Stadt Musterstadt"); the kit shows it with every image and writes it into image posts');
      continue;
    }
    for (const [locale, credit] of texts(image.credit, ctx.locale)) {
      if (!unnamedCredit(credit)) continue;
      const pointer = typeof image.credit === "string" ? `${use.pointer}/credit` : `${use.pointer}/credit/${locale}`;
      ctx.warning(pointer, `"${credit}" names nobody: write who made the picture and who holds the rights ("Foto: Anna Beispiel / Stadt Musterstadt"), so the post can credit them`);
    }
  }
};
