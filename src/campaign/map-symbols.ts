// How the map draws things, shared by the page (legend, filter, list: SVG) and the map script
// (markers: the same paths painted into images), so that a category looks the same everywhere.
// Categories differ by shape as well as colour (WCAG 1.4.1: not by colour alone): the campaign
// author may choose a category's `shape` (a "problem" as a triangle, as on warning signs); the
// others get the shapes nobody chose, in the order the campaign lists them. Each symbol sits on a small piece of the map's background, so
// that it keeps its colours and contrast on a dark page and in forced colours, as on the map.

/** Shapes in a 16 × 16 box, in the order categories get them (then again from the first). */
export const SHAPES = {
  circle: "M14.5 8A6.5 6.5 0 1 1 1.5 8A6.5 6.5 0 1 1 14.5 8Z",
  square: "M2.25 2.25H13.75V13.75H2.25Z",
  triangle: "M8 1L15.2 14H0.8Z",
  diamond: "M8 0.4L15.6 8L8 15.6L0.4 8Z",
  "triangle-down": "M0.8 2H15.2L8 15Z",
  hexagon: "M4.4 1.2H11.6L15.4 8L11.6 14.8H4.4L0.6 8Z",
} as const;

export type Shape = keyof typeof SHAPES;
const ORDER = Object.keys(SHAPES) as Shape[];

/** The shape of the campaign's `index`-th category when no category chose one. */
export function categoryShape(index: number): Shape {
  return ORDER[index % ORDER.length]!;
}

/** Whether `value` names a shape (the schema's enum for a category's `shape` lists the same). */
export function isShape(value: unknown): value is Shape {
  return typeof value === "string" && Object.hasOwn(SHAPES, value);
}

/**
 * Every category's shape: the one it chose, or else the next shape no category chose, in order
 * (all over again once every shape is taken), so that a chosen shape does not also turn up as
 * another category's default.
 */
export function categoryShapes(chosen: readonly (Shape | undefined)[]): Shape[] {
  const taken = new Set(chosen.filter((s): s is Shape => s !== undefined));
  const free = ORDER.filter((s) => !taken.has(s));
  let next = 0;
  return chosen.map((shape) => shape ?? (free.length ? free[next++ % free.length]! : categoryShape(next++)));
}

/** The map's plain background (src/client/map/basemap.ts), behind every legend symbol. */
export const MAP_BACKGROUND = "#f3f1ec";
/** The outline around each marker: dark, then white, so it shows on light and dark map areas. */
export const MARKER_OUTLINE = "#1b1b1b";

/** Escapes a value for an SVG attribute (colours come from the campaign file). */
function attr(value: string): string {
  return value.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function svg(body: string): string {
  // The piece of map background: 20 × 20 around the 16 × 16 symbol.
  return `<svg class="mr-swatch" viewBox="-2 -2 20 20" width="20" height="20" aria-hidden="true" focusable="false"><rect x="-2" y="-2" width="20" height="20" rx="3" fill="${MAP_BACKGROUND}"/>${body}</svg>`;
}

/** A category's marker as SVG markup, as the map draws it. */
export function categorySymbol(shape: Shape, color: string): string {
  const d = SHAPES[shape];
  return svg(
    `<path d="${d}" fill="none" stroke="${MARKER_OUTLINE}" stroke-width="3.5" stroke-linejoin="round"/><path d="${d}" fill="none" stroke="#fff" stroke-width="2" stroke-linejoin="round"/><path d="${d}" fill="${attr(color)}"/>`,
  );
}

/** A layer's point as the map draws it: a white circle ringed in the layer's colour. */
export function layerSymbol(color: string): string {
  return svg(`<circle cx="8" cy="8" r="5" fill="#fff" stroke="${attr(color)}" stroke-width="3"/>`);
}

/** The planning area: its dashed line and light fill. */
export function areaSymbol(): string {
  return svg(`<rect x="1.5" y="1.5" width="13" height="13" fill="#0b5394" fill-opacity=".08" stroke="#0b5394" stroke-width="2.5" stroke-dasharray="4 2"/>`);
}

/** The person's own point: the dark pin with its yellow top (.mr-own-marker). */
export function ownPointSymbol(): string {
  return svg(`<path d="M2.5 0.5H13.5V6L8 15.5L2.5 6Z" fill="#1b1b1b" stroke="#fff" stroke-width="1"/><path d="M2.5 0.5H13.5V3H2.5Z" fill="#ffbf47"/>`);
}
