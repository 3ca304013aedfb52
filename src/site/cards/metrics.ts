// Text widths from the font file itself, so titles are broken into lines and sized before Satori
// draws them: Satori cannot hyphenate and would otherwise wrap, or overflow, as it likes.
// Reads only `head`, `hhea`, `hmtx` and `cmap` (formats 4 and 12) of a TrueType font. Kerning is
// ignored; in Fira Sans it almost only tightens, so measured widths err on the safe (wider) side.

export interface FontMetrics {
  /** Width of `text` at `fontSize` px, without kerning. */
  width(text: string, fontSize: number): number;
}

export function fontMetrics(ttf: Uint8Array): FontMetrics {
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const tables = tableOffsets(view);
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = view.getUint16(table("head") + 18);
  const numberOfHMetrics = view.getUint16(table("hhea") + 34);
  const hmtx = table("hmtx");
  const glyphOf = cmap(view, table("cmap"));
  const advance = (glyph: number) => view.getUint16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));
  const cache = new Map<number, number>();

  return {
    width(text, fontSize) {
      let units = 0;
      for (const char of text) {
        const code = char.codePointAt(0)!;
        let w = cache.get(code);
        if (w === undefined) {
          w = advance(glyphOf(code));
          cache.set(code, w);
        }
        units += w;
      }
      return (units / unitsPerEm) * fontSize;
    },
  };
}

function tableOffsets(view: DataView): Map<string, number> {
  const count = view.getUint16(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...[0, 1, 2, 3].map((b) => view.getUint8(record + b)));
    tables.set(tag, view.getUint32(record + 8));
  }
  return tables;
}

/** code point → glyph id, from the best Unicode subtable (format 12 if present, else 4). */
function cmap(view: DataView, offset: number): (code: number) => number {
  const count = view.getUint16(offset + 2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < count; i++) {
    const record = offset + 4 + 8 * i;
    const platform = view.getUint16(record);
    const sub = offset + view.getUint32(record + 4);
    const format = view.getUint16(sub);
    if ((platform === 0 || platform === 3) && format === 12) format12 ??= sub;
    if ((platform === 0 || platform === 3) && format === 4) format4 ??= sub;
  }
  if (format12 !== undefined) return format12Lookup(view, format12);
  if (format4 !== undefined) return format4Lookup(view, format4);
  throw new Error("font has no Unicode cmap");
}

function format12Lookup(view: DataView, sub: number): (code: number) => number {
  const groups = view.getUint32(sub + 12);
  return (code) => {
    for (let i = 0; i < groups; i++) {
      const g = sub + 16 + 12 * i;
      const start = view.getUint32(g);
      if (code < start) return 0;
      if (code <= view.getUint32(g + 4)) return view.getUint32(g + 8) + code - start;
    }
    return 0;
  };
}

function format4Lookup(view: DataView, sub: number): (code: number) => number {
  const segments = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (code) => {
    if (code > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (code > view.getUint16(ends + 2 * i)) continue;
      const start = view.getUint16(starts + 2 * i);
      if (code < start) return 0;
      const delta = view.getInt16(deltas + 2 * i);
      const rangeOffset = view.getUint16(rangeOffsets + 2 * i);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsets + 2 * i + rangeOffset + 2 * (code - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
