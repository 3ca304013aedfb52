// The words of the exports staff download, as the collector's serializers read them: the
// `exports` namespace with `id` set to what the export lists (a response, a contribution).
import { messages } from "./messages.js";

/** Column headers and values of a survey export (src/collector/export.ts): `id` is "Antwort-ID". */
export function responseExportWords(locale: string) {
  const words = messages(locale, "exports");
  return { ...words, id: words.responseId };
}

/** Column headers and values of a map export (src/collector/contributions/export.ts): `id` is "Beitrags-ID". */
export function contributionExportWords(locale: string) {
  const words = messages(locale, "exports");
  return { ...words, id: words.contributionId };
}
