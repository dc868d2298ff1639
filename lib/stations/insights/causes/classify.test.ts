import { describe, expect, it } from 'vitest';
import { CAUSE_SETTLE_MS, classifyChanges } from './classify';
import type { CauseInput, ChangeForCause, StationForCause } from './types';

const MINUTE = 60_000;
const DAY = Date.parse('2024-09-10T10:00:00Z'); // 12:00 in Oslo
const NIGHT = Date.parse('2024-09-10T01:00:00Z'); // 03:00 in Oslo

/** One station's series of bike counts, one report a minute from `start`, as the changes the LAG view would give. */
function series(stationId: string, counts: number[], start = DAY, capacity = 20): ChangeForCause[] {
  const changes: ChangeForCause[] = [];
  for (let i = 1; i < counts.length; i++) {
    const [prevBikes, bikes] = [counts[i - 1] ?? 0, counts[i] ?? 0];
    if (bikes === prevBikes) continue;
    const prevDocks = capacity - prevBikes;
    changes.push({
      stationId,
      reportedAt: new Date(start + i * MINUTE),
      prevReportedAt: new Date(start + (i - 1) * MINUTE),
      bikes,
      prevBikes,
      docks: Math.max(0, capacity - bikes),
      prevDocks: Math.max(0, prevDocks),
    });
  }
  return changes;
}

function input(changes: ChangeForCause[], at: number, stationCount = 20): CauseInput {
  const stations = new Map<string, StationForCause>();
  for (let i = 0; i < stationCount; i++) stations.set(`s${i}`, { stationId: `s${i}`, capacity: 20, lat: 59.91, lon: 10.75 });
  const sorted = [...changes].sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
  return { changes: sorted, stations, timeZone: 'Europe/Oslo', at: new Date(at) };
}

const causesOf = (cause: CauseInput) => classifyChanges(cause).map((v, i) => `${cause.changes[i]?.stationId} ${v.cause} ${v.rule}`);

describe('classifyChanges', () => {
  it('leaves single rentals and returns to riders, settled once a later report is in', () => {
    const changes = series('s1', [5, 4, 4, 5, 6]);
    const verdicts = classifyChanges(input(changes, DAY + 10 * MINUTE));
    expect(verdicts.map((v) => [v.cause, v.settled])).toEqual([['riders', true], ['riders', true], ['riders', true]]);
    expect(classifyChanges(input(changes, DAY + 4 * MINUTE)).at(-1)?.settled).toBe(false);
  });

  it('pairs a pickup at a full station with a drop-off elsewhere within a drive, even split over two reports', () => {
    const pickup = series('s1', [18, 18, 12, 9, 9]);
    const dropOff = series('s2', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 10]);
    const riders = series('s3', [5, 6, 5, 4, 5]);
    const cause = input([...pickup, ...dropOff, ...riders], DAY + 20 * MINUTE);
    expect(causesOf(cause).filter((line) => !line.startsWith('s3'))).toEqual([
      's1 rebalancing truck-pair',
      's1 rebalancing truck-pair',
      's2 rebalancing truck-pair',
    ]);
    expect(causesOf(cause).filter((line) => line.startsWith('s3')).every((line) => line.endsWith('riders riders'))).toBe(true);
  });

  it('judges a quiet station\'s jump by the feed\'s cadence, not by the age of its previous stored report', () => {
    const busy = ['s3', 's4'].flatMap((id) => series(id, Array.from({ length: 80 }, (_, n) => 5 + (n % 2))));
    const quietPickup: ChangeForCause = {
      stationId: 's1',
      reportedAt: new Date(DAY + 60 * MINUTE),
      prevReportedAt: new Date(DAY),
      bikes: 10,
      prevBikes: 18,
      docks: 10,
      prevDocks: 2,
    };
    const dropOff = series('s2', [1, 9], DAY + 69 * MINUTE);
    const verdicts = causesOf(input([...busy, quietPickup, ...dropOff], DAY + 3 * CAUSE_SETTLE_MS));
    expect(verdicts.filter((line) => !line.startsWith('s3') && !line.startsWith('s4'))).toEqual(['s1 rebalancing truck-pair', 's2 rebalancing truck-pair']);
  });

  it('keeps a pickup open until its drop-off could have come, then settles', () => {
    const pickup = series('s1', [18, 10]);
    expect(classifyChanges(input(pickup, DAY + 5 * MINUTE))[0]).toMatchObject({ cause: 'riders', settled: false });
    expect(classifyChanges(input(pickup, DAY + MINUTE + CAUSE_SETTLE_MS))[0]?.settled).toBe(true);
  });

  it('calls a burst of rentals with no drop-off within a drive riders, but a large lone arrival a drop-off', () => {
    const burst = series('s1', [19, 9, 5]);
    const arrival = series('s2', [2, 10], DAY + 50 * MINUTE);
    expect(causesOf(input([...burst, ...arrival], DAY + 2 * CAUSE_SETTLE_MS))).toEqual([
      's1 riders riders',
      's1 riders riders',
      's2 rebalancing large-drop-off',
    ]);
  });

  it('calls a jump of a few bikes at night a truck, and a single bike riders', () => {
    const night = series('s1', [10, 7, 6], NIGHT);
    expect(causesOf(input(night, NIGHT + 2 * CAUSE_SETTLE_MS))).toEqual(['s1 rebalancing night-move', 's1 riders riders']);
  });

  it('finds a spike that the next report undoes, but not a jump that stays', () => {
    const spike = series('s1', [5, 13, 5, 5]);
    const stays = series('s2', [5, 13, 13, 13]);
    expect(causesOf(input([...spike, ...stays], DAY + 2 * CAUSE_SETTLE_MS))).toEqual([
      's1 glitch spike',
      's2 rebalancing large-drop-off',
      's1 glitch spike',
    ]);
  });

  it('marks counts above capacity and zero bikes with zero docks as glitches, settled at once', () => {
    const above = series('s1', [19, 24, 19]);
    const zeroZero: ChangeForCause[] = [
      { stationId: 's2', reportedAt: new Date(DAY + MINUTE), prevReportedAt: new Date(DAY), bikes: 0, prevBikes: 3, docks: 0, prevDocks: 17 },
      { stationId: 's2', reportedAt: new Date(DAY + 2 * MINUTE), prevReportedAt: new Date(DAY + MINUTE), bikes: 3, prevBikes: 0, docks: 17, prevDocks: 0 },
    ];
    const verdicts = classifyChanges(input([...above, ...zeroZero], DAY + 2 * MINUTE));
    expect(verdicts.map((v) => `${v.rule} ${v.settled}`)).toEqual(['above-capacity true', 'zero-zero true', 'above-capacity true', 'zero-zero true']);
  });

  it('leaves a station that stays above its recorded capacity to the other rules: it has outgrown the record', () => {
    const outgrown = series('s1', [19, 24, 23, 24, 19]);
    expect(causesOf(input(outgrown, DAY + 2 * CAUSE_SETTLE_MS))).toEqual([
      's1 glitch above-capacity',
      's1 riders riders',
      's1 riders riders',
      's1 glitch above-capacity',
    ]);
  });

  it('marks a whole system dropping and coming back at once as a blip, whatever the size of each jump', () => {
    const blip = Array.from({ length: 12 }, (_, i) => series(`s${i}`, [1 + i, 0, 1 + i])).flat();
    const verdicts = classifyChanges(input(blip, DAY + 3 * MINUTE));
    expect(new Set(verdicts.map((v) => `${v.cause} ${v.rule}`))).toEqual(new Set(['glitch system-blip']));
    const fewer = Array.from({ length: 12 }, (_, i) => series(`s${i}`, i < 5 ? [3, 0, 3] : [3, 2, 2])).flat();
    expect(classifyChanges(input(fewer, DAY + 3 * MINUTE)).filter((v) => v.rule === 'system-blip')).toEqual([]);
  });
});
