import type { CauseInput, ChangeCause, StationForCause } from './types';

/** The input laid out for the rules: each change's delta, times and neighbours at its station, in flat arrays. */
export interface ChangeIndex {
  input: CauseInput;
  count: number;
  at: number;
  /** bikes - prevBikes. */
  delta: Int32Array;
  time: Float64Array;
  prevTime: Float64Array;
  /**
   * How long the change took at most: the time since the station's previous stored report, but no longer than the
   * feed's cadence (only changed reports are stored, so a quiet station's previous report can be an hour old).
   */
  interval: Float64Array;
  /** Index of the same station's next / previous change in the input, or -1. */
  next: Int32Array;
  prev: Int32Array;
  station: (StationForCause | undefined)[];
  localHour: Uint8Array;
}

/** What the rules decided so far; null cause = not yet decided. */
export interface Decisions {
  cause: (ChangeCause | null)[];
  rule: string[];
  /** Rules that can never be revised (e.g. counts above capacity) settle at once. */
  final: boolean[];
}

const HOUR_MS = 3_600_000;

/** Local hour of each UTC hour, cached: one Intl call per hour of input instead of per change. */
function localHours(timeZone: string) {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' });
  const cache = new Map<number, number>();
  return (ms: number) => {
    const hourKey = Math.floor(ms / HOUR_MS);
    let hour = cache.get(hourKey);
    if (hour === undefined) {
      hour = Number(format.format(new Date(hourKey * HOUR_MS))) % 24;
      cache.set(hourKey, hour);
    }
    return hour;
  };
}

export function indexChanges(input: CauseInput): ChangeIndex {
  const { changes } = input;
  const count = changes.length;
  const index: ChangeIndex = {
    input,
    count,
    at: input.at.getTime(),
    delta: new Int32Array(count),
    time: new Float64Array(count),
    prevTime: new Float64Array(count),
    interval: new Float64Array(count),
    next: new Int32Array(count).fill(-1),
    prev: new Int32Array(count).fill(-1),
    station: new Array<StationForCause | undefined>(count),
    localHour: new Uint8Array(count),
  };
  const hourOf = localHours(input.timeZone);
  const lastOfStation = new Map<string, number>();
  changes.forEach((change, i) => {
    index.delta[i] = change.bikes - change.prevBikes;
    index.time[i] = change.reportedAt.getTime();
    index.prevTime[i] = change.prevReportedAt.getTime();
    index.station[i] = input.stations.get(change.stationId);
    index.localHour[i] = hourOf(index.time[i] ?? 0);
    const last = lastOfStation.get(change.stationId);
    if (last !== undefined) {
      index.prev[i] = last;
      index.next[last] = i;
    }
    lastOfStation.set(change.stationId, i);
  });
  const cadence = feedCadence(index.time);
  for (let i = 0; i < count; i++) index.interval[i] = Math.min(value(index.time, i) - value(index.prevTime, i), cadence);
  return index;
}

/** The median time between the input's distinct report times (Infinity with fewer than three of them). */
function feedCadence(times: Float64Array): number {
  const steps: number[] = [];
  for (let i = 1; i < times.length; i++) {
    const step = value(times, i) - value(times, i - 1);
    if (step > 0) steps.push(step);
  }
  if (steps.length < 2) return Infinity;
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)] ?? Infinity;
}

/** The station's next change, if it is the very next report (nothing unchanged was stored between). */
export function adjacentNext(index: ChangeIndex, i: number): number {
  const next = index.next[i] ?? -1;
  return next >= 0 && index.prevTime[next] === index.time[i] ? next : -1;
}

export function decide(decisions: Decisions, i: number, cause: ChangeCause, rule: string, final = false): void {
  decisions.cause[i] = cause;
  decisions.rule[i] = rule;
  decisions.final[i] = final;
}

export const value = (array: Int32Array | Float64Array | Uint8Array, i: number) => array[i] ?? 0;
