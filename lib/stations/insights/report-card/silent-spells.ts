import type { Span } from './spans';
import { inService } from './spans';

export const SILENT_MIN_MS = 3 * 3_600_000;

/**
 * Daytime spells of at least 3 h in which the station, in service when the spell began, saw no
 * rider change while riders moved at least one bike per station across the system: a stuck bike or
 * a broken dock rather than a quiet street. `riderTimes` are the station's rider changes, sorted;
 * `systemRiderBikes(from, to)` counts the system's rider bikes in [from, to).
 */
export function silentMs(
  spans: readonly Span[],
  riderTimes: readonly number[],
  daytime: { start: number; end: number },
  busyThreshold: number,
  systemRiderBikes: (from: number, to: number) => number,
): number {
  const bounds = [daytime.start, ...riderTimes.filter((t) => t > daytime.start && t < daytime.end), daytime.end];
  let silent = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]!;
    const to = bounds[i + 1]!;
    if (to - from < SILENT_MIN_MS) continue;
    const atStart = spans.find((span) => span.start <= from && from < span.end);
    if (!atStart || !inService(atStart.report)) continue;
    if (systemRiderBikes(from, to) >= busyThreshold) silent += to - from;
  }
  return silent;
}
