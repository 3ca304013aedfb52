// The words of survey errors in German and English (other locales fall back to English, as the
// site's interface texts do). Plain sentences that say what to do, as GOV.UK's error messages do.
// No Node imports: the browser script shows the same sentences as the collector.
import type { FieldIssue, IssueReason } from "./issues.js";

type Catalogue = Record<IssueReason, string> & Record<UiKey, string>;
type UiKey =
  | "summaryTitle"
  | "errorTitlePrefix"
  | "honeypotLabel"
  | "submit"
  | "backToSurvey"
  | "notFoundTitle"
  | "closedTitle"
  | "otherLabel"
  | "rankingPosition"
  | "locationPlace"
  | "locationDescription"
  | "choose"
  | "optional"
  | "yes"
  | "no"
  | "requiredNote"
  | "charactersLimit"
  | "charactersLeft"
  | "charactersOver"
  | "conditionHint"
  | "conditionOr"
  | "rankingHint"
  | "moveUp"
  | "moveDown"
  | "moved"
  | "draftNote"
  | "networkError"
  | "notOpenYet"
  | "closedNow"
  | "consentRequired";

const de: Catalogue = {
  required: "Bitte beantworten Sie diese Frage.",
  "too-long": "Ihre Antwort ist zu lang: Bitte kürzen Sie sie auf höchstens {limit} Zeichen.",
  option: "Bitte wählen Sie eine der angebotenen Antworten.",
  number: "Bitte geben Sie eine Zahl ein, zum Beispiel 12.",
  integer: "Bitte wählen Sie einen Wert der Skala.",
  "too-small": "Bitte geben Sie eine Zahl ab {limit} ein.",
  "too-large": "Bitte geben Sie eine Zahl bis {limit} ein.",
  step: "Bitte geben Sie eine Zahl in Schritten von {limit} ein.",
  "too-few": "Bitte wählen Sie mindestens {limit} Antworten.",
  "too-many": "Bitte wählen Sie höchstens {limit} Antworten.",
  "ranking-incomplete": "Bitte vergeben Sie jeden Platz von 1 bis {limit} genau einmal.",
  "ranking-duplicate": "Sie haben einen Platz mehrfach vergeben. Bitte vergeben Sie jeden Platz genau einmal.",
  email: "Bitte geben Sie eine E-Mail-Adresse im Format name@beispiel.de ein.",
  date: "Bitte geben Sie ein Datum ein, zum Beispiel 2027-03-24.",
  "too-early": "Bitte wählen Sie ein Datum ab dem {limit}.",
  "too-late": "Bitte wählen Sie ein Datum bis zum {limit}.",
  hidden: "Diese Frage gilt nach Ihrer vorherigen Antwort nicht für Sie. Bitte lassen Sie sie leer.",
  "other-not-chosen": "Sie haben etwas bei „Sonstiges“ eingetragen. Bitte wählen Sie auch „Sonstiges“ aus oder leeren Sie das Feld.",
  "other-missing": "Sie haben „Sonstiges“ gewählt. Bitte beschreiben Sie kurz, was Sie meinen.",
  consent: "Bitte stimmen Sie zu, damit wir Ihre Antworten auswerten dürfen.",
  location: "Bitte wählen Sie einen Ort aus der Liste, setzen Sie einen Punkt auf die Karte oder beschreiben Sie die Stelle.",
  "outside-area": "Der Punkt liegt außerhalb des Planungsgebiets. Bitte wählen Sie eine Stelle innerhalb des Gebiets.",
  invalid: "Diese Antwort können wir nicht verarbeiten. Bitte prüfen Sie sie.",
  unknown: "Diese Frage gibt es in der Umfrage nicht (mehr). Bitte laden Sie die Seite neu.",
  honeypot: "Bitte lassen Sie dieses Feld leer.",
  "too-fast": "Das ging sehr schnell. Bitte prüfen Sie Ihre Antworten und senden Sie sie noch einmal ab.",
  id: "Die Kennung dieser Einsendung ist ungültig. Bitte laden Sie die Seite neu.",
  "id-conflict": "Diese Einsendung gehört zu einer anderen Umfrage. Bitte laden Sie die Seite neu.",
  "not-open": "Die Umfrage beginnt erst am {limit}. Bis dahin können wir noch keine Antworten annehmen.",
  closed: "Die Umfrage ist seit dem {limit} beendet. Wir können keine Antworten mehr annehmen.",
  "rate-limited": "Von Ihrem Anschluss kamen gerade sehr viele Einsendungen. Bitte versuchen Sie es in {limit} Minuten noch einmal – Ihre Antworten bleiben auf dieser Seite stehen.",
  "not-found": "Diese Umfrage gibt es nicht. Bitte prüfen Sie die Adresse.",
  "too-large-body": "Die Einsendung ist zu groß. Bitte kürzen Sie Ihre Antworten.",
  malformed: "Die Einsendung ist beschädigt angekommen. Bitte senden Sie sie noch einmal ab.",
  "content-type": "Die Einsendung hat ein unbekanntes Format. Bitte nutzen Sie das Formular auf der Umfrageseite.",
  summaryTitle: "Es gibt ein Problem",
  errorTitlePrefix: "Fehler",
  honeypotLabel: "Bitte lassen Sie dieses Feld leer",
  submit: "Antworten absenden",
  backToSurvey: "Zurück zur Umfrage",
  notFoundTitle: "Umfrage nicht gefunden",
  closedTitle: "Die Umfrage nimmt keine Antworten an",
  otherLabel: "Sonstiges",
  rankingPosition: "Platz",
  locationPlace: "Ort aus der Liste",
  locationDescription: "Oder beschreiben Sie die Stelle",
  choose: "Bitte wählen",
  optional: "freiwillig",
  yes: "ja",
  no: "nein",
  requiredNote: "Fragen mit dem Zusatz „freiwillig“ können Sie überspringen, alle anderen müssen Sie beantworten.",
  charactersLimit: "Sie können bis zu {limit} Zeichen eingeben.",
  charactersLeft: "Sie haben noch {count} Zeichen übrig.",
  charactersOver: "Sie haben {count} Zeichen zu viel.",
  conditionHint: "Nur beantworten, wenn Sie oben bei „{question}“ {values} gewählt haben.",
  conditionOr: " oder ",
  rankingHint: "Vergeben Sie jeden Platz von 1 bis {count} genau einmal.",
  moveUp: "Nach oben",
  moveDown: "Nach unten",
  moved: "„{option}“ ist jetzt auf Platz {position} von {count}.",
  draftNote: "Ihre Antworten werden bis zum Absenden nur in diesem Browser zwischengespeichert, damit nichts verloren geht. Nach dem Absenden löschen wir den Zwischenstand.",
  networkError: "Ihre Antworten konnten nicht gesendet werden: Die Verbindung ist unterbrochen. Ihre Antworten bleiben auf dieser Seite erhalten. Bitte prüfen Sie Ihre Internetverbindung und senden Sie erneut.",
  notOpenYet: "Die Umfrage hat noch nicht begonnen. Das Formular erscheint hier, sobald sie geöffnet ist.",
  closedNow: "Die Umfrage ist inzwischen beendet. Wir können keine Antworten mehr annehmen.",
  consentRequired: "Pflichtangabe",
};

const en: Catalogue = {
  required: "Please answer this question.",
  "too-long": "Your answer is too long: please shorten it to {limit} characters or fewer.",
  option: "Please choose one of the answers offered.",
  number: "Please enter a number, for example 12.",
  integer: "Please choose a value on the scale.",
  "too-small": "Please enter a number of {limit} or more.",
  "too-large": "Please enter a number of {limit} or less.",
  step: "Please enter a number in steps of {limit}.",
  "too-few": "Please choose at least {limit} answers.",
  "too-many": "Please choose no more than {limit} answers.",
  "ranking-incomplete": "Please give every position from 1 to {limit} exactly once.",
  "ranking-duplicate": "You gave a position more than once. Please give every position exactly once.",
  email: "Please enter an email address like name@example.com.",
  date: "Please enter a date, for example 2027-03-24.",
  "too-early": "Please choose a date on or after {limit}.",
  "too-late": "Please choose a date on or before {limit}.",
  hidden: "After your earlier answer this question does not apply to you. Please leave it empty.",
  "other-not-chosen": "You wrote something under “Other”. Please also choose “Other”, or clear the field.",
  "other-missing": "You chose “Other”. Please describe briefly what you mean.",
  consent: "Please agree so that we may evaluate your answers.",
  location: "Please choose a place from the list, put a point on the map or describe the spot.",
  "outside-area": "The point lies outside the planning area. Please choose a spot inside it.",
  invalid: "We cannot process this answer. Please check it.",
  unknown: "This question is not (or no longer) part of the survey. Please reload the page.",
  honeypot: "Please leave this field empty.",
  "too-fast": "That was very quick. Please check your answers and send them again.",
  id: "The id of this submission is invalid. Please reload the page.",
  "id-conflict": "This submission belongs to another survey. Please reload the page.",
  "not-open": "The survey opens on {limit}. Until then we cannot accept answers.",
  closed: "The survey closed on {limit}. We can no longer accept answers.",
  "rate-limited": "Very many submissions came from your connection just now. Please try again in {limit} minutes – your answers stay on this page.",
  "not-found": "This survey does not exist. Please check the address.",
  "too-large-body": "The submission is too large. Please shorten your answers.",
  malformed: "The submission arrived damaged. Please send it again.",
  "content-type": "The submission has an unknown format. Please use the form on the survey page.",
  summaryTitle: "There is a problem",
  errorTitlePrefix: "Error",
  honeypotLabel: "Please leave this field empty",
  submit: "Send answers",
  backToSurvey: "Back to the survey",
  notFoundTitle: "Survey not found",
  closedTitle: "The survey is not accepting answers",
  otherLabel: "Other",
  rankingPosition: "Position",
  locationPlace: "Place from the list",
  locationDescription: "Or describe the spot",
  choose: "Please choose",
  optional: "optional",
  yes: "yes",
  no: "no",
  requiredNote: "You may skip questions marked “optional”; please answer all others.",
  charactersLimit: "You can enter up to {limit} characters.",
  charactersLeft: "You have {count} characters remaining.",
  charactersOver: "You have {count} characters too many.",
  conditionHint: "Answer only if you chose {values} for “{question}” above.",
  conditionOr: " or ",
  rankingHint: "Give every position from 1 to {count} exactly once.",
  moveUp: "Move up",
  moveDown: "Move down",
  moved: "“{option}” is now in position {position} of {count}.",
  draftNote: "Until you send them, your answers are kept in this browser only, so nothing gets lost. We delete them there once they are sent.",
  networkError: "Your answers could not be sent: the connection was interrupted. Your answers are still on this page. Please check your internet connection and send them again.",
  notOpenYet: "The survey has not started yet. The form appears here once it opens.",
  closedNow: "The survey has closed in the meantime. We can no longer accept answers.",
  consentRequired: "required",
};

const catalogues: Record<string, Catalogue> = { de, en };

function catalogue(locale: string): Catalogue {
  return catalogues[locale] ?? catalogues[locale.toLowerCase().split("-")[0] ?? ""] ?? en;
}

/** The sentence for an issue, in the locale of the page the person used. */
export function issueMessage(issue: Pick<FieldIssue, "reason" | "limit">, locale: string): string {
  return fill(catalogue(locale)[issue.reason], issue.limit, locale);
}

/** An interface word of the collector's own pages (error page, re-rendered form). */
export function uiText(key: UiKey, locale: string): string {
  return catalogue(locale)[key];
}

/** An interface sentence with placeholders: uiFormat("moved", "de", { option, position, count }). */
export function uiFormat(key: UiKey, locale: string, params: Record<string, string | number>): string {
  return catalogue(locale)[key].replace(/\{(\w+)\}/g, (all, name: string) => {
    const value = params[name];
    return value === undefined ? all : typeof value === "number" ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

export type { UiKey };

function fill(template: string, limit: number | string | undefined, locale: string): string {
  return template.replace("{limit}", () => formatLimit(limit, locale));
}

/** Dates as people write them ("22. März 2027"), numbers with the locale's decimal comma. */
function formatLimit(limit: number | string | undefined, locale: string): string {
  if (limit === undefined) return "";
  if (typeof limit === "number") return new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }).format(limit);
  if (/^\d{4}-\d{2}-\d{2}$/.test(limit)) {
    return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${limit}T00:00:00Z`));
  }
  return limit;
}
