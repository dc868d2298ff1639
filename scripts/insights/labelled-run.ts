import type { StationTickLabel } from '../../lib/stations/insights/causes/labels';
import type { ChangeForCause, StationForCause } from '../../lib/stations/insights/causes/types';
import { CITY_TIMEZONE } from '../../workers/simulator/city-clock';
import { at, freeDocks } from '../../workers/simulator/city-moves';
import { advanceLabelled, createLabelledCity, displayedCity, tickLabels, type LabelledCity } from '../../workers/simulator/labelled-city';
import type { LabelledSettings } from '../../workers/simulator/labelled-settings';

export interface LabelledRunOptions {
  seed: number;
  stations: number;
  hours: number;
  /** Unix seconds of the first tick. */
  startSeconds: number;
  settings?: Partial<LabelledSettings>;
}

export interface LabelledRun {
  changes: ChangeForCause[];
  labels: StationTickLabel[];
  stations: Map<string, StationForCause>;
  timeZone: string;
  /** Unix milliseconds of the last tick. */
  endMs: number;
}

interface Shown {
  bikes: number;
  docks: number;
}

const shownOf = (city: LabelledCity): Shown[] => {
  const shown = displayedCity(city);
  return shown.states.map((state, i) => ({ bikes: state.bikes, docks: freeDocks(at(shown.layout, i), state) }));
};

/**
 * Drives a labelled city tick by tick in this process and turns its reports into changes the way the LAG view
 * does over what the producer stores: only reports whose counts changed, so a change's previous report is the
 * station's previous change (or the first report), however long ago.
 */
export function runLabelledCity({ seed, stations: stationCount, hours, startSeconds, settings }: LabelledRunOptions): LabelledRun {
  let city = createLabelledCity(seed, stationCount, startSeconds, settings);
  const tickSeconds = city.settings.tickSeconds;
  const changes: ChangeForCause[] = [];
  const labels: StationTickLabel[] = [];
  let before = shownOf(city);
  const storedAt = city.layout.map(() => new Date(city.nowSeconds * 1000));
  const ticks = Math.round((hours * 3600) / tickSeconds);
  for (let n = 0; n < ticks; n++) {
    city = advanceLabelled(city, city.nowSeconds + tickSeconds);
    const reportedAt = new Date(city.nowSeconds * 1000);
    const after = shownOf(city);
    after.forEach((now, i) => {
      const then = before[i];
      if (then === undefined || (then.bikes === now.bikes && then.docks === now.docks)) return;
      const stationId = at(city.layout, i).id;
      const prevReportedAt = storedAt[i] ?? reportedAt;
      changes.push({ stationId, reportedAt, prevReportedAt, bikes: now.bikes, prevBikes: then.bikes, docks: now.docks, prevDocks: then.docks });
      storedAt[i] = reportedAt;
    });
    labels.push(...tickLabels(city));
    before = after;
  }
  const stations = new Map(city.layout.map((s) => [s.id, { stationId: s.id, capacity: s.capacity, lat: s.lat, lon: s.lon }]));
  return { changes, labels, stations, timeZone: CITY_TIMEZONE, endMs: city.nowSeconds * 1000 };
}
