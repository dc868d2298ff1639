import type { StationTickLabel } from '../../lib/stations/insights/causes/labels';
import { cityHour } from './city-clock';
import { at } from './city-moves';
import { glitchTheFeed, shownCounts } from './feed-glitches';
import { DEFAULT_LABELLED_SETTINGS, type LabelledSettings } from './labelled-settings';
import { emptyMoves, type LabelledActivity } from './labelled-state';
import type { LabelledTick } from './labelled-tick';
import { createRandom, mixSeed } from './random';
import { returnDueTrips, rideBursts, startTrips } from './rider-trips';
import { createCity, type City } from './synthetic-city';
import { dispatchTrucks, moveTrucks } from './trucks';

/** A city running the labelled model: riders on trips, trucks, glitches, and the truth about each tick. */
export interface LabelledCity extends City {
  settings: LabelledSettings;
  activity: LabelledActivity;
}

export function createLabelledCity(seed: number, stationCount: number, nowSeconds: number, settings: Partial<LabelledSettings> = {}): LabelledCity {
  const activity: LabelledActivity = {
    trips: [],
    trucks: [],
    glitches: [],
    burst: null,
    truckCooldown: new Float64Array(stationCount),
    blip: false,
    moves: emptyMoves(stationCount),
  };
  return { ...createCity(seed, stationCount, nowSeconds), settings: { ...DEFAULT_LABELLED_SETTINGS, ...settings }, activity };
}

/** The next tick: returns, new trips, bursts, trucks, then glitches, with dice seeded by (seed, tick) as in the classic city. */
export function advanceLabelled(city: LabelledCity, nowSeconds: number): LabelledCity {
  const tickNumber = city.tick + 1;
  const { activity } = city;
  const tick: LabelledTick = {
    tick: tickNumber,
    random: createRandom(mixSeed(city.seed, tickNumber)),
    layout: city.layout,
    states: city.states.map((state) => ({ ...state })),
    now: nowSeconds,
    seconds: Math.max(0, nowSeconds - city.nowSeconds),
    hour: cityHour(nowSeconds),
    settings: city.settings,
    trips: [...activity.trips],
    trucks: [...activity.trucks],
    glitches: [...activity.glitches],
    burst: activity.burst === null ? null : [...activity.burst],
    truckCooldown: activity.truckCooldown.slice(),
    blip: activity.blip,
    moves: emptyMoves(city.layout.length),
  };
  returnDueTrips(tick);
  moveTrucks(tick);
  startTrips(tick);
  rideBursts(tick);
  dispatchTrucks(tick);
  glitchTheFeed(tick);
  const { trips, trucks, glitches, burst, truckCooldown, blip, moves } = tick;
  return { ...city, tick: tickNumber, nowSeconds, states: tick.states, activity: { trips, trucks, glitches, burst, truckCooldown, blip, moves } };
}

/** The city as its feed shows it this tick: glitched stations' counts replaced (docks through their disabled docks). */
export function displayedCity(city: LabelledCity): City {
  const { glitches, blip } = city.activity;
  if (glitches.length === 0 && !blip) return city;
  const glitchAt = new Map(glitches.map((glitch) => [glitch.station, glitch]));
  const layout = [...city.layout];
  const states = city.states.map((state, i) => {
    const station = at(city.layout, i);
    const shown = shownCounts(station, state, glitchAt.get(i), blip);
    if (shown === null) return state;
    layout[i] = { ...station, disabledDocks: station.capacity - shown.bikes - shown.docks };
    return { ...state, bikes: shown.bikes, ebikes: shown.ebikes };
  });
  return { ...city, layout, states };
}

/** The truth about the tick just made: what riders and trucks did at each station, and which reports are glitched. */
export function tickLabels(city: LabelledCity): StationTickLabel[] {
  const { moves, glitches, blip } = city.activity;
  const glitched = new Set(glitches.map((glitch) => glitch.station));
  const labels: StationTickLabel[] = [];
  city.layout.forEach((station, i) => {
    const glitch = glitched.has(i) || (blip && at(city.states, i).bikes > 0);
    const label = {
      stationId: station.id,
      at: city.nowSeconds * 1000,
      ridersTaken: moves.ridersTaken[i] ?? 0,
      ridersBrought: moves.ridersBrought[i] ?? 0,
      trucksTaken: moves.trucksTaken[i] ?? 0,
      trucksBrought: moves.trucksBrought[i] ?? 0,
      glitch,
    };
    if (glitch || label.ridersTaken + label.ridersBrought + label.trucksTaken + label.trucksBrought > 0) labels.push(label);
  });
  return labels;
}
