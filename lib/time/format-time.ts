import { intlLocale, type Locale } from '../i18n/locales';
import { timeZoneOrUtc } from './time-zone';

// Keyed by locale and canonical zone name only, so at most a few hundred clocks whatever names come in.
const clocks = new Map<string, Intl.DateTimeFormat>();

function clockFor(zone: string, locale: Locale): Intl.DateTimeFormat {
  const timeZone = timeZoneOrUtc(zone);
  const key = `${locale} ${timeZone}`;
  let clock = clocks.get(key);
  if (!clock) {
    clock = new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: 'short' });
    clocks.set(key, clock);
  }
  return clock;
}

/**
 * "12:03:15 CEST" in the bike system's own timezone, whatever the reader's, named so a reader
 * elsewhere knows whose clock it is (an abbreviation where the language has one, else "GMT-5").
 */
export function formatClock(iso: string, timeZone: string, locale: Locale = 'en'): string {
  return clockFor(timeZone, locale).format(new Date(iso));
}

/** Hours are "t" (timer) and days "d" (døgn) in Norwegian. */
const AGE_UNITS: Record<Locale, { s: string; min: string; h: string; d: string }> = {
  en: { s: 's', min: 'min', h: 'h', d: 'd' },
  nb: { s: 's', min: 'min', h: 't', d: 'd' },
};

/** "4 s", "3 min", "2 h", "5 d": how long ago, short enough for a badge. */
export function formatAge(seconds: number, locale: Locale = 'en'): string {
  const units = AGE_UNITS[locale];
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} ${units.s}`;
  if (s < 3600) return `${Math.floor(s / 60)} ${units.min}`;
  if (s < 86_400) return `${Math.floor(s / 3600)} ${units.h}`;
  return `${Math.floor(s / 86_400)} ${units.d}`;
}

/** "2 h 05 min" ("2 t 05 min" in Norwegian); under an hour, "45 min". */
export function formatMinutes(minutes: number, locale: Locale = 'en'): string {
  const whole = Math.round(minutes);
  if (whole < 60) return `${whole} min`;
  return `${Math.floor(whole / 60)} ${AGE_UNITS[locale].h} ${String(whole % 60).padStart(2, '0')} min`;
}

const zoneNames = new Map<string, Intl.DateTimeFormat>();

/** "CET" or "CEST" (at that date), "UTC", "GMT-5": the zone's short name for a label after a time. */
export function zoneName(date: Date, zone: string, locale: Locale = 'en'): string {
  const timeZone = timeZoneOrUtc(zone);
  const key = `${locale} ${timeZone}`;
  let names = zoneNames.get(key);
  if (!names) {
    names = new Intl.DateTimeFormat(intlLocale(locale), { timeZone, timeZoneName: 'short' });
    zoneNames.set(key, names);
  }
  return names.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}
