// What the map page and the accessibility statement tell visitors about requests to others than
// the site: nothing for a self-hosted basemap, the server for a third-party style, Mapbox for Mapbox GL.
import { describe, expect, it } from "vitest";
import type { MapModel } from "../../src/campaign/model.js";
import { thirdPartyNotes } from "../../src/site/basemap/third-party.js";

const map = (extra: Partial<MapModel>): MapModel => ({
  center: [7, 50.94],
  zoom: 16,
  area: { type: "FeatureCollection", features: [] },
  layers: [],
  categories: [],
  places: [],
  renderer: "maplibre",
  contributions: { public: false, moderation: "before", maxLength: 1000, reasons: [], answerTemplates: [] },
  ...extra,
});

describe("third-party notes of a map", () => {
  it("says nothing for a self-hosted basemap drawn by MapLibre", () => {
    expect(thirdPartyNotes(map({ basemap: { kind: "geojson", geojson: [] } }), "de")).toEqual([]);
    expect(thirdPartyNotes(map({}), "en")).toEqual([]);
  });

  it("names the server of a third-party style, in the visitor's language", () => {
    const notes = thirdPartyNotes(map({ basemap: { kind: "style", style: "https://tiles.example.com/styles/bright.json" } }), "de");
    expect(notes).toEqual(["Die Hintergrundkarte lädt Ihr Browser von tiles.example.com und von den Servern, die deren Kartenstil nennt. Diese erfahren dabei Ihre IP-Adresse und welchen Kartenausschnitt Sie ansehen."]);
    expect(thirdPartyNotes(map({ basemap: { kind: "style", style: "mapbox://styles/mapbox/light-v11" }, renderer: "mapbox" }), "en")).toEqual([
      "Your browser loads the background map from api.mapbox.com and from the servers its map style names. They learn your IP address and which part of the map you look at.",
      "The map is drawn by the Mapbox GL JS software. It reports every map load to Mapbox Inc. in the USA (api.mapbox.com, events.mapbox.com), with your IP address and a random identifier that it stores in your browser for this.",
    ]);
  });
});
