import { describe, expect, it } from 'vitest';
import { classifyChanges } from './classify';
import type { CauseInput, ChangeForCause, StationForCause } from './types';

const CHANGES = 100_000;
const STATIONS = 1000;
/** Generous: the job classifies a system's last hours every few seconds; measured ~3 µs on a shared 2-core machine. */
const BUDGET_MICROSECONDS_PER_CHANGE = 25;

/** A busy city's changes: mostly one bike at a time, now and then a jump of 4-12, with a seeded generator. */
function busyCity(): CauseInput {
  let state = 12345;
  const random = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 4294967296;
  };
  const stations = new Map<string, StationForCause>();
  const bikes: number[] = [];
  const lastReport: number[] = [];
  const start = Date.parse('2024-09-10T05:00:00Z');
  for (let i = 0; i < STATIONS; i++) {
    stations.set(`s${i}`, { stationId: `s${i}`, capacity: 30, lat: 59.9 + random() * 0.05, lon: 10.7 + random() * 0.1 });
    bikes.push(15);
    lastReport.push(start);
  }
  const changes: ChangeForCause[] = [];
  for (let minute = 1; changes.length < CHANGES; minute++) {
    const reportedAt = start + minute * 60_000;
    for (let i = 0; i < STATIONS && changes.length < CHANGES; i++) {
      if (random() > 0.1) continue;
      const jump = random() < 0.03 ? Math.round((random() < 0.5 ? -1 : 1) * (4 + random() * 8)) : random() < 0.5 ? -1 : 1;
      const prevBikes = bikes[i] ?? 0;
      const next = Math.min(30, Math.max(0, prevBikes + jump));
      if (next === prevBikes) continue;
      const prevReportedAt = lastReport[i] ?? start;
      changes.push({ stationId: `s${i}`, reportedAt: new Date(reportedAt), prevReportedAt: new Date(prevReportedAt), bikes: next, prevBikes, docks: 30 - next, prevDocks: 30 - prevBikes });
      bikes[i] = next;
      lastReport[i] = reportedAt;
    }
  }
  const at = changes.at(-1)?.reportedAt ?? new Date(start);
  return { changes, stations, timeZone: 'Europe/Oslo', at };
}

describe('classifyChanges speed', () => {
  it(`classifies ${CHANGES} changes within ${BUDGET_MICROSECONDS_PER_CHANGE} µs each`, () => {
    const input = busyCity();
    expect(input.changes).toHaveLength(CHANGES);
    const timings: number[] = [];
    let verdicts = classifyChanges(input);
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      verdicts = classifyChanges(input);
      timings.push(performance.now() - started);
    }
    const microseconds = (Math.min(...timings) * 1000) / CHANGES;
    console.log(`classifyChanges: ${microseconds.toFixed(2)} µs per change over ${CHANGES} changes (best of 3: ${timings.map((t) => t.toFixed(0)).join(', ')} ms)`);
    expect(verdicts).toHaveLength(CHANGES);
    expect(new Set(verdicts.map((verdict) => verdict.cause))).toEqual(new Set(['riders', 'rebalancing', 'glitch']));
    expect(microseconds).toBeLessThan(BUDGET_MICROSECONDS_PER_CHANGE);
  }, 60_000);
});
