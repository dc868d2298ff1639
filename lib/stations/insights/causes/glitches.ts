import { adjacentNext, decide, value, type ChangeIndex, type Decisions } from './change-index';
import { BLIP_MIN_STATIONS, BLIP_OTHER_WAY_SHARE, BLIP_STATION_SHARE, jumpMinimum } from './thresholds';

const isZeroZero = (bikes: number, docks: number | null) => bikes === 0 && docks === 0;

/**
 * Counts no station can show: a jump above its capacity (or back), zero bikes and zero docks (or back). A station
 * staying above its capacity report after report has outgrown the capacity on record, which is no glitch of the counts.
 */
export function markImpossibleCounts(index: ChangeIndex, decisions: Decisions): void {
  index.input.changes.forEach((change, i) => {
    const capacity = index.station[i]?.capacity ?? null;
    if (capacity !== null && capacity > 0 && change.bikes > capacity !== change.prevBikes > capacity) {
      decide(decisions, i, 'glitch', 'above-capacity', true);
    } else if (isZeroZero(change.bikes, change.docks) || isZeroZero(change.prevBikes, change.prevDocks)) {
      decide(decisions, i, 'glitch', 'zero-zero', true);
    }
  });
}

/** The station's very next report if it undoes change i: opposite sign, back to within a third of the jump (riders go on meanwhile). */
export function revertOf(index: ChangeIndex, i: number): number {
  const next = adjacentNext(index, i);
  if (next < 0) return -1;
  const delta = value(index.delta, i);
  const change = index.input.changes[i];
  const after = index.input.changes[next];
  if (change === undefined || after === undefined || Math.sign(value(index.delta, next)) !== -Math.sign(delta)) return -1;
  return Math.abs(after.bikes - change.prevBikes) <= Math.floor(Math.abs(delta) / 3) ? next : -1;
}

/** Looser than revertOf: back to within half the jump (or 2 bikes), since riders went on across a whole system's report. */
function roughlyReverts(index: ChangeIndex, i: number): boolean {
  const next = adjacentNext(index, i);
  const change = index.input.changes[i];
  const after = index.input.changes[next];
  if (next < 0 || change === undefined || after === undefined) return false;
  const delta = value(index.delta, i);
  if (Math.sign(value(index.delta, next)) !== -Math.sign(delta)) return false;
  return Math.abs(after.bikes - change.prevBikes) <= Math.max(2, Math.floor(Math.abs(delta) / 2));
}

/**
 * Many stations jumping the same way at the same report and (roughly) back at the next: the feed, not the city.
 * Riders move some stations up and others down, so a group must be nearly all one way.
 */
export function markSystemBlips(index: ChangeIndex, decisions: Decisions): void {
  const revertingAt = new Map<number, { up: number[]; down: number[] }>();
  for (let i = 0; i < index.count; i++) {
    if (decisions.cause[i] !== null || !roughlyReverts(index, i)) continue;
    const time = value(index.time, i);
    let group = revertingAt.get(time);
    if (!group) revertingAt.set(time, (group = { up: [], down: [] }));
    (value(index.delta, i) > 0 ? group.up : group.down).push(i);
  }
  const needed = Math.max(BLIP_MIN_STATIONS, BLIP_STATION_SHARE * index.input.stations.size);
  for (const { up, down } of revertingAt.values()) {
    const [major, minor] = up.length >= down.length ? [up, down] : [down, up];
    if (major.length < needed || minor.length > BLIP_OTHER_WAY_SHARE * major.length) continue;
    for (const i of major) {
      decide(decisions, i, 'glitch', 'system-blip', true);
      decide(decisions, adjacentNext(index, i), 'glitch', 'system-blip', true);
    }
  }
}

/** A large jump that the next report undoes: a one-report spike. */
export function markSpikes(index: ChangeIndex, decisions: Decisions): void {
  for (let i = 0; i < index.count; i++) {
    if (decisions.cause[i] !== null) continue;
    if (Math.abs(value(index.delta, i)) < jumpMinimum(value(index.interval, i))) continue;
    const revert = revertOf(index, i);
    if (revert < 0 || decisions.cause[revert] !== null) continue;
    decide(decisions, i, 'glitch', 'spike', true);
    decide(decisions, revert, 'glitch', 'spike', true);
  }
}
