// German interface texts: the default and the reference catalogue. Plain text only (templates
// escape it); {name} placeholders are filled by the `t` filter. Every key must exist in en.ts too.
export const de = {
  skipLink: "Zum Inhalt springen",
  "header.label": "Kopfbereich",
  "lang.label": "Sprache",
  "breadcrumbs.label": "Sie sind hier",
  "breadcrumbs.home": "Beteiligung",
  "pageNav.label": "Seiten dieser Beteiligung",
  "pageNav.overview": "Überblick",

  "footer.label": "Rechtliches und Kontakt",
  "footer.imprint": "Impressum",
  "footer.privacy": "Datenschutz",
  "footer.accessibility": "Barrierefreiheit",
  "footer.contact": "Kontakt",
  "footer.website": "Website von {organization}",
  "footer.by": "Eine Beteiligung von {organization}",

  "status.upcoming": "Startet am {date}",
  "status.open": "Beteiligung offen bis {date}",
  "status.closed": "Beteiligung beendet",
  "period.label": "Zeitraum",
  "period.range": "{start} bis {end}",

  "index.title": "Beteiligung",
  "index.heading": "Reden Sie mit",
  "index.lead": "Hier finden Sie die Beteiligungen von {organization}. Informieren Sie sich und sagen Sie uns Ihre Meinung.",
  "index.campaigns": "Beteiligungen",
  "index.empty": "Zurzeit gibt es hier keine Beteiligung.",

  "landing.pages": "So können Sie mitmachen",
  "kind.info": "Information",
  "kind.survey": "Umfrage",
  "kind.map": "Karte",
  "cta.info": "Mehr erfahren",
  "cta.survey": "An der Umfrage teilnehmen",
  "cta.surveyInactive": "Zur Umfrage",
  "cta.map": "Hinweise auf der Karte geben",
  "cta.mapInactive": "Zur Karte",

  "image.credit": "Bild: {credit}",

  "survey.window": "Die Umfrage ist vom {opens} bis zum {closes} geöffnet.",
  "survey.windowPast": "Die Umfrage war vom {opens} bis zum {closes} geöffnet.",
  "survey.notice.title": "Hier nehmen Sie an der Umfrage teil",
  "survey.notice.open": "Der Fragebogen mit {count} Fragen wird auf dieser Seite bereitgestellt.",
  "survey.notice.upcoming": "Die Umfrage beginnt am {date}. Ab dann können Sie hier teilnehmen.",
  "survey.notice.closed": "Die Umfrage ist beendet. Vielen Dank an alle, die teilgenommen haben.",

  "map.notice.title": "Hier geben Sie Hinweise auf der Karte",
  "map.notice.open": "Auf dieser Seite wählen Sie einen Ort und schreiben Ihren Hinweis dazu.",
  "map.notice.upcoming": "Hinweise auf der Karte sind ab dem {date} möglich.",
  "map.notice.closed": "Die Beteiligung auf der Karte ist beendet. Vielen Dank für Ihre Hinweise.",
  "map.categories": "Sie können Hinweise dieser Art geben:",
  "map.places": "Orte, zu denen Sie auch ohne Karte einen Hinweis geben können:",

  "a11y.title": "Erklärung zur Barrierefreiheit",
  "a11y.description": "Wie barrierefrei die Beteiligung „{campaign}“ ist, welche Einschränkungen bekannt sind und wie Sie Barrieren melden.",
  "a11y.intro":
    "{organization} ist bemüht, die Website „{campaign}“ im Einklang mit den nationalen Rechtsvorschriften zur Umsetzung der Richtlinie (EU) 2016/2102 des Europäischen Parlaments und des Rates barrierefrei zugänglich zu machen.",
  "a11y.scope": "Diese Erklärung zur Barrierefreiheit gilt für alle Seiten unter {url}.",
  "a11y.status.heading": "Stand der Vereinbarkeit mit den Anforderungen",
  "a11y.status.full":
    "Diese Website ist mit den Anforderungen der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) vollständig vereinbar. Sie erfüllt die Web Content Accessibility Guidelines (WCAG) 2.1 auf der Konformitätsstufe AA.",
  "a11y.status.partial":
    "Diese Website ist mit den Anforderungen der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) teilweise vereinbar. Die unten aufgeführten Inhalte sind nicht vollständig barrierefrei.",
  "a11y.issues.heading": "Nicht barrierefreie Inhalte",
  "a11y.issues.intro": "Die folgenden Inhalte sind nicht oder nur eingeschränkt barrierefrei:",
  "a11y.issues.alternative":
    "Wenn Sie einen dieser Inhalte nicht nutzen können, schreiben Sie uns. Wir senden Ihnen die Informationen in einer zugänglichen Form oder nehmen Ihren Beitrag auf anderem Weg entgegen.",
  "a11y.preparation.heading": "Erstellung dieser Erklärung zur Barrierefreiheit",
  "a11y.preparation.date": "Diese Erklärung wurde am {date} erstellt.",
  "a11y.preparation.auditDate": "Datum der letzten Prüfung",
  "a11y.preparation.method": "Methode der Prüfung",
  "a11y.method.default":
    "Automatisierte Prüfung aller Seiten mit pa11y (axe und HTML_CodeSniffer) nach WCAG 2.1, Konformitätsstufe AA",
  "a11y.feedback.heading": "Feedback und Kontaktangaben",
  "a11y.feedback.text":
    "Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten dieser Website aufgefallen, oder haben Sie Fragen zur Barrierefreiheit? Dann melden Sie sich bei uns:",
  "a11y.enforcement.heading": "Schlichtungsverfahren",
  "a11y.enforcement.text":
    "Wenn auch nach Ihrem Feedback an den oben genannten Kontakt keine zufriedenstellende Lösung gefunden wurde, können Sie sich an die Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG) wenden. Sie unterstützt bei Konflikten zur Barrierefreiheit zwischen Menschen mit Behinderungen und öffentlichen Stellen eine außergerichtliche Streitbeilegung. Das Schlichtungsverfahren ist kostenlos; ein Rechtsbeistand ist nicht nötig.",
  "a11y.enforcement.link": "Website der Schlichtungsstelle nach § 16 BGG",
  "contact.email": "E-Mail",
  "contact.phone": "Telefon",

  "notFound.title": "Seite nicht gefunden",
  "notFound.text": "Diese Seite gibt es nicht. Vielleicht ist die Adresse falsch geschrieben, oder die Seite wurde entfernt.",
  "notFound.home": "Zur Übersicht der Beteiligungen",
};
