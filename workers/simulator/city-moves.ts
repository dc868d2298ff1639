import { commuteDirection, tripDemand } from './city-clock';
import type { StationLayout } from './city-layout';
import type { Random } from './random';

export interface StationState {
  bikes: number;
  /** Included in bikes. */
  ebikes: number;
  /** Tick at which an out-of-service station comes back; null while in service. */
  outOfServiceUntil: number | null;
}

/** A tick's working copy: moves mutate `states`, which advance() copied from the previous city. */
export interface TickContext {
  tick: number;
  random: Random;
  layout: readonly StationLayout[];
  states: StationState[];
}

const MIN_TRIPS_PER_TICK = 2;
const REBALANCE_CHANCE = 0.05;
const OUTAGE_CHANCE = 0.02;
const MAX_OUT_OF_SERVICE_SHARE = 0.05;

export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no station at index ${index}`);
  return item;
}

export const usableDocks = (layout: StationLayout) => layout.capacity - layout.disabledDocks;
export const freeDocks = (layout: StationLayout, state: StationState) => usableDocks(layout) - state.bikes;
const inService = (state: StationState) => state.outOfServiceUntil === null;

export function moveBikes(ctx: TickContext, from: number, to: number, count: number, classicFirst = false): void {
  const origin = at(ctx.states, from);
  const destination = at(ctx.states, to);
  for (let moved = 0; moved < count && origin.bikes > 0 && freeDocks(at(ctx.layout, to), destination) > 0; moved++) {
    const classic = origin.bikes - origin.ebikes;
    const ebike = classicFirst ? classic === 0 : ctx.random.next() < origin.ebikes / origin.bikes;
    origin.bikes--;
    destination.bikes++;
    if (ebike) {
      origin.ebikes--;
      destination.ebikes++;
    }
  }
}

/** One trip; `direction` +1 favours riding outer -> centre, -1 centre -> outer. Returns false if none is possible. */
function takeTrip(ctx: TickContext, direction: number): boolean {
  const pull = (layout: StationLayout, sign: number) =>
    (0.5 + layout.centrality) * (1 + sign * direction * (layout.centrality - 0.5));
  const origins = ctx.states.map((state, i) => (inService(state) && state.bikes > 0 ? pull(at(ctx.layout, i), -1) : 0));
  const from = ctx.random.weightedIndex(origins);
  if (from < 0) return false;
  const destinations = ctx.states.map((state, i) =>
    i !== from && inService(state) && freeDocks(at(ctx.layout, i), state) > 0 ? pull(at(ctx.layout, i), 1) : 0,
  );
  const to = ctx.random.weightedIndex(destinations);
  if (to < 0) return false;
  moveBikes(ctx, from, to, 1);
  return true;
}

export function rideTrips(ctx: TickContext, hour: number): void {
  const expected = (tripDemand(hour) * ctx.states.length) / 250;
  const trips = Math.max(MIN_TRIPS_PER_TICK, Math.round(expected * (0.5 + ctx.random.next())));
  const direction = commuteDirection(hour);
  for (let trip = 0; trip < trips; trip++) takeTrip(ctx, direction);
}

/** A truck now and then takes classic bikes from a nearly full station to a nearly empty one. */
export function maybeRebalance(ctx: TickContext): void {
  if (!ctx.random.chance(REBALANCE_CHANCE)) return;
  const occupancy = (i: number) => at(ctx.states, i).bikes / usableDocks(at(ctx.layout, i));
  const candidates = ctx.states.flatMap((state, i) => (inService(state) ? [i] : []));
  const full = candidates.filter((i) => occupancy(i) >= 0.75);
  const empty = candidates.filter((i) => occupancy(i) <= 0.25);
  if (full.length === 0 || empty.length === 0) return;
  moveBikes(ctx, ctx.random.pick(full), ctx.random.pick(empty), ctx.random.int(4, 12), true);
}

export function endOutages(ctx: TickContext): void {
  for (const state of ctx.states) {
    if (state.outOfServiceUntil !== null && state.outOfServiceUntil <= ctx.tick) state.outOfServiceUntil = null;
  }
}

export function maybeStartOutage(ctx: TickContext): void {
  if (!ctx.random.chance(OUTAGE_CHANCE)) return;
  const working = ctx.states.filter(inService);
  const outCount = ctx.states.length - working.length;
  if (outCount + 1 > Math.floor(ctx.states.length * MAX_OUT_OF_SERVICE_SHARE)) return;
  ctx.random.pick(working).outOfServiceUntil = ctx.tick + ctx.random.int(30, 180);
}

/** Last resort when a tick's moves cancelled out: any possible trip, or an early return from an outage. */
export function forceChange(ctx: TickContext): void {
  for (const [from, origin] of ctx.states.entries()) {
    if (!inService(origin) || origin.bikes === 0) continue;
    const to = ctx.states.findIndex(
      (state, i) => i !== from && inService(state) && freeDocks(at(ctx.layout, i), state) > 0,
    );
    if (to >= 0) {
      moveBikes(ctx, from, to, 1);
      return;
    }
  }
  const out = ctx.states.find((state) => !inService(state));
  if (out) out.outOfServiceUntil = null;
}
