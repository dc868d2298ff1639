import type { AvailabilityEventKind } from './availability-events';

// A tag: URI (RFC 4151) names a thing for good without a host: the same event keeps its id whatever
// address the feed is fetched from, and a reader never shows it twice.
const TAG_AUTHORITY = 'tag:bikestream,2026:';
const part = (value: string) => encodeURIComponent(value);

export const stationFeedId = (systemId: string, stationId: string) => `${TAG_AUTHORITY}stations/${part(systemId)}/${part(stationId)}/feed`;

export const systemFeedId = (systemId: string) => `${TAG_AUTHORITY}systems/${part(systemId)}/feed`;

/** One event's id: its station, its kind and the report it happened at, nothing that changes later. */
export function eventEntryId(event: { systemId: string; stationId: string; kind: AvailabilityEventKind; reportedAt: Date }): string {
  return `${TAG_AUTHORITY}stations/${part(event.systemId)}/${part(event.stationId)}/${event.kind}/${event.reportedAt.toISOString()}`;
}
