// English texts of reach counting (see de-reach.ts).
import type { NamespaceTranslation } from "../catalogue.js";

export const reach = {
  "notFound.title": "We do not know this short link",
  "notFound.text": "No post or poster leads to {link}. Perhaps the address was mistyped: short links consist of lower-case letters, digits and hyphens, for example {example}.",
  "notFound.campaign": "You were probably looking for this campaign:",
  "notFound.all": "All campaigns",
} as const satisfies NamespaceTranslation<"reach">;
