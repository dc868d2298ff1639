import type { PathOptions } from 'leaflet';
import type { AvailabilityLevel } from '@/lib/stations/availability';

/**
 * How each availability level is drawn: Okabe & Ito's palette, which stays apart for red–green
 * colour blindness, and a shape per level so colour is never the only cue — empty is a hollow ring,
 * few bikes a fill inside a thick dark rim, bikes and docks a plain fill, full a fill with a thick
 * dashed rim, closed a dotted ring. Size follows bikes.
 */
const LEVEL_COLORS: Record<AvailabilityLevel, string> = {
  empty: '#d55e00',
  low: '#f0e442',
  ok: '#009e73',
  full: '#0072b2',
  closed: '#555555',
};

export const LEVEL_STYLES: Record<AvailabilityLevel, PathOptions> = {
  empty: { color: LEVEL_COLORS.empty, weight: 2.5, fillColor: LEVEL_COLORS.empty, fillOpacity: 0.08 },
  low: { color: '#4d4400', weight: 3, fillColor: LEVEL_COLORS.low, fillOpacity: 0.9 },
  ok: { color: '#00513b', weight: 1, fillColor: LEVEL_COLORS.ok, fillOpacity: 0.85 },
  full: { color: '#003b5c', weight: 3, dashArray: '4 3', fillColor: LEVEL_COLORS.full, fillOpacity: 0.85 },
  closed: { color: LEVEL_COLORS.closed, weight: 1.5, dashArray: '2 3', fillColor: LEVEL_COLORS.closed, fillOpacity: 0.15 },
};

/** A station gone quiet: its last counts are drawn faint and grey, whatever they were. */
export const NOT_REPORTING_STYLE: PathOptions = { color: '#94a3b8', weight: 1, dashArray: '1 3', fillColor: '#cbd5e1', fillOpacity: 0.3 };
export const NOT_REPORTING_RADIUS = 4;

export const EBIKE_DOT_STYLE: PathOptions = { color: '#ffffff', weight: 1, fillColor: '#1e1b4b', fillOpacity: 1 };
export const EBIKE_DOT_RADIUS = 2.5;

/** Radius in pixels: grows with the square root of bikes, so area tracks the count. */
export function markerRadius(level: AvailabilityLevel, bikes: number): number {
  if (level === 'closed') return 5;
  if (level === 'empty') return 6;
  return Math.min(14, 4 + 2 * Math.sqrt(bikes));
}
