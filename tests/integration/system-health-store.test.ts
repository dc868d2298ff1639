import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedProblem } from '../../lib/feed-health/problem-schema';
import type { SystemMessage } from '../../lib/kafka/messages';
import { upsertSystems } from '../../lib/queries/ingest';
import { getSystem } from '../../lib/queries/systems';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const problem: FeedProblem = { kind: 'schema', feed: 'station_status', pointer: '/data/stations/*/is_installed', message: 'must be boolean', count: 254, exampleStationId: '2351', checkedAgainst: '2.3' };

const message = (polledAt: string, extra: Partial<SystemMessage> = {}): SystemMessage => ({
  systemId: 'oslobysykkel',
  name: 'Oslo Bysykkel',
  timezone: 'Europe/Oslo',
  language: 'nb',
  operator: null,
  licenseUrl: null,
  feedUrl: 'https://example.test/gbfs.json',
  ttlSeconds: 10,
  simulated: false,
  statusUpdatedAt: new Date(polledAt),
  polledAt: new Date(polledAt),
  ...extra,
});

describe('feed health on the systems row', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('stores the declared version and the problems the producer sent', async () => {
    await upsertSystems(database.db, [message('2026-11-27T12:00:00Z', { gbfsVersion: '2.2', feedProblems: [problem] })]);
    expect(await getSystem(database.db, 'oslobysykkel')).toMatchObject({ gbfsVersion: '2.2', feedProblems: [problem] });
  });

  it('keeps them when a message from a producer that predates the check arrives', async () => {
    await upsertSystems(database.db, [message('2026-11-27T12:00:10Z')]);
    expect(await getSystem(database.db, 'oslobysykkel')).toMatchObject({ gbfsVersion: '2.2', feedProblems: [problem], polledAt: new Date('2026-11-27T12:00:10Z') });
  });

  it('clears them when the feed is fixed, and never lets an older poll overwrite a newer one', async () => {
    await upsertSystems(database.db, [message('2026-11-27T12:00:20Z', { gbfsVersion: '2.3', feedProblems: [] })]);
    await upsertSystems(database.db, [message('2026-11-27T12:00:15Z', { gbfsVersion: '2.2', feedProblems: [problem] })]);
    expect(await getSystem(database.db, 'oslobysykkel')).toMatchObject({ gbfsVersion: '2.3', feedProblems: [] });
  });

  it('records a 1.x feed as declaring no version', async () => {
    await upsertSystems(database.db, [message('2026-11-27T12:00:30Z', { gbfsVersion: null, feedProblems: [{ kind: 'schema-check-off', message: 'no GBFS schemas at /x' }] })]);
    expect(await getSystem(database.db, 'oslobysykkel')).toMatchObject({ gbfsVersion: null, feedProblems: [{ kind: 'schema-check-off', message: 'no GBFS schemas at /x' }] });
  });
});
