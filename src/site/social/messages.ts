// Words of the social-media kit and the poster. The kit is for the city's communications team and
// speaks the campaign's default language; the poster speaks the language of the page it advertises.
import type { Milestone } from "./milestones.js";

export interface KitLabels {
  title: string;
  intro: string;
  cardsHeading: string;
  cardsIntro: string;
  postsHeading: string;
  postsIntro: string;
  plannedFor: string;
  text: string;
  characters: (length: number, limit: number) => string;
  tooLong: string;
  copy: string;
  copied: string;
  link: string;
  image: string;
  altText: string;
  download: (what: string) => string;
  qrHeading: string;
  qrIntro: string;
  poster: string;
  calendarHeading: string;
  calendarIntro: string;
  ics: string;
  csv: string;
  language: string;
  milestones: Record<Milestone["id"], string>;
  postEvent: (id: string, platforms: string) => string;
  /** Poster. */
  posterCall: string;
  posterScan: string;
  posterUntil: (date: string) => string;
}

const de: KitLabels = {
  title: "Social-Media-Kit",
  intro: "Alles für die Kommunikation dieser Beteiligung: Vorschaubilder, fertige Beiträge je Plattform, QR-Codes für Plakate und ein Redaktionskalender. Diese Seite erscheint nicht in Suchmaschinen.",
  cardsHeading: "Vorschaubilder",
  cardsIntro: "So erscheinen die Seiten, wenn jemand einen Link teilt.",
  postsHeading: "Beiträge",
  postsIntro: "Jeder Beitrag mit Text, Hashtags und Link, gezählt wie die Plattform zählt. Die Links tragen UTM-Parameter, damit die Auswertung zeigt, woher die Besuche kommen.",
  plannedFor: "Geplant für",
  text: "Text für",
  characters: (length, limit) => `${length} von ${limit} Zeichen`,
  tooLong: "zu lang",
  copy: "Kopieren",
  copied: "Kopiert",
  link: "Link",
  image: "Bild",
  altText: "Alternativtext (Bildbeschreibung) für",
  download: (what) => `${what} herunterladen`,
  qrHeading: "QR-Codes und Plakate",
  qrIntro: "Für Plakate und Flyer: jeder QR-Code führt zur Seite und zählt als Besuch über Print (utm_medium=print).",
  poster: "Plakat (A4) zum Drucken",
  calendarHeading: "Redaktionskalender",
  calendarIntro: "Alle geplanten Beiträge und die wichtigen Termine der Beteiligung, für den Kalender oder die Tabellenkalkulation.",
  ics: "Kalender (.ics)",
  csv: "Tabelle (.csv)",
  language: "Sprache",
  milestones: { launch: "Start der Beteiligung", "one-week-left": "Noch eine Woche", "last-day": "Letzter Tag der Beteiligung", results: "Beteiligung beendet – Dank und nächste Schritte" },
  postEvent: (id, platforms) => `Beitrag „${id}“ (${platforms})`,
  posterCall: "Reden Sie mit!",
  posterScan: "QR-Code scannen oder Adresse eingeben:",
  posterUntil: (date) => `Mitmachen bis ${date}`,
};

const en: KitLabels = {
  title: "Social media kit",
  intro: "Everything for communicating this campaign: preview images, ready-made posts per platform, QR codes for posters and an editorial calendar. Search engines do not list this page.",
  cardsHeading: "Preview images",
  cardsIntro: "This is how the pages look when someone shares a link.",
  postsHeading: "Posts",
  postsIntro: "Each post with text, hashtags and link, counted the way the platform counts. The links carry UTM parameters, so the statistics show where visits come from.",
  plannedFor: "Planned for",
  text: "Text for",
  characters: (length, limit) => `${length} of ${limit} characters`,
  tooLong: "too long",
  copy: "Copy",
  copied: "Copied",
  link: "Link",
  image: "Image",
  altText: "Alt text (image description) for",
  download: (what) => `Download ${what}`,
  qrHeading: "QR codes and posters",
  qrIntro: "For posters and flyers: each QR code leads to the page and counts as a visit from print (utm_medium=print).",
  poster: "Poster (A4) to print",
  calendarHeading: "Editorial calendar",
  calendarIntro: "All planned posts and the campaign's key dates, for your calendar or spreadsheet.",
  ics: "Calendar (.ics)",
  csv: "Spreadsheet (.csv)",
  language: "Language",
  milestones: { launch: "Campaign starts", "one-week-left": "One week left", "last-day": "Last day of the campaign", results: "Campaign closed – thanks and next steps" },
  postEvent: (id, platforms) => `Post “${id}” (${platforms})`,
  posterCall: "Have your say!",
  posterScan: "Scan the QR code or type the address:",
  posterUntil: (date) => `Take part until ${date}`,
};

export function kitLabels(locale: string): KitLabels {
  return locale.toLowerCase().split("-")[0] === "de" ? de : en;
}
