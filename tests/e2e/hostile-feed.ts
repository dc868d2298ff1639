import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const HOSTILE_SYSTEM = 'hostile';

/** Each payload, if it ever runs, records itself on window.__xss and opens a dialog. */
const run = (tag: string) => `(window.__xss=window.__xss||[]).push('${tag}');alert('${tag}')`;

export const HOSTILE_TEXT = {
  imgName: `<img src=x onerror="${run('img')}">`,
  svgName: `"><svg onload="${run('svg')}">`,
  scriptName: `<script>${run('script')}</script>`,
  javascriptName: `javascript:${run('js-name')}`,
  systemName: `<img src=x onerror="${run('system')}"> City`,
  operator: `"><svg onload="${run('operator')}">`,
  address: `<script>${run('address')}</script>`,
  licenseUrl: `javascript:${run('licence')}`,
};

export const HOSTILE_STATIONS = [
  { id: 'h1', name: HOSTILE_TEXT.imgName },
  { id: 'h2', name: HOSTILE_TEXT.svgName },
  { id: 'h3', name: HOSTILE_TEXT.scriptName },
  { id: 'h4', name: HOSTILE_TEXT.javascriptName },
];

/**
 * A GBFS 2.3 feed written by an attacker: every name, the operator, an address and the licence URL
 * are markup or `javascript:` URLs. The stations lie far apart on a diagonal, so each is its own
 * marker on the map.
 */
export async function startHostileFeed(): Promise<{ url: string; close(): Promise<void> }> {
  let base = '';
  const envelope = (data: unknown) => ({ last_updated: Math.floor(Date.now() / 1000), ttl: 30, version: '2.3', data });
  const files: Record<string, () => unknown> = {
    '/gbfs.json': () =>
      envelope({ en: { feeds: ['system_information', 'station_information', 'station_status'].map((name) => ({ name, url: `${base}/${name}.json` })) } }),
    '/system_information.json': () =>
      envelope({
        system_id: HOSTILE_SYSTEM,
        language: 'en',
        name: HOSTILE_TEXT.systemName,
        operator: HOSTILE_TEXT.operator,
        license_url: HOSTILE_TEXT.licenseUrl,
        url: HOSTILE_TEXT.licenseUrl,
        timezone: 'Europe/Oslo',
      }),
    '/station_information.json': () =>
      envelope({
        stations: HOSTILE_STATIONS.map(({ id, name }, index) => ({ station_id: id, name, address: HOSTILE_TEXT.address, lat: 59.9 + index * 0.01, lon: 10.7 + index * 0.02, capacity: 20 })),
      }),
    '/station_status.json': () =>
      envelope({
        stations: HOSTILE_STATIONS.map(({ id }, index) => ({
          station_id: id,
          num_bikes_available: 5 + index,
          num_docks_available: 15 - index,
          is_installed: true,
          is_renting: true,
          is_returning: true,
          last_reported: Math.floor(Date.now() / 1000),
        })),
      }),
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
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
