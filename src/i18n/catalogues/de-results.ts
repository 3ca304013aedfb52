/** Results pages ("Wir haben gefragt, ihr habt gesagt, wir tun"): src/site/results/, templates/pages/results.njk. */
export const results = {
  asked: "Wir haben gefragt",
  said: "Ihr habt gesagt",
  did: "Wir tun",
  "notYet.title": "Die Ergebnisse folgen",
  "notYet.text": "Wir werten die Beiträge aus und veröffentlichen die Ergebnisse hier ab dem {date}.",
  "missing.text": "Für „{page}“ liegen noch keine Ergebnisse vor.",
  "survey.responses": {
    plural: "count",
    one: "Eine Person hat an der Umfrage teilgenommen.",
    other: "{count} Personen haben an der Umfrage teilgenommen.",
  },
  "survey.none": "An dieser Umfrage hat niemand teilgenommen.",
  "question.answered": "{answered} von {responses} Personen haben diese Frage beantwortet.",
  "question.nobody": "Niemand hat diese Frage beantwortet.",
  "question.multiple": "Mehrfachauswahl: Jede Person konnte mehrere Antworten wählen. Die Prozentwerte ergeben zusammen deshalb mehr als 100 %.",
  "question.text": "Freitext-Antworten veröffentlichen wir nicht; wir haben sie gelesen und in die Auswertung einbezogen.",
  "table.option": "Antwort",
  "table.count": "Anzahl",
  "table.percent": "Anteil",
  "table.caption": "{question} (n = {answered})",
  "scale.summary": "Mittelwert {mean}, Median {median}",
  "ranking.option": "Möglichkeit",
  // A no-break space: on a phone the heading wraps, but "Platz 1" stays together.
  "ranking.first": "Auf Platz\u00a01",
  // Short words: "Durchschnittlicher Platz" was the table's widest word and pushed the column out of
  // sight at 320 px (400 % zoom), and at 390 px in the fallback font (the web font still loading, or
  // blocked).
  "ranking.average": "Platz im Schnitt",
  "number.summary": "Kleinster Wert {min}, Median {median}, größter Wert {max}",
  "number.bin": "{from} bis {to}",
  "location.point": "Punkt auf der Karte",
  "location.description": "Nur beschrieben",
  other: "Sonstiges",
  "map.summary": "{approved} von {received} Beiträgen sind veröffentlicht.",
  "map.category": "Kategorie",
  "map.byStatus": "Beiträge nach Stand",
  "map.answer": "Antwort von {organization}",
  "map.place": "Ort",
  "chart.label": "Balkendiagramm zur Tabelle „{question}“",
} as const;
