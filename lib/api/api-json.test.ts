import { describe, expect, it } from 'vitest';
import { toChangeJson, toStationJson, toSystemJson } from './api-json';
import type { StationChange } from '../queries/changes';
import type { StationDetail } from '../queries/stations';
import type { SystemSummary } from '../queries/systems';

const system: SystemSummary = {
  systemId: 'oslobysykkel',
  name: 'Oslo Bysykkel',
  timezone: 'Europe/Oslo',
  operator: 'UIP Oslo Bysykkel AS',
  licenseUrl: null,
  ttlSeconds: 10,
  simulated: false,
  statusUpdatedAt: new Date('2026-11-27T12:00:00Z'),
  polledAt: new Date('2026-11-27T12:00:05Z'),
  stationCount: 260,
  gbfsVersion: '2.3',
  feedProblems: [{ kind: 'schema', feed: 'station_status', pointer: '/data/stations/*/is_installed', message: 'must be boolean', count: 260, exampleStationId: '1', checkedAgainst: '2.3' }],
};

describe('API JSON', () => {
  it('writes a system with ISO times, its feed age and staleness', () => {
    const json = toSystemJson(system, Date.parse('2026-11-27T12:00:04Z'));
    expect(json).toMatchObject({ statusUpdatedAt: '2026-11-27T12:00:00.000Z', polledAt: '2026-11-27T12:00:05.000Z', feedAgeSeconds: 4, stale: false });
    expect(toSystemJson(system, Date.parse('2026-11-27T12:01:01Z')).stale).toBe(true);
    expect(toSystemJson({ ...system, statusUpdatedAt: null }).statusUpdatedAt).toBeNull();
  });

  it('keeps the long feed-problem list off the system carried by every stations response, but says the version', () => {
    const json = toSystemJson(system);
    expect(json).not.toHaveProperty('feedProblems');
    expect(json.gbfsVersion).toBe('2.3');
  });

  it('leaves the address out of a station, as the stations list does, even when it has one', () => {
    const station: StationDetail = {
      stationId: '42',
      name: 'Aker Brygge',
      address: 'Brygge 1',
      lat: 59.91,
      lon: 10.73,
      capacity: 20,
      bikes: 3,
      ebikes: 1,
      docks: 17,
      isInstalled: true,
      isRenting: true,
      isReturning: true,
      reportedAt: new Date('2026-11-27T12:00:00Z'),
    };
    const json = toStationJson(station, new Date('2026-11-27T11:50:00Z'));
    expect(json).not.toHaveProperty('address');
    expect(json.reportedAt).toBe('2026-11-27T12:00:00.000Z');
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('marks a station whose latest report is older than the system’s reporting cutoff as not reporting', () => {
    const station = { stationId: '7', name: null, address: null, lat: null, lon: null, capacity: null, bikes: 0, ebikes: null, docks: null, isInstalled: true, isRenting: true, isReturning: true, reportedAt: new Date('2026-11-27T11:00:00Z') };
    expect(toStationJson(station, new Date('2026-11-27T11:00:00Z')).reporting).toBe(true);
    expect(toStationJson(station, new Date('2026-11-27T11:00:01Z')).reporting).toBe(false);
  });

  it('writes a change with both times and without e-bike counts', () => {
    const change: StationChange = {
      systemId: 'oslobysykkel',
      stationId: '42',
      name: 'Aker Brygge',
      reportedAt: new Date('2026-11-27T12:00:10Z'),
      prevReportedAt: new Date('2026-11-27T12:00:00Z'),
      bikes: 5,
      prevBikes: 3,
      ebikes: 1,
      prevEbikes: 1,
      docks: 15,
      prevDocks: 17,
      cause: 'riders',
    };
    expect(toChangeJson(change)).toEqual({
      systemId: 'oslobysykkel',
      stationId: '42',
      name: 'Aker Brygge',
      reportedAt: '2026-11-27T12:00:10.000Z',
      prevReportedAt: '2026-11-27T12:00:00.000Z',
      bikes: 5,
      prevBikes: 3,
      docks: 15,
      prevDocks: 17,
      cause: 'riders',
    });
  });
});
