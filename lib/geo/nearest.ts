import { formatNumber } from '../i18n/format-number';
import type { Locale } from '../i18n/locales';
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

/** "80 m", "950 m", "1.2 km" ("1,2 km" in Norwegian), "14 km": as far as a walk or ride needs. */
export function formatDistance(meters: number, locale: Locale = 'en'): string {
  if (meters < 1000) return `${Math.round(meters / 10) * 10} m`;
  return meters < 10_000 ? `${formatNumber(meters / 1000, locale, 1)} km` : `${formatNumber(Math.round(meters / 1000), locale)} km`;
}
