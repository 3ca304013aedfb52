// Where a value of the merged campaign was written. The merged data forgets whether a field came
// from site.json or campaign.json; this map answers it by walking both ASTs with the same rules as
// the merge (campaign wins, objects merged key by key, arrays replaced), so problems point at the
// line the author has to change.
import type { MemberNode, ValueNode } from "@humanwhocodes/momoa";
import { keyOf } from "./parse-json.js";

export interface SourceFile {
  /** Path as shown to the user (relative to the working directory). */
  file: string;
  /** Absolute path. */
  path: string;
  root: ValueNode;
}

export interface Location {
  file: string;
  line: number;
  column: number;
}

export interface Resolved {
  source: SourceFile;
  node: ValueNode;
  /** The member whose value `node` is; undefined for the root and array elements. */
  member?: MemberNode;
  /** False when the pointer goes deeper than the files do; `node` is then the deepest ancestor found. */
  exact: boolean;
}

export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, "~0").replace(/\//g, "~1");
}

export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => "/" + escapePointerSegment(s)).join("");
}

export function fromPointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Appends segments to a pointer. */
export function childPointer(pointer: string, ...segments: (string | number)[]): string {
  return pointer + toPointer(segments);
}

export class SourceMap {
  /** Highest precedence first: campaign.json, then site.json. */
  constructor(readonly sources: readonly SourceFile[]) {}

  resolve(pointer: string): Resolved {
    let layers: Omit<Resolved, "exact">[] = this.sources.map((source) => ({ source, node: source.root }));
    for (const segment of fromPointer(pointer)) {
      const next: Omit<Resolved, "exact">[] = [];
      for (const layer of layers) {
        const child = childOf(layer.node, segment);
        if (child) next.push({ source: layer.source, ...child });
      }
      const winner = next[0];
      if (!winner) return { ...layers[0]!, exact: false };
      // Lower layers only contribute when both sides are objects, exactly as in mergeCampaign.
      layers = winner.node.type === "Object" ? next.filter((n) => n.node.type === "Object") : [winner];
    }
    return { ...layers[0]!, exact: true };
  }

  /** Position of the value at `pointer` (of its nearest written ancestor when it is missing). */
  valueLocation(pointer: string): Location {
    const { source, node } = this.resolve(pointer);
    return { file: source.file, ...start(node) };
  }

  /** Position of the key of the member at `pointer`; the value's position for array elements. */
  keyLocation(pointer: string): Location {
    const { source, node, member, exact } = this.resolve(pointer);
    const at = exact && member ? member.name : node;
    return { file: source.file, ...start(at) };
  }

  /** The file that holds the value at `pointer`. */
  sourceOf(pointer: string): SourceFile {
    return this.resolve(pointer).source;
  }
}

function start(node: { loc: { start: { line: number; column: number } } }): { line: number; column: number } {
  return { line: node.loc.start.line, column: node.loc.start.column };
}

function childOf(node: ValueNode, segment: string): { node: ValueNode; member?: MemberNode } | undefined {
  if (node.type === "Object") {
    const member = node.members.findLast((m) => keyOf(m) === segment);
    return member && { node: member.value, member };
  }
  if (node.type === "Array" && /^(0|[1-9]\d*)$/.test(segment)) {
    const element = node.elements[Number(segment)];
    return element && { node: element.value };
  }
  return undefined;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPlainObject(value: unknown): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** site.json under campaign.json: campaign wins, objects merged key by key, arrays replaced. */
export function mergeCampaign(campaign: unknown, site: unknown): unknown {
  if (!isPlainObject(campaign) || !isPlainObject(site)) return campaign;
  const merged: Record<string, unknown> = { ...site };
  for (const [key, value] of Object.entries(campaign)) {
    merged[key] = key in site ? mergeCampaign(value, site[key]) : value;
  }
  return merged;
}
