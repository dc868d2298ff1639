import { haversineMeters } from '../../../geo/haversine';
import { decide, type ChangeIndex, type Decisions } from './change-index';
import type { StationMove } from './station-moves';
import { FASTEST_TRUCK_M_PER_MS, MAX_DRIVE_MS, PAIR_SIZE_RATIO, typicalDriveMs } from './thresholds';
import type { StationForCause } from './types';

interface Candidate {
  pickup: StationMove;
  dropOff: StationMove;
  cost: number;
}

const sizesMatch = (a: number, b: number) => Math.min(a, b) >= PAIR_SIZE_RATIO * Math.max(a, b);

function distanceM(a: StationForCause | undefined, b: StationForCause | undefined): number | null {
  if (a?.lat == null || a.lon == null || b?.lat == null || b.lon == null) return null;
  return haversineMeters({ lat: a.lat, lon: a.lon }, { lat: b.lat, lon: b.lon });
}

/**
 * Every drop-off a pickup's truck could have made: elsewhere, starting no earlier and within a drive, of a similar
 * size, and not faster than a truck can go. Cost: bikes of difference, plus one per ten minutes off a typical drive.
 */
function candidatesFor(index: ChangeIndex, pickup: StationMove, dropOffs: readonly StationMove[], first: number): Candidate[] {
  const candidates: Candidate[] = [];
  const from = index.station[pickup.parts[0] ?? 0];
  for (let d = first; d < dropOffs.length; d++) {
    const dropOff = dropOffs[d];
    if (dropOff === undefined || dropOff.start > pickup.end + MAX_DRIVE_MS) break;
    const to = index.station[dropOff.parts[0] ?? 0];
    if (to === from || !sizesMatch(-pickup.bikes, dropOff.bikes)) continue;
    const metres = distanceM(from, to);
    if (metres !== null && dropOff.end - pickup.after < metres / FASTEST_TRUCK_M_PER_MS) continue;
    const offTypical = metres === null ? 0 : Math.abs(dropOff.start - pickup.end - typicalDriveMs(metres)) / 600_000;
    candidates.push({ pickup, dropOff, cost: Math.abs(dropOff.bikes + pickup.bikes) + offTypical });
  }
  return candidates;
}

/** Pairs pickups with drop-offs, cheapest pair first, each move at most once. Returns the moves left unpaired. */
export function pairTrucks(index: ChangeIndex, decisions: Decisions, moves: readonly StationMove[]): StationMove[] {
  const pickups = moves.filter((move) => move.bikes < 0);
  const dropOffs = moves.filter((move) => move.bikes > 0);
  const candidates: Candidate[] = [];
  let first = 0;
  for (const pickup of pickups) {
    while (first < dropOffs.length && (dropOffs[first]?.start ?? 0) < pickup.start) first++;
    candidates.push(...candidatesFor(index, pickup, dropOffs, first));
  }
  candidates.sort((a, b) => a.cost - b.cost || a.pickup.start - b.pickup.start || a.dropOff.start - b.dropOff.start);
  const paired = new Set<StationMove>();
  for (const { pickup, dropOff } of candidates) {
    if (paired.has(pickup) || paired.has(dropOff)) continue;
    paired.add(pickup).add(dropOff);
    for (const part of [...pickup.parts, ...dropOff.parts]) decide(decisions, part, 'rebalancing', 'truck-pair');
  }
  return moves.filter((move) => !paired.has(move));
}
