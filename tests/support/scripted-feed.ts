import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedFeed {
  url: string;
  /** What station_information and station_status hold now; change them and the next poll sees it. */
  stations: { information: unknown[]; status: unknown[] };
  /** Fields that replace system_information's own. */
  system: Record<string, unknown>;
  close(): Promise<void>;
}

/** A GBFS 2.3 feed whose station files the test rewrites at will; ttl 1 s so changes are seen fast. */
export async function startScriptedFeed(systemId: string): Promise<ScriptedFeed> {
  const stations: ScriptedFeed['stations'] = { information: [], status: [] };
  const system: ScriptedFeed['system'] = {};
  let base = '';
  const envelope = (data: unknown) => ({ last_updated: Math.floor(Date.now() / 1000), ttl: 1, version: '2.3', data });
  const files: Record<string, () => unknown> = {
    '/gbfs.json': () =>
      envelope({ en: { feeds: ['system_information', 'station_information', 'station_status'].map((name) => ({ name, url: `${base}/${name}.json` })) } }),
    '/system_information.json': () => envelope({ system_id: systemId, language: 'en', name: 'Scripted City', timezone: 'Europe/Oslo', ...system }),
    '/station_information.json': () => envelope({ stations: stations.information }),
    '/station_status.json': () => envelope({ stations: stations.status }),
  };
  const server = createServer((request, response) => {
    const file = files[request.url ?? ''];
    response.writeHead(file ? 200 : 404, { 'Content-Type': 'application/json' });
    response.end(file ? JSON.stringify(file()) : '{}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/gbfs.json`,
    stations,
    system,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
