// German texts of reach counting (docs/adr/020-reach-without-cookies.md): the page of an unknown
// short link, the figures' headings, and the paragraph for the city's privacy notice.

export const reach = {
  "notFound.title": "Diesen Kurzlink kennen wir nicht",
  "notFound.text": "Unter {link} ist kein Beitrag und kein Plakat hinterlegt. Vielleicht ist die Adresse falsch abgetippt: Kurzlinks bestehen aus Kleinbuchstaben, Ziffern und Bindestrichen, zum Beispiel {example}.",
  "notFound.campaign": "Gesucht haben Sie vermutlich diese Beteiligung:",
  "notFound.all": "Alle Beteiligungen",
} as const;
