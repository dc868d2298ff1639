import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEED_NAMES } from '../feed-health/problem-schema';
import { SCHEMA_VERSIONS } from '../feed-health/schema-version';
import { createSchemaChecker } from './schema-check';

describe('createSchemaChecker', () => {
  it('turns the check off, saying where it looked, when the schema folder is missing', () => {
    const checker = createSchemaChecker('/nonexistent/gbfs-schema');
    expect(checker.off).toBe('no GBFS schemas at /nonexistent/gbfs-schema');
    expect(checker.check('station_status', {}, '2.3')).toEqual([]);
  });

  it('turns the check off instead of throwing when a schema file is missing or broken', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gbfs-schema-'));
    mkdirSync(path.join(dir, 'v2.3'));
    writeFileSync(path.join(dir, 'v2.3', 'gbfs.json'), '{ not json');
    expect(createSchemaChecker(dir).off).toMatch(/unusable/);
  });

  it('is on by default in any clone, from any working directory, with the schemas vendored beside the code', () => {
    const cwd = process.cwd();
    process.chdir(tmpdir());
    try {
      const checker = createSchemaChecker();
      expect(checker.off).toBeNull();
      const status = { last_updated: 1_700_000_000, ttl: 0, version: '2.3', data: { stations: [{ station_id: 's1', num_bikes_available: 1, num_docks_available: 1, is_installed: 1, is_renting: true, is_returning: true, last_reported: 1_700_000_000 }] } };
      expect(checker.check('station_status', status, '2.3')).toMatchObject([{ pointer: '/data/stations/*/is_installed', message: 'must be boolean', count: 1 }]);
    } finally {
      process.chdir(cwd);
    }
  });
});

/** A station_status schema in the shape of the official ones, for every version and feed. */
function schemaFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gbfs-schema-'));
  const count = { type: 'integer', minimum: 0 };
  const station = {
    type: 'object',
    properties: {
      station_id: { type: 'string' },
      num_bikes_available: count,
      is_renting: { type: 'boolean' },
      vehicle_types_available: { type: 'array', items: { type: 'object', properties: { vehicle_type_id: { type: 'string' }, count }, required: ['vehicle_type_id', 'count'] } },
    },
    required: ['station_id', 'num_bikes_available', 'is_renting'],
  };
  const schema = { type: 'object', properties: { data: { type: 'object', properties: { stations: { type: 'array', items: station } } } } };
  for (const version of SCHEMA_VERSIONS) {
    mkdirSync(path.join(dir, `v${version}`));
    for (const feed of FEED_NAMES) writeFileSync(path.join(dir, `v${version}`, `${feed}.json`), JSON.stringify(schema));
  }
  return dir;
}

const good = (index: number) => ({ station_id: `s${index}`, num_bikes_available: 3, is_renting: true, vehicle_types_available: [{ vehicle_type_id: 'bike', count: 3 }] });
const feed = (stations: unknown[]) => ({ last_updated: 1, ttl: 0, version: '2.3', data: { stations } });

describe('schema check of a hostile feed', () => {
  const checker = createSchemaChecker(schemaFolder());

  it('counts every problem of an ordinary feed', () => {
    const stations = [good(0), { ...good(1), is_renting: 1 }, { ...good(2), is_renting: 0 }, good(3)];

    expect(checker.check('station_status', feed(stations), '2.3')).toMatchObject([{ pointer: '/data/stations/*/is_renting', message: 'must be boolean', count: 2, exampleStationId: 's1' }]);
  });

  it('does not collect millions of errors from 5,000 records of 400 wrong values each', () => {
    const junk = Array.from({ length: 400 }, () => 0);
    const stations = Array.from({ length: 5_000 }, (_, index) => ({ station_id: index, num_bikes_available: -1, vehicle_types_available: junk }));
    const document = feed(stations);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();

    const problems = checker.check('station_status', document, '2.3');

    const retainedMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    const ms = performance.now() - started;
    console.log(`schema check of 5,000 hostile records (2,000,000 wrong values): ${ms.toFixed(0)} ms, heap +${retainedMb.toFixed(0)} MB, ${problems.length} kinds of problem`);
    expect(problems.map((problem) => problem.pointer)).toEqual(
      expect.arrayContaining(['/data/stations/*', '/data/stations/*/station_id', '/data/stations/*/num_bikes_available', '/data/stations/*/vehicle_types_available/*']),
    );
    expect(retainedMb).toBeLessThan(64);
  });

  it('still reports a problem beyond what it collects every error from', () => {
    const stations = Array.from({ length: 30_000 }, (_, index) => good(index));
    stations.push({ ...good(30_000), is_renting: 'yes' as unknown as boolean });

    expect(checker.check('station_status', feed(stations), '2.3')).toMatchObject([{ pointer: '/data/stations/*/is_renting', message: 'must be boolean', count: 1, exampleStationId: 's30000' }]);
  });
});
