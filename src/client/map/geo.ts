// Point in the planning area (ray casting; the collector checks again with turf) and the nearest
// named place, for "Marker placed near Marktbrunnen, inside the planning area".
import type { FeatureCollection, Position } from "geojson";

function inRing(point: [number, number], ring: Position[]): boolean {
  let inside = false;
  const [x, y] = point;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(point: [number, number], rings: Position[][]): boolean {
  const [outer, ...holes] = rings;
  return !!outer && inRing(point, outer) && !holes.some((hole) => inRing(point, hole));
}

export function pointInArea(point: [number, number], area: FeatureCollection): boolean {
  return area.features.some((f) => {
    const g = f.geometry;
    if (g?.type === "Polygon") return inPolygon(point, g.coordinates);
    if (g?.type === "MultiPolygon") return g.coordinates.some((p) => inPolygon(point, p));
    return false;
  });
}

/** Distance in metres (equirectangular; fine within a city). */
export function metres(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const x = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad);
  const y = (b[1] - a[1]) * rad;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

export function nearest<T extends { coordinates: [number, number] }>(point: [number, number], places: T[]): { place: T; distance: number } | undefined {
  let best: { place: T; distance: number } | undefined;
  for (const place of places) {
    const distance = metres(point, place.coordinates);
    if (!best || distance < best.distance) best = { place, distance };
  }
  return best;
}

export function bounds(collection: FeatureCollection): [[number, number], [number, number]] {
  let minX = 180, minY = 90, maxX = -180, maxY = -90;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number") {
      const [x, y] = c as [number, number];
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of collection.features) if (f.geometry && "coordinates" in f.geometry) visit(f.geometry.coordinates);
  return [[minX, minY], [maxX, maxY]];
}
