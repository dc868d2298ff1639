import { at, freeDocks, usableDocks } from './city-moves';
import { distanceM } from './city-layout';
import { expectedEvents } from './labelled-settings';
import { poisson, type LabelledTick } from './labelled-tick';
import type { Truck } from './labelled-state';

const TRUCK_SPEED_M_PER_S = 25_000 / 3600;
const SPLIT_CHANCE = 0.3;
const COOLDOWN_SECONDS = 2 * 3600;
const isNight = (hour: number) => hour >= 22 || hour < 6;

/** Classic bikes first, as a crew loading a van would. */
function load(tick: LabelledTick, station: number, wanted: number): number {
  const state = at(tick.states, station);
  const taken = Math.min(wanted, state.bikes);
  state.bikes -= taken;
  state.ebikes = Math.min(state.ebikes, state.bikes);
  tick.moves.trucksTaken[station] = (tick.moves.trucksTaken[station] ?? 0) + taken;
  return taken;
}

/** What does not fit stays on the truck and goes back to the depot: the labels count only what was docked. */
function unload(tick: LabelledTick, station: number, bikes: number): void {
  const fits = Math.min(bikes, freeDocks(at(tick.layout, station), at(tick.states, station)));
  at(tick.states, station).bikes += fits;
  tick.moves.trucksBrought[station] = (tick.moves.trucksBrought[station] ?? 0) + fits;
}

/** Part of a load of `bikes` for a first report when a move is split over two (at least 2 bikes each side), else all of it. */
const firstPart = (tick: LabelledTick, bikes: number) => (bikes >= 4 && tick.random.chance(SPLIT_CHANCE) ? tick.random.int(2, bikes - 2) : bikes);

const driveSeconds = (tick: LabelledTick, truck: Truck) =>
  Math.round(distanceM(at(tick.layout, truck.from), at(tick.layout, truck.to)) / TRUCK_SPEED_M_PER_S) + tick.random.int(120, 480);

/** Trucks already out load the rest, drive, and unload (a drop-off is split over two reports now and then). */
export function moveTrucks(tick: LabelledTick): void {
  const working: Truck[] = [];
  for (const truck of tick.trucks) {
    if (truck.phase === 'loading') {
      const carried = truck.carried + load(tick, truck.from, truck.toLoad);
      working.push({ ...truck, carried, toLoad: 0, phase: 'driving', arriveAt: tick.now + driveSeconds(tick, truck) });
    } else if (truck.phase === 'driving' && truck.arriveAt <= tick.now) {
      const firstDrop = firstPart(tick, truck.carried);
      unload(tick, truck.to, firstDrop);
      if (firstDrop < truck.carried) working.push({ ...truck, carried: truck.carried - firstDrop, phase: 'unloading' });
    } else if (truck.phase === 'unloading') {
      unload(tick, truck.to, truck.carried);
    } else {
      working.push(truck);
    }
  }
  tick.trucks = working;
}

/** New trucks take 4–12 bikes from a nearly full station towards a nearly empty one; at night more of them, less picky. */
export function dispatchTrucks(tick: LabelledTick): void {
  const night = isNight(tick.hour);
  const rate = tick.settings.trucksPerHour * (night ? tick.settings.nightTruckFactor : 1);
  const [fullFrom, emptyTo] = night ? [0.6, 0.4] : [0.75, 0.25];
  const count = poisson(tick.random, expectedEvents(rate, tick.states.length, tick.seconds));
  if (count === 0) return;
  const busy = new Set(tick.trucks.flatMap((truck) => [truck.from, truck.to]));
  tick.truckCooldown.forEach((until, i) => {
    if (until > tick.now) busy.add(i);
  });
  const occupancy = (i: number) => at(tick.states, i).bikes / usableDocks(at(tick.layout, i));
  const full = tick.states.flatMap((state, i) => (!busy.has(i) && state.bikes >= 6 && occupancy(i) >= fullFrom ? [i] : []));
  const empty = tick.states.flatMap((state, i) => (!busy.has(i) && occupancy(i) <= emptyTo && freeDocks(at(tick.layout, i), state) >= 6 ? [i] : []));
  for (let n = 0; n < count && full.length > 0 && empty.length > 0; n++) {
    const from = full.splice(tick.random.int(0, full.length - 1), 1)[0] ?? 0;
    const to = empty.splice(tick.random.int(0, empty.length - 1), 1)[0] ?? 0;
    tick.truckCooldown[from] = tick.truckCooldown[to] = tick.now + COOLDOWN_SECONDS;
    const bikes = Math.min(tick.random.int(4, 12), at(tick.states, from).bikes, freeDocks(at(tick.layout, to), at(tick.states, to)));
    const carried = load(tick, from, firstPart(tick, bikes));
    const truck: Truck = { from, to, toLoad: bikes - carried, carried, arriveAt: 0, phase: 'loading' };
    tick.trucks.push(truck.toLoad > 0 ? truck : { ...truck, phase: 'driving', arriveAt: tick.now + driveSeconds(tick, truck) });
  }
}
