import { decide, type ChangeIndex, type Decisions } from './change-index';
import type { StationMove } from './station-moves';
import { MAX_DRIVE_MS, PAIR_SIZE_RATIO } from './thresholds';

const sizesMatch = (a: number, b: number) => Math.min(a, b) >= PAIR_SIZE_RATIO * Math.max(a, b);

/**
 * Pairs each pickup, oldest first, with the unpaired drop-off elsewhere that starts no earlier and within a drive
 * of it, closest in size (then earliest). Returns the moves left unpaired.
 */
export function pairTrucks(index: ChangeIndex, decisions: Decisions, moves: readonly StationMove[]): StationMove[] {
  const pickups = moves.filter((move) => move.bikes < 0);
  const dropOffs = moves.filter((move) => move.bikes > 0);
  const paired = new Set<StationMove>();
  const stationOf = (move: StationMove) => index.input.changes[move.parts[0] ?? 0]?.stationId;
  let first = 0;
  for (const pickup of pickups) {
    while (first < dropOffs.length && (dropOffs[first]?.start ?? 0) < pickup.start) first++;
    let best: StationMove | undefined;
    for (let d = first; d < dropOffs.length; d++) {
      const dropOff = dropOffs[d];
      if (dropOff === undefined || dropOff.start > pickup.end + MAX_DRIVE_MS) break;
      if (paired.has(dropOff) || stationOf(dropOff) === stationOf(pickup) || !sizesMatch(-pickup.bikes, dropOff.bikes)) continue;
      if (best === undefined || Math.abs(dropOff.bikes + pickup.bikes) < Math.abs(best.bikes + pickup.bikes)) best = dropOff;
    }
    if (best === undefined) continue;
    paired.add(pickup).add(best);
    for (const part of [...pickup.parts, ...best.parts]) decide(decisions, part, 'rebalancing', 'truck-pair');
  }
  return moves.filter((move) => !paired.has(move));
}
