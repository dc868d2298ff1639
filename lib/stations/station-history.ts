import { haversineMeters } from '../geo/haversine';

export interface StationRevision {
  seenAt: Date;
  name: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  capacity: number | null;
}

export type StationEvent =
  | { kind: 'renamed'; at: string; from: string | null; to: string | null }
  | { kind: 'moved'; at: string; meters: number }
  | { kind: 'address'; at: string; from: string | null; to: string | null }
  | { kind: 'capacity'; at: string; from: number | null; to: number | null };

export interface StationHistory {
  /** When the first known version of the station was seen. */
  since: string | null;
  /** What changed between versions, newest first. */
  events: StationEvent[];
}

const placed = (revision: StationRevision) => (revision.lat === null || revision.lon === null ? null : { lat: revision.lat, lon: revision.lon });

/** A station's revisions (oldest first) as what a reader cares about: renames, moves, new capacity. */
export function describeStationHistory(revisions: readonly StationRevision[]): StationHistory {
  const changes: StationEvent[][] = [];
  for (let index = 1; index < revisions.length; index += 1) {
    const events: StationEvent[] = [];
    const before = revisions[index - 1]!;
    const after = revisions[index]!;
    const at = after.seenAt.toISOString();
    if (before.name !== after.name) events.push({ kind: 'renamed', at, from: before.name, to: after.name });
    const from = placed(before);
    const to = placed(after);
    if (from && to && (from.lat !== to.lat || from.lon !== to.lon)) events.push({ kind: 'moved', at, meters: Math.round(haversineMeters(from, to)) });
    if (before.address !== after.address) events.push({ kind: 'address', at, from: before.address, to: after.address });
    if (before.capacity !== after.capacity) events.push({ kind: 'capacity', at, from: before.capacity, to: after.capacity });
    changes.push(events);
  }
  return { since: revisions[0]?.seenAt.toISOString() ?? null, events: changes.reverse().flat() };
}
