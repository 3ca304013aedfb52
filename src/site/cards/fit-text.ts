// Breaks a text into lines and picks the largest font size at which the lines fit a box, so a long
// German title ("Neugestaltung des Marktplatzes und der angrenzenden Fußgängerzone") wraps between
// words and shrinks instead of overflowing or losing its last line. Satori then draws the lines as
// they are (white-space: pre): it never wraps or cuts anything itself.
import type { FontMetrics } from "./metrics.js";

export interface FitBox {
  width: number;
  height: number;
  maxLines: number;
  /** Font sizes in px, tried from the largest down in steps of 2. */
  maxSize: number;
  minSize: number;
  /** Line height as a factor of the font size. */
  lineHeight: number;
}

export interface FittedText {
  lines: string[];
  fontSize: number;
  /** Line height in whole px (Satori rounds to them too). */
  lineHeight: number;
  height: number;
  /** True when a word had to be hyphenated because it was wider than the box at the smallest size. */
  hyphenated: boolean;
}

interface Token {
  text: string;
  /** A space separates it from the token before (a break after a hyphen has none). */
  spaceBefore: boolean;
}

// Kerning is not measured, and Satori rounds glyph positions: leave a little room.
const SAFETY = 1.03;

/** The text fitted into the box, or undefined when even the smallest size cannot hold it. */
export function fitText(text: string, metrics: FontMetrics, box: FitBox): FittedText | undefined {
  const tokens = tokenize(text);
  if (tokens.length === 0) return { lines: [], fontSize: box.maxSize, lineHeight: 0, height: 0, hyphenated: false };
  // Shrinking keeps words whole; hyphenating is the last resort, for words no line can hold.
  for (const hyphenate of [false, true]) {
    for (let size = box.maxSize; size >= box.minSize; size -= 2) {
      const measure = (s: string) => metrics.width(s, size) * SAFETY;
      const lineHeight = Math.round(size * box.lineHeight);
      const maxLines = Math.min(box.maxLines, Math.floor(box.height / lineHeight));
      if (maxLines < 1) continue;
      const sized = hyphenate ? hyphenateLongWords(tokens, box.width, measure) : tokens;
      const lines = wrap(sized, box.width, measure);
      if (!lines || lines.length > maxLines) continue;
      const balanced = balance(sized, lines.length, box.width, measure) ?? lines;
      return { lines: balanced, fontSize: size, lineHeight, height: balanced.length * lineHeight, hyphenated: hyphenate };
    }
  }
  return undefined;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // "15. April" stays on one line: a day number never ends a line without its month.
  const glued = text.trim().replace(/(\d+\.) +(?=\p{L})/gu, "$1\u00a0");
  for (const word of glued.split(/[ \t\r\n]+/).filter(Boolean)) {
    // "Radverkehrs-Umfrage" may break after its hyphen, like in a browser.
    const parts = word.split(/(?<=[\p{L}\p{N}][-‐–](?=\p{L}))/u);
    parts.forEach((part, i) => tokens.push({ text: part, spaceBefore: i === 0 }));
  }
  return tokens;
}

/** Greedy line filling; undefined when one token alone is wider than the line. */
function wrap(tokens: Token[], width: number, measure: (s: string) => number): string[] | undefined {
  const lines: string[] = [];
  let line = "";
  for (const token of tokens) {
    if (measure(token.text) > width) return undefined;
    const candidate = line === "" ? token.text : line + (token.spaceBefore ? " " : "") + token.text;
    if (line !== "" && measure(candidate) > width) {
      lines.push(line);
      line = token.text;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The same number of lines at the narrowest width that still holds them: even lines, no orphan. */
function balance(tokens: Token[], count: number, width: number, measure: (s: string) => number): string[] | undefined {
  if (count < 2) return undefined;
  let low = 0;
  let high = width;
  let best: string[] | undefined;
  while (high - low > 4) {
    const mid = (low + high) / 2;
    const lines = wrap(tokens, mid, measure);
    if (lines && lines.length <= count) {
      best = lines;
      high = mid;
    } else {
      low = mid;
    }
  }
  return best;
}

const VOWEL = /[aeiouäöüyéèáàíóú]/i;
const LETTER = /\p{L}/u;
// A syllable starts with one consonant or one of these clusters, then a vowel ("Markt-plat-zes").
const ONSET = /^(?:schl|schm|schn|schr|schw|spr|str|sch|ch|ph|th|qu|[bcdfgkpt][lr]|sp|st|[^aeiouäöüyéèáàíóú])[aeiouäöüyéèáàíóú]/i;

/**
 * Splits words wider than the line at syllable-like boundaries ("Fuß-gän-ger-zo-ne"), each piece
 * ending in a hyphen. No dictionary: this only runs for words that no line can hold whole, which
 * real titles almost never have; a word without such a boundary is split where it has to be.
 */
function hyphenateLongWords(tokens: Token[], width: number, measure: (s: string) => number): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    let rest = token.text;
    let spaceBefore = token.spaceBefore;
    while (measure(rest) > width) {
      const at = breakPoint(rest, width, measure);
      if (at === undefined) break;
      out.push({ text: rest.slice(0, at) + "-", spaceBefore });
      rest = rest.slice(at);
      spaceBefore = false;
    }
    out.push({ text: rest, spaceBefore });
  }
  return out;
}

function breakPoint(word: string, width: number, measure: (s: string) => number): number | undefined {
  const chars = [...word];
  let syllable: number | undefined;
  let any: number | undefined;
  // Leave at least two letters on each side of the hyphen.
  for (let i = 2; i <= chars.length - 2; i++) {
    const prefix = chars.slice(0, i).join("");
    if (measure(prefix + "-") > width) break;
    if (!LETTER.test(chars[i - 1]!) || !LETTER.test(chars[i]!)) continue;
    any = prefix.length;
    const rest = chars.slice(i).join("");
    const splitsOnset = ONSET.test(chars.slice(i - 1).join("")) && !VOWEL.test(chars[i - 1]!) && !VOWEL.test(chars[i]!);
    const splitsSch = /^(c|ch)/i.test(rest) && /s(c)?$/i.test(prefix);
    if (VOWEL.test(prefix) && ONSET.test(rest) && !splitsOnset && !splitsSch) syllable = prefix.length;
  }
  return syllable ?? any;
}
