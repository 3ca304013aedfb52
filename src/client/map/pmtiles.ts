// The pmtiles protocol as its own module (bundled to /assets/mitreden-pmtiles.<hash>.js): only a map
// on a PMTiles basemap loads it, so other map pages do not carry its 19 KB.
export { Protocol } from "pmtiles";
