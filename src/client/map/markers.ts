// The contribution markers as images for the map's symbol layer: each category's shape
// (src/campaign/map-symbols.ts) in its colour, with a dark and a white outline, painted from the
// same SVG path the legend and the list show, at the screen's pixel density.
import { MARKER_OUTLINE, SHAPES, type Shape } from "../../campaign/map-symbols.js";

export const MARKER_PREFIX = "mr-marker-";
/** CSS pixels: a little larger than the old 16 px circles, so shapes can be told apart. */
const SIZE = 22;

export function markerImage(shape: Shape, color: string): ImageData {
  const ratio = window.devicePixelRatio || 1;
  const side = Math.ceil(SIZE * ratio);
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = side;
  const context = canvas.getContext("2d")!;
  // The 16-unit shape, centred, leaving room for the outlines.
  const scale = (side - 6 * ratio) / 16;
  context.translate(3 * ratio, 3 * ratio);
  context.scale(scale, scale);
  const path = new Path2D(SHAPES[shape]);
  context.lineJoin = "round";
  context.strokeStyle = MARKER_OUTLINE;
  context.lineWidth = 3.5;
  context.stroke(path);
  context.strokeStyle = "#ffffff";
  context.lineWidth = 2;
  context.stroke(path);
  context.fillStyle = color;
  context.fill(path);
  return context.getImageData(0, 0, side, side);
}
