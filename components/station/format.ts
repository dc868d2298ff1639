/** Dates on the station page, always in the bike system's timezone, worded in the reader's language. */

import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { zoneName } from '@/lib/time/format-time';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string, locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone });
    } catch {
      // An unknown timezone name from a feed: UTC is still a correct clock, just not the local one.
      format = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: 'UTC' });
    }
    formats.set(key, format);
  }
  return format;
}

const HOUR_MINUTE: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };

/** "Tue 10 Sept" ("tir. 10. sep.") */
export function formatDay(date: Date, timeZone: string, locale: Locale = 'en'): string {
  return formatIn(timeZone, locale, DAY).format(date);
}

/** "10 Sept 2024" ("10. sep. 2024"): for history, which can span years. */
export function formatDate(date: Date, timeZone: string, locale: Locale = 'en'): string {
  return formatIn(timeZone, locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/** "12:03" */
export function formatHourMinute(date: Date, timeZone: string, locale: Locale = 'en'): string {
  return formatIn(timeZone, locale, HOUR_MINUTE).format(date);
}

export function isSameLocalDay(a: Date, b: Date, timeZone: string): boolean {
  const day = formatIn(timeZone, 'en', { year: 'numeric', month: '2-digit', day: '2-digit' });
  return day.format(a) === day.format(b);
}

/** "12:03 CEST": a time of day with its zone, for anywhere it is shown on its own. */
export function formatTime(date: Date, timeZone: string, locale: Locale = 'en'): string {
  return `${formatHourMinute(date, timeZone, locale)} ${zoneName(date, timeZone, locale)}`;
}

/** "12:03 CEST" today, "Tue 10 Sept, 12:03 CEST" on another day. */
export function formatWhen(date: Date, timeZone: string, now: Date, locale: Locale = 'en'): string {
  const time = formatTime(date, timeZone, locale);
  return isSameLocalDay(date, now, timeZone) ? time : `${formatDay(date, timeZone, locale)}, ${time}`;
}
