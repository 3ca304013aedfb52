// The survey and map scripts' side of the proof of work (docs/adr/025-proof-of-work.md): before
// sending, the form's solution from the ALTCHA widget (waiting for it if it is still working);
// after the collector used or refused it, a fresh one. A form without the widget sends none.
import { FIELD } from "../forms/fields.js";

export const ALTCHA_ALGORITHM = "PBKDF2/SHA-256";

interface AltchaWidget extends HTMLElement {
  getState?: () => string;
  verify?: () => Promise<{ payload: string } | null>;
  reset?: () => void;
}

interface AltchaGlobal {
  algorithms: Map<string, () => Worker>;
  i18n: { get(language: string): Record<string, string> | undefined };
}

export function altchaGlobal(): AltchaGlobal | undefined {
  return (globalThis as { $altcha?: AltchaGlobal }).$altcha;
}

/** Writes the widget's state into the form's status line, in the widget's language: "<label>: Überprüft". */
export function showProofState(widget: HTMLElement, state: string): void {
  const status = widget.closest("form")?.querySelector<HTMLElement>("[data-pow-status]");
  const key = { verifying: "verifying", verified: "verified", error: "error", expired: "expired" }[state];
  if (!status || !key) return;
  const words = altchaGlobal()?.i18n.get(widget.getAttribute("language") ?? "de") ?? altchaGlobal()?.i18n.get("en");
  if (words?.[key]) status.textContent = `${status.dataset.label ?? ""}: ${words[key]}`;
}

/**
 * The solution to send as `_pow`, or undefined when the form has no widget or it could not load
 * (the collector then says what is missing, and the person can send again).
 */
export async function proofOfWork(form: HTMLFormElement): Promise<string | undefined> {
  const widget = form.querySelector<AltchaWidget>("altcha-widget");
  if (!widget) return undefined;
  const ready = await waitFor(() => typeof widget.verify === "function" && typeof widget.getState === "function", 10_000);
  if (!ready) return undefined;
  const field = () => form.querySelector<HTMLInputElement>(`input[name="${FIELD.pow}"]`)?.value || undefined;
  const state = widget.getState!();
  if (state === "verified" && field()) return field();
  showProofState(widget, "verifying");
  if (state === "verifying") {
    // Started at page load and not done yet: wait for it rather than starting again.
    await waitFor(() => widget.getState!() !== "verifying", 60_000);
    if (widget.getState!() === "verified" && field()) return field();
  }
  const result = await widget.verify!();
  return result?.payload ?? field();
}

/** After the collector used a solution (or refused it): solve a new one for the next submission. */
export function renewProofOfWork(form: HTMLFormElement): void {
  const widget = form.querySelector<AltchaWidget>("altcha-widget");
  if (!widget?.reset || !widget.verify) return;
  widget.reset();
  void widget.verify();
}

function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    const check = () => {
      if (condition()) resolve(true);
      else if (Date.now() - started > timeoutMs) resolve(false);
      else setTimeout(check, 50);
    };
    check();
  });
}
