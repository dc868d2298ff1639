import { adjacentNext, value, type ChangeIndex, type Decisions } from './change-index';
import { jumpMinimum, MAX_SPLIT_GAP_MS, SPLIT_PART_MIN_BIKES } from './thresholds';

/** One station's jump, in one report or split over two consecutive ones (a truck loading across a report). */
export interface StationMove {
  parts: number[];
  bikes: number;
  /** The report before the first part: the move happened after it. */
  after: number;
  start: number;
  end: number;
}

/** Jumps large enough to be a truck's, undecided so far, in input order; bikes < 0 for pickups. */
export function findMoves(index: ChangeIndex, decisions: Decisions): StationMove[] {
  const moves: StationMove[] = [];
  const taken = new Uint8Array(index.count);
  const isPart = (i: number) => decisions.cause[i] === null && taken[i] === 0 && Math.abs(value(index.delta, i)) >= SPLIT_PART_MIN_BIKES;
  for (let i = 0; i < index.count; i++) {
    if (!isPart(i)) continue;
    const parts = [i];
    const next = adjacentNext(index, i);
    const sameWay = next >= 0 && Math.sign(value(index.delta, next)) === Math.sign(value(index.delta, i));
    if (sameWay && isPart(next) && value(index.time, next) - value(index.time, i) <= MAX_SPLIT_GAP_MS) {
      parts.push(next);
      taken[next] = 1;
    }
    const bikes = parts.reduce((sum, part) => sum + value(index.delta, part), 0);
    if (Math.abs(bikes) < jumpMinimum(value(index.interval, i))) continue;
    moves.push({ parts, bikes, after: value(index.prevTime, i), start: value(index.time, i), end: value(index.time, parts.at(-1) ?? i) });
  }
  return moves;
}
