import { describe, expect, it } from 'vitest';
import { toChangeJson, toStationJson, toSystemJson } from './api-json';
import type { StationChange } from './queries/changes';
import type { StationNow } from './queries/stations';
import type { SystemSummary } from './queries/systems';

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
};

describe('API JSON', () => {
  it('writes a system with ISO times, its feed age and staleness', () => {
    const json = toSystemJson(system, Date.parse('2026-11-27T12:00:04Z'));
    expect(json).toMatchObject({ statusUpdatedAt: '2026-11-27T12:00:00.000Z', polledAt: '2026-11-27T12:00:05.000Z', feedAgeSeconds: 4, stale: false });
    expect(toSystemJson(system, Date.parse('2026-11-27T12:01:01Z')).stale).toBe(true);
    expect(toSystemJson({ ...system, statusUpdatedAt: null }).statusUpdatedAt).toBeNull();
  });

  it('leaves the address and last-seen time out of a station, as the API does', () => {
    const station: StationNow = {
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
      lastSeen: new Date('2026-11-27T12:00:05Z'),
    };
    const json = toStationJson(station);
    expect(json).not.toHaveProperty('address');
    expect(json).not.toHaveProperty('lastSeen');
    expect(json.reportedAt).toBe('2026-11-27T12:00:00.000Z');
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
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
    });
  });
});
