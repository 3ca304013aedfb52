// The proof-of-work widget's loader (docs/adr/025-proof-of-work.md), loaded only on the forms of
// campaigns with `abuse.proofOfWork`: the ALTCHA widget (its "external" build, so styles and
// workers come from this site under a strict CSP), its German and English words, our worker for
// PBKDF2, and the status line. The widget solves its challenge as soon as the page has loaded.
import "altcha/external";
import "altcha/i18n/de";
import "altcha/i18n/en";
import { ALTCHA_ALGORITHM, altchaGlobal, showProofState } from "./pow-field.js";

const widgets = document.querySelectorAll<HTMLElement>("altcha-widget[data-worker]");
for (const widget of widgets) {
  const worker = widget.dataset.worker!;
  // Registered before the widget needs it: it asks only after its challenge has arrived.
  altchaGlobal()?.algorithms.set(ALTCHA_ALGORITHM, () => new Worker(worker));
  widget.addEventListener("statechange", (event) => {
    const { state } = (event as CustomEvent<{ state: string }>).detail;
    // "verifying" at page load is not announced: the person has not asked for anything yet.
    if (state !== "verifying") showProofState(widget, state);
  });
}
