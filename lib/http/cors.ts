import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers a script on another site may send: revalidation, and resuming a stream. */
const ALLOWED_REQUEST_HEADERS = 'If-None-Match, Last-Event-ID';
/** Headers such a script may read: what revalidation and backing off need. */
const EXPOSED_HEADERS = 'ETag, Retry-After';
const PREFLIGHT_MAX_AGE_S = 86_400;

const isApi = (target: string) => target === '/api' || target.startsWith('/api/') || target.startsWith('/api?');

/**
 * The public API is read-only and carries no credentials (no cookies or auth are read by /api), so
 * any site may read it: `*`, never the caller's Origin echoed, and never Allow-Credentials. Answers a
 * preflight itself (returns true); any other method than GET/HEAD still reaches the route, which refuses it.
 */
export function applyCors(request: IncomingMessage, response: ServerResponse): boolean {
  if (!isApi(request.url ?? '/')) return false;
  response.setHeader('Access-Control-Allow-Origin', '*');
  response.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
  if (request.method !== 'OPTIONS') return false;
  response.writeHead(204, {
    'Access-Control-Allow-Methods': 'GET, HEAD',
    'Access-Control-Allow-Headers': ALLOWED_REQUEST_HEADERS,
    'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_S),
    'Cache-Control': 'no-store',
  });
  response.end();
  return true;
}
