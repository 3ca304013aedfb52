// The WCAG 2.1 success criteria of levels A and AA (what BITV 2.0 asks for via EN 301 549), named
// in German (the authorized translation's titles) and English, so a report can say which
// requirement an element fails and link to its explanation.
export interface Criterion {
  /** "1.1.1" */
  number: string;
  level: "A" | "AA";
  de: string;
  en: string;
  /** Slug of the W3C "Understanding" document. */
  slug: string;
}

const CRITERIA: Criterion[] = [
  ["1.1.1", "A", "Nicht-Text-Inhalt", "Non-text Content", "non-text-content"],
  ["1.2.1", "A", "Nur Audio und nur Video (aufgezeichnet)", "Audio-only and Video-only (Prerecorded)", "audio-only-and-video-only-prerecorded"],
  ["1.2.2", "A", "Untertitel (aufgezeichnet)", "Captions (Prerecorded)", "captions-prerecorded"],
  ["1.2.3", "A", "Audiodeskription oder Medienalternative (aufgezeichnet)", "Audio Description or Media Alternative (Prerecorded)", "audio-description-or-media-alternative-prerecorded"],
  ["1.2.4", "AA", "Untertitel (live)", "Captions (Live)", "captions-live"],
  ["1.2.5", "AA", "Audiodeskription (aufgezeichnet)", "Audio Description (Prerecorded)", "audio-description-prerecorded"],
  ["1.3.1", "A", "Info und Beziehungen", "Info and Relationships", "info-and-relationships"],
  ["1.3.2", "A", "Bedeutungstragende Reihenfolge", "Meaningful Sequence", "meaningful-sequence"],
  ["1.3.3", "A", "Sensorische Eigenschaften", "Sensory Characteristics", "sensory-characteristics"],
  ["1.3.4", "AA", "Ausrichtung", "Orientation", "orientation"],
  ["1.3.5", "AA", "Bestimmung des Eingabezwecks", "Identify Input Purpose", "identify-input-purpose"],
  ["1.4.1", "A", "Benutzung von Farbe", "Use of Color", "use-of-color"],
  ["1.4.2", "A", "Audio-Steuerelement", "Audio Control", "audio-control"],
  ["1.4.3", "AA", "Kontrast (Minimum)", "Contrast (Minimum)", "contrast-minimum"],
  ["1.4.4", "AA", "Textgröße ändern", "Resize Text", "resize-text"],
  ["1.4.5", "AA", "Bilder eines Textes", "Images of Text", "images-of-text"],
  ["1.4.10", "AA", "Umbruch (Reflow)", "Reflow", "reflow"],
  ["1.4.11", "AA", "Nicht-Text-Kontrast", "Non-text Contrast", "non-text-contrast"],
  ["1.4.12", "AA", "Textabstand", "Text Spacing", "text-spacing"],
  ["1.4.13", "AA", "Eingeblendeter Inhalt bei Hover oder Fokus", "Content on Hover or Focus", "content-on-hover-or-focus"],
  ["2.1.1", "A", "Tastatur", "Keyboard", "keyboard"],
  ["2.1.2", "A", "Keine Tastaturfalle", "No Keyboard Trap", "no-keyboard-trap"],
  ["2.1.4", "A", "Tastaturkurzbefehle", "Character Key Shortcuts", "character-key-shortcuts"],
  ["2.2.1", "A", "Zeitliche Steuerung anpassbar", "Timing Adjustable", "timing-adjustable"],
  ["2.2.2", "A", "Pausieren, beenden, ausblenden", "Pause, Stop, Hide", "pause-stop-hide"],
  ["2.3.1", "A", "Grenzwert von dreimaligem Blitzen oder weniger", "Three Flashes or Below Threshold", "three-flashes-or-below-threshold"],
  ["2.4.1", "A", "Blöcke umgehen", "Bypass Blocks", "bypass-blocks"],
  ["2.4.2", "A", "Seite mit Titel", "Page Titled", "page-titled"],
  ["2.4.3", "A", "Fokus-Reihenfolge", "Focus Order", "focus-order"],
  ["2.4.4", "A", "Linkzweck (im Kontext)", "Link Purpose (In Context)", "link-purpose-in-context"],
  ["2.4.5", "AA", "Verschiedene Methoden", "Multiple Ways", "multiple-ways"],
  ["2.4.6", "AA", "Überschriften und Beschriftungen", "Headings and Labels", "headings-and-labels"],
  ["2.4.7", "AA", "Fokus sichtbar", "Focus Visible", "focus-visible"],
  ["2.5.1", "A", "Zeigergesten", "Pointer Gestures", "pointer-gestures"],
  ["2.5.2", "A", "Zeigerabbruch", "Pointer Cancellation", "pointer-cancellation"],
  ["2.5.3", "A", "Beschriftung im Namen", "Label in Name", "label-in-name"],
  ["2.5.4", "A", "Betätigung durch Bewegung", "Motion Actuation", "motion-actuation"],
  ["3.1.1", "A", "Sprache der Seite", "Language of Page", "language-of-page"],
  ["3.1.2", "AA", "Sprache von Teilen", "Language of Parts", "language-of-parts"],
  ["3.2.1", "A", "Bei Fokus", "On Focus", "on-focus"],
  ["3.2.2", "A", "Bei Eingabe", "On Input", "on-input"],
  ["3.2.3", "AA", "Konsistente Navigation", "Consistent Navigation", "consistent-navigation"],
  ["3.2.4", "AA", "Konsistente Erkennung", "Consistent Identification", "consistent-identification"],
  ["3.3.1", "A", "Fehlererkennung", "Error Identification", "error-identification"],
  ["3.3.2", "A", "Beschriftungen oder Anweisungen", "Labels or Instructions", "labels-or-instructions"],
  ["3.3.3", "AA", "Fehlerempfehlung", "Error Suggestion", "error-suggestion"],
  ["3.3.4", "AA", "Fehlervermeidung (rechtlich, finanziell, Daten)", "Error Prevention (Legal, Financial, Data)", "error-prevention-legal-financial-data"],
  ["4.1.1", "A", "Syntaxanalyse", "Parsing", "parsing"],
  ["4.1.2", "A", "Name, Rolle, Wert", "Name, Role, Value", "name-role-value"],
  ["4.1.3", "AA", "Statusmeldungen", "Status Messages", "status-messages"],
].map(([number, level, de, en, slug]) => ({ number, level: level as Criterion["level"], de, en, slug }) as Criterion);

const BY_NUMBER = new Map(CRITERIA.map((c) => [c.number, c]));

export function criterion(number: string): Criterion | undefined {
  return BY_NUMBER.get(number);
}

/** The criterion's title in a language (German for "de…", else English). */
export function criterionName(c: Criterion, locale: string): string {
  return locale.toLowerCase().startsWith("de") ? c.de : c.en;
}

export function understandingUrl(c: Criterion): string {
  return `https://www.w3.org/WAI/WCAG21/Understanding/${c.slug}.html`;
}

/** "WCAG2AA.Principle1.Guideline1_1.1_1_1.H37" → "1.1.1" (HTML_CodeSniffer codes name their criterion). */
export function criterionOfSnifferCode(code: string): string | undefined {
  const part = code.split(".")[3];
  return part && /^\d+_\d+_\d+$/.test(part) ? part.replace(/_/g, ".") : undefined;
}

/** axe tags such as "wcag111", "wcag1410" → "1.1.1", "1.4.10" (axe writes the numbers without dots). */
export function criteriaOfAxeTags(tags: readonly string[]): string[] {
  const found: string[] = [];
  for (const tag of tags) {
    const digits = /^wcag(\d{3,4})$/.exec(tag)?.[1];
    if (!digits) continue;
    // Principle and guideline are one digit each; the rest is the criterion (1.4.10 is "1410").
    const number = `${digits[0]}.${digits[1]}.${digits.slice(2)}`;
    if (BY_NUMBER.has(number)) found.push(number);
  }
  return found;
}
