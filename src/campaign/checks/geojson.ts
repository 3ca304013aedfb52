// Maps: the area and layers are valid GeoJSON, the map opens inside its area, named places lie in
// it, and a Mapbox map has its token. A broken ring or a swapped [lat, lng] would otherwise show an
// empty map to citizens, or reject every contribution as "outside the area".
import { readFile } from "node:fs/promises";
import { evaluate } from "@humanwhocodes/momoa";
import { geoJsonIssues, pointInArea, type GeoIssue, type GeoKind } from "../geo.js";
import { parseJsonFile } from "../parse-json.js";
import { childPointer, SourceMap, toPointer } from "../positions.js";
import { asRecords, isRecord, maps, type CheckContext } from "./context.js";
import { fileProblem } from "./images.js";

/** More issues than this in one GeoJSON source are summarised: the first ones show what is wrong. */
const MAX_ISSUES_PER_SOURCE = 5;

export async function checkMaps(ctx: CheckContext): Promise<void> {
  for (const [map, pointer] of maps(ctx)) {
    if (map.renderer === "mapbox" && typeof map.accessToken !== "string") {
      ctx.error(`${pointer}/renderer`, 'renderer "mapbox" needs "accessToken" (a public Mapbox token, "pk.…"); or use "maplibre", which needs none');
    }
    const area = await readGeoJson(ctx, `${pointer}/area`, map.area, "area");
    if (area !== undefined) {
      const label = typeof map.area === "string" ? `the area (${map.area})` : "the area";
      checkInside(ctx, `${pointer}/center`, map.center, area, `the map center`, label);
      for (const [place, i] of asRecords(map.places)) {
        checkInside(ctx, `${pointer}/places/${i}/coordinates`, place.coordinates, area, `place "${String(place.id)}"`, label);
      }
    }
    for (const [layer, i] of asRecords(map.layers)) await readGeoJson(ctx, `${pointer}/layers/${i}/data`, layer.data, "any");
  }
}

/** The GeoJSON at `pointer` (a path or inline), or undefined after reporting why it is unusable. */
export async function readGeoJson(ctx: CheckContext, pointer: string, source: unknown, kind: GeoKind): Promise<unknown> {
  if (typeof source === "string") {
    const problem = await fileProblem(ctx, pointer, "GeoJSON");
    const asset = ctx.asset(pointer);
    if (problem || !asset) {
      if (problem) ctx.error(pointer, problem);
      return undefined;
    }
    const parsed = parseJsonFile(await readFile(asset.file, "utf8"), asset.written, '{ "type": "FeatureCollection", "features": [ … ] }');
    if (!parsed.ok) {
      const { line, column, message } = parsed.problem;
      ctx.error(pointer, `${asset.written} is not valid JSON: line ${line}, column ${column}: ${message}`);
      return undefined;
    }
    const value = evaluate(parsed.document.body);
    const issues = geoJsonIssues(value, kind);
    // The campaign pointer ends at the file name; the line in the GeoJSON file finds the spot.
    const inFile = new SourceMap([{ file: asset.written, path: asset.file, root: parsed.document.body }]);
    report(ctx, issues, (issue) => {
      const { line, column } = inFile.valueLocation(toPointer(issue.path));
      return [pointer, `${asset.written}:${line}:${column}: ${issue.where ? issue.where + ": " : ""}${issue.message}`];
    });
    return issues.length === 0 ? value : undefined;
  }
  if (!isRecord(source)) return undefined;
  const issues = geoJsonIssues(source, kind);
  report(ctx, issues, (issue) => [childPointer(pointer, ...issue.path), `${issue.where ? issue.where + ": " : ""}${issue.message}`]);
  return issues.length === 0 ? source : undefined;
}

function report(ctx: CheckContext, issues: GeoIssue[], place: (issue: GeoIssue) => [string, string]): void {
  for (const issue of issues.slice(0, MAX_ISSUES_PER_SOURCE)) ctx.error(...place(issue));
  if (issues.length > MAX_ISSUES_PER_SOURCE) {
    const [pointer, message] = place(issues[MAX_ISSUES_PER_SOURCE]!);
    ctx.error(pointer, `${message} (and ${issues.length - MAX_ISSUES_PER_SOURCE - 1} more problems in this GeoJSON)`);
  }
}

function checkInside(ctx: CheckContext, pointer: string, point: unknown, area: unknown, what: string, areaLabel: string): void {
  if (!Array.isArray(point) || point.length !== 2 || !point.every((n) => typeof n === "number")) return;
  const [lng, lat] = point as [number, number];
  if (pointInArea([lng, lat], area)) return;
  const swapped = pointInArea([lat, lng], area) ? ` — [${lat}, ${lng}] would be inside: positions are [longitude, latitude]` : "";
  ctx.error(pointer, `${what} [${lng}, ${lat}] lies outside ${areaLabel}${swapped}`);
}
