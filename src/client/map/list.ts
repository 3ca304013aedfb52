// The list of others' contributions: the accessible equivalent of the markers. Built with a
// DocumentFragment, 20 at a time ("Show 20 more" keeps it complete), filtered by category.
import { fill } from "../../i18n/format.js";
import { categorySymbol } from "../../campaign/map-symbols.js";
import { say, type MapPageConfig } from "./config.js";

export interface PublicContribution {
  id: string;
  category: string;
  comment: string;
  place?: string;
  description?: string;
  date: string;
  point?: [number, number];
  /** The city's public status ("received" until it sets one) and its answer (docs/adr/018-desk.md). */
  status?: string;
  answer?: { text: string; organization: string; date?: string };
}

// 20 at a time: the form below the list stays within reach on a phone.
const PAGE = 20;

export class ContributionList {
  private all: PublicContribution[] = [];
  private shown: PublicContribution[] = [];
  private rendered = 0;
  private readonly dateFormat: Intl.DateTimeFormat;
  onSelect: (c: PublicContribution) => void = () => {};
  onFilter: (visible: PublicContribution[]) => void = () => {};

  constructor(
    private readonly config: MapPageConfig,
    private readonly list: HTMLOListElement,
    private readonly more: HTMLButtonElement,
    private readonly count: HTMLElement,
    private readonly filters: HTMLInputElement[],
    /** "Nach Stand filtern": one public status, or "" for all. */
    private readonly statusFilter?: HTMLSelectElement,
  ) {
    this.dateFormat = new Intl.DateTimeFormat(config.locale, { dateStyle: "medium" });
    this.more.addEventListener("click", () => {
      const first = this.rendered;
      this.renderMore(PAGE);
      // Keyboard and screen-reader users continue where the new items begin.
      (this.list.children[first]?.querySelector("h3") as HTMLElement | null)?.focus();
    });
    for (const box of filters) box.addEventListener("change", () => this.apply());
    this.statusFilter?.addEventListener("change", () => this.apply());
  }

  set(contributions: PublicContribution[]): void {
    this.all = contributions;
    this.apply(false);
  }

  /** Visible (after the filter) contributions. */
  visible(): PublicContribution[] {
    return this.shown;
  }

  private apply(announce = true): void {
    const chosen = new Set(this.filters.filter((b) => b.checked).map((b) => b.value));
    const status = this.statusFilter?.value ?? "";
    this.shown = this.all.filter((c) => chosen.has(c.category) && (!status || (c.status ?? "received") === status));
    this.list.replaceChildren();
    this.rendered = 0;
    this.renderMore(PAGE);
    this.count.textContent = this.all.length ? say(this.config, "countShown", { count: this.shown.length, total: this.all.length }) : say(this.config, "empty");
    if (announce) this.onFilter(this.shown);
    this.count.setAttribute("aria-live", "polite");
  }

  private renderMore(n: number): void {
    const fragment = document.createDocumentFragment();
    const end = Math.min(this.shown.length, this.rendered + n);
    for (let i = this.rendered; i < end; i++) fragment.append(this.item(this.shown[i]!));
    this.list.append(fragment);
    this.rendered = end;
    const left = this.shown.length - this.rendered;
    this.more.hidden = left <= 0;
    const label = this.more.querySelector(".kern-label") ?? this.more;
    label.textContent = say(this.config, "showMore", { count: Math.min(PAGE, left), left });
  }

  private item(c: PublicContribution): HTMLLIElement {
    const li = document.createElement("li");
    li.className = "mr-contribution";
    li.id = `beitrag-${c.id}`;
    const category = this.config.categories.find((k) => k.id === c.category);
    const heading = document.createElement("h3");
    heading.className = "mr-contribution__category";
    heading.tabIndex = -1;
    heading.append(this.symbol(c.category), category?.label ?? c.category);
    const comment = document.createElement("p");
    comment.className = "mr-contribution__comment";
    comment.textContent = c.comment; // text, never HTML
    const meta = document.createElement("p");
    meta.className = "mr-contribution__meta";
    const place = c.place ? this.config.places.find((p) => p.id === c.place)?.label : undefined;
    const where = place ?? c.description ?? (c.point ? say(this.config, "pointOnMap") : "");
    const time = document.createElement("time");
    time.dateTime = c.date;
    time.textContent = this.dateFormat.format(new Date(c.date));
    meta.append(where ? `${where} · ` : "", time);
    li.append(heading, comment, meta, ...answerParts(this.config, c, this.dateFormat));
    if (c.point) {
      const show = document.createElement("button");
      show.type = "button";
      show.className = "kern-btn kern-btn--tertiary mr-contribution__show";
      const label = document.createElement("span");
      label.className = "kern-label";
      label.textContent = say(this.config, "showOnMap");
      show.append(label);
      show.addEventListener("click", () => this.onSelect(c));
      li.append(show);
    }
    return li;
  }

  private readonly symbols = new Map<string, Element>();

  /** The category's marker as on the map (shape and colour), made once and cloned for each item. */
  private symbol(id: string): Node {
    let symbol = this.symbols.get(id);
    if (!symbol) {
      const category = this.config.categories.find((k) => k.id === id);
      const template = document.createElement("template");
      template.innerHTML = categorySymbol(category?.shape ?? "circle", category?.color ?? "#555555");
      symbol = template.content.firstElementChild!;
      this.symbols.set(id, symbol);
    }
    return symbol.cloneNode(true);
  }

  /** Makes sure the item is rendered, marks it and moves focus to it (a marker was chosen on the map). */
  reveal(id: string): void {
    const index = this.shown.findIndex((c) => c.id === id);
    if (index < 0) return;
    if (index >= this.rendered) this.renderMore(index - this.rendered + 1);
    for (const el of this.list.querySelectorAll(".mr-contribution--selected")) el.classList.remove("mr-contribution--selected");
    const li = document.getElementById(`beitrag-${id}`);
    if (!li) return;
    li.classList.add("mr-contribution--selected");
    li.scrollIntoView({ block: "nearest" });
    (li.querySelector("h3") as HTMLElement).focus({ preventScroll: true });
  }
}

export function fromGeoJson(collection: { features: { geometry: { coordinates: [number, number] } | null; properties: Omit<PublicContribution, "point"> }[] }): PublicContribution[] {
  // Newest first: what people come back to see.
  return collection.features.map((f) => ({ ...f.properties, ...(f.geometry ? { point: f.geometry.coordinates } : {}) })).reverse();
}

/** The public status and the city's answer of a contribution, as text (list and popup share them). */
export function answerParts(config: MapPageConfig, c: PublicContribution, dateFormat: Intl.DateTimeFormat): HTMLElement[] {
  const words = config.answerText ?? {};
  const word = (key: string, params: Record<string, string> = {}) => fill(words[key] ?? key, params, config.textLocale, () => "");
  const status = document.createElement("p");
  status.className = "mr-contribution__status";
  status.textContent = `${word("publicStatus.label")}: ${word(`publicStatus.${c.status ?? "received"}`)}`;
  if (!c.answer) return [status];
  const answer = document.createElement("div");
  answer.className = "mr-contribution__answer";
  const heading = document.createElement("p");
  heading.className = "kern-body kern-body--bold";
  heading.textContent = word("publicAnswer.heading");
  const text = document.createElement("p");
  text.className = "mr-contribution__comment";
  text.textContent = c.answer.text; // text, never HTML
  const by = document.createElement("p");
  by.className = "kern-body kern-body--small";
  by.textContent = word("publicAnswer.by", { organization: c.answer.organization, date: c.answer.date ? dateFormat.format(new Date(c.answer.date)) : "" });
  answer.append(heading, text, by);
  return [status, answer];
}
