// A map frame (templates/components/map-frame) brought to life: the map library loads when the
// frame comes within 200 px of the viewport (checked at once, then by an IntersectionObserver) or
// on "Show map", never before, so pages pay for it only when the map is used. The map places the
// point of one location question: its hidden fields, the line that says where the point is, and
// the button that removes it (src/forms/fields.ts names them all).
import { controlId, fieldName } from "../../forms/fields.js";
import { canDrawMaps } from "./adapter.js";
import { say, type MapViewConfig } from "./config.js";
import type { PublicContribution } from "./list.js";
import type { ParticipationMap } from "./map.js";

export interface MapFrame {
  /** The map, once it is drawn. */
  readonly map: ParticipationMap | undefined;
  /** Loads and draws the map now (if it is not yet). */
  show(): Promise<void>;
  announce(text: string): void;
  /** Forgets the point (after the form was sent). */
  clearPoint(): void;
}

export interface MapFrameOptions {
  /** Contributions already at hand go into the map's first frame (map pages). */
  contributions?: () => PublicContribution[] | undefined;
  /** A contribution was chosen on the map. */
  onSelect?: (id: string) => void;
}

export function mountMapFrame(config: MapViewConfig, prefix: string, options: MapFrameOptions = {}): MapFrame | undefined {
  const $ = <T extends HTMLElement>(suffix: string) => document.getElementById(`${prefix}-${suffix}`) as T | null;
  const frame = $("frame");
  const canvas = $("canvas");
  const status = $("status");
  const button = $<HTMLButtonElement>("show");
  if (!frame || !canvas || !status) return undefined;
  const announce = (text: string) => {
    // Cleared first, so the same sentence twice is announced twice.
    status.textContent = "";
    requestAnimationFrame(() => (status.textContent = text));
  };
  let map: ParticipationMap | undefined;
  const point = bindPoint(config, () => map, announce);

  let loading: Promise<void> | undefined;
  const show = (): Promise<void> =>
    (loading ??= (async () => {
      if (!canDrawMaps()) {
        announce(say(config, "noWebgl"));
        frame.classList.add("mr-map__frame--unavailable");
        return;
      }
      // A keyboard user on "Show map" when the map starts by itself keeps their place: in the map, once drawn.
      const focused = button !== null && document.activeElement === button;
      if (button) button.hidden = true;
      frame.classList.add("mr-map__frame--loading");
      const { ParticipationMap } = await import("./map.js");
      map = new ParticipationMap(config, canvas, { onPoint: point.set, onSelect: options.onSelect ?? (() => {}), announce }, `${prefix}-keys`);
      try {
        // Contributions that are already listed are drawn in the map's first frame.
        await map.start(options.contributions?.());
        frame.classList.remove("mr-map__frame--loading");
        frame.classList.add("mr-map__frame--ready");
        document.documentElement.setAttribute("data-map-ready", "true");
        point.ready();
        if (focused) (canvas.querySelector("canvas") as HTMLElement | null)?.focus();
      } catch (error) {
        console.warn("mitreden map:", error);
        frame.classList.add("mr-map__frame--unavailable");
        announce(say(config, "mapFailed"));
      }
    })());

  if (button) {
    button.hidden = false;
    button.addEventListener("click", () => void show().then(() => (canvas.querySelector("canvas") as HTMLElement | null)?.focus()));
  }
  // Already on screen (a wide window): start without waiting for the observer, but only after the
  // page's first paint and when it is idle, so its text, list and form are there and answer input
  // before the library's heavy work begins (a phone is never frozen on arrival).
  const rect = frame.getBoundingClientRect();
  if (rect.top < window.innerHeight + 200 && rect.bottom > -200) afterFirstPaintWhenIdle(() => void show());
  else if ("IntersectionObserver" in window) {
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          afterFirstPaintWhenIdle(() => void show());
        }
      },
      { rootMargin: "200px" },
    );
    observer.observe(frame);
  }
  return {
    get map() {
      return map;
    },
    show,
    announce,
    clearPoint: () => {
      map?.removeMarker();
      point.set(undefined);
    },
  };
}

/** Runs `start` after the next paint, once the browser has a quiet moment (at the latest after 1.5 s). */
function afterFirstPaintWhenIdle(start: () => void): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      if ("requestIdleCallback" in window) requestIdleCallback(start, { timeout: 1500 });
      else start();
    }),
  );
}

/** The location question's point: hidden lng/lat fields, the line saying where it is, the remove button. */
function bindPoint(config: MapViewConfig, map: () => ParticipationMap | undefined, announce: (text: string) => void) {
  const input = (axis: "lng" | "lat") => document.querySelector<HTMLInputElement>(`input[name="${fieldName(config.question, axis)}"]`);
  const lng = input("lng");
  const lat = input("lat");
  const row = lng?.closest("[data-question]")?.querySelector<HTMLElement>("[data-point]");
  const text = document.getElementById(controlId(config.question, "point"));
  const remove = document.getElementById(controlId(config.question, "point-remove")) as HTMLButtonElement | null;
  const set = (point: [number, number] | undefined) => {
    if (!lng || !lat || !text || !remove) return;
    lng.value = point ? point[0].toFixed(6) : "";
    lat.value = point ? point[1].toFixed(6) : "";
    text.textContent = point ? (map()?.describe(point) ?? "") : say(config, "noPoint");
    remove.hidden = !point;
  };
  remove?.addEventListener("click", () => {
    map()?.removeMarker();
    set(undefined);
    announce(say(config, "pointRemoved"));
  });
  return {
    set,
    /** The map is there: the line shows, and a point kept in the fields (a restored draft) is put back on it. */
    ready() {
      if (row) row.hidden = false;
      const kept: [number, number] = [Number(lng?.value), Number(lat?.value)];
      if (lng?.value && lat?.value && kept.every(Number.isFinite) && map()?.place(kept, true)) set(kept);
      else set(undefined);
    },
  };
}
