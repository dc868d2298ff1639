import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seededRandom, type RecordedSnapshot } from './replay-fixture';

/** Ways a whole response can be bad. */
export type BadKind =
  | 'timeout'
  | 'slow-body'
  | 'http-500'
  | 'http-503'
  | 'html'
  | 'empty'
  | 'truncated'
  | 'not-gbfs'
  | 'data-not-object'
  | 'stations-not-array'
  | 'json-null'
  | 'huge-streamed'
  | 'huge-declared'
  | 'epoch'
  | 'future';

export type StatusItem = 'good' | BadKind;

export interface ServedItem {
  at: number;
  path: string;
  kind: StatusItem | 'repeat';
}

interface Station {
  id: string;
  capacity: number;
  bikes: number;
}

interface StatusRecord {
  station_id: string;
  num_bikes_available: number;
  num_ebikes_available: number;
  num_docks_available: number;
  is_installed: boolean;
  is_renting: boolean;
  is_returning: boolean;
  last_reported: number;
}

export const SYSTEM_ID = 'evilcity';
export const GHOST_STATION = 'st-ghost';
const VANISHING_STATION = 'st-07';
const STALL_MS = 3_000;
const HUGE_BYTES = 50 * 1024 * 1024;

/** Record-level junk mixed into the good snapshots, by good-snapshot number: each must be dead-lettered. */
export const RECORD_JUNK: { snapshot: number; stationId: string | null; reason: RegExp; record: (good: StatusRecord) => unknown }[] = [
  { snapshot: 2, stationId: 'st-03', reason: /num_bikes_available/, record: (good) => ({ ...good, num_bikes_available: -3 }) },
  { snapshot: 3, stationId: 'st-04', reason: /num_docks_available/, record: (good) => ({ ...good, num_docks_available: 1e9 }) },
  { snapshot: 4, stationId: 'st-05', reason: /num_bikes_available/, record: (good) => ({ ...good, num_bikes_available: 'lots' }) },
  { snapshot: 5, stationId: 'st-06', reason: /more e-bikes/, record: (good) => ({ ...good, num_bikes_available: 1, num_ebikes_available: 9 }) },
  { snapshot: 6, stationId: 'st-08', reason: /num_bikes_available/, record: (good) => ({ ...good, num_bikes_available: 10_001 }) },
  { snapshot: 7, stationId: 'st-09', reason: /is_renting/, record: (good) => ({ ...good, is_renting: 'maybe' }) },
  { snapshot: 8, stationId: null, reason: /station_id/, record: (good) => {
      const copy: Partial<StatusRecord> = { ...good };
      delete copy.station_id;
      return copy;
    } },
];
/** Good snapshot number in which st-01 appears a second time, with other counts: the copy is rejected. */
export const DUPLICATE_SNAPSHOT = 9;

const envelope = (lastUpdated: number, data: unknown) => ({ last_updated: lastUpdated, ttl: 0, version: '2.3', data });

/**
 * A GBFS 2.3 feed that misbehaves on command. station_status answers from a queue: 'good' serves
 * the next snapshot (last_updated `lagSeconds` behind the clock), a bad kind serves that fault once;
 * with the queue empty it repeats the last body. breakAll() makes every file fail in rotation.
 */
export async function startEvilFeed(options: { seed: number; lagSeconds: number }) {
  const random = seededRandom(options.seed);
  const stations: Station[] = Array.from({ length: 12 }, (_, index) => {
    const capacity = 10 + Math.floor(random() * 15);
    return { id: `st-${String(index + 1).padStart(2, '0')}`, capacity, bikes: Math.floor(random() * capacity) };
  });
  const ghost: Station = { id: GHOST_STATION, capacity: 12, bikes: 4 };
  const queue: StatusItem[] = [];
  const served: ServedItem[] = [];
  const goodSnapshots: RecordedSnapshot[] = [];
  let lastBody: string | undefined;
  let lastRecords: StatusRecord[] = [];
  let lastUpdated = 0;
  let broken: BadKind[] = [];
  let rotation = 0;
  const sockets = new Set<Socket>();

  const nextGood = (): string => {
    const number = goodSnapshots.length + 1;
    lastUpdated = Math.max(lastUpdated + 1, Math.floor(Date.now() / 1000) - options.lagSeconds);
    const records: StatusRecord[] = [];
    for (const station of [...stations, ghost]) {
      if (number > 1 && random() < 0.5) station.bikes = Math.max(0, Math.min(station.capacity, station.bikes + (random() < 0.5 ? -1 : 2)));
      if (station.id === VANISHING_STATION && number >= 3 && number <= 6) continue;
      records.push({
        station_id: station.id,
        num_bikes_available: station.bikes,
        num_ebikes_available: Math.min(station.bikes, 1),
        num_docks_available: station.capacity - station.bikes,
        is_installed: true,
        is_renting: true,
        is_returning: true,
        last_reported: lastUpdated,
      });
    }
    const valid: StatusRecord[] = [];
    const sent: unknown[] = [];
    for (const record of records) {
      const junk = RECORD_JUNK.find((item) => item.snapshot === number && (item.stationId ?? 'st-10') === record.station_id);
      if (junk) sent.push(junk.record(record));
      else {
        sent.push(record);
        valid.push(record);
      }
    }
    const first = valid[0];
    if (number === DUPLICATE_SNAPSHOT && first) sent.push({ ...first, num_bikes_available: 0, num_ebikes_available: 0, num_docks_available: 0 });
    goodSnapshots.push({ file: `good-${number}`, lastUpdated, stations: valid });
    lastRecords = valid;
    return JSON.stringify(envelope(lastUpdated, { stations: sent }));
  };

  /** The last good counts under a timestamp no feed should carry. */
  const oddlyStamped = (seconds: number) =>
    JSON.stringify(envelope(seconds, { stations: lastRecords.map((record) => ({ ...record, last_reported: seconds })) }));

  const staticBodies = (baseUrl: string): Map<string, string> =>
    new Map([
      [
        '/gbfs.json',
        JSON.stringify(
          envelope(Math.floor(Date.now() / 1000), {
            en: { feeds: ['system_information', 'station_information', 'station_status'].map((name) => ({ name, url: `${baseUrl}/${name}.json` })) },
          }),
        ),
      ],
      ['/system_information.json', JSON.stringify(envelope(Math.floor(Date.now() / 1000), { system_id: SYSTEM_ID, language: 'en', name: 'Evil City', timezone: 'Europe/Oslo' }))],
      [
        '/station_information.json',
        JSON.stringify(
          envelope(Math.floor(Date.now() / 1000), {
            stations: stations.map((station, index) => ({ station_id: station.id, name: `Evil ${index + 1}`, lat: 59.9 + index / 100, lon: 10.7, capacity: station.capacity })),
          }),
        ),
      ],
    ]);

  const sendJson = (request: IncomingMessage, response: ServerResponse, body: string) => {
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { ETag: etag }).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ETag: etag }).end(body);
  };

  const streamHuge = (response: ServerResponse, declared: boolean) => {
    response.writeHead(200, { 'Content-Type': 'application/json', ...(declared ? { 'Content-Length': HUGE_BYTES } : {}) });
    const chunk = Buffer.alloc(1024 * 1024, ' ');
    let written = 0;
    const write = () => {
      while (written < HUGE_BYTES && !response.destroyed) {
        written += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', write);
          return;
        }
      }
      if (!response.destroyed) response.end();
    };
    write();
  };

  const sendBad = (request: IncomingMessage, response: ServerResponse, kind: BadKind) => {
    const json = (body: string) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
    switch (kind) {
      case 'timeout':
        setTimeout(() => response.destroy(), STALL_MS);
        return;
      case 'slow-body':
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.write('{"last_updated": ');
        setTimeout(() => response.destroy(), STALL_MS);
        return;
      case 'http-500':
        response.writeHead(500, { 'Content-Type': 'application/json' }).end('{"error":"internal"}');
        return;
      case 'http-503':
        response.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '1' }).end('Service Unavailable');
        return;
      case 'html':
        response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>');
        return;
      case 'empty':
        json('');
        return;
      case 'truncated':
        json(JSON.stringify(envelope(lastUpdated, { stations: lastRecords })).slice(0, 120));
        return;
      case 'not-gbfs':
        json(JSON.stringify({ last_updated: 'yesterday', ttl: 'soon', data: { stations: lastRecords } }));
        return;
      case 'data-not-object':
        json(JSON.stringify(envelope(lastUpdated, [1, 2, 3])));
        return;
      case 'stations-not-array':
        json(JSON.stringify(envelope(lastUpdated, { stations: 'none today' })));
        return;
      case 'json-null':
        json('null');
        return;
      case 'huge-streamed':
      case 'huge-declared':
        streamHuge(response, kind === 'huge-declared');
        return;
      case 'epoch':
        lastBody = oddlyStamped(1_000);
        sendJson(request, response, lastBody);
        return;
      case 'future':
        lastBody = oddlyStamped(Math.floor(Date.now() / 1000) + 86_400);
        sendJson(request, response, lastBody);
        return;
    }
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://feed').pathname;
    const baseUrl = `http://${request.headers.host ?? '127.0.0.1'}`;
    const note = (kind: ServedItem['kind']) => served.push({ at: Date.now(), path, kind });
    if (broken.length > 0) {
      const kind = broken[rotation++ % broken.length] ?? 'http-500';
      note(kind);
      sendBad(request, response, kind);
      return;
    }
    if (path === '/station_status.json') {
      const item = queue.shift();
      note(item ?? 'repeat');
      if (item === 'good') {
        lastBody = nextGood();
        sendJson(request, response, lastBody);
      } else if (item) sendBad(request, response, item);
      else if (lastBody) sendJson(request, response, lastBody);
      else response.writeHead(404).end();
      return;
    }
    const body = staticBodies(baseUrl).get(path);
    if (body === undefined) response.writeHead(404).end();
    else sendJson(request, response, body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/gbfs.json`,
    served,
    /** Good snapshots served so far, with only their valid records. */
    goodSnapshots,
    enqueue: (...items: StatusItem[]) => void queue.push(...items),
    queued: () => queue.length,
    breakAll(kinds: BadKind[]) {
      broken = kinds;
    },
    repair() {
      broken = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export type EvilFeed = Awaited<ReturnType<typeof startEvilFeed>>;
