// A glyph outline as a signed distance field, the form MapLibre and Mapbox GL draw map text from
// (any size, crisp, with a halo). Computed from the vector outline itself — the distance from each
// pixel centre to the nearest edge — rather than by rasterising first, so it needs no canvas and no
// native code. The constants are the ones every glyph server uses (fontnik, and the renderers'
// shaders expect them): glyphs drawn at 24 px, 3 px of padding, edge at value 192, 8 px range.

/** Drawing commands of an outline in font units, y up (harfbuzz's glyphToJson). */
export interface OutlineCommand {
  type: string;
  values: number[];
}

export interface GlyphBitmap {
  /** (width + 2·BUFFER) × (height + 2·BUFFER) bytes, rows from the top; empty for blank glyphs. */
  bitmap: Uint8Array;
  width: number;
  height: number;
  /** Pixels from the pen position to the outline's left edge. */
  left: number;
  /** Pixels from the baseline up to the outline's top edge. */
  top: number;
}

export const GLYPH_SIZE = 24;
export const BUFFER = 3;
const RADIUS = 8;
const CUTOFF = 0.25;

type Point = [number, number];

/** The SDF of one outline, `scale` turning font units into pixels at {@link GLYPH_SIZE}. */
export function glyphSdf(commands: readonly OutlineCommand[], scale: number): GlyphBitmap {
  const rings = flatten(commands, scale);
  const blank: GlyphBitmap = { bitmap: new Uint8Array(0), width: 0, height: 0, left: 0, top: 0 };
  if (rings.length === 0) return blank;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of rings) {
    for (const [x, y] of ring) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  const left = Math.round(minX);
  const bottom = Math.round(minY);
  const width = Math.round(maxX) - left;
  const height = Math.round(maxY) - bottom;
  if (width <= 0 || height <= 0) return blank;

  const segments = toSegments(rings);
  const w = width + 2 * BUFFER;
  const h = height + 2 * BUFFER;
  const bitmap = new Uint8Array(w * h);
  for (let row = 0; row < h; row++) {
    // Row 0 is the top; outline coordinates grow upwards.
    const y = bottom - BUFFER + (h - row) - 0.5;
    for (let column = 0; column < w; column++) {
      const x = left - BUFFER + column + 0.5;
      let distance = Math.sqrt(nearestSquared(segments, x, y, RADIUS * RADIUS));
      if (inside(segments, x, y)) distance = -distance;
      const value = (distance * 256) / RADIUS + CUTOFF * 256;
      bitmap[row * w + column] = 255 - Math.max(0, Math.min(255, Math.trunc(value)));
    }
  }
  return { bitmap, width, height, left, top: bottom + height };
}

/** Closed rings of points in pixels; curves become short straight pieces. */
function flatten(commands: readonly OutlineCommand[], scale: number): Point[][] {
  const rings: Point[][] = [];
  let ring: Point[] = [];
  const close = () => {
    if (ring.length > 2) {
      const [fx, fy] = ring[0]!;
      const [lx, ly] = ring[ring.length - 1]!;
      if (fx !== lx || fy !== ly) ring.push([fx, fy]);
      rings.push(ring);
    }
    ring = [];
  };
  const at = (i: number, values: number[]): Point => [values[i]! * scale, values[i + 1]! * scale];
  for (const { type, values } of commands) {
    if (type === "M") {
      close();
      ring.push(at(0, values));
    } else if (type === "L") {
      ring.push(at(0, values));
    } else if (type === "Q" && ring.length) {
      const p0 = ring[ring.length - 1]!;
      const c = at(0, values);
      const p1 = at(2, values);
      const steps = curveSteps(p0, c, p1);
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const u = 1 - t;
        ring.push([u * u * p0[0] + 2 * u * t * c[0] + t * t * p1[0], u * u * p0[1] + 2 * u * t * c[1] + t * t * p1[1]]);
      }
    } else if (type === "C" && ring.length) {
      const p0 = ring[ring.length - 1]!;
      const c1 = at(0, values);
      const c2 = at(2, values);
      const p1 = at(4, values);
      const steps = curveSteps(p0, c1, c2, p1);
      for (let i = 1; i <= steps; i++) {
        const t = i / steps;
        const u = 1 - t;
        const a = u * u * u;
        const b = 3 * u * u * t;
        const d = 3 * u * t * t;
        const e = t * t * t;
        ring.push([a * p0[0] + b * c1[0] + d * c2[0] + e * p1[0], a * p0[1] + b * c1[1] + d * c2[1] + e * p1[1]]);
      }
    } else if (type === "Z") {
      close();
    }
  }
  close();
  return rings;
}

/** Enough straight pieces that none strays more than a small fraction of a pixel from the curve. */
function curveSteps(...points: Point[]): number {
  let length = 0;
  for (let i = 1; i < points.length; i++) length += Math.hypot(points[i]![0] - points[i - 1]![0], points[i]![1] - points[i - 1]![1]);
  return Math.max(2, Math.min(16, Math.ceil(length / 1.5)));
}

/** Segments as flat [x1, y1, x2, y2, …] for fast loops. */
function toSegments(rings: Point[][]): Float64Array {
  const count = rings.reduce((n, ring) => n + ring.length - 1, 0);
  const out = new Float64Array(count * 4);
  let i = 0;
  for (const ring of rings) {
    for (let k = 1; k < ring.length; k++) {
      out[i++] = ring[k - 1]![0];
      out[i++] = ring[k - 1]![1];
      out[i++] = ring[k]![0];
      out[i++] = ring[k]![1];
    }
  }
  return out;
}

function nearestSquared(s: Float64Array, x: number, y: number, limit: number): number {
  let best = limit;
  for (let i = 0; i < s.length; i += 4) {
    const ax = s[i]!;
    const ay = s[i + 1]!;
    const dx = s[i + 2]! - ax;
    const dy = s[i + 3]! - ay;
    const lengthSquared = dx * dx + dy * dy;
    let t = lengthSquared === 0 ? 0 : ((x - ax) * dx + (y - ay) * dy) / lengthSquared;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const px = ax + t * dx - x;
    const py = ay + t * dy - y;
    const d = px * px + py * py;
    if (d < best) best = d;
  }
  return best;
}

/**
 * Non-zero winding: fonts draw accented and composite letters from overlapping contours, where
 * an even-odd rule would punch holes.
 */
function inside(s: Float64Array, x: number, y: number): boolean {
  let winding = 0;
  for (let i = 0; i < s.length; i += 4) {
    const ax = s[i]!;
    const ay = s[i + 1]!;
    const bx = s[i + 2]!;
    const by = s[i + 3]!;
    if (ay <= y) {
      if (by > y && (bx - ax) * (y - ay) - (x - ax) * (by - ay) > 0) winding++;
    } else if (by <= y && (bx - ax) * (y - ay) - (x - ax) * (by - ay) < 0) winding--;
  }
  return winding !== 0;
}
