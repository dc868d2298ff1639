import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from './args';
import { loadReplayFolder, parseLastUpdated, withTtl } from './replay-folder';
import { recordingLogger, writeReplayFixture } from './test-support';

describe('parseLastUpdated', () => {
  it('reads unix seconds, numeric strings and RFC 3339 times', () => {
    expect(parseLastUpdated(1726210950)).toBe(1726210950);
    expect(parseLastUpdated('1726210950')).toBe(1726210950);
    expect(parseLastUpdated('2024-09-13T09:02:30+02:00')).toBe(1726210950);
    expect(parseLastUpdated('2024-09-13T07:02:30Z')).toBe(1726210950);
    expect(parseLastUpdated('yesterday')).toBeUndefined();
  });
});

describe('withTtl', () => {
  it('changes only the ttl and keeps the key order', () => {
    expect(withTtl({ last_updated: 1, ttl: 15, data: { x: 1 } }, 0)).toBe('{"last_updated":1,"ttl":0,"data":{"x":1}}');
    expect(withTtl({ data: {}, last_updated: 1 }, 5)).toBe('{"data":{},"last_updated":1,"ttl":5}');
  });
});

describe('loadReplayFolder', () => {
  let remove = async () => {};
  afterEach(() => remove());

  it('follows symlinks, orders snapshots by last_updated then file name, and skips what is not JSON', async () => {
    const fixture = await writeReplayFixture();
    remove = fixture.remove;
    await writeFile(path.join(fixture.dir, 'station_status.b-same-time.json'), JSON.stringify({ last_updated: 300, data: {} }));
    const log = recordingLogger();

    const folder = await loadReplayFolder(fixture.dir, 7, log);

    expect(folder.snapshots.map((s) => s.file)).toEqual([
      'station_status.z-oldest.json',
      'station_status.json',
      'station_status.a-newest.json',
      'station_status.b-same-time.json',
    ]);
    expect(folder.snapshots.map((s) => s.version)).toEqual(['3.0', undefined, '2.3', undefined]);
    expect(log.warnings).toEqual(['skipping file that is not JSON']);
    expect(folder.systemInformation).toBeUndefined();
    expect(folder.vehicleTypes).toBeUndefined();
  });

  it('serves the recorded documents as they are, with only the ttl replaced', async () => {
    const fixture = await writeReplayFixture();
    remove = fixture.remove;
    const folder = await loadReplayFolder(fixture.dir, 7, recordingLogger());
    const legacy = folder.snapshots[1];
    expect(legacy?.body).toBe(
      '{"data":{"stations":[{"station_id":"a","num_bikes_available":2,"num_docks_available":8,"is_installed":1,"is_renting":1,"is_returning":0,"last_reported":0}]},"last_updated":"200","ttl":7}',
    );
    expect(JSON.parse(folder.stationInformation)).toMatchObject({ last_updated: 100, ttl: 7, version: '2.3' });
  });

  it('refuses a folder without station_information.json or without snapshots', async () => {
    await expect(loadReplayFolder('/nonexistent/bikestream', 10, recordingLogger())).rejects.toThrow(UsageError);
    const fixture = await writeReplayFixture();
    remove = fixture.remove;
    await expect(loadReplayFolder(path.dirname(fixture.dir), 10, recordingLogger())).rejects.toThrow(
      /no readable station_information\.json/,
    );
  });
});
