/** Dates and durations on the station page, always in the bike system's timezone. */

import { zoneName } from '@/lib/time/format-time';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    } catch {
      // An unknown timezone name from a feed: UTC is still a correct clock, just not the local one.
      format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
    }
    formats.set(key, format);
  }
  return format;
}

const HOUR_MINUTE: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };

/** "Tue 10 Sept" */
export function formatDay(date: Date, timeZone: string): string {
  return formatIn(timeZone, DAY).format(date);
}

/** "10 Sept 2024": for history, which can span years. */
export function formatDate(date: Date, timeZone: string): string {
  return formatIn(timeZone, { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/** "12:03" */
export function formatHourMinute(date: Date, timeZone: string): string {
  return formatIn(timeZone, HOUR_MINUTE).format(date);
}

export function isSameLocalDay(a: Date, b: Date, timeZone: string): boolean {
  const day = formatIn(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return day.format(a) === day.format(b);
}

/** "12:03 CEST": a time of day with its zone, for anywhere it is shown on its own. */
export function formatTime(date: Date, timeZone: string): string {
  return `${formatHourMinute(date, timeZone)} ${zoneName(date, timeZone)}`;
}

/** "12:03 CEST" today, "Tue 10 Sept, 12:03 CEST" on another day. */
export function formatWhen(date: Date, timeZone: string, now: Date): string {
  const time = formatTime(date, timeZone);
  return isSameLocalDay(date, now, timeZone) ? time : `${formatDay(date, timeZone)}, ${time}`;
}

/** "0 min", "45 min", "2 h 05 min" */
export function formatMinutes(minutes: number): string {
  const whole = Math.round(minutes);
  if (whole < 60) return `${whole} min`;
  return `${Math.floor(whole / 60)} h ${String(whole % 60).padStart(2, '0')} min`;
}
