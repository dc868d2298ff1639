import { describe, expect, it } from 'vitest';
import { eventsOfChange, eventsOfChanges, type CountChange } from './availability-events';

const change = (prevBikes: number, bikes: number, prevDocks: number | null, docks: number | null): CountChange => ({
  systemId: 'oslo',
  stationId: '551',
  name: 'Jernbanetorget',
  reportedAt: new Date('2026-03-01T08:00:00Z'),
  bikes,
  prevBikes,
  docks,
  prevDocks,
});

const kinds = (c: CountChange) => eventsOfChange(c).map((event) => event.kind);

describe('availability events', () => {
  it('marks the last bike taken and the first bike back', () => {
    expect(kinds(change(1, 0, 9, 10))).toEqual(['empty']);
    expect(kinds(change(0, 2, 10, 8))).toEqual(['empty-ended']);
    expect(kinds(change(2, 1, 8, 9))).toEqual([]);
  });

  it('marks the last dock taken and the first dock freed', () => {
    expect(kinds(change(9, 10, 1, 0))).toEqual(['full']);
    expect(kinds(change(10, 9, 0, 1))).toEqual(['full-ended']);
  });

  it('gives two events when a truck fills an empty station to the brim, or empties a full one', () => {
    expect(kinds(change(0, 10, 10, 0))).toEqual(['empty-ended', 'full']);
    expect(kinds(change(10, 0, 0, 10))).toEqual(['empty', 'full-ended']);
  });

  it('never calls a station with unknown docks full', () => {
    expect(kinds(change(3, 2, null, null))).toEqual([]);
    expect(kinds(change(3, 2, 0, null))).toEqual(['full-ended']);
  });

  it('keeps the order of the changes and stops at the limit', () => {
    const events = eventsOfChanges([change(0, 10, 10, 0), change(1, 0, 9, 10)], 2);
    expect(events.map((event) => event.kind)).toEqual(['empty-ended', 'full']);
  });
});
