import type { StationTickLabel } from '../../lib/stations/insights/causes/labels';
import type { ChangeForCause, StationForCause } from '../../lib/stations/insights/causes/types';
import { CITY_TIMEZONE } from '../../workers/simulator/city-clock';
import { at, freeDocks } from '../../workers/simulator/city-moves';
import { advanceLabelled, createLabelledCity, displayedCity, tickLabels, type LabelledCity } from '../../workers/simulator/labelled-city';
import type { LabelledSettings } from '../../workers/simulator/labelled-settings';
import { PRODUCER_HEARTBEAT_MS, StoredChanges } from './stored-changes';

export interface LabelledRunOptions {
  seed: number;
  stations: number;
  hours: number;
  /** Unix seconds of the first tick. */
  startSeconds: number;
  settings?: Partial<LabelledSettings>;
  /**
   * 'stored' (the default, what production sees): a change's previous report is the station's previous stored one
   * (a change, a heartbeat, or a report where only e-bikes changed); 'every-tick': the tick before it.
   */
  input?: ChangeInput;
  /** Feed time after which the producer re-sends an unchanged station; default the producer's 5 minutes. */
  heartbeatMs?: number;
}

export type ChangeInput = 'stored' | 'every-tick';

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

/** Every report stored: a change's previous report is the tick before it. */
function everyTickChanges(city: LabelledCity, before: readonly Shown[], after: readonly Shown[], tickMs: number): ChangeForCause[] {
  const reportedAt = new Date(city.nowSeconds * 1000);
  const prevReportedAt = new Date(reportedAt.getTime() - tickMs);
  return after.flatMap((now, i) => {
    const then = before[i];
    if (then === undefined || (then.bikes === now.bikes && then.docks === now.docks)) return [];
    return [{ stationId: at(city.layout, i).id, reportedAt, prevReportedAt, bikes: now.bikes, prevBikes: then.bikes, docks: now.docks, prevDocks: then.docks }];
  });
}

/**
 * Drives a labelled city tick by tick in this process, one poll per tick, and turns its reports into changes as the
 * pipeline stores them (StoredChanges) or, for comparison, as if every report were stored.
 */
export function runLabelledCity(options: LabelledRunOptions): LabelledRun {
  const { seed, stations: stationCount, hours, startSeconds, settings, input = 'stored', heartbeatMs = PRODUCER_HEARTBEAT_MS } = options;
  let city = createLabelledCity(seed, stationCount, startSeconds, settings);
  const tickMs = city.settings.tickSeconds * 1000;
  const store = new StoredChanges(heartbeatMs);
  const changes: ChangeForCause[] = [];
  const labels: StationTickLabel[] = [];
  let before = shownOf(city);
  store.poll(displayedCity(city));
  const ticks = Math.round((hours * 3_600_000) / tickMs);
  for (let n = 0; n < ticks; n++) {
    city = advanceLabelled(city, city.nowSeconds + tickMs / 1000);
    const after = shownOf(city);
    const stored = store.poll(displayedCity(city));
    changes.push(...(input === 'stored' ? stored : everyTickChanges(city, before, after, tickMs)));
    labels.push(...tickLabels(city));
    before = after;
  }
  const stations = new Map(city.layout.map((s) => [s.id, { stationId: s.id, capacity: s.capacity, lat: s.lat, lon: s.lon }]));
  return { changes, labels, stations, timeZone: CITY_TIMEZONE, endMs: city.nowSeconds * 1000 };
}
