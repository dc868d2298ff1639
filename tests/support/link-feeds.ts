import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What one path answers: a JSON body, or a redirect to `redirect` (absolute or relative). */
export type Answer = { json: unknown } | { redirect: string };

export interface FeedHost {
  base: string;
  /** Every request that reached this host, in order. */
  requests: { at: number; path: string }[];
  close(): Promise<void>;
}

/** A marker in every body the producer must never fetch or copy: found anywhere, something leaked. */
export const LEAK_MARKER = 'LEAK-MARKER-7f3a';

/**
 * One local HTTP host serving GBFS files by path. `routes` gets the host's own base URL, so a feed
 * can link to itself or to another host; a path not listed answers 404.
 */
export async function startFeedHost(routes: (base: string) => Record<string, () => Answer>): Promise<FeedHost> {
  const requests: FeedHost['requests'] = [];
  let table: Record<string, () => Answer> = {};
  const server = createServer((request, response) => {
    requests.push({ at: Date.now(), path: request.url ?? '' });
    const answer = table[request.url ?? '']?.();
    if (!answer) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not here ${LEAK_MARKER}`);
    } else if ('redirect' in answer) {
      response.writeHead(302, { Location: answer.redirect, 'Content-Type': 'text/plain' }).end(`moved ${LEAK_MARKER}`);
    } else {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer.json));
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  table = routes(base);
  return {
    base,
    requests,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

const envelope = (data: unknown) => ({ last_updated: Math.floor(Date.now() / 1000), ttl: 1, version: '2.3', data });

export const gbfsFiles = {
  discovery: (links: Record<string, string>) => ({ json: envelope({ en: { feeds: Object.entries(links).map(([name, url]) => ({ name, url })) } }) }),
  systemInformation: (systemId: string) => ({ json: envelope({ system_id: systemId, language: 'en', name: `City ${systemId}`, timezone: 'Europe/Oslo' }) }),
  stationInformation: (ids: string[], name = (id: string) => `Station ${id}`) => ({
    json: envelope({ stations: ids.map((id, index) => ({ station_id: id, name: name(id), lat: 59.91 + index / 1000, lon: 10.75, capacity: 20 })) }),
  }),
  stationStatus: (ids: string[]) => ({
    json: envelope({
      stations: ids.map((id, index) => ({
        station_id: id,
        num_bikes_available: 3 + index,
        num_docks_available: 17 - index,
        is_installed: true,
        is_renting: true,
        is_returning: true,
        last_reported: Math.floor(Date.now() / 1000) - 5,
      })),
    }),
  }),
};
