import { haversineMeters } from './haversine';

interface Point {
  lat: number | null;
  lon: number | null;
}

/** The `count` places closest to `from`, nearest first, with their distance in metres; places without a position are left out. */
export function nearest<T extends Point>(places: readonly T[], from: { lat: number; lon: number }, count: number): { place: T; meters: number }[] {
  return places
    .flatMap((place) => (place.lat === null || place.lon === null ? [] : [{ place, meters: haversineMeters(from, { lat: place.lat, lon: place.lon }) }]))
    .sort((a, b) => a.meters - b.meters)
    .slice(0, count);
}

/** "80 m", "950 m", "1.2 km", "14 km": as far as a walk or ride needs. */
export function formatDistance(meters: number): string {
  if (meters < 1000) return `${Math.round(meters / 10) * 10} m`;
  return meters < 10_000 ? `${(meters / 1000).toFixed(1)} km` : `${Math.round(meters / 1000)} km`;
}
