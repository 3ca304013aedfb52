// Deterministic pseudo-random numbers for the example generators (make-example-media.mjs,
// make-example-basemap.mjs): re-running them gives the same pictures and the same town.

/** A generator seeded with `seed`: call it for [0, 1), `.range(lo, hi)` and `.pick(list)`. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.range = (lo, hi) => lo + (hi - lo) * next();
  next.pick = (list) => list[Math.floor(next() * list.length)];
  return next;
}
