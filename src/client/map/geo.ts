// The nearest named place, for "Punkt gesetzt nahe Marktbrunnen". (Whether a point lies in the
// planning area is src/campaign/geo.ts's pointInArea, the one the collector uses.)

/** Distance in metres (equirectangular; fine within a city). */
export function metres(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const x = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad);
  const y = (b[1] - a[1]) * rad;
  return Math.sqrt(x * x + y * y) * 6_371_000;
}

export function nearest<T extends { coordinates: [number, number] }>(point: [number, number], places: T[]): { place: T; distance: number } | undefined {
  let best: { place: T; distance: number } | undefined;
  for (const place of places) {
    const distance = metres(point, place.coordinates);
    if (!best || distance < best.distance) best = { place, distance };
  }
  return best;
}
