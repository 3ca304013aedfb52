// The draft: what the person has typed, kept in localStorage until the answers are sent, so a
// reload or a lost tab costs nothing. Only in this browser; cleared after a successful submission.
import { readFields } from "./answers.js";

export function draftKey(slug: string, pageId: string): string {
  return `mitreden:draft:${slug}/${pageId}`;
}

export function saveDraft(form: HTMLFormElement, key: string): void {
  try {
    localStorage.setItem(key, JSON.stringify(readFields(form, { withHidden: true })));
  } catch {
    // Storage full or switched off: the form works without a draft.
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // as above
  }
}

/** Puts a saved draft back into the form; true when there was one. */
export function restoreDraft(form: HTMLFormElement, key: string): boolean {
  let saved: Record<string, string | string[]>;
  try {
    saved = JSON.parse(localStorage.getItem(key) ?? "null") as Record<string, string | string[]>;
  } catch {
    return false;
  }
  if (!saved || typeof saved !== "object") return false;
  for (const control of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("input[name], select[name], textarea[name]")) {
    if (control.type === "hidden" && !control.name.includes("__")) continue; // _id, _token, _locale
    if (control.name === "website-url") continue;
    const value = saved[control.name];
    const values = value === undefined ? [] : Array.isArray(value) ? value : [value];
    if (control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio")) control.checked = values.includes(control.value);
    else control.value = values[0] ?? "";
  }
  return true;
}
