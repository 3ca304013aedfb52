// The site's own parts of /<slug>/leichte-sprache/ and /<slug>/gebaerdensprache/ (BITV 2.0 § 4,
// docs/adr/023): what a campaign site is, how to take part, how to find one's way, what helps,
// where to get help. Written after the rules of the Netzwerk Leichte Sprache and DIN SPEC 33429:
// short sentences, one statement per sentence, no abbreviations, hard words explained, long words
// split with the medial dot (Mediopunkt ·). These texts have NOT been checked by readers from the
// target group; a city that publishes them should have them checked (and may change them here).
// Leichte Sprache is German by nature: the page is German in every interface language.

/** The Leichte Sprache and DGS pages. Placeholders are filled from the campaign. */
export const easyRead = {
  "easy.title": "Leichte Sprache",
  "easy.description": "Informationen in Leichter Sprache: Worum geht es? Wie machen Sie mit? Wo bekommen Sie Hilfe?",
  "easy.intro": "Hier erklären wir diese Internet·seite in Leichter Sprache.",

  "easy.what.heading": "Was ist diese Internet·seite?",
  "easy.what.organization": "Diese Internet·seite ist von: {organization}.",
  "easy.what.participation": "Auf dieser Internet·seite können Sie Ihre Meinung sagen.",
  "easy.what.meaning": "Das nennt man: Bürger·beteiligung.",
  "easy.what.city": "Die Stadt will wissen: Was denken die Menschen?",
  "easy.what.topic": "Das Thema heißt: {campaign}.",

  "easy.about.heading": "Worum geht es?",
  "easy.about.missing": "Zu diesem Thema gibt es noch keinen Text in Leichter Sprache.",
  "easy.about.ask": "Sie haben Fragen zum Thema? Dann schreiben Sie uns. Wir erklären Ihnen das Thema.",

  "easy.take.heading": "Wie machen Sie mit?",
  "easy.take.when": "Sie können vom {start} bis zum {end} mit·machen.",
  "easy.take.upcoming": "Die Beteiligung beginnt am {start}.",
  "easy.take.closed": "Die Beteiligung ist vorbei. Vielen Dank an alle, die mit·gemacht haben.",
  "easy.take.survey": "Es gibt eine Umfrage. Umfrage bedeutet: Wir stellen Fragen. Sie geben Antworten.",
  "easy.take.surveyOptional": "Manche Fragen müssen Sie nicht beantworten. Dort steht: freiwillig.",
  "easy.take.surveyLink": "Hier geht es zur Umfrage:",
  "easy.take.map": "Es gibt eine Karte. Auf der Karte zeigen Sie einen Ort. Dann schreiben Sie etwas zu dem Ort.",
  "easy.take.mapWithout": "Sie können auch ohne Karte mit·machen. Dann wählen Sie einen Ort aus einer Liste. Oder Sie beschreiben den Ort mit Ihren Worten.",
  "easy.take.mapLink": "Hier geht es zur Karte:",
  "easy.take.info": "Mehr zum Thema steht auf diesen Seiten:",
  "easy.take.anonymous": "Sie müssen Ihren Namen nicht sagen.",

  "easy.find.heading": "So finden Sie sich zurecht",
  "easy.find.top": "Ganz oben auf jeder Seite steht: {organization}.",
  "easy.find.trail": "Darunter steht: Wo sind Sie gerade?",
  "easy.find.list": "Auf jeder Seite gibt es eine Liste. In der Liste stehen alle Seiten zu diesem Thema.",
  "easy.find.bottom": "Ganz unten auf jeder Seite gibt es Links. Zum Beispiel zu diesen Seiten:",
  "easy.find.imprint": "Impressum. Dort steht: Wer ist verantwortlich für die Internet·seite?",
  "easy.find.privacy": "Daten·schutz. Dort steht: Was passiert mit Ihren Daten?",
  "easy.find.accessibility": "Barriere·freiheit. Dort steht: Was ist an dieser Internet·seite noch schwer?",
  "easy.find.language": "Sie können die Sprache wechseln. Oben auf der Seite steht dafür: {languages}.",

  "easy.help.heading": "Was hilft beim Benutzen?",
  "easy.help.goal": "Alle Menschen sollen diese Internet·seite benutzen können.",
  "easy.help.keyboard": "Sie können alles mit der Tastatur machen. Sie brauchen keine Maus.",
  "easy.help.reader": "Sie können ein Vorlese·programm benutzen. Ein Vorlese·programm liest vor, was auf dem Bildschirm steht.",
  "easy.help.zoom": "Sie können die Schrift größer machen.",
  "easy.help.colours": "Sie können andere Farben einstellen. Zum Beispiel: helle Schrift auf dunklem Grund.",
  "easy.help.signLanguage": "Es gibt eine Seite in Gebärden·sprache:",
  "easy.help.hard": "Manches ist noch schwer zu benutzen.",
  "easy.help.map": "Zum Beispiel die Karte. Sie können aber auch ohne Karte mit·machen.",
  "easy.help.statement": "Mehr dazu steht in der Erklärung zur Barriere·freiheit:",

  "easy.contact.heading": "Sie brauchen Hilfe?",
  "easy.contact.when": "Sie verstehen etwas nicht? Oder etwas funktioniert nicht?",
  "easy.contact.email": "Dann schreiben Sie eine E-Mail an:",
  "easy.contact.phone": "Oder rufen Sie an:",

  "sign.title": "Gebärdensprache",
  "sign.description": "Informationen in Deutscher Gebärdensprache (DGS): Worum geht es auf dieser Website und wie nutzen Sie sie?",
  "sign.intro": "In diesem Video erklären wir in Deutscher Gebärdensprache (DGS), was auf dieser Website steht, wie Sie mitmachen und was Ihnen beim Benutzen hilft.",
  "sign.video": "Video in Deutscher Gebärdensprache",
  "sign.captions": "Untertitel (Deutsch)",
  "sign.noVideoSupport": "Ihr Browser kann das Video nicht abspielen. Sie können es herunterladen:",
  "sign.download": "Video herunterladen",
  "sign.transcript": "Was im Video gesagt wird",
  "sign.pending.heading": "Das Video folgt",
  "sign.pending.text": "Das Video in Deutscher Gebärdensprache für diese Beteiligung ist noch nicht fertig. Wir stellen es hier ein, sobald es vorliegt.",
  "sign.pending.meanwhile": "Bis dahin finden Sie die wichtigsten Informationen in Leichter Sprache:",
  "sign.pending.contact": "Sie haben Fragen? Dann schreiben Sie uns eine E-Mail. Wir antworten Ihnen schriftlich. Unsere Adresse:",
} as const;
