import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SystemsResponse } from '../../lib/api/api-types';
import { pipelineEnv, startPipeline, type PipelineEnv } from '../support/pipeline';
import { waitFor, type RunningProcess } from '../support/processes';
import { startScriptedFeed, type ScriptedFeed } from '../support/scripted-feed';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { getJson, startWeb, type RunningWeb } from '../support/web';

const SYSTEM = 'tzcity';
const ZONE_PROBLEM = 'not an IANA time zone name; times are shown in UTC';

describe('a feed whose time zone is not one', () => {
  let database: TestDatabase;
  let feed: ScriptedFeed;
  let env: PipelineEnv;
  let workers: { producer: RunningProcess; consumer: RunningProcess };
  let web: RunningWeb;
  let refresh: ReturnType<typeof setInterval>;

  const status = () => {
    const now = Math.floor(Date.now() / 1000);
    return ['s1', 's2'].map((id) => ({ station_id: id, num_bikes_available: 3, num_docks_available: 7, is_installed: true, is_renting: true, is_returning: true, last_reported: now }));
  };
  const system = async () => (await getJson<SystemsResponse>(`${web.baseUrl}/api/systems`)).body.systems?.find((item) => item.systemId === SYSTEM);

  /** Every place that shows the system's times, as a reader would request them. */
  async function visit() {
    const pages = { systems: '/api/systems', stations: `/api/stations?system=${SYSTEM}`, station: `/api/stations/${SYSTEM}/s1`, stationPage: `/stations/${SYSTEM}/s1`, systemsPage: '/systems', home: `/?system=${SYSTEM}` };
    const answers = await Promise.all(Object.entries(pages).map(async ([name, path]) => {
      const response = await fetch(`${web.baseUrl}${path}`);
      // React separates adjacent text with <!-- --> in server-rendered HTML.
      return [name, { status: response.status, body: (await response.text()).replaceAll('<!-- -->', '') }] as const;
    }));
    return Object.fromEntries(answers);
  }

  function report(label: string, answers: Awaited<ReturnType<typeof visit>>, shown: Awaited<ReturnType<typeof system>>) {
    const statuses = Object.entries(answers).map(([name, answer]) => `${name} ${answer.status}`).join(', ');
    console.log(`[feed-time-zone] ${label}: ${statuses}; timezone shown ${JSON.stringify(shown?.timezone?.slice(0, 40))}; problems ${JSON.stringify(shown?.health.problems.map((problem) => `${problem.feed}${problem.pointer}: ${problem.message}`))}`);
  }

  function expectShownInUtc(answers: Awaited<ReturnType<typeof visit>>, shown: Awaited<ReturnType<typeof system>>) {
    expect(Object.fromEntries(Object.entries(answers).map(([name, answer]) => [name, answer.status]))).toEqual({ systems: 200, stations: 200, station: 200, stationPage: 200, systemsPage: 200, home: 200 });
    expect(shown?.timezone).toBe('UTC');
    expect(shown?.health.problems).toContainEqual(expect.objectContaining({ feed: 'system_information', pointer: '/data/timezone', message: ZONE_PROBLEM }));
    expect(answers.stationPage?.body).toContain('(UTC time)');
    expect(answers.systemsPage?.body).toContain(ZONE_PROBLEM);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    feed = await startScriptedFeed(SYSTEM);
    feed.system.timezone = "Mars/Olympus'; DROP TABLE systems; --";
    feed.stations.information = ['s1', 's2'].map((id, index) => ({ station_id: id, name: `Station ${id}`, lat: 59.9 + index * 0.001, lon: 10.7, capacity: 10 }));
    feed.stations.status = status();
    refresh = setInterval(() => (feed.stations.status = status()), 1_000);
    // The schema check off, so the problem shown is the producer's own finding, not the schema's.
    env = pipelineEnv(inject('kafkaBrokers'), database.url, { GBFS_URL: feed.url, GBFS_SCHEMA_DIR: '/nonexistent/gbfs-schema' });
    workers = startPipeline(env);
    web = await startWeb({ ...env, RATE_LIMIT_PER_MINUTE: '0', PAGE_RATE_LIMIT_PER_MINUTE: '0' });
  });

  afterAll(async () => {
    clearInterval(refresh);
    await Promise.all([workers?.producer.stop(), workers?.consumer.stop(), web?.stop()]);
    await feed?.close();
    await database?.drop();
  });

  it('is stored as UTC with a problem on /systems, and every page answers with UTC times', async () => {
    await waitFor('the system and its stations', async () => ((await system())?.stationCount ?? 0) === 2, 90_000);
    const stored = await database.db.execute<{ timezone: string }>(sql`SELECT timezone FROM systems WHERE system_id = ${SYSTEM}`);
    const shown = await system();
    const answers = await visit();
    report('through the pipeline', answers, shown);

    expect(stored.rows[0]?.timezone).toBe('UTC');
    expect(shown?.health.schemaCheck.checkedAgainst).toBeNull();
    expectShownInUtc(answers, shown);
  });

  it('is shown in UTC with the problem when a bad zone is already in the database', async () => {
    await workers.producer.stop();
    await database.db.execute(sql`UPDATE systems SET timezone = ${`Mars/${'x'.repeat(5_000)}`}, feed_problems = '[]'::jsonb WHERE system_id = ${SYSTEM}`);
    const shown = await system();
    const answers = await visit();
    report('stored before the check', answers, shown);

    expectShownInUtc(answers, shown);
  });
});
