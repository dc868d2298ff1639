import { describe, expect, it } from 'vitest';
import type { Alert } from './alerts-file';
import { TransitionTracker, type StationReport } from './transitions';

const alert = (id: string, when: Alert['when'], threshold?: number): Alert => ({
  id,
  system: 'oslo',
  stations: ['551'],
  when,
  ...(threshold === undefined ? {} : { threshold }),
  url: 'https://hooks.example.com/',
  secret: 'a-long-enough-secret',
});
const T0 = Date.parse('2026-03-01T08:00:00Z');
const report = (minute: number, bikes: number, docks: number | null, stationId = '551'): StationReport => ({ systemId: 'oslo', stationId, reportedAt: new Date(T0 + minute * 60_000), bikes, docks });
const summary = (tracker: TransitionTracker, r: StationReport) => tracker.observe(r).map((t) => `${t.alert.id} ${t.state} ${(t.startedAt.getTime() - T0) / 60_000}`);

describe('TransitionTracker', () => {
  it('fires once when a condition starts and once when it ends, keyed by when it started', () => {
    const tracker = new TransitionTracker([alert('empty', 'empty'), alert('low', 'bikes_below', 2)], 600_000);
    expect(summary(tracker, report(0, 3, 7))).toEqual([]);
    expect(summary(tracker, report(1, 1, 9))).toEqual(['low started 1']);
    expect(summary(tracker, report(2, 0, 10))).toEqual(['empty started 2']);
    expect(summary(tracker, report(3, 0, 10))).toEqual([]);
    expect(summary(tracker, report(4, 1, 9))).toEqual(['empty ended 2']);
    expect(summary(tracker, report(5, 5, 5))).toEqual(['low ended 1']);
  });

  it('ignores a report older than the station\'s latest, and stations no alert watches', () => {
    const tracker = new TransitionTracker([alert('empty', 'empty')], 600_000);
    expect(summary(tracker, report(5, 2, 8))).toEqual([]);
    expect(summary(tracker, report(4, 0, 10))).toEqual([]);
    expect(summary(tracker, report(6, 0, 10, 'other'))).toEqual([]);
  });

  it('watches full and docks_below, never calling unknown docks full', () => {
    const tracker = new TransitionTracker([alert('full', 'full'), alert('docks', 'docks_below', 3)], 600_000);
    expect(summary(tracker, report(0, 5, null))).toEqual([]);
    expect(summary(tracker, report(1, 8, 2))).toEqual(['docks started 1']);
    expect(summary(tracker, report(2, 10, 0))).toEqual(['full started 2']);
    expect(summary(tracker, report(3, 7, 3))).toEqual(['full ended 2', 'docks ended 1']);
  });

  it('goes on from what was stored after a restart: an ended condition is not started again', () => {
    const tracker = new TransitionTracker([alert('empty', 'empty')], 600_000);
    tracker.restore([{ alertId: 'empty', systemId: 'oslo', stationId: '551', startedAt: new Date(T0 + 2 * 60_000) }], []);
    expect(summary(tracker, report(3, 0, 10))).toEqual([]);
    expect(summary(tracker, report(4, 1, 9))).toEqual(['empty ended 2']);
  });

  it('calls a station silent once its system reports far past it, and ends the silence with its next report', () => {
    const tracker = new TransitionTracker([alert('silent', 'not_reporting')], 10 * 60_000);
    expect(summary(tracker, report(0, 3, 7))).toEqual([]);
    expect(summary(tracker, report(10, 3, 7, 'other'))).toEqual([]);
    expect(summary(tracker, report(11, 3, 7, 'other'))).toEqual(['silent started 0']);
    expect(summary(tracker, report(12, 3, 7, 'other'))).toEqual([]);
    expect(summary(tracker, report(13, 2, 8))).toEqual(['silent ended 0']);
  });
});

describe('TransitionTracker after a restart', () => {
  it('still reads the reports the store already holds but the worker had not read, and times silences from the store', () => {
    const unread = new TransitionTracker([alert('empty', 'empty')], 10 * 60_000);
    unread.restore([], [report(5, 0, 10)]);
    expect(summary(unread, report(5, 0, 10))).toEqual(['empty started 5']);
    const silent = new TransitionTracker([alert('silent', 'not_reporting')], 10 * 60_000);
    silent.restore([], [report(0, 3, 7)]);
    expect(summary(silent, report(20, 3, 7, 'other'))).toEqual(['silent started 0']);
  });
});
