import { canonicalTimeZone } from '../time/time-zone';
import type { SchemaProblem } from './problem-schema';
import type { SchemaVersion } from './schema-version';

export const TIME_ZONE_POINTER = '/data/timezone';

/**
 * A system_information timezone that names no IANA time zone: its times are shown in UTC, and this
 * says why on /systems. The value itself is not repeated: it can be anything the feed sent.
 */
export function timeZoneProblem(zone: unknown, checkedAgainst: SchemaVersion): SchemaProblem | null {
  if (zone === undefined || canonicalTimeZone(zone) !== null) return null;
  return {
    kind: 'schema',
    feed: 'system_information',
    pointer: TIME_ZONE_POINTER,
    message: 'not an IANA time zone name; times are shown in UTC',
    count: 1,
    exampleStationId: null,
    checkedAgainst,
  };
}
