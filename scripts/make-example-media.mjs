#!/usr/bin/env node
// Draws the illustrations of the example campaigns as SVG and renders them to JPEG with sharp.
// Everything is generated here, nothing is downloaded; re-run after changing a drawing:
//
//   node scripts/make-example-media.mjs
//
// Outputs (paths relative to the repository root):
//   campaigns/media/musterstadt-logo.svg          organization.logo (shared via site.json)
//   campaigns/marktplatz/media/hero-marktplatz.jpg the redesigned square (vision)
//   campaigns/marktplatz/media/marktplatz-heute.jpg the square today (parking lot)
//   campaigns/radverkehr/media/hero-radverkehr.jpg  a protected bike lane

import { Buffer } from "node:buffer";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { rng } from "./deterministic-random.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const W = 1600;
const H = 900;

// ---------------------------------------------------------------- helpers

const n = (v) => (Math.round(v * 10) / 10).toString();
const pts = (list) => list.map(([x, y]) => `${n(x)},${n(y)}`).join(" ");
const poly = (list, fill, extra = "") => `<polygon points="${pts(list)}" fill="${fill}" ${extra}/>`;

/** Darken (f < 1) or lighten (f > 1) a #rrggbb colour. */
function shade(hex, f) {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const out = c.map((v) => (f < 1 ? v * f : v + (255 - v) * (f - 1)));
  return "#" + out.map((v) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, "0")).join("");
}

// ---------------------------------------------------------------- 3D square (one-point perspective)

const F = 1120; // focal length in px
const HORIZON = 430;
const CAM_H = 5; // camera height in m (seen from a first-floor window)

/** World (x right, y up, z depth) in metres → screen px. */
const P = (x, y, z) => [W / 2 + (F * x) / z, HORIZON + (F * (CAM_H - y)) / z];
const scaleAt = (z) => F / z; // px per metre at depth z

/** A box [x0,x1]×[y0,y1]×[z0,z1]; draws the faces the camera sees. */
function box(x0, x1, y0, y1, z0, z1, color, opts = {}) {
  const out = [];
  const side = opts.side ?? shade(color, 0.78);
  const top = opts.top ?? shade(color, 1.15);
  if (x0 > 0) out.push(poly([P(x0, y0, z0), P(x0, y0, z1), P(x0, y1, z1), P(x0, y1, z0)], side));
  if (x1 < 0) out.push(poly([P(x1, y0, z0), P(x1, y0, z1), P(x1, y1, z1), P(x1, y1, z0)], side));
  if (y1 < CAM_H) out.push(poly([P(x0, y1, z0), P(x1, y1, z0), P(x1, y1, z1), P(x0, y1, z1)], top));
  out.push(poly([P(x0, y0, z0), P(x1, y0, z0), P(x1, y1, z0), P(x0, y1, z0)], opts.front ?? color));
  return out.join("");
}

/** A vertical cylinder standing on y0 with radius r at (cx, cz). */
function cylinder(cx, cz, r, y0, y1, wall, topFill, steps = 40) {
  const ring = (y) => Array.from({ length: steps }, (_, i) => {
    const a = (i / steps) * Math.PI * 2;
    return [cx + r * Math.cos(a), y, cz + r * Math.sin(a)];
  });
  const bottom = ring(y0);
  const upper = ring(y1);
  const out = [];
  for (let i = 0; i < steps; i++) {
    const j = (i + 1) % steps;
    const [bx, , bz] = bottom[i];
    const mid = [(bx + bottom[j][0]) / 2 - cx, (bz + bottom[j][2]) / 2 - cz];
    const toCam = [-(bx + bottom[j][0]) / 2, -(bz + bottom[j][2]) / 2];
    if (mid[0] * toCam[0] + mid[1] * toCam[1] <= 0) continue; // faces away
    const shadeF = 0.75 + 0.25 * Math.max(0, -Math.sin((i / steps) * Math.PI * 2));
    const c = shade(wall, shadeF);
    out.push(poly([P(...bottom[i]), P(...bottom[j]), P(...upper[j]), P(...upper[i])], c, `stroke="${c}" stroke-width="0.6"`));
  }
  out.push(poly(upper.map((p) => P(...p)), topFill));
  return out.join("");
}

/** A flat shape on the ground: polygon given in (x, z). */
const groundPoly = (list, fill, extra = "", y = 0.01) => poly(list.map(([x, z]) => P(x, y, z)), fill, extra);
const groundEllipse = (cx, cz, rx, rz, fill, extra = "", y = 0.01) =>
  groundPoly(Array.from({ length: 36 }, (_, i) => {
    const a = (i / 36) * Math.PI * 2;
    return [cx + rx * Math.cos(a), cz + rz * Math.sin(a)];
  }), fill, extra, y);

function tree(x, z, r, seed, kind = "round") {
  const rand = rng(seed);
  const s = scaleAt(z);
  const [bx, by] = P(x, 0, z);
  const crownY = by - s * (kind === "young" ? 4.2 : 5.6);
  const out = [groundEllipse(x + 0.8, z + 0.4, r * 0.95, r * 0.55, "#000", 'opacity="0.16"')];
  out.push(`<path d="M${n(bx - s * 0.18)},${n(by)} L${n(bx - s * 0.12)},${n(crownY + s * r * 0.3)} L${n(bx + s * 0.12)},${n(crownY + s * r * 0.3)} L${n(bx + s * 0.18)},${n(by)} Z" fill="#6b4a32"/>`);
  out.push(`<path d="M${n(bx)},${n(crownY + s * r * 0.6)} L${n(bx - s * r * 0.45)},${n(crownY)} M${n(bx)},${n(crownY + s * r * 0.5)} L${n(bx + s * r * 0.5)},${n(crownY - s * r * 0.1)}" stroke="#6b4a32" stroke-width="${n(s * 0.12)}" stroke-linecap="round"/>`);
  const greens = ["#3f7d3a", "#4d8f41", "#5a9e4b", "#356b33", "#6aab55"];
  for (let i = 0; i < 9; i++) {
    const a = rand() * Math.PI * 2;
    const d = rand() * r * 0.55;
    const cr = r * rand.range(0.42, 0.62);
    out.push(`<circle cx="${n(bx + Math.cos(a) * d * s)}" cy="${n(crownY + Math.sin(a) * d * s * 0.8)}" r="${n(cr * s)}" fill="${greens[i % greens.length]}"/>`);
  }
  // light from the upper left
  out.push(`<circle cx="${n(bx - s * r * 0.3)}" cy="${n(crownY - s * r * 0.35)}" r="${n(s * r * 0.35)}" fill="#8cc46e" opacity="0.55"/>`);
  return out.join("");
}

const SKIN = ["#f1c9a5", "#e0ac83", "#c68b5e", "#8d5a3b", "#f5d6bc", "#6f4630"];
const CLOTHES = ["#c0392b", "#2e86c1", "#f1c40f", "#8e44ad", "#16a085", "#e67e22", "#34495e", "#d35400", "#27ae60", "#ecf0f1", "#1f3a93", "#b03a6a"];
const HAIR = ["#2b1d14", "#5a3825", "#c9a15b", "#8a8a8a", "#1a1a1a", "#a0522d"];

/** A person standing at ground point (x, z). */
function person(x, z, rand, opts = {}) {
  const s = scaleAt(z);
  const h = (opts.child ? rand.range(1.0, 1.3) : rand.range(1.58, 1.9)) * s;
  const [bx, by] = P(x, 0, z);
  const w = h * 0.25;
  const top = by - h;
  const head = h * 0.13;
  const shirt = opts.color ?? rand.pick(CLOTHES);
  const trousers = rand.pick(["#2c3e50", "#4a4a4a", "#1b2631", "#5d6d7e", "#7b5e3c", "#1f4e79"]);
  const skirt = rand() < 0.3;
  const out = [`<ellipse cx="${n(bx + w * 0.3)}" cy="${n(by)}" rx="${n(w * 0.75)}" ry="${n(w * 0.18)}" fill="#000" opacity="0.18"/>`];
  // legs
  const legTop = top + h * 0.5;
  if (skirt) {
    out.push(`<rect x="${n(bx - w * 0.26)}" y="${n(legTop + h * 0.2)}" width="${n(w * 0.18)}" height="${n(by - legTop - h * 0.2)}" fill="#3b3b3b"/>`);
    out.push(`<rect x="${n(bx + w * 0.08)}" y="${n(legTop + h * 0.2)}" width="${n(w * 0.18)}" height="${n(by - legTop - h * 0.2)}" fill="#3b3b3b"/>`);
    out.push(`<path d="M${n(bx - w * 0.45)},${n(legTop - h * 0.05)} L${n(bx + w * 0.45)},${n(legTop - h * 0.05)} L${n(bx + w * 0.6)},${n(legTop + h * 0.22)} L${n(bx - w * 0.6)},${n(legTop + h * 0.22)} Z" fill="${rand.pick(CLOTHES)}"/>`);
  } else {
    out.push(`<rect x="${n(bx - w * 0.4)}" y="${n(legTop)}" width="${n(w * 0.36)}" height="${n(by - legTop)}" rx="${n(w * 0.1)}" fill="${trousers}"/>`);
    out.push(`<rect x="${n(bx + w * 0.04)}" y="${n(legTop)}" width="${n(w * 0.36)}" height="${n(by - legTop)}" rx="${n(w * 0.1)}" fill="${shade(trousers, 0.85)}"/>`);
  }
  // torso and arms
  out.push(`<rect x="${n(bx - w * 0.5)}" y="${n(top + head * 2)}" width="${n(w)}" height="${n(h * 0.4)}" rx="${n(w * 0.3)}" fill="${shirt}"/>`);
  out.push(`<rect x="${n(bx - w * 0.68)}" y="${n(top + head * 2.2)}" width="${n(w * 0.22)}" height="${n(h * 0.33)}" rx="${n(w * 0.11)}" fill="${shade(shirt, 0.85)}"/>`);
  out.push(`<rect x="${n(bx + w * 0.46)}" y="${n(top + head * 2.2)}" width="${n(w * 0.22)}" height="${n(h * 0.33)}" rx="${n(w * 0.11)}" fill="${shade(shirt, 0.85)}"/>`);
  if (opts.bag) out.push(`<rect x="${n(bx + w * 0.55)}" y="${n(top + h * 0.45)}" width="${n(w * 0.45)}" height="${n(h * 0.16)}" rx="${n(w * 0.06)}" fill="${rand.pick(["#a0522d", "#f4d03f", "#1e8449"])}"/>`);
  // head and hair
  out.push(`<circle cx="${n(bx)}" cy="${n(top + head)}" r="${n(head)}" fill="${rand.pick(SKIN)}"/>`);
  out.push(`<path d="M${n(bx - head)},${n(top + head)} A${n(head)},${n(head)} 0 0 1 ${n(bx + head)},${n(top + head)} L${n(bx + head * 0.8)},${n(top + head * 0.7)} L${n(bx - head * 0.8)},${n(top + head * 0.7)} Z" fill="${rand.pick(HAIR)}"/>`);
  return out.join("");
}

/** A bicycle in side view; (x, y) is the ground point between the wheels, s px per metre. */
function bicycle(x, y, s, frame, opts = {}) {
  const r = 0.34 * s;
  const base = 1.05 * s;
  const rx = x - base / 2;
  const fx = x + base / 2;
  const cy = y - r;
  const crank = [x - base * 0.05, cy];
  const seat = [x - base * 0.2, cy - 0.62 * s];
  const head = [fx - base * 0.12, cy - 0.58 * s];
  const sw = Math.max(1, 0.04 * s);
  const out = [];
  for (const wx of [rx, fx]) {
    out.push(`<circle cx="${n(wx)}" cy="${n(cy)}" r="${n(r)}" fill="none" stroke="#1d1d1d" stroke-width="${n(sw * 1.5)}"/>`);
    out.push(`<circle cx="${n(wx)}" cy="${n(cy)}" r="${n(r * 0.86)}" fill="none" stroke="#9aa3a8" stroke-width="${n(sw * 0.3)}"/>`);
    for (let i = 0; i < 6; i++) {
      const a = (i / 6) * Math.PI;
      out.push(`<line x1="${n(wx - Math.cos(a) * r * 0.86)}" y1="${n(cy - Math.sin(a) * r * 0.86)}" x2="${n(wx + Math.cos(a) * r * 0.86)}" y2="${n(cy + Math.sin(a) * r * 0.86)}" stroke="#9aa3a8" stroke-width="${n(sw * 0.25)}"/>`);
    }
  }
  if (opts.cargo) {
    out.push(`<rect x="${n(fx - base * 0.05)}" y="${n(cy - 0.55 * s)}" width="${n(0.7 * s)}" height="${n(0.42 * s)}" rx="${n(0.04 * s)}" fill="${opts.cargo}"/>`);
    out.push(`<rect x="${n(fx - base * 0.05)}" y="${n(cy - 0.55 * s)}" width="${n(0.7 * s)}" height="${n(0.08 * s)}" fill="${shade(opts.cargo, 0.8)}"/>`);
  }
  const frameD = `M${n(rx)},${n(cy)} L${n(crank[0])},${n(crank[1])} L${n(seat[0])},${n(seat[1] + 0.08 * s)} L${n(rx)},${n(cy)} M${n(seat[0])},${n(seat[1] + 0.08 * s)} L${n(head[0])},${n(head[1] + 0.1 * s)} L${n(crank[0])},${n(crank[1])} M${n(head[0])},${n(head[1])} L${n(fx)},${n(cy)}`;
  out.push(`<path d="${frameD}" fill="none" stroke="${frame}" stroke-width="${n(sw * 1.4)}" stroke-linejoin="round" stroke-linecap="round"/>`);
  out.push(`<path d="M${n(seat[0] - 0.1 * s)},${n(seat[1])} L${n(seat[0] + 0.1 * s)},${n(seat[1])}" stroke="#222" stroke-width="${n(sw * 2)}" stroke-linecap="round"/>`);
  out.push(`<path d="M${n(head[0])},${n(head[1])} L${n(head[0] - 0.04 * s)},${n(head[1] - 0.1 * s)} L${n(head[0] - 0.16 * s)},${n(head[1] - 0.1 * s)}" fill="none" stroke="#222" stroke-width="${n(sw * 1.2)}" stroke-linecap="round"/>`);
  out.push(`<circle cx="${n(crank[0])}" cy="${n(crank[1])}" r="${n(0.07 * s)}" fill="#444"/>`);
  return { svg: out.join(""), seat, head, crank, r };
}

/** A cyclist in side view riding to the right. */
function cyclist(x, y, s, rand, opts = {}) {
  const shirt = opts.shirt ?? rand.pick(CLOTHES);
  const b = bicycle(x, y, s, opts.frame ?? rand.pick(["#c0392b", "#1f618d", "#117a65", "#7d3c98", "#b9770e", "#2c3e50"]), opts);
  const hip = [b.seat[0], b.seat[1] - 0.05 * s];
  const shoulder = [hip[0] + 0.36 * s, hip[1] - 0.5 * s];
  const headC = [shoulder[0] + 0.1 * s, shoulder[1] - 0.22 * s];
  const pedalA = [b.crank[0] + 0.15 * s, b.crank[1] + 0.05 * s];
  const pedalB = [b.crank[0] - 0.12 * s, b.crank[1] - 0.08 * s];
  const knee = (p) => [(hip[0] + p[0]) / 2 + 0.22 * s, (hip[1] + p[1]) / 2 - 0.12 * s];
  const trousers = rand.pick(["#2c3e50", "#34495e", "#1b2631", "#6e2c00", "#4a4a4a"]);
  const lw = n(0.13 * s);
  const out = [b.svg];
  for (const [p, c] of [[pedalB, shade(trousers, 0.8)], [pedalA, trousers]]) {
    const k = knee(p);
    out.push(`<path d="M${n(hip[0])},${n(hip[1])} L${n(k[0])},${n(k[1])} L${n(p[0])},${n(p[1])}" fill="none" stroke="${c}" stroke-width="${lw}" stroke-linecap="round" stroke-linejoin="round"/>`);
  }
  out.push(`<path d="M${n(hip[0])},${n(hip[1])} L${n(shoulder[0])},${n(shoulder[1])}" stroke="${shirt}" stroke-width="${n(0.26 * s)}" stroke-linecap="round"/>`);
  if (opts.backpack) out.push(`<rect x="${n(hip[0] - 0.05 * s)}" y="${n(shoulder[1] + 0.02 * s)}" width="${n(0.2 * s)}" height="${n(0.35 * s)}" rx="${n(0.05 * s)}" transform="rotate(-30 ${n(hip[0])} ${n(shoulder[1])})" fill="${opts.backpack}"/>`);
  out.push(`<path d="M${n(shoulder[0])},${n(shoulder[1])} L${n(b.head[0] - 0.12 * s)},${n(b.head[1] - 0.08 * s)}" stroke="${shade(shirt, 0.85)}" stroke-width="${n(0.09 * s)}" stroke-linecap="round"/>`);
  out.push(`<circle cx="${n(headC[0])}" cy="${n(headC[1])}" r="${n(0.135 * s)}" fill="${rand.pick(SKIN)}"/>`);
  const helmet = opts.helmet ?? rand.pick(["#f39c12", "#ecf0f1", "#2874a6", "#c0392b", "#27ae60"]);
  out.push(`<path d="M${n(headC[0] - 0.16 * s)},${n(headC[1] + 0.01 * s)} A${n(0.16 * s)},${n(0.15 * s)} 0 0 1 ${n(headC[0] + 0.16 * s)},${n(headC[1] - 0.01 * s)} Z" fill="${helmet}"/>`);
  return out.join("");
}

function sky(seed, opts = {}) {
  const rand = rng(seed);
  const out = [
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${opts.top ?? "#7fbfe0"}"/><stop offset="1" stop-color="${opts.bottom ?? "#e4f2f7"}"/></linearGradient>`,
    `<radialGradient id="sun" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="#fff8d6"/><stop offset="0.35" stop-color="#ffe9a3" stop-opacity="0.9"/><stop offset="1" stop-color="#ffe9a3" stop-opacity="0"/></radialGradient></defs>`,
    `<rect width="${W}" height="${H}" fill="url(#sky)"/>`,
  ];
  if (opts.sun) out.push(`<circle cx="${opts.sun[0]}" cy="${opts.sun[1]}" r="170" fill="url(#sun)"/>`);
  for (let c = 0; c < (opts.clouds ?? 5); c++) {
    const cx = rand.range(60, W - 60);
    const cy = rand.range(40, opts.cloudMaxY ?? 260);
    const sc = rand.range(0.6, 1.3);
    const parts = [];
    for (let i = 0; i < 6; i++) {
      parts.push(`<ellipse cx="${n(cx + (i - 2.5) * 38 * sc + rand.range(-10, 10))}" cy="${n(cy - Math.sin((i / 5) * Math.PI) * 22 * sc)}" rx="${n(rand.range(40, 62) * sc)}" ry="${n(rand.range(22, 34) * sc)}" fill="#ffffff"/>`);
    }
    out.push(`<g opacity="${n(rand.range(0.7, 0.92))}">${parts.join("")}</g>`);
  }
  return out.join("");
}

// ---------------------------------------------------------------- the market square

const FACADE = ["#e8c9a0", "#d98f6b", "#f2e3c6", "#b9cfd8", "#c8d5b9", "#e6b8a2", "#f0d67a", "#d7c4e0", "#c99a6e", "#e9e0d2"];
const Z_BACK = 60;
const X_SIDE = 24;

function windowFront(x0, x1, y0, y1, z, lit) {
  const out = [poly([P(x0 - 0.08, y0 - 0.1, z), P(x1 + 0.08, y0 - 0.1, z), P(x1 + 0.08, y1 + 0.08, z), P(x0 - 0.08, y1 + 0.08, z)], "#f7f3ea")];
  out.push(poly([P(x0, y0, z), P(x1, y0, z), P(x1, y1, z), P(x0, y1, z)], lit ? "#f6d58a" : "#3e5566"));
  const [mx] = P((x0 + x1) / 2, 0, z);
  const [, ty] = P(0, y1, z);
  const [, by] = P(0, y0, z);
  out.push(`<line x1="${n(mx)}" y1="${n(ty)}" x2="${n(mx)}" y2="${n(by)}" stroke="#f7f3ea" stroke-width="1.2"/>`);
  out.push(poly([P(x0 + 0.1, y1 - 0.05, z), P(x0 + 0.4, y1 - 0.05, z), P(x0 + 0.1, y0 + 0.5, z)], "#ffffff", 'opacity="0.18"'));
  return out.join("");
}

function backRow(rand) {
  const out = [];
  const z = Z_BACK;
  // distant skyline behind the square: roofs and a church spire
  const far = [];
  for (let x = -60; x < 60; x += rand.range(5, 9)) {
    const w = rand.range(5, 9);
    const h = rand.range(16, 24);
    far.push(poly([P(x, 0, 120), P(x + w, 0, 120), P(x + w, h, 120), P(x + w / 2, h + w * 0.5, 120), P(x, h, 120)], "#a9bccb"));
  }
  far.push(poly([P(-31, 0, 140), P(-25, 0, 140), P(-25, 38, 140), P(-28, 58, 140), P(-31, 38, 140)], "#9fb3c3"));
  far.push(poly([P(24, 0, 130), P(30, 0, 130), P(30, 26, 130), P(27, 36, 130), P(24, 26, 130)], "#a3b6c6"));
  out.push(`<g opacity="0.9">${far.join("")}</g>`);

  const buildings = [];
  let x = -X_SIDE - 4;
  while (x < -5.5) {
    const w = Math.min(rand.range(5.5, 8.5), -5.5 - x);
    buildings.push({ x0: x, x1: x + w });
    x += w;
  }
  buildings.push({ x0: -5.5, x1: 5.5, rathaus: true });
  x = 5.5;
  while (x < X_SIDE + 4) {
    const w = Math.min(rand.range(5.5, 8.5), X_SIDE + 4 - x);
    buildings.push({ x0: x, x1: x + w });
    x += w;
  }
  let ci = 0;
  for (const b of buildings) {
    if (b.rathaus) {
      out.push(rathaus(z));
      continue;
    }
    const color = FACADE[ci++ % FACADE.length];
    const floors = Math.floor(rand.range(3, 5));
    const h = 4 + floors * 3.1;
    const w = b.x1 - b.x0;
    const roof = rand() < 0.55 ? "gable" : rand() < 0.5 ? "stepped" : "eaves";
    const roofColor = rand.pick(["#9c4a35", "#8a3f2e", "#5b6770", "#a65a3c"]);
    if (roof === "gable") {
      out.push(poly([P(b.x0, h, z), P(b.x1, h, z), P((b.x0 + b.x1) / 2, h + w * 0.65, z)], color));
      out.push(`<path d="M${pts([P(b.x0 - 0.3, h - 0.2, z), P((b.x0 + b.x1) / 2, h + w * 0.65 + 0.3, z), P(b.x1 + 0.3, h - 0.2, z)])}" fill="none" stroke="${roofColor}" stroke-width="7" stroke-linejoin="round"/>`);
      out.push(windowFront((b.x0 + b.x1) / 2 - 0.5, (b.x0 + b.x1) / 2 + 0.5, h + 1, h + 2.4, z, false));
    } else if (roof === "stepped") {
      const steps = 4;
      const stepped = [P(b.x0, h, z)];
      for (let i = 0; i < steps; i++) {
        const xl = b.x0 + (i * w) / (2 * steps + 1);
        stepped.push(P(xl, h + (i + 1) * 1.6, z), P(xl + w / (2 * steps + 1), h + (i + 1) * 1.6, z));
      }
      for (let i = steps - 1; i >= 0; i--) {
        const xr = b.x1 - (i * w) / (2 * steps + 1);
        stepped.push(P(xr - w / (2 * steps + 1), h + (i + 1) * 1.6, z), P(xr, h + (i + 1) * 1.6, z));
      }
      stepped.push(P(b.x1, h, z));
      out.push(poly(stepped, shade(color, 0.95)));
      out.push(windowFront((b.x0 + b.x1) / 2 - 0.45, (b.x0 + b.x1) / 2 + 0.45, h + 1.2, h + 3.2, z, false));
    } else {
      out.push(poly([P(b.x0 - 0.3, h, z), P(b.x1 + 0.3, h, z), P(b.x1 - 0.8, h + 3.8, z), P(b.x0 + 0.8, h + 3.8, z)], roofColor));
      const dx = (b.x0 + b.x1) / 2;
      out.push(poly([P(dx - 0.8, h + 0.6, z), P(dx + 0.8, h + 0.6, z), P(dx + 0.8, h + 2.2, z), P(dx, h + 2.9, z), P(dx - 0.8, h + 2.2, z)], shade(color, 0.9)));
      out.push(windowFront(dx - 0.45, dx + 0.45, h + 0.9, h + 2.0, z, false));
    }
    out.push(poly([P(b.x0, 0, z), P(b.x1, 0, z), P(b.x1, h, z), P(b.x0, h, z)], color, `stroke="${shade(color, 0.8)}" stroke-width="1"`));
    // cornice and floor bands
    out.push(poly([P(b.x0 - 0.1, h - 0.35, z), P(b.x1 + 0.1, h - 0.35, z), P(b.x1 + 0.1, h, z), P(b.x0 - 0.1, h, z)], shade(color, 0.82)));
    out.push(poly([P(b.x0, 3.7, z), P(b.x1, 3.7, z), P(b.x1, 4.0, z), P(b.x0, 4.0, z)], shade(color, 0.85)));
    const cols = Math.max(2, Math.floor(w / 2.1));
    for (let f = 0; f < floors; f++) {
      for (let c = 0; c < cols; c++) {
        const cx = b.x0 + ((c + 0.5) * w) / cols;
        out.push(windowFront(cx - 0.5, cx + 0.5, 4.8 + f * 3.1, 6.6 + f * 3.1, z, rand() < 0.08));
      }
    }
    // ground floor: shop window with awning and a door
    const shop = rand.pick(["#b03a2e", "#1f618d", "#117864", "#7d6608", "#6c3483"]);
    out.push(poly([P(b.x0 + 0.6, 0.4, z), P(b.x1 - 2.0, 0.4, z), P(b.x1 - 2.0, 3.0, z), P(b.x0 + 0.6, 3.0, z)], "#4f6b7a"));
    out.push(poly([P(b.x0 + 0.6, 3.1, z), P(b.x1 - 2.0, 3.1, z), P(b.x1 - 2.0, 3.55, z), P(b.x0 + 0.6, 3.55, z)], shop));
    out.push(poly([P(b.x1 - 1.6, 0, z), P(b.x1 - 0.5, 0, z), P(b.x1 - 0.5, 2.6, z), P(b.x1 - 1.6, 2.6, z)], shade(shop, 0.7)));
  }
  return out.join("");
}

function rathaus(z) {
  const out = [];
  const stone = "#e3d6bf";
  const x0 = -5.5;
  const x1 = 5.5;
  const h = 15;
  // tower
  out.push(poly([P(-1.8, h, z + 0.5), P(1.8, h, z + 0.5), P(1.8, 23.5, z + 0.5), P(-1.8, 23.5, z + 0.5)], shade(stone, 0.95)));
  out.push(poly([P(-2.1, 23.5, z + 0.5), P(2.1, 23.5, z + 0.5), P(0, 28.5, z + 0.5)], "#5e8f7e"));
  out.push(poly([P(0, 23.5, z + 0.5), P(2.1, 23.5, z + 0.5), P(0, 28.5, z + 0.5)], "#4e7a6b"));
  const [cx, cy] = P(0, 20.8, z + 0.5);
  const cr = scaleAt(z) * 1.1;
  out.push(`<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(cr)}" fill="#fbfaf5" stroke="#3c3c3c" stroke-width="2"/>`);
  out.push(`<path d="M${n(cx)},${n(cy)} L${n(cx)},${n(cy - cr * 0.75)} M${n(cx)},${n(cy)} L${n(cx + cr * 0.5)},${n(cy + cr * 0.2)}" stroke="#222" stroke-width="2.2" stroke-linecap="round"/>`);
  out.push(windowFront(-0.4, 0.4, 16.2, 18.4, z + 0.5, false));
  // main body with hipped roof
  out.push(poly([P(x0 - 0.3, h, z), P(x1 + 0.3, h, z), P(x1 - 1.5, h + 3.5, z), P(x0 + 1.5, h + 3.5, z)], "#7a3b2e"));
  out.push(poly([P(x0, 0, z), P(x1, 0, z), P(x1, h, z), P(x0, h, z)], stone, `stroke="${shade(stone, 0.8)}" stroke-width="1"`));
  out.push(poly([P(x0 - 0.15, h - 0.5, z), P(x1 + 0.15, h - 0.5, z), P(x1 + 0.15, h, z), P(x0 - 0.15, h, z)], shade(stone, 0.8)));
  // arcade on the ground floor
  for (let i = 0; i < 4; i++) {
    const ax0 = x0 + 0.8 + i * 2.55;
    const ax1 = ax0 + 1.8;
    const [lx, by] = P(ax0, 0, z);
    const [rx] = P(ax1, 0, z);
    const [, ty] = P(0, 2.8, z);
    const rr = (rx - lx) / 2;
    out.push(`<path d="M${n(lx)},${n(by)} L${n(lx)},${n(ty)} A${n(rr)},${n(rr)} 0 0 1 ${n(rx)},${n(ty)} L${n(rx)},${n(by)} Z" fill="#5a4a3c"/>`);
  }
  for (let f = 0; f < 3; f++) {
    for (let c = 0; c < 5; c++) {
      const wx = x0 + 1.1 + c * 2.2;
      out.push(windowFront(wx - 0.5, wx + 0.5, 5 + f * 3.2, 7.2 + f * 3.2, z, false));
    }
  }
  // banners in city colours
  for (const bx of [-4.6, 4.0]) {
    out.push(poly([P(bx, 11.5, z), P(bx + 0.6, 11.5, z), P(bx + 0.6, 7.5, z), P(bx + 0.3, 7.1, z), P(bx, 7.5, z)], "#00566b"));
    out.push(poly([P(bx, 11.5, z), P(bx + 0.6, 11.5, z), P(bx + 0.6, 10.9, z), P(bx, 10.9, z)], "#f2c14e"));
  }
  return out.join("");
}

/** Rathaustreppe: broad steps in front of the town hall (drawn with the things on the square). */
function rathausSteps() {
  const out = [];
  for (let s = 0; s < 4; s++) {
    out.push(box(-4.8 + s * 0.2, 4.8 - s * 0.2, 0, 0.18 * (s + 1), Z_BACK - 3.0 + s * 0.75, Z_BACK, "#cfc6b6", { top: "#e2dacb" }));
  }
  return out.join("");
}

function sideRow(rand, sign) {
  const out = [];
  const X = sign * X_SIDE;
  let z = 14;
  const segments = [];
  while (z < Z_BACK + 4) {
    const len = Math.min(rand.range(6, 9), Z_BACK + 4 - z);
    segments.push({ z0: z, z1: z + len });
    z += len;
  }
  // far segments first so nearer ones overlap their roofs
  segments.reverse();
  let ci = sign > 0 ? 3 : 6;
  for (const s of segments) {
    const color = FACADE[ci++ % FACADE.length];
    const floors = Math.floor(rand.range(3, 5));
    const h = 4 + floors * 3.1;
    const roofColor = rand.pick(["#9c4a35", "#8a3f2e", "#6b747b", "#a65a3c"]);
    out.push(poly([P(X, h, s.z0), P(X, h, s.z1), P(X + sign * 3.5, h + 4.2, s.z1), P(X + sign * 3.5, h + 4.2, s.z0)], roofColor));
    out.push(poly([P(X, 0, s.z0), P(X, 0, s.z1), P(X, h, s.z1), P(X, h, s.z0)], shade(color, 0.9), `stroke="${shade(color, 0.7)}" stroke-width="1"`));
    out.push(poly([P(X, h - 0.35, s.z0), P(X, h - 0.35, s.z1), P(X, h, s.z1), P(X, h, s.z0)], shade(color, 0.72)));
    const cols = Math.max(2, Math.floor((s.z1 - s.z0) / 2.2));
    for (let f = 0; f < floors; f++) {
      for (let c = 0; c < cols; c++) {
        const zc = s.z0 + ((c + 0.5) * (s.z1 - s.z0)) / cols;
        const y0 = 4.8 + f * 3.1;
        const y1 = y0 + 1.8;
        out.push(poly([P(X, y0 - 0.1, zc - 0.6), P(X, y0 - 0.1, zc + 0.6), P(X, y1 + 0.1, zc + 0.6), P(X, y1 + 0.1, zc - 0.6)], "#f7f3ea"));
        out.push(poly([P(X, y0, zc - 0.5), P(X, y0, zc + 0.5), P(X, y1, zc + 0.5), P(X, y1, zc - 0.5)], rand() < 0.07 ? "#f6d58a" : "#3e5566"));
      }
    }
    const shop = rand.pick(["#b03a2e", "#1f618d", "#117864", "#7d6608", "#6c3483", "#a04000"]);
    out.push(poly([P(X, 0.4, s.z0 + 0.6), P(X, 0.4, s.z1 - 2), P(X, 3, s.z1 - 2), P(X, 3, s.z0 + 0.6)], "#4f6b7a"));
    // awning sticking out into the square
    out.push(poly([P(X, 3.4, s.z0 + 0.6), P(X, 3.4, s.z1 - 2), P(X - sign * 1.4, 2.8, s.z1 - 2), P(X - sign * 1.4, 2.8, s.z0 + 0.6)], shop));
    out.push(poly([P(X - sign * 1.4, 2.8, s.z0 + 0.6), P(X - sign * 1.4, 2.8, s.z1 - 2), P(X - sign * 1.4, 2.5, s.z1 - 2), P(X - sign * 1.4, 2.5, s.z0 + 0.6)], shade(shop, 0.75)));
  }
  return out.join("");
}

function fountain(x, z, big) {
  const out = [];
  const r = big ? 3.4 : 2.6;
  out.push(groundEllipse(x, z, r + 0.6, r + 0.6, "#c7bfae"));
  out.push(cylinder(x, z, r, 0, 0.6, "#b8ab94", "#6fb4d6"));
  out.push(groundEllipse(x, z, r - 0.35, r - 0.35, "#8fcbe6", 'opacity="0.8"', 0.61));
  out.push(cylinder(x, z, 0.45, 0.6, 1.9, "#a89a82", "#b8ab94", 24));
  out.push(cylinder(x, z, 1.2, 1.9, 2.2, "#b8ab94", "#7fc0de", 32));
  out.push(cylinder(x, z, 0.22, 2.2, 2.9, "#a89a82", "#c8bca6", 16));
  const [tx, ty] = P(x, 2.95, z);
  const s = scaleAt(z);
  const jets = [];
  for (const d of [-1, -0.5, 0.5, 1]) {
    jets.push(`M${n(tx)},${n(ty)} Q${n(tx + d * s * 0.9)},${n(ty - s * 0.8)} ${n(tx + d * s * 1.25)},${n(ty + s * 0.9)}`);
  }
  out.push(`<path d="${jets.join(" ")}" fill="none" stroke="#e8f6fc" stroke-width="${n(s * 0.09)}" stroke-linecap="round" opacity="0.9"/>`);
  if (big) {
    for (const d of [-1, 1]) {
      const [jx, jy] = P(x + d * 2.2, 0.62, z - 1.4);
      out.push(`<path d="M${n(jx)},${n(jy)} Q${n(jx - d * s * 0.6)},${n(jy - s * 1.1)} ${n(jx - d * s * 1.1)},${n(jy - s * 0.2)}" fill="none" stroke="#e8f6fc" stroke-width="${n(s * 0.07)}" stroke-linecap="round" opacity="0.85"/>`);
    }
  }
  return out.join("");
}

function marketStall(x, z, w, d, color) {
  const out = [];
  out.push(box(x, x + w, 0, 0.9, z, z + d, "#8d6e4f"));
  // goods: crates of fruit and vegetables
  const produce = ["#d35400", "#c0392b", "#27ae60", "#f1c40f", "#8e44ad"];
  for (let i = 0; i < Math.floor(w / 0.7); i++) {
    out.push(box(x + 0.1 + i * 0.7, x + 0.7 + i * 0.7, 0.9, 1.15, z + 0.1, z + 0.8, produce[i % produce.length]));
  }
  for (const px of [x + 0.05, x + w - 0.05]) {
    const [ax, ay] = P(px, 0, z);
    const [, by] = P(px, 2.4, z);
    out.push(`<line x1="${n(ax)}" y1="${n(ay)}" x2="${n(ax)}" y2="${n(by)}" stroke="#5d5d5d" stroke-width="${n(scaleAt(z) * 0.06)}"/>`);
  }
  const stripes = Math.round(w / 0.5);
  for (let i = 0; i < stripes; i++) {
    const sx0 = x - 0.2 + (i * (w + 0.4)) / stripes;
    const sx1 = x - 0.2 + ((i + 1) * (w + 0.4)) / stripes;
    const c = i % 2 ? "#ffffff" : color;
    out.push(poly([P(sx0, 2.45, z - 0.3), P(sx1, 2.45, z - 0.3), P(sx1, 2.9, z + d), P(sx0, 2.9, z + d)], c));
    out.push(poly([P(sx0, 2.45, z - 0.3), P(sx1, 2.45, z - 0.3), P(sx1, 2.15, z - 0.3), P(sx0, 2.15, z - 0.3)], shade(c, 0.85)));
  }
  return out.join("");
}

function bench(x, z, len, alongX = true) {
  const out = [];
  if (alongX) {
    out.push(box(x, x + len, 0, 0.45, z, z + 0.45, "#9a6b45"));
    out.push(box(x, x + len, 0.45, 0.9, z + 0.38, z + 0.48, "#8a5d3b"));
  } else {
    out.push(box(x, x + 0.45, 0, 0.45, z, z + len, "#9a6b45"));
  }
  return out.join("");
}

function lamp(x, z) {
  const [bx, by] = P(x, 0, z);
  const [, ty] = P(x, 4.2, z);
  const s = scaleAt(z);
  return `<line x1="${n(bx)}" y1="${n(by)}" x2="${n(bx)}" y2="${n(ty)}" stroke="#2f3b45" stroke-width="${n(s * 0.12)}"/>` +
    `<rect x="${n(bx - s * 0.25)}" y="${n(ty - s * 0.5)}" width="${n(s * 0.5)}" height="${n(s * 0.5)}" rx="${n(s * 0.08)}" fill="#2f3b45"/>` +
    `<rect x="${n(bx - s * 0.17)}" y="${n(ty - s * 0.42)}" width="${n(s * 0.34)}" height="${n(s * 0.3)}" fill="#fbeeb8"/>`;
}

function car(x, z, color, along = "z") {
  const out = [];
  const [w, l] = along === "z" ? [1.8, 4.3] : [4.3, 1.8];
  const x0 = x - w / 2;
  const z0 = z - l / 2;
  out.push(groundEllipse(x, z, w * 0.6, l * 0.55, "#000", 'opacity="0.22"'));
  out.push(box(x0, x0 + w, 0.25, 0.95, z0, z0 + l, color));
  if (along === "z") {
    // wheels on the side the camera sees
    const wx = x > 0 ? x0 - 0.01 : x0 + w + 0.01;
    for (const wz of [z0 + 0.85, z0 + l - 0.85]) {
      out.push(poly([P(wx, 0, wz - 0.3), P(wx, 0, wz + 0.3), P(wx, 0.55, wz + 0.3), P(wx, 0.55, wz - 0.3)], "#1c1c1c"));
    }
  }
  if (along === "z") {
    out.push(box(x0 + 0.15, x0 + w - 0.15, 0.95, 1.45, z0 + 1.0, z0 + l - 1.2, "#5b7384", { top: shade(color, 1.05) }));
    const [lx, ly] = P(x0 + 0.25, 0.7, z0);
    const [rx] = P(x0 + w - 0.25, 0.7, z0);
    const s = scaleAt(z0);
    out.push(`<rect x="${n(lx)}" y="${n(ly - s * 0.1)}" width="${n(s * 0.3)}" height="${n(s * 0.14)}" fill="#c0392b"/><rect x="${n(rx - s * 0.3)}" y="${n(ly - s * 0.1)}" width="${n(s * 0.3)}" height="${n(s * 0.14)}" fill="#c0392b"/>`);
    out.push(box(x0 + 0.55, x0 + w - 0.55, 0.42, 0.62, z0 - 0.01, z0, "#f4f4f4"));
  } else {
    out.push(box(x0 + 1.0, x0 + w - 1.2, 0.95, 1.45, z0 + 0.15, z0 + l - 0.15, "#5b7384", { top: shade(color, 1.05) }));
  }
  return out.join("");
}

function busStop(x, z) {
  // shelter along the right-hand sidewalk, open towards the square
  const out = [];
  out.push(box(x + 1.3, x + 1.4, 0, 2.5, z, z + 3.2, "#cfe6ef", { side: "#b9d7e3" }));
  out.push(box(x + 0.5, x + 0.9, 0.45, 0.55, z + 0.3, z + 2.9, "#7d8a94"));
  out.push(box(x, x + 1.4, 0, 2.5, z + 3.1, z + 3.2, "#b9d7e3", { front: "#cfe6ef" }));
  out.push(box(x - 0.1, x + 1.6, 2.5, 2.65, z - 0.1, z + 3.3, "#3d4b56"));
  const [px, py] = P(x - 0.4, 0, z - 0.8);
  const [, ty] = P(x - 0.4, 2.9, z - 0.8);
  const s = scaleAt(z - 0.8);
  out.push(`<line x1="${n(px)}" y1="${n(py)}" x2="${n(px)}" y2="${n(ty)}" stroke="#7f8c8d" stroke-width="${n(s * 0.1)}"/>`);
  out.push(`<circle cx="${n(px)}" cy="${n(ty)}" r="${n(s * 0.38)}" fill="#f7d308" stroke="#1e8449" stroke-width="${n(s * 0.07)}"/>`);
  out.push(`<path d="M${n(px - s * 0.14)},${n(ty - s * 0.2)} L${n(px - s * 0.14)},${n(ty + s * 0.2)} M${n(px + s * 0.14)},${n(ty - s * 0.2)} L${n(px + s * 0.14)},${n(ty + s * 0.2)} M${n(px - s * 0.14)},${n(ty)} L${n(px + s * 0.14)},${n(ty)}" stroke="#1e8449" stroke-width="${n(s * 0.07)}"/>`);
  return out.join("");
}

function planter(x, z) {
  return box(x - 0.7, x + 0.7, 0, 0.55, z - 0.7, z + 0.7, "#a39887") +
    `<g>${[[-0.3, 0], [0.3, 0.1], [0, 0.25]].map(([dx, dz]) => {
      const [cx, cy] = P(x + dx, 0.9, z + dz);
      return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(scaleAt(z) * 0.45)}" fill="${dx < 0 ? "#5a9e4b" : "#e07a9a"}"/>`;
    }).join("")}</g>`;
}

function marketSquare(variant) {
  const vision = variant === "vision";
  const rand = rng(vision ? 11 : 23);
  const parts = [sky(vision ? 5 : 9, { sun: vision ? [1350, 110] : null, clouds: vision ? 4 : 7, top: vision ? "#77b9df" : "#9db9c9", bottom: vision ? "#e9f5f9" : "#e3e8ea" })];
  parts.push(backRow(rng(3)));
  parts.push(sideRow(rng(4), -1), sideRow(rng(8), 1));

  // ground
  const ground = [];
  const near = 9.5;
  ground.push(groundPoly([[-X_SIDE, near], [X_SIDE, near], [X_SIDE, Z_BACK], [-X_SIDE, Z_BACK]], vision ? "#e3d3b8" : "#8f9499"));
  // sidewalks along the houses
  ground.push(groundPoly([[-X_SIDE, near], [-X_SIDE + 2.5, near], [-X_SIDE + 2.5, Z_BACK - 3.2], [-X_SIDE, Z_BACK - 3.2]], vision ? "#d6c4a6" : "#b9b6ae"));
  ground.push(groundPoly([[X_SIDE - 2.5, near], [X_SIDE, near], [X_SIDE, Z_BACK - 3.2], [X_SIDE - 2.5, Z_BACK - 3.2]], vision ? "#d6c4a6" : "#b9b6ae"));
  ground.push(groundPoly([[-X_SIDE, Z_BACK - 3.2], [X_SIDE, Z_BACK - 3.2], [X_SIDE, Z_BACK], [-X_SIDE, Z_BACK]], vision ? "#d6c4a6" : "#b9b6ae"));
  if (vision) {
    // paving joints converge towards the vanishing point
    const lines = [];
    for (let x = -20; x <= 20; x += 2) lines.push(`M${pts([P(x, 0.01, near)])} L${pts([P(x, 0.01, Z_BACK - 3.2)])}`);
    for (let z = 10; z < Z_BACK - 3; z += 1.5) lines.push(`M${pts([P(-X_SIDE + 2.5, 0.01, z)])} L${pts([P(X_SIDE - 2.5, 0.01, z)])}`);
    ground.push(`<path d="${lines.join(" ")}" stroke="#cbb995" stroke-width="1" fill="none"/>`);
    // bands of darker stone across the square
    for (const z of [20, 30, 47]) ground.push(groundPoly([[-X_SIDE + 2.5, z], [X_SIDE - 2.5, z], [X_SIDE - 2.5, z + 0.8], [-X_SIDE + 2.5, z + 0.8]], "#b9a27c"));
    ground.push(groundEllipse(0, 38, 8.5, 8.5, "#d4c09c"));
    ground.push(groundEllipse(0, 38, 8.5, 8.5, "none", 'stroke="#a88f69" stroke-width="2"'));
    ground.push(groundEllipse(0, 38, 6.2, 6.2, "none", 'stroke="#bca680" stroke-width="1.5"'));
    // water play: flat field of jets in front
    ground.push(groundPoly([[-4, 14], [4, 14], [4, 19], [-4, 19]], "#cfd9d8"));
    // tactile guiding strip (Blindenleitsystem) across the square
    ground.push(groundPoly([[9.6, near], [10.2, near], [10.2, Z_BACK - 3.2], [9.6, Z_BACK - 3.2]], "#f2f2ee"));
  } else {
    // parking bays
    const lines = [];
    for (const [xa, xb] of [[-19, -6.5], [6.5, 19]]) {
      for (let x = xa; x <= xb + 0.01; x += 2.5) {
        for (const [z0, z1] of [[13, 18], [24, 29], [35, 40], [46, 51]]) lines.push(`M${pts([P(x, 0.01, z0)])} L${pts([P(x, 0.01, z1)])}`);
      }
    }
    ground.push(`<path d="${lines.join(" ")}" stroke="#f2f2f2" stroke-width="2" fill="none"/>`);
    ground.push(groundPoly([[-2, 42], [3, 42], [4, 47], [-1, 47]], "#858a8f"));
    ground.push(groundPoly([[-12, 20], [-8, 20], [-7, 22], [-12, 22.5]], "#979ca1"));
    // arrow on the driving lane
    ground.push(groundPoly([[-0.3, 22], [0.3, 22], [0.3, 25], [0.9, 25], [0, 27], [-0.9, 25], [-0.3, 25]], "#f2f2f2"));
  }
  parts.push(ground.join(""));

  /** Things on the square, drawn far to near. */
  const things = [];
  const add = (z, svg) => things.push({ z, svg });
  const bus = [X_SIDE - 2.9, 36];

  add(Z_BACK - 0.1, rathausSteps());
  if (vision) {
    add(38, fountain(0, 38, true));
    for (const z of [16, 22, 28, 34, 40, 46, 52]) {
      add(z, tree(-17, z, rand.range(2.4, 2.9), z * 7));
      add(z, tree(17, z, rand.range(2.4, 2.9), z * 13));
    }
    add(44, tree(-8, 44, 2.2, 501, "young"));
    add(44, tree(8, 44, 2.2, 502, "young"));
    add(49, marketStall(-14, 49, 3.4, 2.2, "#c0392b"));
    add(49, marketStall(-9.8, 49, 3.4, 2.2, "#1f618d"));
    add(49, marketStall(5.5, 49, 3.4, 2.2, "#1e8449"));
    add(49, marketStall(9.7, 49, 3.4, 2.2, "#d68910"));
    for (const z of [19, 25, 31, 37, 43]) {
      add(z + 3, bench(-15.2, z + 3, 1.8, false));
      add(z + 3, bench(14.8, z + 3, 1.8, false));
    }
    add(31.5, bench(-1.5, 31.5, 3));
    for (const z of [18, 30, 42, 54]) {
      add(z, lamp(-20.5, z));
      add(z, lamp(20.5, z));
    }
    add(25, planter(-6, 25));
    add(25, planter(6, 25));
    add(bus[1], busStop(...bus));
    // bike parking near the stop
    for (let i = 0; i < 4; i++) {
      const bz = 19 + i * 0.8;
      const [bx, by] = P(12.5, 0, bz);
      add(bz, bicycle(bx, by, scaleAt(bz), rand.pick(["#1f618d", "#c0392b", "#117a65", "#2c3e50"])).svg);
    }
    // water jets of the water play area
    for (let i = 0; i < 6; i++) {
      const jx = -3.2 + (i % 3) * 3.2;
      const jz = 15 + Math.floor(i / 3) * 2.6;
      const [px, py] = P(jx, 0, jz);
      const s = scaleAt(jz);
      add(jz, `<path d="M${n(px)},${n(py)} Q${n(px - s * 0.15)},${n(py - s * 1.2)} ${n(px)},${n(py - s * 1.5)} Q${n(px + s * 0.15)},${n(py - s * 1.2)} ${n(px)},${n(py)}" fill="#dff1f8" stroke="#ffffff" stroke-width="1" opacity="0.85"/>`);
    }
    // people: a lively square
    for (let i = 0; i < 46; i++) {
      const z = rand.range(12, 55);
      let x = rand.range(-21, 21);
      if (Math.hypot(x, z - 38) < 4.6) x += x < 0 ? -5 : 5;
      add(z, person(x, z, rand, { child: rand() < 0.18, bag: rand() < 0.3 }));
    }
    // a cyclist crossing the square
    const cz = 26;
    const [cx, cy] = P(-9, 0, cz);
    add(cz, cyclist(cx, cy, scaleAt(cz), rand, { helmet: "#f39c12" }));
  } else {
    add(38, fountain(0, 38, false));
    add(54, tree(-20, 54, 2.6, 77));
    add(30, tree(21, 30, 2.4, 88));
    const palette = ["#c0392b", "#ecf0f1", "#2c3e50", "#7f8c8d", "#1f618d", "#bdc3c7", "#34495e", "#f4f6f7", "#922b21", "#1e8449"];
    for (const [xa, xb] of [[-19, -6.5], [6.5, 19]]) {
      for (let x = xa + 1.25; x < xb; x += 2.5) {
        for (const zc of [15.5, 26.5, 37.5, 48.5]) {
          if (rand() < 0.14) continue;
          add(zc + 2.2, car(x, zc, rand.pick(palette)));
        }
      }
    }
    add(33, car(0.8, 33, "#f4d03f", "z"));
    add(bus[1], busStop(...bus));
    for (let i = 0; i < 9; i++) {
      const z = rand.range(12, 56);
      const x = rand.pick([-22.5, -22, 22, 22.6, rand.range(-4, 4)]);
      add(z, person(x, z, rand, { bag: rand() < 0.4 }));
    }
    add(21, box(-4.6, -4.0, 0, 1.6, 21, 21.4, "#7f8c8d"));
    for (const z of [24, 46]) {
      add(z, lamp(-5.3, z));
      add(z, lamp(5.3, z));
    }
  }
  things.sort((a, b) => b.z - a.z);
  parts.push(things.map((t) => t.svg).join(""));
  // soft vignette for depth
  parts.push(`<defs><radialGradient id="vig" cx="0.5" cy="0.45" r="0.75"><stop offset="0.6" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.18"/></radialGradient></defs><rect width="${W}" height="${H}" fill="url(#vig)"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join("")}</svg>`;
}

// ---------------------------------------------------------------- the bike lane (side view)

function bikeLane() {
  const rand = rng(42);
  const out = [sky(17, { clouds: 5, sun: [240, 120], cloudMaxY: 200 })];
  // far houses
  let x = -20;
  while (x < W) {
    const w = rand.range(90, 170);
    const h = rand.range(200, 330);
    const c = rand.pick(FACADE);
    const base = 470;
    out.push(`<rect x="${n(x)}" y="${n(base - h)}" width="${n(w)}" height="${n(h)}" fill="${shade(c, 0.97)}" stroke="${shade(c, 0.8)}"/>`);
    if (rand() < 0.6) out.push(poly([[x - 6, base - h], [x + w + 6, base - h], [x + w / 2, base - h - w * 0.45]], rand.pick(["#9c4a35", "#8a3f2e", "#5b6770"])));
    else out.push(`<rect x="${n(x - 4)}" y="${n(base - h - 10)}" width="${n(w + 8)}" height="12" fill="${shade(c, 0.75)}"/>`);
    for (let fy = base - h + 30; fy < base - 70; fy += 52) {
      for (let fx = x + 16; fx < x + w - 30; fx += 38) out.push(`<rect x="${n(fx)}" y="${n(fy)}" width="20" height="30" fill="${rand() < 0.1 ? "#f6d58a" : "#4d6577"}" stroke="#f4efe4" stroke-width="2"/>`);
    }
    out.push(`<rect x="${n(x + 12)}" y="${n(base - 62)}" width="${n(w - 24)}" height="50" fill="#4f6b7a"/>`);
    out.push(`<rect x="${n(x + 8)}" y="${n(base - 74)}" width="${n(w - 16)}" height="12" fill="${rand.pick(["#b03a2e", "#1f618d", "#117864", "#7d6608"])}"/>`);
    x += w;
  }
  // far sidewalk, parked nothing: a row of street trees
  out.push(`<rect x="0" y="470" width="${W}" height="42" fill="#cfc9bd"/>`);
  out.push(`<rect x="0" y="508" width="${W}" height="6" fill="#a9a39a"/>`);
  for (let tx = 80; tx < W; tx += 260) {
    out.push(`<rect x="${n(tx - 6)}" y="380" width="12" height="112" fill="#6b4a32"/>`);
    const greens = ["#3f7d3a", "#4d8f41", "#5a9e4b", "#356b33"];
    for (let i = 0; i < 8; i++) out.push(`<circle cx="${n(tx + rand.range(-55, 55))}" cy="${n(360 + rand.range(-45, 35))}" r="${n(rand.range(38, 55))}" fill="${greens[i % 4]}"/>`);
    out.push(`<circle cx="${n(tx - 25)}" cy="330" r="30" fill="#8cc46e" opacity="0.5"/>`);
  }
  for (let i = 0; i < 7; i++) out.push(person2d(rand.range(20, W - 20), 500, 0.55, rand));
  // road with traffic
  out.push(`<rect x="0" y="514" width="${W}" height="170" fill="#5f6468"/>`);
  for (let dx = 0; dx < W; dx += 120) out.push(`<rect x="${dx}" y="596" width="60" height="6" fill="#f2f2f2"/>`);
  out.push(busSide(880, 588));
  out.push(carSide(260, 670, "#c0392b"));
  out.push(carSide(1360, 668, "#ecf0f1"));
  // separator with kerb and bollards
  out.push(`<rect x="0" y="684" width="${W}" height="22" fill="#bdb8ae"/>`);
  out.push(`<rect x="0" y="684" width="${W}" height="5" fill="#d9d4ca"/>`);
  for (let bx = 40; bx < W; bx += 150) {
    out.push(`<rect x="${bx}" y="620" width="14" height="72" rx="6" fill="#f4f4f4"/>`);
    out.push(`<rect x="${bx}" y="636" width="14" height="10" fill="#c0392b"/><rect x="${bx}" y="656" width="14" height="10" fill="#c0392b"/>`);
  }
  // the protected bike lane, coloured, with markings
  out.push(`<rect x="0" y="706" width="${W}" height="112" fill="#3f8f5a"/>`);
  out.push(`<rect x="0" y="706" width="${W}" height="112" fill="url(#grain)" opacity="0.25"/>`);
  out.push(`<rect x="0" y="712" width="${W}" height="5" fill="#f2f2f2"/>`);
  out.push(`<rect x="0" y="808" width="${W}" height="5" fill="#f2f2f2"/>`);
  for (let mx = 120; mx < W; mx += 520) {
    // flattened bicycle pictogram painted on the lane
    out.push(`<g transform="translate(${mx} 762) scale(1 0.35)" fill="none" stroke="#f2f2f2" stroke-width="8"><circle cx="-45" cy="0" r="34"/><circle cx="45" cy="0" r="34"/><path d="M-45,0 L-10,0 L20,-50 L-25,-50 Z M20,-50 L45,0 M-25,-50 L-30,-66"/></g>`);
    out.push(`<path d="M${mx + 130},770 l60,0 l0,-14 l34,22 l-34,22 l0,-14 l-60,0 Z" fill="#f2f2f2" transform="translate(0 0) scale(1 1)" opacity="0.95"/>`);
  }
  // cyclists on the lane
  out.push(cyclist(330, 800, 150, rand, { shirt: "#2874a6", helmet: "#f39c12", backpack: "#f1c40f" }));
  out.push(cyclist(760, 792, 140, rand, { shirt: "#c0392b", helmet: "#ecf0f1", cargo: "#00566b" }));
  out.push(cyclist(1150, 796, 118, rand, { shirt: "#16a085", helmet: "#c0392b" }));
  out.push(cyclist(1360, 806, 92, rand, { shirt: "#f1c40f", helmet: "#2874a6" }));
  // near sidewalk with planting strip
  out.push(`<rect x="0" y="818" width="${W}" height="82" fill="#d8d2c4"/>`);
  out.push(`<rect x="0" y="818" width="${W}" height="7" fill="#b5ad9d"/>`);
  for (let px = 0; px < W; px += 64) out.push(`<line x1="${px}" y1="825" x2="${px - 30}" y2="900" stroke="#c6bfaf" stroke-width="2"/>`);
  for (let gx = 60; gx < W; gx += 400) {
    out.push(`<rect x="${gx}" y="828" width="180" height="30" rx="6" fill="#6a8f3a"/>`);
    for (let i = 0; i < 10; i++) out.push(`<circle cx="${n(gx + 10 + i * 17)}" cy="${n(830 + rand.range(-6, 4))}" r="${n(rand.range(9, 14))}" fill="${rand.pick(["#5a9e4b", "#7dbb5a", "#e07a9a", "#f4d03f"])}"/>`);
  }
  const defs = `<defs><pattern id="grain" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#3f8f5a"/><circle cx="1" cy="1" r="1" fill="#2e6d44"/><circle cx="4" cy="4" r="0.8" fill="#5aa772"/></pattern></defs>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${defs}${out.join("")}</svg>`;
}

function person2d(x, y, k, rand) {
  const s = 160 * k;
  const shirt = rand.pick(CLOTHES);
  const trousers = rand.pick(["#2c3e50", "#4a4a4a", "#1b2631", "#5d6d7e"]);
  return `<g>` +
    `<rect x="${n(x - s * 0.09)}" y="${n(y - s * 0.52)}" width="${n(s * 0.08)}" height="${n(s * 0.52)}" fill="${trousers}"/>` +
    `<rect x="${n(x + s * 0.01)}" y="${n(y - s * 0.52)}" width="${n(s * 0.08)}" height="${n(s * 0.52)}" fill="${shade(trousers, 0.85)}"/>` +
    `<rect x="${n(x - s * 0.12)}" y="${n(y - s * 0.95)}" width="${n(s * 0.24)}" height="${n(s * 0.46)}" rx="${n(s * 0.07)}" fill="${shirt}"/>` +
    `<circle cx="${n(x)}" cy="${n(y - s * 1.05)}" r="${n(s * 0.1)}" fill="${rand.pick(SKIN)}"/>` +
    `</g>`;
}

function carSide(x, y, color) {
  return `<g><ellipse cx="${x + 120}" cy="${y + 2}" rx="140" ry="8" fill="#000" opacity="0.25"/>` +
    `<path d="M${x},${y - 20} Q${x},${y - 58} ${x + 30},${y - 62} L${x + 70},${y - 64} L${x + 100},${y - 100} L${x + 180},${y - 100} L${x + 220},${y - 64} Q${x + 250},${y - 60} ${x + 250},${y - 30} L${x + 250},${y - 20} Z" fill="${color}" stroke="${shade(color, 0.7)}" stroke-width="2"/>` +
    `<path d="M${x + 80},${y - 66} L${x + 104},${y - 94} L${x + 136},${y - 94} L${x + 136},${y - 66} Z M${x + 144},${y - 66} L${x + 144},${y - 94} L${x + 176},${y - 94} L${x + 204},${y - 66} Z" fill="#5b7384"/>` +
    `<circle cx="${x + 55}" cy="${y - 18}" r="22" fill="#222"/><circle cx="${x + 55}" cy="${y - 18}" r="10" fill="#9aa3a8"/>` +
    `<circle cx="${x + 200}" cy="${y - 18}" r="22" fill="#222"/><circle cx="${x + 200}" cy="${y - 18}" r="10" fill="#9aa3a8"/>` +
    `<rect x="${x + 238}" y="${y - 52}" width="12" height="10" fill="#f7dc6f"/></g>`;
}

function busSide(x, y) {
  const out = [`<g><ellipse cx="${x + 230}" cy="${y + 2}" rx="250" ry="9" fill="#000" opacity="0.25"/>`];
  out.push(`<rect x="${x}" y="${y - 150}" width="470" height="138" rx="16" fill="#f2c14e" stroke="#b7892a" stroke-width="2"/>`);
  out.push(`<rect x="${x}" y="${y - 40}" width="470" height="16" fill="#00566b"/>`);
  for (let i = 0; i < 6; i++) out.push(`<rect x="${x + 24 + i * 66}" y="${y - 134}" width="56" height="56" rx="4" fill="#4d6577"/>`);
  out.push(`<rect x="${x + 420}" y="${y - 134}" width="40" height="70" rx="4" fill="#4d6577"/>`);
  out.push(`<rect x="${x + 206}" y="${y - 112}" width="40" height="94" fill="#3e5566" stroke="#b7892a"/>`);
  for (const wx of [x + 80, x + 380]) out.push(`<circle cx="${wx}" cy="${y - 12}" r="26" fill="#222"/><circle cx="${wx}" cy="${y - 12}" r="12" fill="#9aa3a8"/>`);
  out.push(`</g>`);
  return out.join("");
}

// ---------------------------------------------------------------- logo

function logo() {
  // A coat of arms: a city gate with three towers on a petrol shield, and a golden band.
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 140" width="120" height="140" role="img">
  <title>Stadt Musterstadt</title>
  <defs><clipPath id="shield"><path d="M6 6 H114 V70 C114 104 88 126 60 136 C32 126 6 104 6 70 Z"/></clipPath></defs>
  <path d="M6 6 H114 V70 C114 104 88 126 60 136 C32 126 6 104 6 70 Z" fill="#00566b"/>
  <g fill="#ffffff">
    <path d="M26 96 V52 H22 V40 H28 V44 H34 V40 H40 V44 H46 V40 H50 V52 H52 V96 Z"/>
    <path d="M68 96 V52 H70 V40 H74 V44 H80 V40 H86 V44 H92 V40 H98 V52 H94 V96 Z"/>
    <path d="M46 96 V38 H42 V26 H48 V30 H55 V26 H65 V30 H72 V26 H78 V38 H74 V96 Z"/>
  </g>
  <path d="M52 96 V78 A8 8 0 0 1 68 78 V96 Z" fill="#00566b"/>
  <g fill="#00566b"><rect x="56" y="44" width="8" height="12" rx="4"/><rect x="32" y="60" width="6" height="10" rx="3"/><rect x="82" y="60" width="6" height="10" rx="3"/></g>
  <rect x="0" y="98" width="120" height="42" fill="#f2c14e" clip-path="url(#shield)"/>
  <path d="M34 112 L44 106 L54 112 L64 106 L74 112 L84 106" fill="none" stroke="#00566b" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>
  <path d="M6 6 H114 V70 C114 104 88 126 60 136 C32 126 6 104 6 70 Z" fill="none" stroke="#003b4a" stroke-width="4" stroke-linejoin="round"/>
</svg>
`;
}

// ---------------------------------------------------------------- output

async function jpeg(svg, rel) {
  const file = root + rel;
  await mkdir(dirname(file), { recursive: true });
  const info = await sharp(Buffer.from(svg)).jpeg({ quality: 80, mozjpeg: true, chromaSubsampling: "4:2:0" }).toFile(file);
  console.log(`${rel}  ${info.width}×${info.height}  ${Math.round(info.size / 1024)} KB`);
}

await jpeg(marketSquare("vision"), "campaigns/marktplatz/media/hero-marktplatz.jpg");
await jpeg(marketSquare("today"), "campaigns/marktplatz/media/marktplatz-heute.jpg");
await jpeg(bikeLane(), "campaigns/radverkehr/media/hero-radverkehr.jpg");
await mkdir(root + "campaigns/media", { recursive: true });
await writeFile(root + "campaigns/media/musterstadt-logo.svg", logo());
console.log("campaigns/media/musterstadt-logo.svg");
if (process.argv.includes("--svg")) {
  await writeFile(root + "campaigns/marktplatz/media/hero-marktplatz.svg", marketSquare("vision"));
}
