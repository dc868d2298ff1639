import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../../lib/runtime/log';
import type { FeedSource } from './feed-source';
import type { FeedName } from './gbfs-documents';

const FEED_PATHS = new Map<string, FeedName>([
  ['/system_information.json', 'system_information'],
  ['/station_information.json', 'station_information'],
  ['/station_status.json', 'station_status'],
  ['/vehicle_types.json', 'vehicle_types'],
]);

const COMMON_HEADERS = {
  'Content-Type': 'application/json',
  'Cache-Control': 'no-cache',
  'X-GBFS-Simulator': 'bikestream',
};

function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** If-None-Match holds a list of (possibly weak) tags or "*". */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

function send(request: IncomingMessage, response: ServerResponse, status: number, body: string, extra = {}): void {
  const etag = etagOf(body);
  const headers = { ...COMMON_HEADERS, ETag: etag, ...extra };
  if (status === 200 && matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
    response.writeHead(304, headers).end();
    return;
  }
  response.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(body) });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Feed URLs follow the Host the client used, so they work through port mappings and on port 0. */
function baseUrlOf(request: IncomingMessage): string {
  const host = request.headers.host;
  if (host !== undefined && /^([\w.-]+|\[[\da-fA-F:.]+\])(:\d+)?$/.test(host)) return `http://${host}`;
  const { localAddress = '127.0.0.1', localPort } = request.socket;
  return `http://${localAddress.includes(':') ? `[${localAddress}]` : localAddress}:${localPort}`;
}

/** The labelled city's truth, all of it or (?since=ms) the ticks after a time, for a test to score a run against. */
function sendLabels(labels: NonNullable<FeedSource['labels']>, request: IncomingMessage, response: ServerResponse): void {
  const since = new URL(request.url ?? '/', 'http://simulator').searchParams.get('since') ?? '0';
  if (!/^\d{1,15}$/.test(since)) {
    send(request, response, 400, JSON.stringify({ error: 'since must be unix milliseconds' }));
    return;
  }
  send(request, response, 200, JSON.stringify({ labels: labels(Number(since)) }));
}

function handle(source: FeedSource, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(request, response, 405, JSON.stringify({ error: 'method not allowed' }), { Allow: 'GET, HEAD' });
    return;
  }
  const path = new URL(request.url ?? '/', 'http://simulator').pathname;
  if (path === '/gbfs.json') {
    send(request, response, 200, JSON.stringify(source.discovery(baseUrlOf(request))));
    return;
  }
  if (path === '/_simulator/state') {
    send(request, response, 200, JSON.stringify(source.state()));
    return;
  }
  if (path === '/labels.json' && source.labels) {
    sendLabels(source.labels, request, response);
    return;
  }
  const feed = FEED_PATHS.get(path);
  if (feed === 'station_status' && request.method === 'GET') source.noteStatusFetch();
  const body = feed === undefined ? undefined : source.feedBody(feed);
  if (body === undefined) {
    send(request, response, 404, JSON.stringify({ error: 'not found', path }));
    return;
  }
  send(request, response, 200, body);
}

export function createFeedServer(source: FeedSource, log: Logger): Server {
  return createServer((request, response) => {
    try {
      handle(source, request, response);
    } catch (error) {
      log.error('request failed', { url: request.url, error: error instanceof Error ? error.message : String(error) });
      if (!response.headersSent) send(request, response, 500, JSON.stringify({ error: 'internal error' }));
    }
  });
}
