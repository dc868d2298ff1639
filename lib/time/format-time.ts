import { timeZoneOrUtc } from './time-zone';

// Keyed by canonical zone names only, so at most a few hundred clocks whatever names come in.
const clocks = new Map<string, Intl.DateTimeFormat>();

function clockFor(zone: string): Intl.DateTimeFormat {
  const timeZone = timeZoneOrUtc(zone);
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: 'short' });
    clocks.set(timeZone, clock);
  }
  return clock;
}

/**
 * "12:03:15 CEST" in the bike system's own timezone, whatever the reader's, named so a reader
 * elsewhere knows whose clock it is (an abbreviation where English has one, else "GMT-5").
 */
export function formatClock(iso: string, timeZone: string): string {
  return clockFor(timeZone).format(new Date(iso));
}

/** "4 s", "3 min", "2 h", "5 d": how long ago, short enough for a badge. */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h`;
  return `${Math.floor(s / 86_400)} d`;
}

const zoneNames = new Map<string, Intl.DateTimeFormat>();

/** "CET" or "CEST" (at that date), "UTC", "GMT-5": the zone's short name for a label after a time. */
export function zoneName(date: Date, zone: string): string {
  const timeZone = timeZoneOrUtc(zone);
  let names = zoneNames.get(timeZone);
  if (!names) {
    names = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' });
    zoneNames.set(timeZone, names);
  }
  return names.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}
