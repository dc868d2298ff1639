import { describe, expect, it } from 'vitest';
import type { ReplayFolder, Snapshot } from './replay-folder';
import { createReplaySource, describeFolder } from './replay-source';

const snapshot = (file: string, seconds: number, version?: string): Snapshot => ({
  file,
  lastUpdatedSeconds: seconds,
  lastUpdated: version === '3.0' ? new Date(seconds * 1000).toISOString() : seconds,
  version,
  body: JSON.stringify({ last_updated: seconds, file }),
});

const folder = (overrides: Partial<ReplayFolder> = {}): ReplayFolder => ({
  dir: '/data/gbfs/oslo',
  stationInformation: '{"data":{"stations":[]}}',
  systemInformation: undefined,
  vehicleTypes: undefined,
  snapshots: [snapshot('s0', 1000), snapshot('s1', 2000, '2.2'), snapshot('s2', 3000, '3.0')],
  ...overrides,
});

const servedFile = (body: string | undefined) => (JSON.parse(body ?? 'null') as { file?: string } | null)?.file;

describe('replay source', () => {
  it('with --interval 0 serves the next snapshot on each fetch, then stays on the last', () => {
    const source = createReplaySource(folder(), { interval: 0, now: () => 0 });
    expect(source.state()).toEqual({ mode: 'replay', snapshotIndex: 0, snapshotCount: 3, lastUpdated: 1000 });
    const served = [];
    for (let fetch = 0; fetch < 5; fetch++) {
      source.noteStatusFetch();
      served.push(servedFile(source.feedBody('station_status')));
    }
    expect(served).toEqual(['s0', 's1', 's2', 's2', 's2']);
    expect(source.state().snapshotIndex).toBe(2);
  });

  it('with an interval moves on by the wall clock, not by fetches', () => {
    let now = 1_700_000_000_000;
    const source = createReplaySource(folder(), { interval: 15, now: () => now });
    source.noteStatusFetch();
    source.noteStatusFetch();
    expect(servedFile(source.feedBody('station_status'))).toBe('s0');
    now += 15_000;
    expect(servedFile(source.feedBody('station_status'))).toBe('s1');
    now += 3600_000;
    expect(servedFile(source.feedBody('station_status'))).toBe('s2');
  });

  it('generates system_information from the folder name when the folder has none', () => {
    const source = createReplaySource(folder(), { interval: 5, now: () => 0 });
    expect(JSON.parse(source.feedBody('system_information') ?? '')).toEqual({
      last_updated: 1000,
      ttl: 5,
      data: { system_id: 'oslo', language: 'en', name: 'Oslo (replay)', timezone: 'Europe/Oslo' },
    });
    expect(describeFolder('/tmp/My Data_2').systemId).toBe('my-data-2');
    const recorded = createReplaySource(folder({ systemInformation: '{"ttl":5}' }), { interval: 5, now: () => 0 });
    expect(recorded.feedBody('system_information')).toBe('{"ttl":5}');
  });

  it("announces the current snapshot's version in gbfs.json, and none for a 1.x snapshot that has none", () => {
    const source = createReplaySource(folder({ vehicleTypes: '{}' }), { interval: 0, now: () => 0 });
    const discovery = () => JSON.stringify(source.discovery('http://sim:1'));
    expect(JSON.parse(discovery())).toEqual({ last_updated: 1000, ttl: 0, data: { en: { feeds: expect.any(Array) } } });
    expect(discovery()).toContain('{"name":"vehicle_types","url":"http://sim:1/vehicle_types.json"}');
    source.noteStatusFetch();
    source.noteStatusFetch();
    expect(JSON.parse(discovery())).toMatchObject({ version: '2.2' });
    source.noteStatusFetch();
    expect(JSON.parse(discovery())).toMatchObject({ version: '3.0', last_updated: '1970-01-01T00:50:00.000Z' });
    expect(JSON.parse(discovery()).data.feeds).toHaveLength(4);
  });
});
