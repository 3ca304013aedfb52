#!/usr/bin/env node
// Draws the fictional Musterstadt around the Marktplatz of the example campaign as GeoJSON — the
// example's self-hosted basemap (basemap.geojson): named streets, the river Muster, two parks,
// buildings in perimeter blocks, the railway and a few place names. The Marktplatz, its area and the
// places of campaigns/marktplatz/campaign.json sit where that file says; everything is laid out in
// metres around the Marktbrunnen and converted to longitude/latitude. Deterministic; re-run after
// changing the drawing:
//
//   node scripts/make-example-basemap.mjs
//
// Outputs (campaigns/marktplatz/media/): basemap-strassen, -gebaeude, -gewaesser, -gruen, -bahn,
// -orte .geojson

import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { rng } from "./deterministic-random.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const media = root + "campaigns/marktplatz/media/";

// The Marktbrunnen (campaign.json, places) is the origin; x east, y north, in metres.
const ORIGIN = [7.0, 50.94];
const M_PER_DEG_LAT = 111_229;
const M_PER_DEG_LNG = 111_320 * Math.cos((ORIGIN[1] * Math.PI) / 180);
const lngLat = ([x, y]) => [round(ORIGIN[0] + x / M_PER_DEG_LNG), round(ORIGIN[1] + y / M_PER_DEG_LAT)];
const round = (v) => Math.round(v * 1e6) / 1e6;

const feature = (geometry, properties = {}) => ({ type: "Feature", properties, geometry });
/** Street centre lines and open areas in metres, to keep buildings off them. */
const streetLines = [];
const openAreas = [];
const line = (points, properties) => {
  if (properties?.name !== "Muster" && properties?.class !== "rail") streetLines.push({ points, clearance: CLEARANCE[properties?.class] ?? 7 });
  return feature({ type: "LineString", coordinates: points.map(lngLat) }, properties);
};
// Half a street's drawn width at zoom 16–17 plus a pavement, in metres.
const CLEARANCE = { major: 11, minor: 7, service: 6, path: 3 };
const closed = (points) => [...points, points[0]].map(lngLat);
const polygon = (points, properties, holes = []) => {
  if (properties && properties.name !== undefined ? !["Rathaus", "St. Lamberti", "Bahnhof"].includes(properties.name) : properties?.class || properties?.art) openAreas.push(points);
  return feature({ type: "Polygon", coordinates: [closed(points), ...holes.map(closed)] }, properties);
};
const rect = (x0, y0, x1, y1) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];

// ---------------------------------------------------------------- the river Muster

const riverY = (x) => 330 + 25 * Math.sin((x + 200) / 260);
const RIVER_HALF_WIDTH = 14;
const riverXs = Array.from({ length: 49 }, (_, i) => -1200 + i * 50);
const water = [
  polygon([...riverXs.map((x) => [x, riverY(x) - RIVER_HALF_WIDTH]), ...riverXs.slice().reverse().map((x) => [x, riverY(x) + RIVER_HALF_WIDTH])], { art: "fluss" }),
  // The centre line carries the name, so the label follows the river.
  line(riverXs.map((x) => [x, riverY(x)]), { name: "Muster", class: "river" }),
  // A pond in the Stadtgarten.
  polygon(Array.from({ length: 24 }, (_, i) => [-300 + 38 * Math.cos((i / 24) * 2 * Math.PI), 215 + 22 * Math.sin((i / 24) * 2 * Math.PI)]), { name: "Schwanenteich", class: "pond" }),
];

// ---------------------------------------------------------------- streets (centre lines)

const streets = [
  line([[-1200, -30], [-700, -45], [-400, -56], [-96, -62], [118, -62], [500, -74], [720, -72], [1200, -62]], { name: "Marktstraße", class: "major" }),
  line([[118, -62], [118, 74], [124, 200], [132, riverY(132)]], { name: "Hauptstraße", class: "major" }),
  line([[132, riverY(132)], [140, 470], [152, 800]], { name: "Brückenstraße", class: "major" }),
  line([[118, -62], [112, -250], [104, -400]], { name: "Bahnhofstraße", class: "major" }),
  line([[-700, -700], [-700, -45], [-706, 140], [-712, riverY(-712)], [-720, 800]], { name: "Westring", class: "major" }),
  line([[720, -700], [720, -72], [726, 180], [732, riverY(732)], [740, 800]], { name: "Ostring", class: "major" }),
  line([[-96, 76], [0, 79], [118, 74]], { name: "Am Rathaus", class: "minor" }),
  line([[-96, -38], [-170, -38], [-196, -8]], { name: "Kirchgasse", class: "minor" }),
  line([[-700, -160], [118 - 3, -160]], { name: "Klostergasse", class: "minor" }),
  line([[-700, -250], [720, -252]], { name: "Schulstraße", class: "minor" }),
  line([[-150, -58], [-150, -250]], { name: "Bäckergasse", class: "minor" }),
  line([[-520, -50], [-520, -250], [-520, -400]], { name: "Westgasse", class: "minor" }),
  line([[-335, -400], [-335, -250], [-335, -54], [-335, 140]], { name: "Lindenstraße", class: "minor" }),
  line([[300, -66], [300, -252], [300, -400]], { name: "Rosenstraße", class: "minor" }),
  line([[510, -70], [510, 180], [516, 262]], { name: "Mühlenweg", class: "minor" }),
  line([[124, 180], [726, 180]], { name: "Gartenstraße", class: "minor" }),
  line([[-706, 140], [118, 140]], { name: "Parkstraße", class: "minor" }),
  line([[-712, 480], [140, 470], [740, 480]], { name: "Nordstraße", class: "minor" }),
  line([[-300, 402], [-300, 470], [-300, 700]], { name: "Wiesenweg", class: "minor" }),
  line([[420, 478], [420, 700]], { name: "Am Anger", class: "minor" }),
  line([[-700, -400], [720, -404]], { name: "Am Güterbahnhof", class: "service" }),
  // Paths: along the river, through the Stadtgarten.
  line(riverXs.filter((x) => x > -700 && x < 720).map((x) => [x, riverY(x) - 32]), { name: "Uferweg", class: "path" }),
  line([[-515, 160], [-420, 190], [-340, 205]], { class: "path" }),
  line([[-260, 215], [-200, 190], [-146, 150]], { class: "path" }),
  line([[-300, 146], [-300, 190]], { class: "path" }),
  line([[-300, 240], [-310, riverY(-310) - 32]], { class: "path" }),
];

// Pedestrian areas: the Marktplatz (inside the campaign's area), the Kirchplatz, the station forecourt.
const pedestrian = [
  polygon([[-90, -50], [86, -52], [96, -30], [92, 64], [28, 70], [-62, 64], [-92, 14]], { class: "pedestrian" }),
  polygon([[-312, -6], [-178, -6], [-170, 70], [-312, 70]], { class: "pedestrian" }),
  polygon(rect(52, -404, 164, -378), { class: "pedestrian" }),
];

// ---------------------------------------------------------------- green areas

const green = [
  polygon([[-514, 148], [-146, 148], [-146, 260], [-300, riverY(-300) - 38], [-514, riverY(-514) - 38]], { name: "Stadtgarten", class: "park" }),
  polygon([[200, 400], [600, 402], [600, 560], [200, 556]], { name: "Bürgerwiese", class: "park" }),
  polygon([[-1200, 760], [-760, 760], [-760, 1000], [-1200, 1000]], { name: "Stadtwald", class: "forest" }),
];

// ---------------------------------------------------------------- rail

const railY = (x) => -440 - 0.00003 * x * x;
const railXs = Array.from({ length: 49 }, (_, i) => -1200 + i * 50);
const rail = [line(railXs.map((x) => [x, railY(x)]), { name: "Bahnstrecke Köln–Musterstadt", class: "rail" })];

// ---------------------------------------------------------------- buildings

const rand = rng(1896); // the year of the Marktbrunnen
const buildings = [];

/** Houses around the edge of a block (x0..x1 × y0..y1, already set back from the streets), a courtyard inside. */
function perimeterBlock(x0, y0, x1, y1, depth = 12) {
  const w = x1 - x0;
  const h = y1 - y0;
  if (w < 8 || h < 8) return;
  const d = Math.min(depth, w / 2 - 2, h / 2 - 2);
  if (d < 7) {
    house(rect(x0, y0, x1, y1));
    return;
  }
  const row = (from, to, place) => {
    let at = from;
    while (to - at > 6) {
      const width = Math.min(to - at, rand.range(9, 19));
      const last = to - at - width < 7;
      const end = last ? to : at + width;
      // Now and then a gap (a gateway, a yard) between houses.
      if (rand() > 0.12) house(place(at, end));
      at = end + (last ? 0 : rand() > 0.85 ? 4 : 0);
    }
  };
  row(x0, x1, (a, b) => rect(a, y0, b, y0 + d * rand.range(0.8, 1))); // south side
  row(x0, x1, (a, b) => rect(a, y1 - d * rand.range(0.8, 1), b, y1)); // north side
  row(y0 + d, y1 - d, (a, b) => rect(x0, a, x0 + d * rand.range(0.8, 1), b)); // west side
  row(y0 + d, y1 - d, (a, b) => rect(x1 - d * rand.range(0.8, 1), a, x1, b)); // east side
}

/** A house, unless it would stand on a street, in the river, a park or a square. */
function house(points) {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (const [x, y, clearance] of streetSamples) {
    const c = clearance - 0.5;
    if (x > x0 - c && x < x1 + c && y > y0 - c && y < y1 + c) return;
  }
  const corners = [...points, [(x0 + x1) / 2, (y0 + y1) / 2]];
  if (openAreas.some((area) => corners.some((p) => inside(p, area)) || area.some(([x, y]) => x > x0 && x < x1 && y > y0 && y < y1))) return;
  buildings.push(polygon(points));
}

function inside([x, y], ring) {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

/** Points every 2 m along the streets, with how far houses keep from them. */
const streetSamples = streetLines.flatMap(({ points, clearance }) =>
  points.slice(1).flatMap(([bx, by], i) => {
    const [ax, ay] = points[i];
    const steps = Math.ceil(Math.hypot(bx - ax, by - ay) / 2);
    return Array.from({ length: steps + 1 }, (_, k) => [ax + ((bx - ax) * k) / steps, ay + ((by - ay) * k) / steps, clearance]);
  }),
);

/** How far a block's side (a street's centre line) sets its houses back: the widest street running along it. */
function setBack(ax, ay, bx, by) {
  const horizontal = ay === by;
  let widest = 0;
  for (const [x, y, clearance] of streetSamples) {
    // Along the side, not at its corners (where the cross street is).
    const along = horizontal ? x > Math.min(ax, bx) + 25 && x < Math.max(ax, bx) - 25 && Math.abs(y - ay) < 14 : y > Math.min(ay, by) + 25 && y < Math.max(ay, by) - 25 && Math.abs(x - ax) < 14;
    if (along) widest = Math.max(widest, clearance + (horizontal ? Math.abs(y - ay) : Math.abs(x - ax)));
  }
  return (widest || 6) + 0.5;
}

/** A block between four street lines (their centre lines), set back from each as far as its street needs. */
const block = (west, south, east, north, depth) =>
  perimeterBlock(west + setBack(west, south, west, north), south + setBack(west, south, east, south), east - setBack(east, south, east, north), north - setBack(west, north, east, north), depth);

// Old town south of the Marktstraße.
const southColumns = [-700, -520, -335, -150, 115, 300, 510, 720];
for (let i = 0; i + 1 < southColumns.length; i++) {
  const [west, east] = [southColumns[i], southColumns[i + 1]];
  if (west < 115) block(west, -160, east, -56);
  else block(west, -160, east, -68);
  block(west, -250, east, -160);
  // Between Schulstraße and the goods station: larger workshops and flats, but not the station forecourt.
  if (west === -150) {
    block(-150, -400, 46, -250, 16);
  } else if (west === 115) block(170, -400, east, -250, 16);
  else block(west, -400, east, -250, 16);
}
// West of the square and the church, north of the Marktstraße.
block(-700, -45, -520, 140);
block(-520, -50, -335, 140);
block(-335, -56, -150, -6);
block(-150, -30, -104, 70, 10);
block(-150, -60, -104, -38, 8);
block(-312, 70, -150, 140, 12);
// North of the square: the Rathaus in the middle, houses either side.
block(-104, 76, -50, 140);
block(50, 76, 118, 140);
buildings.push(polygon([[-40, 88], [40, 88], [40, 126], [14, 126], [14, 134], [-14, 134], [-14, 126], [-40, 126]], { name: "Rathaus" }));
// Between the Parkstraße and the river, east of the Stadtgarten.
block(-146, 140, 124, 262);
// East of the Hauptstraße.
for (const [west, east] of [[118, 300], [300, 510], [510, 720]]) {
  block(west, -68, east, 180);
  block(west, 180, east, 262);
}
// West of the Stadtgarten.
block(-706, 140, -514, 262);
// North of the river (Nordstadt), around the Bürgerwiese.
block(-712, 402, -300, 480);
block(-300, 402, 140, 475);
block(140, 402, 200, 480);
block(600, 402, 740, 480);
block(-712, 480, -300, 700);
block(-300, 475, 140, 700);
block(140, 560, 420, 700);
block(420, 480, 740, 700);
// St. Lamberti: nave, transept, tower.
buildings.push(polygon([[-286, 22], [-214, 22], [-214, 28], [-246, 28], [-246, 14], [-258, 14], [-258, 28], [-262, 28], [-262, 44], [-258, 44], [-258, 58], [-246, 58], [-246, 44], [-214, 44], [-214, 50], [-286, 50]], { name: "St. Lamberti" }));
buildings.push(polygon(rect(-300, 26, -286, 46), {}));
// The station building.
buildings.push(polygon(rect(60, -426, 156, -410), { name: "Bahnhof" }));

// ---------------------------------------------------------------- place names

const places = [
  feature({ type: "Point", coordinates: lngLat([-420, -200]) }, { name: "Altstadt", class: "district" }),
  feature({ type: "Point", coordinates: lngLat([-150, 600]) }, { name: "Nordstadt", class: "district" }),
  feature({ type: "Point", coordinates: lngLat([600, -330]) }, { name: "Südviertel", class: "district" }),
  feature({ type: "Point", coordinates: lngLat([-62, -22]) }, { name: "Marktplatz", class: "square" }),
  feature({ type: "Point", coordinates: lngLat([-240, 64]) }, { name: "Kirchplatz", class: "square" }),
  feature({ type: "Point", coordinates: lngLat([0, 108]) }, { name: "Rathaus", class: "landmark" }),
  feature({ type: "Point", coordinates: lngLat([-250, 4]) }, { name: "St. Lamberti", class: "landmark" }),
  feature({ type: "Point", coordinates: lngLat([108, -388]) }, { name: "Bahnhof Musterstadt", class: "station" }),
];

// ---------------------------------------------------------------- write

const collection = (features) => JSON.stringify({ type: "FeatureCollection", features }, null, 0).replace(/\},\{"type":"Feature"/g, '},\n{"type":"Feature"') + "\n";
const outputs = {
  "basemap-strassen.geojson": [...streets, ...pedestrian],
  "basemap-gebaeude.geojson": buildings,
  "basemap-gewaesser.geojson": water,
  "basemap-gruen.geojson": green,
  "basemap-bahn.geojson": rail,
  "basemap-orte.geojson": places,
};
for (const [name, features] of Object.entries(outputs)) await writeFile(media + name, collection(features));

// The campaign's own positions must fall where this drawing expects them (the square, its streets).
const campaign = JSON.parse(await readFile(root + "campaigns/marktplatz/campaign.json", "utf8"));
const brunnen = campaign.pages.find((p) => p.type === "map")?.map.places.find((p) => p.id === "brunnen")?.coordinates;
if (!brunnen || Math.abs(brunnen[0] - ORIGIN[0]) > 0.0002 || Math.abs(brunnen[1] - ORIGIN[1]) > 0.0002) {
  throw new Error(`The Marktbrunnen moved (${brunnen}); move ORIGIN in this script with it.`);
}
console.log(`${buildings.length} buildings, ${streets.length} streets written to ${media}`);
