// GeoJSON types (RFC 7946) as the campaign model uses them.
export type { Feature, FeatureCollection, Geometry, Polygon, MultiPolygon, Position, Point } from "geojson";
