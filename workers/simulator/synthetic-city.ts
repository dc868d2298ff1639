import { cityHour } from './city-clock';
import { layoutStations, type StationLayout } from './city-layout';
import {
  endOutages,
  forceChange,
  maybeRebalance,
  maybeStartOutage,
  rideTrips,
  usableDocks,
  type StationState,
  type TickContext,
} from './city-moves';
import { createRandom, mixSeed } from './random';

export interface City {
  seed: number;
  /** 0 for the city as created; advance() adds one. */
  tick: number;
  /** Unix seconds of the current tick: the feed's last_updated and every station's last_reported. */
  nowSeconds: number;
  createdSeconds: number;
  layout: readonly StationLayout[];
  states: readonly StationState[];
}

const LAYOUT_STREAM = 0x1a7047;

export function createCity(seed: number, stationCount: number, nowSeconds: number): City {
  const random = createRandom(mixSeed(seed, LAYOUT_STREAM));
  const layout = layoutStations(random, stationCount);
  const states = layout.map((station) => {
    const bikes = Math.round(usableDocks(station) * (0.3 + 0.4 * random.next()));
    return { bikes, ebikes: Math.round(bikes * 0.3 * random.next()), outOfServiceUntil: null };
  });
  return { seed, tick: 0, nowSeconds, createdSeconds: nowSeconds, layout, states };
}

/** Whether a station looks different in station_status.json. */
const looksSame = (a: StationState, b: StationState | undefined) =>
  b !== undefined &&
  a.bikes === b.bikes &&
  a.ebikes === b.ebikes &&
  (a.outOfServiceUntil === null) === (b.outOfServiceUntil === null);

export function changedStationCount(before: readonly StationState[], after: readonly StationState[]): number {
  return after.filter((state, i) => !looksSame(state, before[i])).length;
}

/** The next tick: a pure function of the city and nowSeconds, dice seeded by (seed, tick), so runs replay exactly. */
export function advance(city: City, nowSeconds: number): City {
  const tick = city.tick + 1;
  const ctx: TickContext = {
    tick,
    random: createRandom(mixSeed(city.seed, tick)),
    layout: city.layout,
    states: city.states.map((state) => ({ ...state })),
  };
  endOutages(ctx);
  rideTrips(ctx, cityHour(nowSeconds));
  maybeRebalance(ctx);
  maybeStartOutage(ctx);
  if (changedStationCount(city.states, ctx.states) === 0) forceChange(ctx);
  return { ...city, tick, nowSeconds, states: ctx.states };
}
