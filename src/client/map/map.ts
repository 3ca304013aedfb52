// The interactive map: planning area, layers, others' contributions (clustered) and the person's
// own marker: placed by click or tap, or by keyboard (arrows move the map under a crosshair, Enter
// places), moved by dragging or placing again, refused outside the area.
import type { FeatureCollection } from "geojson";
import { pointInArea } from "../../campaign/geo.js";
import { loadLibrary, type GlLibrary, type GlMap } from "./adapter.js";
import { basemapStyle } from "./basemap.js";
import { libraryTexts, markCanvas } from "./controls.js";
import { say, type MapPageConfig, type MapViewConfig } from "./config.js";
import { nearest } from "./geo.js";
import { MARKER_PREFIX, markerImage } from "./markers.js";
import { answerParts, type PublicContribution } from "./list.js";

export interface MapCallbacks {
  /** The person's point changed (undefined: removed). */
  onPoint(point: [number, number] | undefined): void;
  /** A contribution marker was chosen on the map. */
  onSelect(id: string): void;
  announce(text: string): void;
}

export class ParticipationMap {
  private lib: GlLibrary;
  private map: GlMap;
  private marker: GlMap | undefined;
  private popup: GlMap | undefined;
  private contributions: PublicContribution[] = [];
  private ready = false;

  constructor(
    private readonly config: MapViewConfig,
    private readonly container: HTMLElement,
    private readonly callbacks: MapCallbacks,
    /** The element that says how to use the map by keyboard. */
    private readonly keysId: string,
  ) {}

  /** Loads the library and draws the map; `contributions` (when the list came first) are in its first frame. */
  async start(contributions?: PublicContribution[]): Promise<void> {
    if (contributions) this.contributions = contributions;
    this.lib = await loadLibrary(this.config);
    performance.mark("mr-map-library");
    // In pieces: the page gets its turn between compiling the library, reading the style and
    // building the map, so a tap or a keystroke meanwhile is answered at once.
    await yieldToPage();
    const { style, failed: basemapFailed } = await basemapStyle(this.lib, this.config);
    await yieldToPage();
    // Our sources and layers go into the style the map starts with (not added after "load"), so
    // the worker prepares them with the basemap in one pass. A mapbox:// style is only a URL.
    const drawn = this.contributions;
    const ours = this.ownLayers();
    const inStyle = typeof style === "object" && style !== null;
    this.map = new this.lib.Map({
      container: this.container,
      style: inStyle ? { ...style, sources: { ...(style as GlMap).sources, ...ours.sources }, layers: [...(style as GlMap).layers, ...ours.layers] } : style,
      center: this.config.center,
      zoom: this.config.zoom,
      // The data's licence wants its credit on the map; compact (an ⓘ button) when the map is narrow.
      attributionControl: this.config.basemap && !basemapFailed ? {} : false,
      keyboard: false,
      // One finger scrolls the page and the mouse wheel scrolls it too; two fingers (or Ctrl and the
      // wheel) move the map, with a hint saying so: a phone's page never gets stuck in the map.
      cooperativeGestures: true,
      // No cross-fades of tiles and labels: each would redraw the map for 300 ms, which costs
      // more than it shows on phones without a strong GPU.
      fadeDuration: 0,
      // Mapbox GL only: no performance report (device, screen, GPU, timings) to events.mapbox.com.
      // Its billing events cannot be switched off (README, "Mapbox GL"); MapLibre ignores the option.
      performanceMetricsCollection: false,
      // Every word the library shows or gives screen readers, in the page's language.
      locale: libraryTexts(this.config),
    });
    markCanvas(this.map.getCanvas(), say(this.config, "gl.Map.Title"), this.keysId);
    // The markers' images, painted when the map first needs them (the layer is in the first style).
    this.map.on("styleimagemissing", (event: { id: string }) => {
      const category = event.id.startsWith(MARKER_PREFIX) ? this.config.categories.find((c) => MARKER_PREFIX + c.id === event.id) : undefined;
      if (category && !this.map.hasImage(event.id)) this.map.addImage(event.id, markerImage(category.shape, category.color), { pixelRatio: window.devicePixelRatio || 1 });
    });
    this.map.addControl(new this.lib.NavigationControl({ showCompass: false }), "top-right");
    this.map.on("error", (event: { error?: Error }) => {
      // A tile or sprite of the basemap that fails must not take the map with it.
      if (!this.ready) console.warn("mitreden map:", event.error?.message);
    });
    if (contributions || drawn.length) this.whenDrawn(drawn.filter((c) => c.point).length);
    await new Promise<void>((resolve) => this.map.once("load", () => resolve()));
    if (!inStyle) {
      for (const [id, source] of Object.entries(ours.sources)) this.map.addSource(id, source);
      for (const layer of ours.layers) this.map.addLayer(layer);
    }
    this.bindPointer();
    this.showClusterCounts();
    this.bindKeyboard();
    this.ready = true;
    // The list may have arrived while the map was loading.
    if (this.contributions !== drawn) this.setContributions(this.contributions);
    if (basemapFailed || !this.config.basemap) this.callbacks.announce(say(this.config, basemapFailed ? "basemapFailed" : "noBasemap"));
  }

  /** The planning area, the campaign's layers and the contributions (clustered), as style sources and layers. */
  private ownLayers(): { sources: Record<string, unknown>; layers: Record<string, unknown>[] } {
    // The area and the campaign's layers share one source (features tagged with their layer):
    // each source that arrives from the worker costs a frame, which is slow on phones without a GPU.
    const tagged = (features: FeatureCollection["features"], layer: string) => features.map((f) => ({ ...f, properties: { ...f.properties, "mr-layer": layer } }));
    const context: FeatureCollection = {
      type: "FeatureCollection",
      features: [...tagged(this.config.area.features, "mr-area"), ...this.config.layers.flatMap((l) => tagged(l.data.features, l.id))],
    };
    const sources: Record<string, unknown> = { "mr-context": { type: "geojson", data: context } };
    const of = (layer: string, ...filter: unknown[]) => ["all", ["==", ["get", "mr-layer"], layer], ...filter];
    const layers: Record<string, unknown>[] = [
      { id: "mr-area-fill", type: "fill", source: "mr-context", filter: of("mr-area"), paint: { "fill-color": "#0b5394", "fill-opacity": 0.08 } },
      { id: "mr-area-line", type: "line", source: "mr-context", filter: of("mr-area"), paint: { "line-color": "#0b5394", "line-width": 3, "line-dasharray": [2, 1] } },
    ];
    for (const layer of this.config.layers) {
      const id = `mr-layer-${layer.id}`;
      layers.push(
        { id: `${id}-fill`, type: "fill", source: "mr-context", filter: of(layer.id, ["==", ["geometry-type"], "Polygon"]), paint: { "fill-color": layer.color, "fill-opacity": 0.25 } },
        { id: `${id}-line`, type: "line", source: "mr-context", filter: of(layer.id, ["!=", ["geometry-type"], "Point"]), paint: { "line-color": layer.color, "line-width": 2 } },
        { id: `${id}-point`, type: "circle", source: "mr-context", filter: of(layer.id, ["==", ["geometry-type"], "Point"]), paint: { "circle-color": "#ffffff", "circle-stroke-color": layer.color, "circle-stroke-width": 3, "circle-radius": 5 } },
      );
    }
    sources["mr-contributions"] = { type: "geojson", data: this.points(), cluster: true, clusterRadius: 40, clusterMaxZoom: 17 };
    layers.push(
      {
        id: "mr-clusters",
        type: "circle",
        source: "mr-contributions",
        filter: ["has", "point_count"],
        paint: { "circle-color": "#1b1b1b", "circle-opacity": 0.8, "circle-stroke-color": "#ffffff", "circle-stroke-width": 2, "circle-radius": ["step", ["get", "point_count"], 12, 10, 16, 100, 22, 1000, 28] },
      },
      {
        // Each category's shape and colour (src/campaign/map-symbols.ts), painted by markerImage().
        id: "mr-points",
        type: "symbol",
        source: "mr-contributions",
        filter: ["!", ["has", "point_count"]],
        layout: { "icon-image": ["concat", MARKER_PREFIX, ["get", "category"]], "icon-allow-overlap": true, "icon-ignore-placement": true },
      },
    );
    return { sources, layers };
  }

  /** The contributions with a point, as GeoJSON for the clustered source. */
  private points(): FeatureCollection {
    return {
      type: "FeatureCollection",
      features: this.contributions
        .filter((c) => c.point)
        .map((c) => ({ type: "Feature", geometry: { type: "Point", coordinates: c.point! }, properties: { id: c.id, category: c.category } })),
    };
  }

  setContributions(contributions: PublicContribution[]): void {
    this.contributions = contributions;
    if (!this.ready) return;
    const data = this.points();
    this.map.getSource("mr-contributions").setData(data);
    this.whenDrawn(data.features.length);
  }

  private whenDrawn(count: number): void {
    this.map.once("idle", () => {
      // Tests and bench/map.js wait for this: the markers are drawn.
      performance.mark("mr-markers-shown");
      document.documentElement.setAttribute("data-map-markers", String(count));
    });
  }

  /**
   * How many contributions a cluster holds, written on it. MapLibre draws text only with glyph
   * files, which the plain background does not have; a few dozen small HTML labels do the same.
   * Visual only (aria-hidden): the list gives every contribution and the count.
   */
  private showClusterCounts(): void {
    const labels = new Map<number, GlMap>();
    const update = () => {
      if (!this.map.getSource("mr-contributions") || !this.map.isSourceLoaded("mr-contributions")) return;
      const shown = new Set<number>();
      for (const feature of this.map.querySourceFeatures("mr-contributions", { filter: ["has", "point_count"] })) {
        const id = feature.properties.cluster_id as number;
        if (shown.has(id)) continue; // a cluster on a tile border comes twice
        shown.add(id);
        const count = String(feature.properties.point_count_abbreviated ?? feature.properties.point_count);
        // After a filter change the same id may be another cluster: text and place are set each time.
        let label = labels.get(id);
        if (!label) {
          const element = document.createElement("div");
          element.className = "mr-cluster-count";
          element.setAttribute("aria-hidden", "true");
          label = new this.lib.Marker({ element }).setLngLat(feature.geometry.coordinates).addTo(this.map);
          labels.set(id, label);
        }
        label.setLngLat(feature.geometry.coordinates);
        label.getElement().textContent = count;
      }
      for (const [id, label] of labels) {
        if (!shown.has(id)) {
          label.remove();
          labels.delete(id);
        }
      }
    };
    this.map.on("moveend", update);
    // New data (a filter) and tiles that arrive after the map stopped moving.
    this.map.on("sourcedata", (event: { sourceId?: string; isSourceLoaded?: boolean }) => {
      if (event.sourceId === "mr-contributions" && event.isSourceLoaded) update();
    });
    // Once all is drawn: after a jump in zoom, the tiles of the old zoom (with their clusters) are
    // still loaded at "moveend", which left a count floating where no cluster is drawn.
    this.map.on("idle", update);
    update();
  }

  private bindPointer(): void {
    const map = this.map;
    map.on("click", (event: { point: unknown; lngLat: { lng: number; lat: number } }) => {
      const hits = map.queryRenderedFeatures(event.point, { layers: ["mr-points", "mr-clusters"] });
      const hit = hits[0];
      if (hit?.properties?.cluster) {
        map.getSource("mr-contributions").getClusterExpansionZoom(hit.properties.cluster_id).then((zoom: number) => map.easeTo({ center: hit.geometry.coordinates, zoom }));
        return;
      }
      if (hit) {
        this.show(hit.properties.id);
        this.callbacks.onSelect(hit.properties.id);
        return;
      }
      this.place([event.lngLat.lng, event.lngLat.lat]);
    });
    for (const layer of ["mr-points", "mr-clusters"]) {
      map.on("mouseenter", layer, () => (map.getCanvas().style.cursor = "pointer"));
      map.on("mouseleave", layer, () => (map.getCanvas().style.cursor = ""));
    }
  }

  /** Keyboard: arrows move the map under the crosshair (Shift: further), + and − zoom, Enter places the marker. */
  private bindKeyboard(): void {
    const canvas: HTMLElement = this.map.getCanvas();
    canvas.addEventListener("keydown", (event: KeyboardEvent) => {
      const step = event.shiftKey ? 100 : 20;
      const pan: Record<string, [number, number]> = { ArrowUp: [0, -step], ArrowDown: [0, step], ArrowLeft: [-step, 0], ArrowRight: [step, 0] };
      if (pan[event.key]) {
        this.map.panBy(pan[event.key], { duration: 0 });
      } else if (event.key === "+" || event.key === "=") this.map.zoomIn({ duration: 0 });
      else if (event.key === "-") this.map.zoomOut({ duration: 0 });
      else if (event.key === "Enter" || event.key === " ") {
        const c = this.map.getCenter();
        this.place([c.lng, c.lat]);
      } else return;
      event.preventDefault();
    });
  }

  /** Puts (or moves) the person's marker, or refuses a place outside the area. */
  place(point: [number, number], quiet = false): boolean {
    if (!this.config.open) return false;
    if (!pointInArea(point, this.config.area)) {
      this.callbacks.announce(say(this.config, "outside"));
      return false;
    }
    if (!this.marker) {
      const element = document.createElement("div");
      element.className = "mr-own-marker";
      this.marker = new this.lib.Marker({ element, draggable: true, anchor: "bottom" }).setLngLat(point).addTo(this.map);
      this.marker.on("dragend", () => {
        const p = this.marker.getLngLat();
        if (!this.place([p.lng, p.lat])) this.marker.setLngLat(this.lastPoint);
      });
    } else this.marker.setLngLat(point);
    this.lastPoint = point;
    this.callbacks.onPoint(point);
    if (!quiet) this.callbacks.announce(this.describe(point));
    return true;
  }

  private lastPoint: [number, number] = [0, 0];

  describe(point: [number, number]): string {
    const near = nearest(point, this.config.places);
    return near ? say(this.config, "placedNear", { place: near.place.label }) : say(this.config, "placed");
  }

  removeMarker(): void {
    this.marker?.remove();
    this.marker = undefined;
  }

  /** Centres a contribution and opens its popup (chosen in the list). */
  show(id: string): void {
    const c = this.contributions.find((x) => x.id === id);
    if (!c?.point || !this.ready) return;
    this.map.easeTo({ center: c.point, zoom: Math.max(this.map.getZoom(), 18), duration: 0 });
    this.popup?.remove();
    const content = document.createElement("div");
    const title = document.createElement("strong");
    title.textContent = this.config.categories.find((k) => k.id === c.category)?.label ?? c.category;
    const text = document.createElement("p");
    text.textContent = c.comment.length > 200 ? `${c.comment.slice(0, 200)}…` : c.comment;
    content.append(title, text);
    // A map page's popup has the city's status and answer too (a survey question's map has no contributions).
    if ("answerText" in this.config) content.append(...answerParts(this.config as MapPageConfig, c, new Intl.DateTimeFormat(this.config.locale, { dateStyle: "medium" })));
    this.popup = new this.lib.Popup({ closeButton: true, focusAfterOpen: false, maxWidth: "18rem" }).setLngLat(c.point).setDOMContent(content).addTo(this.map);
    // Mapbox GL names its close button in English whatever the locale says.
    this.popup.getElement()?.querySelector("button[class$=popup-close-button]")?.setAttribute("aria-label", say(this.config, "gl.Popup.Close"));
  }
}

/** Lets the browser handle input and paint before the next piece of work. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}
