import { describe, expect, it } from 'vitest';
import { MORNING_START_SECONDS } from './evaluation';
import { runLabelledCity } from './labelled-run';

const MINUTE = 60_000;
const run = (input: 'stored' | 'every-tick', heartbeatMs?: number) =>
  runLabelledCity({ seed: 5, stations: 60, hours: 2, startSeconds: MORNING_START_SECONDS, input, ...(heartbeatMs === undefined ? {} : { heartbeatMs }) });

describe('runLabelledCity', () => {
  const stored = run('stored');
  const everyTick = run('every-tick');
  const gaps = (changes: typeof stored.changes) => changes.map((c) => (c.reportedAt.getTime() - c.prevReportedAt.getTime()) / MINUTE);

  it('finds the same changes whichever way it presents them', () => {
    const key = (c: (typeof stored.changes)[number]) => `${c.stationId} ${c.reportedAt.getTime()} ${c.prevBikes}->${c.bikes}`;
    expect(stored.changes.length).toBeGreaterThan(100);
    expect(stored.changes.map(key)).toEqual(everyTick.changes.map(key));
  });

  it('gives a change the previous stored report, which a heartbeat keeps within 5 minutes of a quiet station', () => {
    expect(new Set(gaps(everyTick.changes))).toEqual(new Set([1]));
    const storedGaps = gaps(stored.changes);
    expect(Math.max(...storedGaps)).toBeLessThanOrEqual(5);
    expect(storedGaps.some((gap) => gap > 1)).toBe(true);
  });

  it('goes back to the previous change when heartbeats are off, however long ago', () => {
    expect(Math.max(...gaps(run('stored', Infinity).changes))).toBeGreaterThan(30);
  });
});
