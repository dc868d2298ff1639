import { describe, expect, it } from 'vitest';
import { parseDiscovery } from '../../lib/gbfs/parse-discovery';
import { parseStationInformation } from '../../lib/gbfs/parse-station-information';
import { parseStationStatus } from '../../lib/gbfs/parse-station-status';
import { parseSystemInformation } from '../../lib/gbfs/parse-system-information';
import { parseEbikeTypeIds } from '../../lib/gbfs/parse-vehicle-types';
import type { FeedName } from './gbfs-documents';
import { SIMULATED_VERSIONS, type SimulatedVersion } from './synthetic-feed';
import { createSyntheticSource } from './synthetic-source';
import { osloTime } from './test-support';

const START_MS = osloTime('2024-09-10T08:00') * 1000;

/** The same seeded city, rendered in one GBFS version, 300 ticks in, so some stations are out of service. */
function city(gbfsVersion: SimulatedVersion, systemId?: string) {
  let now = START_MS;
  const source = createSyntheticSource({ seed: 4, stations: 60, interval: 10, gbfsVersion, systemId, now: () => now });
  now += 3_000_000;
  const discovery = JSON.parse(JSON.stringify(source.discovery('http://sim'))) as Record<string, unknown>;
  const files = Object.fromEntries(
    (['system_information', 'station_information', 'station_status', 'vehicle_types'] as FeedName[]).map((name) => {
      const body = source.feedBody(name);
      return [name, body === undefined ? undefined : (JSON.parse(body) as Record<string, unknown>)];
    }),
  ) as Record<FeedName, Record<string, unknown> | undefined>;
  return { discovery, files };
}

/** What the producer would make of the files, with the language asked for. */
function parsed(gbfsVersion: SimulatedVersion, language?: string) {
  const { discovery, files } = city(gbfsVersion);
  const feeds = parseDiscovery(discovery, language);
  const system = parseSystemInformation(files.system_information, language);
  const ebikeTypeIds = files.vehicle_types && parseEbikeTypeIds(files.vehicle_types);
  const info = parseStationInformation(files.station_information, system.systemId, language);
  const status = parseStationStatus(files.station_status, { systemId: system.systemId, fetchedAt: START_MS + 3_000_000, ebikeTypeIds });
  return { feeds, system, info, status };
}

const stationsOf = (version: SimulatedVersion) => (city(version).files.station_status?.data as { stations: Record<string, unknown>[] }).stations;

describe('the synthetic city in every GBFS version', () => {
  it('reads back as the same system and the same stations with the same numbers, whatever the version', () => {
    const [reference, ...others] = SIMULATED_VERSIONS.map((version) => parsed(version));
    expect(reference?.status.items).toHaveLength(60);
    expect(reference?.status.items.some((station) => !station.isInstalled)).toBe(true);
    expect(reference?.status.items.some((station) => (station.ebikes ?? 0) > 0)).toBe(true);
    for (const other of others) {
      expect(other.system).toEqual(reference?.system);
      expect(other.info).toEqual(reference?.info);
      expect(other.status.items).toEqual(reference?.status.items);
      expect([other.info.rejected, other.status.rejected]).toEqual([[], []]);
    }
  });

  it('1.1 has no version field anywhere, 1/0 booleans, a language key in gbfs.json and e-bikes in num_ebikes_available', () => {
    const { discovery, files } = city('1.1');
    for (const document of [discovery, ...Object.values(files).filter(Boolean)]) expect(document).not.toHaveProperty('version');
    expect(Object.keys(discovery.data as object)).toEqual(['en']);
    expect(files.vehicle_types).toBeUndefined();
    expect(parseDiscovery(discovery).feeds.has('vehicle_types')).toBe(false);
    for (const station of stationsOf('1.1')) {
      expect([station.is_installed, station.is_renting, station.is_returning].every((flag) => flag === 0 || flag === 1)).toBe(true);
      expect(station).toHaveProperty('num_ebikes_available');
      expect(station).not.toHaveProperty('vehicle_types_available');
      expect(typeof station.last_reported).toBe('number');
    }
  });

  it('3.0 lists feeds without a language key, writes RFC 3339 times, localized names and vehicle_types_available', () => {
    const { discovery, files } = city('3.0');
    expect(discovery).toMatchObject({ version: '3.0', data: { feeds: expect.any(Array) } });
    expect(Object.keys(discovery.data as object)).toEqual(['feeds']);
    for (const document of [discovery, ...Object.values(files)]) {
      expect(document).toMatchObject({ version: '3.0', last_updated: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
    }
    expect((files.system_information?.data as { name: unknown }).name).toEqual([
      { text: 'Simulated City (bikestream)', language: 'en' },
      { text: 'Simulert by (bikestream)', language: 'nb' },
    ]);
    const firstInfo = (files.station_information?.data as { stations: { name: unknown }[] }).stations[0];
    expect(firstInfo?.name).toEqual([{ text: expect.any(String), language: 'en' }]);
    for (const station of stationsOf('3.0')) {
      expect(station).not.toHaveProperty('num_bikes_available');
      expect(station).toMatchObject({ num_vehicles_available: expect.any(Number), vehicle_types_available: expect.any(Array), last_reported: expect.any(String) });
    }
  });

  it('2.3 stays what the simulator served before: unix times, plain names, language key "en"', () => {
    const { discovery, files } = city('2.3');
    expect(discovery).toMatchObject({ version: '2.3', last_updated: expect.any(Number), data: { en: { feeds: expect.any(Array) } } });
    expect((files.system_information?.data as { name: unknown }).name).toBe('Simulated City (bikestream)');
  });

  it('offers the 3.0 system name in Norwegian when the producer asks for nb, and a chosen system id', () => {
    expect(parsed('3.0', 'nb').system.name).toBe('Simulert by (bikestream)');
    const { files } = city('3.0', 'city-b');
    expect(parseSystemInformation(files.system_information, 'nb')).toMatchObject({ systemId: 'city-b', name: 'Simulert by (city-b)' });
  });
});
