// The map script (progressive enhancement: without it a map page is a plain form and a survey's
// location question a place list and a description). On a map page: the list of public
// contributions at once, the map when it comes into view, the form sent as JSON. In a survey: each
// location question's map, which places the answer's point.
import { readPageConfig, say, type MapPageConfig, type MapViewConfig } from "./config.js";
import { enhanceContributionForm } from "./contribute.js";
import { mountMapFrame } from "./frame.js";
import { ContributionList, fromGeoJson, type PublicContribution } from "./list.js";

const page = readPageConfig();
if (page) void startMapPage(page);
for (const element of document.querySelectorAll<HTMLElement>("[data-map-frame]")) {
  const json = element.querySelector("[data-map-config]")?.textContent;
  if (json) mountMapFrame(JSON.parse(json) as MapViewConfig, element.dataset.mapFrame!);
}

async function startMapPage(config: MapPageConfig): Promise<void> {
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
  // Others' contributions: the list first (it is the accessible equivalent), then the markers.
  const listElement = $<HTMLOListElement>("mr-list");
  const list =
    listElement && config.contributionsUrl
      ? new ContributionList(config, listElement, $<HTMLButtonElement>("mr-list-more")!, $("mr-list-count")!, [...document.querySelectorAll<HTMLInputElement>("input[name=mr-filter]")], $<HTMLSelectElement>("mr-status-filter") ?? undefined)
      : undefined;
  let listLoaded = false;

  const frame = mountMapFrame(config, "mr-map", {
    // Contributions already listed are drawn in the map's first frame; none when the map publishes none.
    contributions: () => (listLoaded ? list?.visible() : list ? undefined : []),
    onSelect: (id) => list?.reveal(id),
  });
  if (list) {
    list.onSelect = (c: PublicContribution) => {
      // show() resolves once the map is drawn (at once if it is): a map still loading centres too.
      void frame?.show().then(() => frame?.map?.show(c.id));
      $("mr-map-frame")?.scrollIntoView({ block: "nearest" });
      frame?.announce(say(config, "shownOnMap"));
    };
    list.onFilter = (visible) => frame?.map?.setContributions(visible);
  }

  const form = $<HTMLFormElement>("mr-contribution-form");
  if (form) enhanceContributionForm(config, form, () => frame?.clearPoint());

  // Fetched while the map library loads (not one after the other): both are on the way to the markers.
  if (list && config.contributionsUrl) {
    try {
      // No extra headers: the request must match the page's <link rel="preload"> to reuse it.
      const response = await fetch(config.contributionsUrl);
      if (!response.ok) throw new Error(String(response.status));
      list.set(fromGeoJson(await response.json()));
    } catch {
      list.set([]);
      $("mr-list-count")!.textContent = say(config, "listFailed");
    }
    performance.mark("mr-list-shown");
    listLoaded = true;
    document.documentElement.setAttribute("data-map-list", String(list.visible().length));
    frame?.map?.setContributions(list.visible());
    // The desk's "Auf der Karte zeigen" links to #beitrag-<id>: that one marked and focused in the
    // list (screen readers hear it), the map centred on it with its popup open.
    const linked = list.visible().find((c) => location.hash === `#beitrag-${c.id}`);
    if (linked) {
      list.reveal(linked.id);
      if (linked.point) list.onSelect(linked);
    }
  }
}
