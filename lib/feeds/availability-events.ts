/** What riders notice about a station: it ran out of bikes, of docks, or got them back. */
export const AVAILABILITY_EVENT_KINDS = ['empty', 'full', 'empty-ended', 'full-ended'] as const;
export type AvailabilityEventKind = (typeof AVAILABILITY_EVENT_KINDS)[number];

/** One stored change: a report and the station's report before it. */
export interface CountChange {
  systemId: string;
  stationId: string;
  name: string | null;
  reportedAt: Date;
  bikes: number;
  prevBikes: number;
  docks: number | null;
  prevDocks: number | null;
}

export interface AvailabilityEvent extends CountChange {
  kind: AvailabilityEventKind;
}

// Unknown docks (virtual stations) count as not full, as in lib/queries/availability-events.ts.
const isFull = (docks: number | null) => docks === 0;

/** The events one change makes: a station emptied by riders and refilled to the brim by a truck gives two. */
export function eventsOfChange(change: CountChange): AvailabilityEvent[] {
  const kinds: AvailabilityEventKind[] = [];
  if (change.bikes === 0 && change.prevBikes > 0) kinds.push('empty');
  if (change.bikes > 0 && change.prevBikes === 0) kinds.push('empty-ended');
  if (isFull(change.docks) && !isFull(change.prevDocks)) kinds.push('full');
  if (!isFull(change.docks) && isFull(change.prevDocks)) kinds.push('full-ended');
  return kinds.map((kind) => ({ ...change, kind }));
}

/** Newest first, at most `limit` events. */
export function eventsOfChanges(changes: readonly CountChange[], limit: number): AvailabilityEvent[] {
  return changes.flatMap(eventsOfChange).slice(0, limit);
}
