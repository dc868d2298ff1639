import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StationsResponse } from '../../lib/api/api-types';
import { pipelineEnv, startPipeline } from '../support/pipeline';
import { waitFor, type RunningProcess } from '../support/processes';
import { startScriptedFeed, type ScriptedFeed } from '../support/scripted-feed';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { getJson, startWeb, type RunningWeb } from '../support/web';

interface HealthFeed {
  systemId: string;
  schemaCheck: { checkedAgainst: string | null; label: string };
  problemCount: number;
}

describe('without the GBFS schemas', () => {
  let database: TestDatabase;
  let feed: ScriptedFeed;
  let workers: { producer: RunningProcess; consumer: RunningProcess };
  let web: RunningWeb;

  beforeAll(async () => {
    database = await createTestDatabase();
    feed = await startScriptedFeed('unchecked');
    const now = Math.floor(Date.now() / 1000);
    feed.stations.information = [{ station_id: 'a', name: 'A', lat: 59.9, lon: 10.7 }];
    // 0/1 flags break the 2.3 schema, but with the check off nobody can say so.
    feed.stations.status = [{ station_id: 'a', num_bikes_available: 2, num_docks_available: 3, is_installed: 1, is_renting: 1, is_returning: 1, last_reported: now }];
    const env = pipelineEnv(inject('kafkaBrokers'), database.url, { GBFS_URL: feed.url, GBFS_SCHEMA_DIR: '/nonexistent/gbfs-schema' });
    workers = startPipeline(env);
    web = await startWeb({ ...env, RATE_LIMIT_PER_MINUTE: '0' });
  });

  afterAll(async () => {
    await Promise.all([workers?.producer.stop(), workers?.consumer.stop(), web?.stop()]);
    await feed?.close();
    await database?.drop();
  });

  it('keeps the producer running, says so once in its log, and shows "schema check off" instead of claiming the feed conforms', async () => {
    await waitFor('the station to be stored', async () => (await getJson<StationsResponse>(`${web.baseUrl}/api/stations`)).body.stations?.length === 1, 90_000);
    await waitFor('the schema check state in /api/health', async () => {
      const { body } = await getJson<{ feeds: HealthFeed[] }>(`${web.baseUrl}/api/health`);
      return body.feeds[0]?.schemaCheck.checkedAgainst === null;
    }, 30_000);
    const { body } = await getJson<{ feeds: HealthFeed[] }>(`${web.baseUrl}/api/health`);
    expect(body.feeds[0]).toMatchObject({ systemId: 'unchecked', problemCount: 0, schemaCheck: { checkedAgainst: null, label: 'schema check off (no GBFS schemas at /nonexistent/gbfs-schema)' } });
    expect(workers.producer.child.exitCode).toBeNull();
    expect(workers.producer.output().split('\n').filter((line) => line.includes('GBFS schema check off'))).toHaveLength(1);
    const page = (await (await fetch(`${web.baseUrl}/systems`)).text()).replace(/<!-- -->/g, '');
    expect(page).toContain('schema check off');
    expect(page).not.toContain('conforms');
  });
});
