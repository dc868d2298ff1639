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
function poll(tracker: StationTracker, statuses: StationStatus[], now: number, feedUpdatedAt: number | null = null): string[] {
  const chosen = tracker.select(statuses, now, feedUpdatedAt).send;
  tracker.markSent(chosen, now);
  return chosen.map((item) => item.status.stationId);
}

/** The report times a poll would publish, by station. */
function sentTimes(tracker: StationTracker, statuses: StationStatus[], now: number, feedUpdatedAt: number | null = null): Record<string, number> {
  const chosen = tracker.select(statuses, now, feedUpdatedAt).send;
  tracker.markSent(chosen, now);
  return Object.fromEntries(chosen.map((item) => [item.status.stationId, item.status.reportedAt]));
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

  it('never sends a report older than the one already sent; one with new counts is handed back for a dead letter (stale cache)', () => {
    const tracker = new StationTracker(HEARTBEAT_MS);
    poll(tracker, [status('a', { reportedAt: T0 + 60_000, bikes: 3 }), status('b', { reportedAt: T0 + 60_000 })], T0 + 60_000);

    const stale = [status('a', { reportedAt: T0, bikes: 7 }), status('b', { reportedAt: T0 })];
    const selection = tracker.select(stale, T0 + 75_000);

    expect(selection.send).toEqual([]);
    expect(selection.wentBack).toEqual([{ status: stale[0], previousAt: T0 + 60_000 }]);
    expect(poll(tracker, stale, T0 + 60_000 + HEARTBEAT_MS)).toEqual([]);
  });

  it('does not send the same report twice', () => {
    const tracker = new StationTracker(HEARTBEAT_MS);
    poll(tracker, [status('a')], T0);

    expect(poll(tracker, [status('a')], T0 + HEARTBEAT_MS)).toEqual([]);
  });

  it('stamps new counts under an unchanged last_reported with the feed\'s later last_updated', () => {
    const tracker = new StationTracker(HEARTBEAT_MS);
    poll(tracker, [status('a')], T0);

    const selection = tracker.select([status('a', { bikes: 9 })], T0 + 15_000, T0 + 12_000);

    expect(selection.send.map((item) => item.status)).toEqual([status('a', { bikes: 9, reportedAt: T0 + 12_000 })]);
    expect(selection.restamped).toBe(1);
  });

  it('stamps them 1 s after the last report when last_updated is not later, and keeps stepping while the feed\'s time stands still', () => {
    const tracker = new StationTracker(HEARTBEAT_MS);
    poll(tracker, [status('a')], T0);

    expect(sentTimes(tracker, [status('a', { bikes: 9 })], T0 + 15_000, T0)).toEqual({ a: T0 + 1_000 });
    expect(sentTimes(tracker, [status('a', { bikes: 9 })], T0 + 30_000, T0)).toEqual({});
    expect(sentTimes(tracker, [status('a', { bikes: 8 })], T0 + 45_000, null)).toEqual({ a: T0 + 2_000 });
  });

  it('keeps history in order after a restamp: a genuine report not after the stamp is stamped after it', () => {
    const tracker = new StationTracker(HEARTBEAT_MS);
    poll(tracker, [status('a')], T0);
    sentTimes(tracker, [status('a', { bikes: 9 })], T0 + 60_000, T0 + 60_000);

    expect(sentTimes(tracker, [status('a', { bikes: 4, reportedAt: T0 + 30_000 })], T0 + 75_000, T0 + 60_000)).toEqual({ a: T0 + 61_000 });
    expect(sentTimes(tracker, [status('a', { bikes: 3, reportedAt: T0 + 90_000 })], T0 + 90_000, T0 + 90_000)).toEqual({ a: T0 + 90_000 });
  });

  it('waits for the next poll rather than stamp a time after the fetch', () => {
    const tracker = new StationTracker(HEARTBEAT_MS);
    poll(tracker, [status('a')], T0);

    expect(sentTimes(tracker, [status('a', { bikes: 9 })], T0 + 500, null)).toEqual({});
    expect(sentTimes(tracker, [status('a', { bikes: 9 })], T0 + 1_000, null)).toEqual({ a: T0 + 1_000 });
  });

  it('forgets a station gone from the feed for a day, so its memory does not grow with every id a feed ever listed', () => {
    const tracker = new StationTracker(HEARTBEAT_MS);
    poll(tracker, [status('gone'), status('stays')], T0);
    const dayLater = T0 + 24 * 3600_000;
    poll(tracker, [status('stays', { reportedAt: dayLater - 60_000 })], dayLater - 60_000);

    expect(poll(tracker, [status('gone'), status('stays', { reportedAt: dayLater - 60_000 })], dayLater + 1)).toEqual(['gone']);
  });

  it('remembers a station still listed, however long its report time stands still', () => {
    const tracker = new StationTracker(HEARTBEAT_MS);
    poll(tracker, [status('a')], T0);
    for (let hour = 1; hour <= 30; hour += 1) expect(poll(tracker, [status('a')], T0 + hour * 3600_000)).toEqual([]);
  });

  it('selects the same changes again when the send failed and markSent was not called', () => {
    const tracker = new StationTracker(HEARTBEAT_MS);
    poll(tracker, [status('a'), status('b')], T0);

    const changed = [status('a', { reportedAt: T0 + 15_000, bikes: 2 }), status('b', { reportedAt: T0 + 15_000 })];
    const failed = tracker.select(changed, T0 + 15_000).send;
    expect(failed.map((item) => item.status.bikes)).toEqual([2]);

    const retried = tracker.select(changed, T0 + 30_000).send;
    expect(retried).toEqual(failed);
    tracker.markSent(retried, T0 + 30_000);

    expect(tracker.select(changed, T0 + 45_000).send).toEqual([]);
  });

  it('keeps stations apart: a change at one does not hide or trigger another', () => {
    const tracker = new StationTracker(HEARTBEAT_MS);
    poll(tracker, [status('a', { bikes: 1 }), status('b', { bikes: 1 })], T0);

    const next = [status('a', { reportedAt: T0 + 15_000, bikes: 1 }), status('b', { reportedAt: T0 + 15_000, bikes: 0 })];

    expect(poll(tracker, next, T0 + 15_000)).toEqual(['b']);
  });
});
