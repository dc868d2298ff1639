import { describe, expect, it } from 'vitest';
import type { ChangeJson, ChangesResponse, StationJson, StationsResponse } from '../api/api-types';
import { MAX_PUSHED_CHANGES, withPushedChange, withPushedStation } from './live-cache';

const change = (reportedAt: string, stationId: string, extra: Partial<ChangeJson> = {}): ChangeJson => ({
  systemId: 'oslo',
  stationId,
  name: stationId,
  reportedAt,
  prevReportedAt: '2026-12-07T10:00:00.000Z',
  bikes: 3,
  prevBikes: 2,
  docks: 5,
  prevDocks: 6,
  cause: null,
  ...extra,
});
const page = (changes: ChangeJson[], next: string | null = null): ChangesResponse => ({ changes, next });

describe('pushed changes', () => {
  const pages = [page([change('2026-12-07T10:05:00.000Z', 'b'), change('2026-12-07T10:04:00.000Z', 'a')], 'cursor'), page([change('2026-12-07T10:03:00.000Z', 'c')])];

  it('put a new change at the top of the first page and leave older pages alone', () => {
    const result = withPushedChange(pages, change('2026-12-07T10:06:00.000Z', 'z'), null);
    expect(result?.[0]?.changes.map((item) => item.stationId)).toEqual(['z', 'b', 'a']);
    expect(result?.[1]).toBe(pages[1]);
  });

  it('replace a change already listed, as when its cause arrives, without repeating it', () => {
    const result = withPushedChange(pages, change('2026-12-07T10:04:00.000Z', 'a', { cause: 'riders' }), null);
    expect(result?.[0]?.changes.map((item) => [item.stationId, item.cause])).toEqual([
      ['b', null],
      ['a', 'riders'],
    ]);
  });

  it('keep a filtered feed to its cause', () => {
    expect(withPushedChange(pages, change('2026-12-07T10:06:00.000Z', 'z'), 'rebalancing')).toBe(pages);
    const truck = withPushedChange(pages, change('2026-12-07T10:06:00.000Z', 'z', { cause: 'rebalancing' }), 'rebalancing');
    expect(truck?.[0]?.changes[0]?.stationId).toBe('z');
  });

  it('leave a change older than the first page to the page that holds it', () => {
    expect(withPushedChange(pages, change('2026-12-07T10:00:00.000Z', 'q'), null)).toBe(pages);
  });

  it('ask for a refetch when nothing is cached yet to merge into', () => {
    expect(withPushedChange(undefined, change('2026-12-07T10:06:00.000Z', 'z'), null)).toBeNull();
  });

  it('ask for a refetch once the first page has grown past its bound', () => {
    const full = [page(Array.from({ length: MAX_PUSHED_CHANGES }, (_, index) => change(new Date(Date.UTC(2026, 11, 7, 9, 0, index)).toISOString(), `s${index}`)))];
    expect(withPushedChange(full, change('2026-12-07T11:00:00.000Z', 'new'), null)).toBeNull();
  });
});

describe('pushed stations', () => {
  const station = (stationId: string, bikes: number): StationJson => ({
    stationId,
    name: stationId,
    lat: 59.9,
    lon: 10.7,
    capacity: 10,
    bikes,
    ebikes: 0,
    docks: 10 - bikes,
    isInstalled: true,
    isRenting: true,
    isReturning: true,
    reportedAt: '2026-12-07T10:00:00.000Z',
    reporting: true,
  });
  const response = { system: {} as StationsResponse['system'], stations: [station('a', 1), station('b', 2)] };

  it('replace the station in place and add one not seen before', () => {
    expect(withPushedStation(response, station('b', 7))?.stations.map((item) => item.bikes)).toEqual([1, 7]);
    expect(withPushedStation(response, station('c', 4))?.stations.map((item) => item.stationId)).toEqual(['a', 'b', 'c']);
  });
});
