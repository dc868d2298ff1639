import { describe, expect, it } from 'vitest';
import type { StationStatus } from '../../lib/gbfs/types';
import { StationTracker } from './station-tracker';

const T0 = Date.UTC(2024, 8, 9, 10, 0, 0);
const HEARTBEAT_MS = 300_000;

function status(stationId: string, overrides: Partial<StationStatus> = {}): StationStatus {
  return {
    systemId: 'oslo',
    stationId,
    reportedAt: T0,
    bikes: 5,
    ebikes: 1,
    docks: 10,
    isInstalled: true,
    isRenting: true,
    isReturning: true,
    ...overrides,
  };
}

/** One poll as the producer does it: select, then mark as sent once Kafka acknowledged. */
function poll(tracker: StationTracker, statuses: StationStatus[], now: number): string[] {
  const chosen = tracker.select(statuses, now);
  tracker.markSent(chosen, now);
  return chosen.map((item) => item.stationId);
}

describe('StationTracker', () => {
  it('sends every station on the first poll', () => {
    const tracker = new StationTracker(HEARTBEAT_MS);

    expect(poll(tracker, [status('a'), status('b'), status('c')], T0)).toEqual(['a', 'b', 'c']);
  });

  it('does not re-send a station whose counts and flags did not change', () => {
    const tracker = new StationTracker(HEARTBEAT_MS);
    poll(tracker, [status('a'), status('b')], T0);

    const next = [status('a', { reportedAt: T0 + 15_000 }), status('b', { reportedAt: T0 + 15_000 })];

    expect(poll(tracker, next, T0 + 15_000)).toEqual([]);
  });

  it.each<[string, Partial<StationStatus>]>([
    ['bikes', { bikes: 4 }],
    ['e-bikes', { ebikes: 0 }],
    ['e-bikes becoming unknown', { ebikes: null }],
    ['docks', { docks: 11 }],
    ['docks becoming unknown', { docks: null }],
    ['installed flag', { isInstalled: false }],
    ['renting flag', { isRenting: false }],
    ['returning flag', { isReturning: false }],
  ])('re-sends a station whose %s changed, and only that station', (_label, change) => {
    const tracker = new StationTracker(HEARTBEAT_MS);
    poll(tracker, [status('a'), status('b')], T0);

    const next = [status('a', { reportedAt: T0 + 15_000, ...change }), status('b', { reportedAt: T0 + 15_000 })];

    expect(poll(tracker, next, T0 + 15_000)).toEqual(['a']);
  });

  it('sends a newly appeared station even when the others are quiet', () => {
    const tracker = new StationTracker(HEARTBEAT_MS);
    poll(tracker, [status('a')], T0);

    expect(poll(tracker, [status('a', { reportedAt: T0 + 15_000 }), status('new', { reportedAt: T0 + 15_000 })], T0 + 15_000)).toEqual(['new']);
  });

  it('re-sends a quiet station once heartbeatMs has passed since it was last sent, then waits again', () => {
    const tracker = new StationTracker(HEARTBEAT_MS);
    poll(tracker, [status('a')], T0);

    expect(poll(tracker, [status('a', { reportedAt: T0 + HEARTBEAT_MS - 1_000 })], T0 + HEARTBEAT_MS - 1)).toEqual([]);
    expect(poll(tracker, [status('a', { reportedAt: T0 + HEARTBEAT_MS })], T0 + HEARTBEAT_MS)).toEqual(['a']);
    expect(poll(tracker, [status('a', { reportedAt: T0 + HEARTBEAT_MS + 15_000 })], T0 + HEARTBEAT_MS + 15_000)).toEqual([]);
  });

  it('never sends a report older than the one already sent, even with new counts (stale cache)', () => {
    const tracker = new StationTracker(HEARTBEAT_MS);
    poll(tracker, [status('a', { reportedAt: T0 + 60_000, bikes: 3 })], T0 + 60_000);

    const stale = status('a', { reportedAt: T0, bikes: 7 });

    expect(poll(tracker, [stale], T0 + 75_000)).toEqual([]);
    expect(poll(tracker, [stale], T0 + 60_000 + HEARTBEAT_MS)).toEqual([]);
  });

  it('does not send a second record for the same report time', () => {
    const tracker = new StationTracker(HEARTBEAT_MS);
    poll(tracker, [status('a')], T0);

    expect(poll(tracker, [status('a', { bikes: 9 })], T0 + 15_000)).toEqual([]);
  });

  it('selects the same changes again when the send failed and markSent was not called', () => {
    const tracker = new StationTracker(HEARTBEAT_MS);
    poll(tracker, [status('a'), status('b')], T0);

    const changed = [status('a', { reportedAt: T0 + 15_000, bikes: 2 }), status('b', { reportedAt: T0 + 15_000 })];
    const failed = tracker.select(changed, T0 + 15_000);
    expect(failed.map((item) => item.bikes)).toEqual([2]);

    const retried = tracker.select(changed, T0 + 30_000);
    expect(retried).toEqual(failed);
    tracker.markSent(retried, T0 + 30_000);

    expect(tracker.select(changed, T0 + 45_000)).toEqual([]);
  });

  it('keeps stations apart: a change at one does not hide or trigger another', () => {
    const tracker = new StationTracker(HEARTBEAT_MS);
    poll(tracker, [status('a', { bikes: 1 }), status('b', { bikes: 1 })], T0);

    const next = [status('a', { reportedAt: T0 + 15_000, bikes: 1 }), status('b', { reportedAt: T0 + 15_000, bikes: 0 })];

    expect(poll(tracker, next, T0 + 15_000)).toEqual(['b']);
  });
});
