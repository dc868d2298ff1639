import { commuteDirection, tripDemand } from './city-clock';
import { at, freeDocks, usableDocks } from './city-moves';
import { distanceM } from './city-layout';
import { expectedEvents } from './labelled-settings';
import { cumulativeOf, pickCumulative, poisson, type LabelledTick } from './labelled-tick';

const CLASSIC_TICK_SECONDS = 10;
const BURST_HOURS = { from: 10, to: 23 } as const;

/** 3–40 minutes, most trips short. */
const tripSeconds = (tick: LabelledTick) => Math.round(60 * (3 + 37 * tick.random.next() ** 2));

function rent(tick: LabelledTick, from: number, to: number): void {
  const station = at(tick.states, from);
  if (station.bikes === 0) return;
  const ebike = tick.random.next() < station.ebikes / station.bikes;
  station.bikes--;
  if (ebike) station.ebikes--;
  tick.moves.ridersTaken[from] = (tick.moves.ridersTaken[from] ?? 0) + 1;
  tick.trips.push({ to, returnAt: tick.now + tripSeconds(tick), ebike });
}

/** The trip's own station, or the nearest with a free dock when it is full (or -1 if none has one). */
function dockFor(tick: LabelledTick, wanted: number): number {
  if (freeDocks(at(tick.layout, wanted), at(tick.states, wanted)) > 0) return wanted;
  let [best, bestDistance] = [-1, Infinity];
  tick.layout.forEach((station, i) => {
    const distance = distanceM(station, at(tick.layout, wanted));
    if (distance < bestDistance && freeDocks(station, at(tick.states, i)) > 0) [best, bestDistance] = [i, distance];
  });
  return best;
}

export function returnDueTrips(tick: LabelledTick): void {
  const riding = [];
  for (const trip of tick.trips) {
    const to = trip.returnAt <= tick.now ? dockFor(tick, trip.to) : -1;
    if (to < 0) {
      riding.push(trip);
      continue;
    }
    const station = at(tick.states, to);
    station.bikes++;
    if (trip.ebike) station.ebikes++;
    tick.moves.ridersBrought[to] = (tick.moves.ridersBrought[to] ?? 0) + 1;
  }
  tick.trips = riding;
}

/** The classic city's demand curve and commuter pull, per simulated second instead of per 10-second tick. */
export function startTrips(tick: LabelledTick): void {
  const count = tick.states.length;
  const direction = commuteDirection(tick.hour);
  const pull = (i: number, sign: number) => {
    const { centrality } = at(tick.layout, i);
    return (0.5 + centrality) * (1 + sign * direction * (centrality - 0.5));
  };
  const origins = cumulativeOf((i) => pull(i, -1), count);
  const destinations = cumulativeOf((i) => pull(i, 1), count);
  const expected = (tripDemand(tick.hour) * tick.settings.riderScale * (count / 250) * tick.seconds) / CLASSIC_TICK_SECONDS;
  for (let trip = poisson(tick.random, expected); trip > 0; trip--) {
    const from = pickCumulative(tick.random, origins);
    const to = pickCumulative(tick.random, destinations);
    if (from !== to) rent(tick, from, to);
  }
}

/** An event ends: 8–20 rentals at one well-stocked station, over this report and maybe the next. */
export function rideBursts(tick: LabelledTick): void {
  const count = tick.states.length;
  const destinations = cumulativeOf(() => 1, count);
  const rentMany = (from: number, bikes: number) => {
    for (let n = 0; n < bikes; n++) rent(tick, from, pickCumulative(tick.random, destinations));
  };
  if (tick.burst) {
    rentMany(...tick.burst);
    tick.burst = null;
  }
  if (tick.hour < BURST_HOURS.from || tick.hour >= BURST_HOURS.to) return;
  if (!tick.random.chance(expectedEvents(tick.settings.burstsPerHour, count, tick.seconds))) return;
  const stocked = tick.states.flatMap((state, i) => (state.bikes >= 10 && state.bikes >= usableDocks(at(tick.layout, i)) / 2 ? [i] : []));
  if (stocked.length === 0) return;
  const station = tick.random.pick(stocked);
  const size = Math.min(tick.random.int(8, 20), at(tick.states, station).bikes - 1);
  const now = tick.random.chance(0.5) ? size : Math.ceil(size / 2);
  rentMany(station, now);
  if (size > now) tick.burst = [station, size - now];
}
