// The few words a card and its alt text add to the campaign's own texts. Kept with the cards (not
// in the site's catalogue) because they are drawn into images: changing one re-renders the cards.
export interface CardWords {
  /** "bis 15. April 2027" */
  until: (date: string) => string;
  /** Alt text of a kit image: what the image shows. */
  imageOf: string;
}

const WORDS: Record<string, CardWords> = {
  de: { until: (date) => `bis ${date}`, imageOf: "Grafik" },
  en: { until: (date) => `until ${date}`, imageOf: "Graphic" },
};

export function cardWords(locale: string): CardWords {
  return WORDS[locale] ?? WORDS[locale.toLowerCase().split("-")[0] ?? ""] ?? WORDS.en!;
}
