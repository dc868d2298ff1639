import type { StationTickLabel } from '../../lib/stations/insights/causes/labels';
import { advanceLabelled, createLabelledCity, displayedCity, tickLabels } from './labelled-city';
import type { LabelledSettings } from './labelled-settings';
import { advance, createCity, type City } from './synthetic-city';

/** The synthetic city's clock and model: the classic one (ticks on the wall clock) or the labelled one. */
export interface CityModel {
  /** The city as its feed shows it now. */
  shown(): City;
  /** City seconds of tick `tick` when ticks are due on the wall clock. */
  secondsOfTick(tick: number): number;
  /** The next tick's city seconds when the feed moves on per fetch (interval 0). */
  secondsOfNextFetch(wallSeconds: number): number;
  advanceTo(nowSeconds: number): void;
}

export interface LabelledModelOptions {
  settings?: Partial<LabelledSettings>;
  /** City seconds of tick 0 (default: now, or a day back when ticks outrun the wall clock, so reports stay in the past). */
  startSeconds?: number;
  /** Called with the truth about every tick as it is made. */
  onLabels?: (labels: StationTickLabel[]) => void;
}

const HEADSTART_SECONDS = 86_400;

export function classicModel(seed: number, stations: number, wallStartSeconds: number, interval: number): CityModel {
  let city = createCity(seed, stations, wallStartSeconds);
  return {
    shown: () => city,
    secondsOfTick: (tick) => wallStartSeconds + tick * interval,
    // Strictly increasing times even for several fetches a second: reported_at is part of a primary key downstream.
    secondsOfNextFetch: (wallSeconds) => Math.max(wallSeconds, city.nowSeconds + 1),
    advanceTo: (nowSeconds) => (city = advance(city, nowSeconds)),
  };
}

/** Labelled ticks last `tickSeconds` of city time (default: the interval, or a minute per fetch with interval 0). */
export function labelledModel(seed: number, stations: number, wallStartSeconds: number, interval: number, options: LabelledModelOptions): CityModel {
  const tickSeconds = options.settings?.tickSeconds ?? (interval > 0 ? interval : 60);
  const startSeconds = options.startSeconds ?? wallStartSeconds - (tickSeconds > interval ? HEADSTART_SECONDS : 0);
  let city = createLabelledCity(seed, stations, startSeconds, { ...options.settings, tickSeconds });
  return {
    shown: () => displayedCity(city),
    secondsOfTick: (tick) => startSeconds + tick * tickSeconds,
    secondsOfNextFetch: () => city.nowSeconds + tickSeconds,
    advanceTo: (nowSeconds) => {
      city = advanceLabelled(city, nowSeconds);
      options.onLabels?.(tickLabels(city));
    },
  };
}
