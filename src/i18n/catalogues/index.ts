// The interface languages mitreden speaks. To add one: copy en.ts to <tag>.ts beside it and
// translate every text (the compiler lists what is missing or lost a placeholder), then add the
// tag to CATALOGUES below and to FORMS in ../forms.ts (the compiler asks for that one too).
// A language without a catalogue gets the English interface (../fallback.ts).
import type { Catalogue } from "../catalogue.js";
import * as de from "./de.js";
import * as en from "./en.js";

export const CATALOGUES = { de, en } as const satisfies Readonly<Record<string, Catalogue>>;

export type UiLanguage = keyof typeof CATALOGUES;
