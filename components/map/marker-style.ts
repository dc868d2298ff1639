import type { PathOptions } from 'leaflet';
import type { AvailabilityLevel } from '@/lib/availability';

/**
 * How each availability level is drawn. Colour is never the only cue: empty stations are hollow
 * rings, full ones carry a thick dashed rim, closed ones a dotted ring, and the size follows bikes.
 */
export const LEVEL_COLORS: Record<AvailabilityLevel, string> = {
  empty: '#dc2626',
  low: '#d97706',
  ok: '#16a34a',
  full: '#2563eb',
  closed: '#64748b',
};

export const LEVEL_STYLES: Record<AvailabilityLevel, PathOptions> = {
  empty: { color: LEVEL_COLORS.empty, weight: 2.5, fillColor: LEVEL_COLORS.empty, fillOpacity: 0.08 },
  low: { color: '#92400e', weight: 1, fillColor: LEVEL_COLORS.low, fillOpacity: 0.85 },
  ok: { color: '#14532d', weight: 1, fillColor: LEVEL_COLORS.ok, fillOpacity: 0.85 },
  full: { color: '#1e3a8a', weight: 3, dashArray: '4 3', fillColor: LEVEL_COLORS.full, fillOpacity: 0.85 },
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
