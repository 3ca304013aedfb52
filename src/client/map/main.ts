// The map page's script (progressive enhancement: without it the page is a plain form and a link
// to the contributions). Loads the list of public contributions at once, the map library only when
// the map comes into view or the person asks for it, and sends the form as JSON.
import { canDrawMaps } from "./adapter.js";
import { readConfig, say, type MapClientConfig } from "./config.js";
import { pointInArea } from "./geo.js";
import { ContributionList, fromGeoJson, type PublicContribution } from "./list.js";
import type { ParticipationMap } from "./map.js";

const config = readConfig();
if (config) void start(config);

async function start(config: MapClientConfig): Promise<void> {
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
  const status = $("mr-map-status")!;
  const announce = (text: string) => {
    // Cleared first, so the same sentence twice is announced twice.
    status.textContent = "";
    requestAnimationFrame(() => (status.textContent = text));
  };
  const form = $<HTMLFormElement>("mr-contribution-form");
  const lng = form?.elements.namedItem("location__lng") as HTMLInputElement | null;
  const lat = form?.elements.namedItem("location__lat") as HTMLInputElement | null;
  const pointText = $("mr-point");
  const pointRemove = $<HTMLButtonElement>("mr-point-remove");
  let map: ParticipationMap | undefined;
  let listLoaded = false;

  const setPoint = (point: [number, number] | undefined) => {
    if (!lng || !lat || !pointText || !pointRemove) return;
    lng.value = point ? point[0].toFixed(6) : "";
    lat.value = point ? point[1].toFixed(6) : "";
    pointText.textContent = point ? (map?.describe(point) ?? "") : say(config, "noPoint");
    pointRemove.hidden = !point;
  };
  setPoint(undefined);
  pointRemove?.addEventListener("click", () => {
    map?.removeMarker();
    setPoint(undefined);
    announce(say(config, "pointRemoved"));
  });

  // Others' contributions: the list first (it is the accessible equivalent), then the markers.
  let list: ContributionList | undefined;
  const listElement = $<HTMLOListElement>("mr-list");
  if (listElement && config.contributionsUrl) {
    list = new ContributionList(
      config,
      listElement,
      $<HTMLButtonElement>("mr-list-more")!,
      $("mr-list-count")!,
      [...document.querySelectorAll<HTMLInputElement>("input[name=mr-filter]")],
    );
    list.onSelect = (c: PublicContribution) => {
      if (!map) void showMap().then(() => map?.show(c.id));
      else map.show(c.id);
      $("mr-map-frame")?.scrollIntoView({ block: "nearest" });
      announce(say(config, "shownOnMap"));
    };
    list.onFilter = (visible) => map?.setContributions(visible);
  }

  // The map: loaded when it is about to scroll into view, or when asked for.
  const frame = $("mr-map-frame");
  const canvas = $("mr-map-canvas");
  const button = $<HTMLButtonElement>("mr-map-show");
  let loading: Promise<void> | undefined;
  const showMap = (): Promise<void> => {
    loading ??= (async () => {
      if (!canvas || !frame) return;
      if (!canDrawMaps()) {
        announce(say(config, "noWebgl"));
        frame.classList.add("mr-map__frame--unavailable");
        return;
      }
      if (button) button.hidden = true;
      frame.classList.add("mr-map__frame--loading");
      // The library loads while the list is fetched and shown; whichever is first waits for nothing.
      const { ParticipationMap } = await import("./map.js");
      map = new ParticipationMap(config, canvas, {
        onPoint: setPoint,
        onSelect: (id) => list?.reveal(id),
        announce,
      });
      try {
        // Contributions that are already listed are drawn in the map's first frame.
        await map.start(listLoaded ? list?.visible() : list ? undefined : []);
        frame.classList.remove("mr-map__frame--loading");
        frame.classList.add("mr-map__frame--ready");
        document.documentElement.setAttribute("data-map-ready", "true");
      } catch (error) {
        console.warn("mitreden map:", error);
        frame.classList.add("mr-map__frame--unavailable");
        announce(say(config, "mapFailed"));
      }
    })();
    return loading;
  };
  if (frame && canvas) {
    if (button) {
      button.hidden = false;
      button.addEventListener("click", () => void showMap().then(() => (canvas.querySelector("canvas") as HTMLElement | null)?.focus()));
    }
    // Already on screen (a wide window): start at once, not one rendering later when the observer reports.
    const rect = frame.getBoundingClientRect();
    if (rect.top < window.innerHeight + 200 && rect.bottom > -200) void showMap();
    else if ("IntersectionObserver" in window) {
      const observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          void showMap();
        }
      }, { rootMargin: "200px" });
      observer.observe(frame);
    }
  }

  if (form) enhanceForm(config, form, announce, () => {
    map?.removeMarker();
    setPoint(undefined);
  });

  // Fetched while the map library loads (not one after the other): both are on the way to the markers.
  if (list && config.contributionsUrl) {
    const shown = list;
    try {
      // No extra headers: the request must match the page's <link rel="preload"> to reuse it.
      const response = await fetch(config.contributionsUrl);
      if (!response.ok) throw new Error(String(response.status));
      shown.set(fromGeoJson(await response.json()));
    } catch {
      shown.set([]);
      $("mr-list-count")!.textContent = say(config, "listFailed");
    }
    performance.mark("mr-list-shown");
    listLoaded = true;
    document.documentElement.setAttribute("data-map-list", String(shown.visible().length));
    map?.setContributions(shown.visible());
  }

}

/** Counter, checks before sending (a point outside the area is refused at once), JSON submission. */
function enhanceForm(config: MapClientConfig, form: HTMLFormElement, announce: (t: string) => void, reset: () => void): void {
  const comment = form.elements.namedItem("comment") as HTMLTextAreaElement;
  const counter = document.getElementById("mr-comment-count");
  const update = () => {
    if (counter) counter.textContent = say(config, "charsLeft", { count: config.maxLength - [...comment.value].length });
  };
  comment.addEventListener("input", update);
  update();
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
  const id = field("_id");
  if (id) id.value = crypto.randomUUID();
  const token = field("_token");
  let notBefore = 0;
  void fetch(config.tokenUrl)
    .then((r) => (r.ok ? r.json() : undefined))
    .then((t: { token: string; notBefore: number } | undefined) => {
      if (t && token) {
        token.value = t.token;
        notBefore = t.notBefore;
      }
    })
    .catch(() => {});
  const result = document.getElementById("mr-form-result")!;

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const lngValue = text("location__lng");
    const latValue = text("location__lat");
    const point: [number, number] | undefined = lngValue && latValue ? [Number(lngValue), Number(latValue)] : undefined;
    const contribution = {
      category: text("category") || undefined,
      comment: text("comment") || undefined,
      point,
      place: text("location__place") || undefined,
      description: text("location__description") || undefined,
    };
    if (point && !pointInArea(point, config.area)) return showErrors([{ field: "location", message: say(config, "outside") }]);
    const wait = notBefore - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const submit = form.querySelector<HTMLButtonElement>("button[type=submit]");
    if (submit) submit.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ contribution, _id: text("_id"), _token: text("_token"), _locale: config.locale, "website-url": text("website-url") || undefined }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) return showErrors(body?.data?.issues ?? [{ field: "_form", message: say(config, "sendFailed") }]);
      clearErrors();
      form.reset();
      if (id) id.value = crypto.randomUUID();
      reset();
      update();
      result.hidden = false;
      result.textContent = say(config, config.moderation === "before" ? "thanksModerated" : "thanks");
      result.focus();
    } catch {
      showErrors([{ field: "_form", message: say(config, "sendFailed") }]);
    } finally {
      if (submit) submit.disabled = false;
    }
  });

  const anchor: Record<string, string> = { category: "mr-category-0", comment: "mr-comment", location: "mr-place", location__description: "mr-description" };
  function clearErrors(): void {
    const summary = document.getElementById("mr-form-errors")!;
    summary.hidden = true;
    for (const el of form.querySelectorAll("[data-error]")) el.remove();
    for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  }
  function showErrors(issues: { field: string; message: string }[]): void {
    clearErrors();
    const summary = document.getElementById("mr-form-errors")!;
    const list = summary.querySelector("ul")!;
    list.replaceChildren(
      ...issues.map((issue) => {
        const li = document.createElement("li");
        const target = anchor[issue.field] ?? (issue.field.startsWith("location") ? "mr-place" : undefined);
        if (target) {
          const a = document.createElement("a");
          a.href = `#${target}`;
          a.textContent = issue.message;
          li.append(a);
        } else li.textContent = issue.message;
        return li;
      }),
    );
    summary.hidden = false;
    summary.focus();
    document.getElementById("mr-form-result")!.hidden = true;
  }
}
