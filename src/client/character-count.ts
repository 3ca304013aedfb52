// A live character count for texts with a limit (GOV.UK's: the visible count follows every
// keystroke, screen readers hear it once typing pauses), in the survey form and the map's form.

const ANNOUNCE_DELAY_MS = 1000;

/** `say(left)`: "Sie haben noch 12 Zeichen übrig." (left ≥ 0) or "… 3 Zeichen zu viel." (left < 0), in the page's language. */
export function setupCharacterCounts(form: HTMLFormElement, say: (left: number) => string): (() => void)[] {
  const updates: (() => void)[] = [];
  for (const control of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("[data-maxlength]")) {
    const max = Number(control.dataset.maxlength);
    const hint = document.getElementById(`${control.id}-count`);
    if (!hint || !max) continue;
    // The static hint stays what aria-describedby reads ("up to N characters"); the count is shown
    // beside it and read out through a polite live region, not on every keystroke.
    const visible = document.createElement("div");
    visible.className = "kern-hint mr-char-count";
    visible.setAttribute("aria-hidden", "true");
    const live = document.createElement("div");
    live.className = "kern-sr-only";
    live.setAttribute("aria-live", "polite");
    hint.after(visible, live);
    // With the live count the static "up to N characters" is only read out (aria-describedby), not shown twice.
    hint.classList.add("kern-sr-only");
    let timer: ReturnType<typeof setTimeout> | undefined;
    const text = () => {
      const left = max - control.value.length;
      return say(left);
    };
    const update = (announce: boolean) => {
      visible.textContent = text();
      visible.classList.toggle("mr-char-count--over", control.value.length > max);
      clearTimeout(timer);
      if (announce) timer = setTimeout(() => (live.textContent = text()), ANNOUNCE_DELAY_MS);
    };
    control.addEventListener("input", () => update(true));
    update(false);
    updates.push(() => update(false));
  }
  return updates;
}
