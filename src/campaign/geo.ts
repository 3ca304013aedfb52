// GeoJSON (RFC 7946) checks for map areas and layers, and "is this point inside the area".
// Issues carry a path into the GeoJSON and a label ("feature 2, ring 0") because a file has no
// JSON pointer the author can see, only features and rings they can count.
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import type { Feature, MultiPolygon, Polygon } from "./geojson.js";

export interface GeoIssue {
  /** Path inside the GeoJSON value. */
  path: (string | number)[];
  /** Where, in words: "feature 2, ring 0"; empty for the root. */
  where: string;
  message: string;
}

/** "area": Polygon/MultiPolygon, or a Feature or FeatureCollection of them. "any": any GeoJSON object. */
export type GeoKind = "area" | "any";

const GEOMETRY_TYPES = ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"];
const AREA_TYPES = ["Polygon", "MultiPolygon"];

interface Walk {
  issues: GeoIssue[];
  kind: GeoKind;
}

export function geoJsonIssues(value: unknown, kind: GeoKind): GeoIssue[] {
  const walk: Walk = { issues: [], kind };
  const type = typeOf(value);
  if (type === "FeatureCollection") featureCollection(walk, value as Record<string, unknown>);
  else if (type === "Feature") feature(walk, value as Record<string, unknown>, [], []);
  else geometry(walk, value, [], []);
  return walk.issues;
}

function typeOf(value: unknown): unknown {
  return typeof value === "object" && value !== null ? (value as { type?: unknown }).type : undefined;
}

function report(walk: Walk, path: (string | number)[], labels: string[], message: string): void {
  walk.issues.push({ path, where: labels.join(", "), message });
}

function featureCollection(walk: Walk, value: Record<string, unknown>): void {
  const features = value.features;
  if (!Array.isArray(features)) return report(walk, [], [], 'a FeatureCollection needs "features": [ … ]');
  if (walk.kind === "area" && features.length === 0) return report(walk, ["features"], [], "the area has no features");
  features.forEach((f, i) => {
    if (typeOf(f) !== "Feature") return report(walk, ["features", i], [`feature ${i}`], 'must be { "type": "Feature", "geometry": …, "properties": … }');
    feature(walk, f as Record<string, unknown>, ["features", i], [`feature ${i}`]);
  });
}

function feature(walk: Walk, value: Record<string, unknown>, path: (string | number)[], labels: string[]): void {
  if (!("geometry" in value)) return report(walk, path, labels, 'a Feature needs "geometry"');
  if (value.properties !== undefined && value.properties !== null && (typeof value.properties !== "object" || Array.isArray(value.properties))) {
    report(walk, [...path, "properties"], labels, '"properties" must be an object or null');
  }
  if (value.geometry === null) {
    if (walk.kind === "area") report(walk, [...path, "geometry"], labels, "an area feature needs a Polygon or MultiPolygon geometry, not null");
    return;
  }
  geometry(walk, value.geometry, [...path, "geometry"], labels);
}

function geometry(walk: Walk, value: unknown, path: (string | number)[], labels: string[]): void {
  const type = typeOf(value);
  const allowed = walk.kind === "area" ? AREA_TYPES : GEOMETRY_TYPES;
  if (typeof type !== "string" || !allowed.includes(type)) {
    const what = walk.kind === "area" ? "a Polygon or MultiPolygon (or a Feature or FeatureCollection of them)" : "a GeoJSON geometry, Feature or FeatureCollection";
    return report(walk, [...path, "type"], labels, `${type === undefined ? "has no type" : `type ${JSON.stringify(type)} is not allowed`}: must be ${what}`);
  }
  const record = value as Record<string, unknown>;
  if (type === "GeometryCollection") {
    if (!Array.isArray(record.geometries)) return report(walk, path, labels, 'a GeometryCollection needs "geometries": [ … ]');
    record.geometries.forEach((g, i) => geometry(walk, g, [...path, "geometries", i], [...labels, `geometry ${i}`]));
    return;
  }
  const at = [...path, "coordinates"];
  const coordinates = record.coordinates;
  switch (type) {
    case "Point":
      return position(walk, coordinates, at, labels);
    case "MultiPoint":
      return list(walk, coordinates, at, labels, "point", (c, p, l) => position(walk, c, p, l));
    case "LineString":
      return line(walk, coordinates, at, labels);
    case "MultiLineString":
      return list(walk, coordinates, at, labels, "line", (c, p, l) => line(walk, c, p, l));
    case "Polygon":
      return polygon(walk, coordinates, at, labels);
    case "MultiPolygon":
      return list(walk, coordinates, at, labels, "polygon", (c, p, l) => polygon(walk, c, p, l));
  }
}

type Visit = (value: unknown, path: (string | number)[], labels: string[]) => void;

function list(walk: Walk, value: unknown, path: (string | number)[], labels: string[], noun: string, visit: Visit): void {
  if (!Array.isArray(value)) return report(walk, path, labels, '"coordinates" must be a list [ … ]');
  value.forEach((item, i) => visit(item, [...path, i], [...labels, `${noun} ${i}`]));
}

function line(walk: Walk, value: unknown, path: (string | number)[], labels: string[]): void {
  if (!Array.isArray(value)) return report(walk, path, labels, "a line must be a list of [lng, lat] positions");
  if (value.length < 2) report(walk, path, labels, `a line needs at least 2 positions, has ${value.length}`);
  value.forEach((p, i) => position(walk, p, [...path, i], [...labels, `position ${i}`]));
}

function polygon(walk: Walk, value: unknown, path: (string | number)[], labels: string[]): void {
  if (!Array.isArray(value) || value.length === 0) return report(walk, path, labels, "a polygon must be a list of rings [[lng, lat], …]");
  value.forEach((ring, r) => {
    const ringPath = [...path, r];
    const ringLabels = [...labels, `ring ${r}`];
    if (!Array.isArray(ring)) return report(walk, ringPath, ringLabels, "a ring must be a list of [lng, lat] positions");
    const before = walk.issues.length;
    ring.forEach((p, i) => position(walk, p, [...ringPath, i], [...ringLabels, `position ${i}`]));
    if (walk.issues.length > before) return;
    if (ring.length < 4) {
      return report(walk, ringPath, ringLabels, `a ring needs at least 4 positions (the last repeating the first), has ${ring.length}`);
    }
    const first = ring[0] as number[];
    const last = ring.at(-1) as number[];
    if (first[0] !== last[0] || first[1] !== last[1]) {
      report(walk, ringPath, ringLabels, `not closed: the last position ${showPosition(last)} must repeat the first ${showPosition(first)}`);
    }
  });
}

function position(walk: Walk, value: unknown, path: (string | number)[], labels: string[]): void {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3 || !value.every((n) => typeof n === "number" && Number.isFinite(n))) {
    return report(walk, path, labels, `a position must be [longitude, latitude], found ${Array.isArray(value) ? showPosition(value) : JSON.stringify(value)}`);
  }
  const [lng, lat] = value as [number, number];
  if (lng < -180 || lng > 180) report(walk, path, labels, `longitude ${lng} is outside -180…180`);
  if (lat < -90 || lat > 90) report(walk, path, labels, `latitude ${lat} is outside -90…90 — positions are [longitude, latitude]`);
}

function showPosition(position: unknown[]): string {
  return `[${position.map((n) => JSON.stringify(n)).join(", ")}]`;
}

/** The polygons of a valid area, as features turf understands. */
export function areaFeatures(area: unknown): Feature<Polygon | MultiPolygon>[] {
  const type = typeOf(area);
  if (type === "FeatureCollection") return (area as { features: Feature<Polygon | MultiPolygon>[] }).features;
  if (type === "Feature") return [area as Feature<Polygon | MultiPolygon>];
  return [{ type: "Feature", properties: {}, geometry: area as Polygon | MultiPolygon }];
}

/** Whether [lng, lat] lies inside (or on the edge of) any polygon of a valid area. */
export function pointInArea(point: readonly [number, number], area: unknown): boolean {
  return areaFeatures(area).some((f) => booleanPointInPolygon([point[0], point[1]], f));
}
