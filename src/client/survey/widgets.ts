// "Move up/down" buttons for rankings: a keyboard and screen-reader way to order the options
// besides the position selects, which work without JavaScript.
import { uiFormat, uiText } from "../../forms/messages.js";

export function setupRankings(form: HTMLFormElement, locale: string, changed: () => void): void {
  for (const list of form.querySelectorAll<HTMLOListElement>(".mr-ranking__list")) {
    const status = list.parentElement?.querySelector<HTMLElement>("[data-ranking-status]");
    const items = () => [...list.querySelectorAll<HTMLLIElement>(":scope > .mr-ranking__item")];
    const selectOf = (item: Element) => item.querySelector("select")!;
    for (const item of items()) {
      const label = item.querySelector("label")?.textContent ?? "";
      const buttons = document.createElement("div");
      buttons.className = "mr-ranking__buttons";
      for (const direction of [-1, 1] as const) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "kern-btn kern-btn--secondary kern-btn--x-small";
        const text = document.createElement("span");
        text.className = "kern-label";
        text.textContent = uiText(direction < 0 ? "moveUp" : "moveDown", locale);
        button.append(text);
        // The name says which row moves and starts with the visible words (WCAG 2.5.3). Not a
        // .kern-sr-only child: KERN takes a button holding one for an icon button of fixed width.
        button.setAttribute("aria-label", `${text.textContent}: ${label}`);
        button.addEventListener("click", () => {
          // The first move gives every row a position: an optional question becomes a full
          // answer. Say so, and offer the way back (issue 15, finding 13).
          const wasEmpty = items().every((row) => !selectOf(row).value);
          move(item, direction);
          button.focus(); // moving the row in the DOM would otherwise drop focus
          const all = items();
          const moved = uiFormat("moved", locale, { option: label, position: all.indexOf(item) + 1, count: all.length });
          if (status) status.textContent = wasEmpty ? `${moved} ${uiFormat("rankingFilled", locale, { count: all.length })}` : moved;
          showClear();
          changed();
        });
        buttons.append(button);
      }
      item.append(buttons);
    }

    // "Clear ranking": back to no answer, for whoever ordered the rows and then thinks better of it.
    const clear = document.createElement("button");
    clear.type = "button";
    clear.className = "kern-btn kern-btn--tertiary kern-btn--x-small mr-ranking__clear";
    const clearText = document.createElement("span");
    clearText.className = "kern-label";
    clearText.textContent = uiText("rankingClear", locale);
    clear.append(clearText);
    clear.addEventListener("click", () => {
      items().forEach((row) => (selectOf(row).value = ""));
      if (status) status.textContent = uiText("rankingCleared", locale);
      list.querySelector<HTMLButtonElement>("button")?.focus(); // the clear button hides itself
      showClear();
      changed();
    });
    list.after(clear);
    const showClear = () => (clear.hidden = items().every((row) => !selectOf(row).value));
    list.addEventListener("change", showClear);
    showClear();

    function move(item: HTMLLIElement, direction: -1 | 1): void {
      sortByPositions();
      const all = items();
      const at = all.indexOf(item);
      const neighbour = all[at + direction];
      if (neighbour) {
        if (direction < 0) list.insertBefore(item, neighbour);
        else list.insertBefore(neighbour, item);
      }
      items().forEach((row, i) => (selectOf(row).value = String(i + 1)));
    }

    /** Rows follow the positions chosen in the selects, when they are a complete ranking. */
    function sortByPositions(): void {
      const all = items();
      const positions = all.map((row) => Number(selectOf(row).value));
      const complete = positions.every((p) => p >= 1 && p <= all.length) && new Set(positions).size === all.length;
      if (!complete) return;
      all.map((row, i) => ({ row, p: positions[i]! })).sort((a, b) => a.p - b.p).forEach(({ row }) => list.append(row));
    }
  }
}
