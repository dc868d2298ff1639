import { request as httpRequest } from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseAtom, type ParsedFeed } from '../support/atom-check';
import { pipelineEnv, startPipeline, type PipelineEnv } from '../support/pipeline';
import { waitFor, type RunningProcess } from '../support/processes';
import { startScriptedFeed, type ScriptedFeed } from '../support/scripted-feed';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startWeb, type RunningWeb } from '../support/web';

const SYSTEM = 'atomcity';
const HOSTILE_NAME = 'Søndre <b>gate</b> & "Co" ]]> \u0007bell\u001f';
// The producer turns the control characters into spaces; markup and ]]> reach the store as they were.
const HOSTILE_READ_BACK = 'Søndre <b>gate</b> & "Co" ]]>  bell ';
const T0 = Math.floor(Date.now() / 1000) - 3600;
const at = (minutes: number) => T0 + minutes * 60;
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

const STATION_FEED = `/stations/${SYSTEM}/hostile/feed.xml`;

/** The page's <link rel="alternate" type="application/atom+xml"> tags, in the head only or anywhere in the HTML. */
function feedLinks(html: string, where: 'head' | 'document'): { href: string; title: string }[] {
  const part = where === 'head' ? html.slice(0, html.indexOf('</head>')) : html;
  return [...part.matchAll(/<link [^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => tag.includes('rel="alternate"') && tag.includes('type="application/atom+xml"'))
    .map((tag) => ({ href: /href="([^"]*)"/.exec(tag)?.[1] ?? '', title: /title="([^"]*)"/.exec(tag)?.[1] ?? '' }));
}
const SYSTEM_FEED = `/systems/${SYSTEM}/feed.xml`;

describe('Atom feeds of empty and full stations, through the real pipeline', () => {
  let database: TestDatabase;
  let feed: ScriptedFeed;
  let env: PipelineEnv;
  let workers: { producer: RunningProcess; consumer: RunningProcess };
  let web: RunningWeb;

  const setStatus = (lastReported: number, bikes: number, docks: number) => {
    feed.stations.status = [
      { station_id: 'calm', num_bikes_available: 5, num_docks_available: 5, is_installed: true, is_renting: true, is_returning: true, last_reported: T0 },
      { station_id: 'hostile', num_bikes_available: bikes, num_docks_available: docks, is_installed: true, is_renting: true, is_returning: true, last_reported: lastReported },
    ];
  };

  /** Shows the station a report and waits until the consumer has stored it. */
  const report = async (lastReported: number, bikes: number, docks: number) => {
    setStatus(lastReported, bikes, docks);
    await waitFor(`the report of ${iso(lastReported)} stored`, async () => {
      const result = await database.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM station_status WHERE system_id = ${SYSTEM} AND station_id = 'hostile' AND reported_at = ${iso(lastReported)}::timestamptz`,
      );
      return result.rows[0]?.n === 1;
    }, 60_000);
  };

  const fetchFeed = async (path: string) => {
    const response = await fetch(`${web.baseUrl}${path}`);
    const body = await response.text();
    return { status: response.status, headers: response.headers, body };
  };

  const readFeed = async (path: string): Promise<ParsedFeed> => {
    const { status, headers, body } = await fetchFeed(path);
    expect(status, body).toBe(200);
    expect(headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    return parseAtom(body);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    feed = await startScriptedFeed(SYSTEM);
    feed.stations.information = [
      { station_id: 'calm', name: 'Calm Corner', lat: 59.91, lon: 10.75, capacity: 10 },
      { station_id: 'hostile', name: HOSTILE_NAME, lat: 59.92, lon: 10.76, capacity: 10 },
    ];
    setStatus(at(0), 3, 7);
    env = pipelineEnv(inject('kafkaBrokers'), database.url, { GBFS_URL: feed.url });
    workers = startPipeline(env);
    web = await startWeb({ ...env, RATE_LIMIT_PER_MINUTE: '0', PAGE_RATE_LIMIT_PER_MINUTE: '0' });
    await report(at(0), 3, 7);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([workers?.producer.stop(), workers?.consumer.stop(), web?.stop()]);
    await feed?.close();
    await database?.drop();
  });

  it('lists an empty spell with its times, newest first, as valid Atom whose ids stay put across requests and new data', async () => {
    await report(at(10), 0, 10);
    await report(at(25), 2, 8);

    const first = await readFeed(STATION_FEED);
    expect(first.entries.map((entry) => [entry.title, entry.updated])).toEqual([
      [`${HOSTILE_READ_BACK} has bikes again`, iso(at(25))],
      [`${HOSTILE_READ_BACK} is empty`, iso(at(10))],
    ]);
    expect(first.entries.map((entry) => entry.id)).toEqual([
      `tag:bikestream,2026:stations/${SYSTEM}/hostile/empty-ended/${iso(at(25))}`,
      `tag:bikestream,2026:stations/${SYSTEM}/hostile/empty/${iso(at(10))}`,
    ]);
    expect(first.entries[1]?.summary).toBe('Now 0 bikes, 10 free docks.');
    expect(first.updated).toBe(iso(at(25)));
    expect(first.title).toBe(`${HOSTILE_READ_BACK}: empty and full`);
    expect(first.links).toEqual([
      { rel: 'self', href: STATION_FEED, type: 'application/atom+xml' },
      { rel: 'alternate', href: `/stations/${SYSTEM}/hostile`, type: 'text/html' },
    ]);

    expect(await readFeed(STATION_FEED)).toEqual(first);

    await report(at(40), 10, 0);
    const later = await readFeed(STATION_FEED);
    expect(later.entries[0]).toMatchObject({ title: `${HOSTILE_READ_BACK} is full`, updated: iso(at(40)), id: `tag:bikestream,2026:stations/${SYSTEM}/hostile/full/${iso(at(40))}` });
    expect(later.entries.slice(1)).toEqual(first.entries);
    expect(later.updated).toBe(iso(at(40)));
  });

  it('gives the system feed the same entries, with the same ids, for every station of the system', async () => {
    const station = await readFeed(STATION_FEED);
    const system = await readFeed(SYSTEM_FEED);
    expect(system.entries).toEqual(station.entries);
    expect(system.title).toBe('Scripted City: stations empty and full');
    expect(system.id).toBe(`tag:bikestream,2026:systems/${SYSTEM}/feed`);
    expect(system.links.find((link) => link.rel === 'alternate')?.href).toBe(`/systems/${SYSTEM}`);
    const calm = await readFeed(`/stations/${SYSTEM}/calm/feed.xml`);
    expect(calm.entries).toEqual([]);
    expect(calm.updated).toBe(iso(T0));
  });

  it('speaks Bokmål when the feed address asks for it, and English to a reader whose browser prefers Norwegian', async () => {
    const norwegian = await readFeed(`${STATION_FEED}?lang=nb`);
    expect(norwegian.lang).toBe('nb');
    expect(norwegian.entries.map((entry) => entry.title)).toEqual([`${HOSTILE_READ_BACK} er full`, `${HOSTILE_READ_BACK} har sykler igjen`, `${HOSTILE_READ_BACK} er tom`]);
    expect(norwegian.links[0]?.href).toBe(`${STATION_FEED}?lang=nb`);
    const response = await fetch(`${web.baseUrl}${STATION_FEED}`, { headers: { 'Accept-Language': 'nb-NO', Cookie: 'lang=nb' } });
    expect(parseAtom(await response.text()).lang).toBe('en');
  });

  it('refuses bad parameters and unknown ids with JSON errors, and never writes the request\'s Host into the feed', async () => {
    const cases: [string, number, RegExp][] = [
      [`${STATION_FEED}?lang=xx`, 400, /lang: must be one of nb, en/],
      [`${STATION_FEED}?lang=nb&lang=en`, 400, /more than once/],
      [`${STATION_FEED}?lang=${'n'.repeat(5000)}`, 400, /lang/],
      [`/stations/${SYSTEM}/nowhere/feed.xml`, 404, /unknown station/],
      [`/stations/${SYSTEM}/%3Cscript%3E/feed.xml`, 400, /bad system or station id/],
      [`/systems/nowhere/feed.xml`, 404, /unknown system/],
      [`/systems/${'x'.repeat(300)}/feed.xml`, 400, /bad system id/],
    ];
    for (const [path, status, error] of cases) {
      const response = await fetchFeed(path);
      expect(response.status, path).toBe(status);
      expect(response.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect((JSON.parse(response.body) as { error: string }).error, path).toMatch(error);
    }
    const forged = await new Promise<string>((resolve, reject) => {
      const url = new URL(`${web.baseUrl}${SYSTEM_FEED}`);
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' } }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve(body));
      });
      req.on('error', reject).end();
    });
    expect(parseAtom(forged).entries).toHaveLength(3);
    expect(forged).not.toContain('evil.example');
  });

  it('drops characters XML cannot carry from names stored before the producer cleaned them, and stays valid', async () => {
    await database.db.execute(sql`UPDATE stations SET name = ${'Old\u0001 Quay\uFFFE <&>'} WHERE system_id = ${SYSTEM} AND station_id = 'calm'`);
    const calm = await readFeed(`/stations/${SYSTEM}/calm/feed.xml`);
    expect(calm.title).toBe('Old Quay <&>: empty and full');
  });

  it('links the feeds from the station and system pages, visibly and in the head for feed readers, in the page\'s language', async () => {
    const stationPage = await (await fetch(`${web.baseUrl}/stations/${SYSTEM}/hostile`)).text();
    expect(feedLinks(stationPage, 'head')).toEqual([{ href: STATION_FEED, title: 'Empty and full (Atom)' }]);
    expect(stationPage).toContain('Follow when this station is empty or full (Atom feed)');
    const systemPage = await (await fetch(`${web.baseUrl}/systems/${SYSTEM}`, { headers: { 'Accept-Language': 'nb' } })).text();
    // Next streams this page's metadata after its loading state, into the body (README, Atom feeds).
    expect(feedLinks(systemPage, 'document')).toEqual([{ href: `${SYSTEM_FEED}?lang=nb`, title: 'Tom og full (Atom)' }]);
    expect(systemPage).toContain('Følg når stasjoner er tomme eller fulle (Atom-feed)');
  });
});
