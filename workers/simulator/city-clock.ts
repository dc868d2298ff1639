export const CITY_TIMEZONE = 'Europe/Oslo';

const clockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: CITY_TIMEZONE,
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/** Local time of day in the simulated city as a fractional hour, 0 <= h < 24. */
export function cityHour(nowSeconds: number): number {
  const parts = clockFormat.formatToParts(new Date(nowSeconds * 1000));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') + part('minute') / 60;
}

// Trips per tick for a 250-station city, by local hour: commuter peaks, quiet (never still) nights.
const tripsByHour = [0.5, 0.5, 0.5, 0.5, 0.5, 1, 1.5, 3, 3.5, 2.5, 2, 2, 2, 2, 2, 2.5, 3, 3.5, 3, 2, 1.5, 1.5, 1, 1];

export function tripDemand(hour: number): number {
  return tripsByHour[Math.floor(hour) % 24] ?? 1;
}

/** +1 while commuters ride in (7–9), -1 while they ride home (16–18), 0 otherwise. */
export function commuteDirection(hour: number): number {
  if (hour >= 7 && hour < 9) return 1;
  if (hour >= 16 && hour < 18) return -1;
  return 0;
}
