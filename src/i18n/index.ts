// mitreden's interface in every language it speaks: one catalogue per language
// (./catalogues/<tag>.ts, German the reference), one fallback rule (./fallback.ts), Intl for plurals,
// numbers and dates. See docs/adr/011-i18n.md.
export type { Catalogue, MessageKey, Namespace, PluralText, Text } from "./catalogue.js";
export { CATALOGUES, type UiLanguage } from "./catalogues/index.js";
export { FALLBACK_LANGUAGE, languageOf } from "./fallback.js";
export { contributionExportWords, responseExportWords } from "./exports.js";
export { fill, formatNumber } from "./format.js";
export { formatDate, formatDateTime, languageName, monthNames } from "./intl.js";
export { catalogueTexts, everyTranslation, intlLocale, message, messages, MissingMessageError, qualified, translate, uiLocaleFor } from "./messages.js";
