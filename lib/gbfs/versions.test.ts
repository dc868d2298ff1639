import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDiscovery } from './parse-discovery';
import { parseStationInformation } from './parse-station-information';
import { parseStationStatus } from './parse-station-status';
import { parseSystemInformation } from './parse-system-information';
import { parseEbikeTypeIds } from './parse-vehicle-types';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const VERSIONS = ['v1.x', 'v2.2', 'v2.3', 'v3.0'] as const;
type Version = (typeof VERSIONS)[number];

const FEED_UPDATED = Date.UTC(2024, 8, 13, 7, 2, 30);
const REPORTED = FEED_UPDATED - 10_000;
const FETCHED_AT = FEED_UPDATED + 10_000;

function read(version: Version, feed: string): unknown {
  const file = path.join(FIXTURES, version, `${feed}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : undefined;
}

/** The fixture read the way the producer reads a feed: discovery, then each file in the language it chose. */
function readSystem(version: Version, language?: string) {
  const discovery = parseDiscovery(read(version, 'gbfs'), language);
  const chosen = language ?? discovery.language ?? undefined;
  const system = parseSystemInformation(read(version, 'system_information'), chosen);
  const vehicleTypes = read(version, 'vehicle_types');
  const ebikeTypeIds = vehicleTypes === undefined ? undefined : parseEbikeTypeIds(vehicleTypes);
  const information = parseStationInformation(read(version, 'station_information'), system.systemId, chosen);
  const status = parseStationStatus(read(version, 'station_status'), { systemId: system.systemId, fetchedAt: FETCHED_AT, ebikeTypeIds });
  return { discovery, system, information, status };
}

const SYSTEM = {
  systemId: 'fixture-city',
  timezone: 'Europe/Oslo',
  language: 'nb',
  operator: 'Fixture Bysykkel AS',
  licenseUrl: 'https://data.norge.no/nlod/no/2.0',
};

const STATIONS = [
  { systemId: 'fixture-city', stationId: '1', name: 'Torggata', address: 'Torggata 1', lat: 59.915, lon: 10.751, capacity: 20 },
  { systemId: 'fixture-city', stationId: '2', name: 'Jernbanetorget', address: 'Jernbanetorget 1', lat: 59.9111, lon: 10.7503, capacity: 30 },
  { systemId: 'fixture-city', stationId: '3', name: 'Aker Brygge', address: 'Stranden 1', lat: 59.91, lon: 10.727, capacity: null },
];

const flags = (renting = true) => ({ isInstalled: true, isRenting: renting, isReturning: true });
const STATUSES = [
  { systemId: 'fixture-city', stationId: '1', reportedAt: REPORTED, bikes: 5, ebikes: 2, docks: 15, ...flags() },
  { systemId: 'fixture-city', stationId: '2', reportedAt: REPORTED, bikes: 0, ebikes: 0, docks: 28, ...flags(false) },
  // Virtual: no docks to count and no report time of its own, so the feed's time.
  { systemId: 'fixture-city', stationId: '3', reportedAt: FEED_UPDATED, bikes: 3, ebikes: 1, docks: null, ...flags() },
];

describe.each(VERSIONS)('a hand-made GBFS %s system', (version) => {
  it('reads into the same system, stations and counts as every other version', () => {
    const { discovery, system, information, status } = readSystem(version);
    expect(discovery.feeds.get('station_status')).toMatch(/^https:\/\/fixture\.example\//);
    expect(system).toMatchObject(SYSTEM);
    expect(information).toEqual({ items: STATIONS, rejected: [], ttl: expect.any(Number) });
    expect(status.lastUpdated).toBe(FEED_UPDATED);
    expect(status.items.filter((item) => ['1', '2', '3'].includes(item.stationId))).toEqual(STATUSES);
  });
});

describe('what each version adds', () => {
  it('1.x: no version field, integer ids, 1/0 booleans and numbers as strings', () => {
    const { discovery, status } = readSystem('v1.x');
    expect(discovery.version).toBeNull();
    expect(discovery.language).toBe('nb');
    expect(status.rejected).toEqual([]);
  });

  it('2.2: unknown fields and feeds are ignored, and e-bikes are told by their type id when there is no vehicle_types.json', () => {
    const { discovery, system, status } = readSystem('v2.2');
    expect(discovery.version).toBe('2.2');
    expect(discovery.feeds.get('x_operator_notices')).toBeDefined();
    expect(system.name).toBe('Fixture City');
    expect(status.rejected).toEqual([]);
  });

  it('2.3: e-bikes come from vehicle_types.json; a duplicate row is set aside; a station missing from information still counts', () => {
    const { information, status } = readSystem('v2.3');
    expect(status.rejected).toEqual([expect.objectContaining({ feed: 'station_status', stationId: '1', reason: 'duplicate station_id' })]);
    expect(information.items.map((station) => station.stationId)).not.toContain('99');
    // last_reported 0 (1970) is not believed: the feed's own time stands in.
    expect(status.items.find((item) => item.stationId === '99')).toEqual({ systemId: 'fixture-city', stationId: '99', reportedAt: FEED_UPDATED, bikes: 4, ebikes: 0, docks: 6, ...flags() });
  });

  it('3.0: flat feed list, localized names in the asked-for language, RFC 3339 times, a report from 2099 not believed', () => {
    const { discovery, status } = readSystem('v3.0');
    expect([discovery.version, discovery.language]).toEqual(['3.0', null]);
    expect(readSystem('v3.0').system.name).toBe('Fiksturbyen');
    const english = readSystem('v3.0', 'en');
    expect(english.system.name).toBe('Fixture City');
    expect(english.information.items.map((station) => station.name)).toEqual(['Torggata Square', 'Jernbanetorget', 'Aker Brygge']);
    expect(status.items.find((item) => item.stationId === '97')).toMatchObject({ reportedAt: FEED_UPDATED, bikes: 1, ebikes: 1 });
  });
});
