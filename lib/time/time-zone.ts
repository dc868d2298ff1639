/** IANA names are short Area/Location paths; anything else is refused before ICU sees it. */
const MAX_LENGTH = 64;
const IANA_SHAPE = /^[A-Za-z][\w+-]*(?:\/[\w+-]+){0,2}$/;
const MAX_REMEMBERED = 1_000;
const remembered = new Map<string, string | null>();

export const FALLBACK_TIME_ZONE = 'UTC';

/**
 * The canonical IANA name of `zone` ("utc" → "UTC", "US/Pacific" → "America/Los_Angeles"), or null
 * when it names no time zone. Canonical names are the ones both ICU and PostgreSQL know, so a zone
 * passed here can go into `AT TIME ZONE` as well as into Intl.DateTimeFormat.
 */
export function canonicalTimeZone(zone: unknown): string | null {
  if (typeof zone !== 'string' || zone.length > MAX_LENGTH || !IANA_SHAPE.test(zone)) return null;
  let canonical = remembered.get(zone);
  if (canonical === undefined) {
    try {
      canonical = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      canonical = null;
    }
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(zone, canonical);
  }
  return canonical;
}

/** A zone to show times in: the given one when it is a time zone, otherwise UTC (still a correct clock). */
export function timeZoneOrUtc(zone: unknown): string {
  return canonicalTimeZone(zone) ?? FALLBACK_TIME_ZONE;
}
