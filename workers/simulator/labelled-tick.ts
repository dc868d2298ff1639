import type { TickContext } from './city-moves';
import type { LabelledSettings } from './labelled-settings';
import type { FeedGlitch, TickMoves, Trip, Truck } from './labelled-state';
import type { Random } from './random';

/** A labelled tick's working copy: the classic tick's states plus what is on the move, all mutated in place. */
export interface LabelledTick extends TickContext {
  /** City seconds at this tick, and since the last one. */
  now: number;
  seconds: number;
  hour: number;
  settings: LabelledSettings;
  trips: Trip[];
  trucks: Truck[];
  glitches: FeedGlitch[];
  burst: [number, number] | null;
  truckCooldown: Float64Array;
  blip: boolean;
  moves: TickMoves;
}

function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

/** How many events happen in a tick when `expected` happen on average (Knuth below 30, normal above). */
export function poisson(random: Random, expected: number): number {
  if (expected <= 0) return 0;
  if (expected >= 30) return Math.max(0, Math.round(expected + Math.sqrt(expected) * gaussian(random)));
  const limit = Math.exp(-expected);
  let count = 0;
  for (let product = random.next(); product > limit; product *= random.next()) count++;
  return count;
}

/** Picks an index from cumulative weights by binary search; -1 if they are all zero. */
export function pickCumulative(random: Random, cumulative: Float64Array): number {
  const total = cumulative[cumulative.length - 1] ?? 0;
  if (total <= 0) return -1;
  const target = random.next() * total;
  let [low, high] = [0, cumulative.length - 1];
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((cumulative[middle] ?? 0) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

export function cumulativeOf(weights: (i: number) => number, count: number): Float64Array {
  const cumulative = new Float64Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) cumulative[i] = sum += weights(i);
  return cumulative;
}
