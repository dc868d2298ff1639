import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientKey } from '../lib/http/client-address';
import { parseSearchParams, systemParamSchema } from '../lib/http/params';
import { API_CONTENT_SECURITY_POLICY } from '../lib/http/security-headers';
import type { Database } from '../lib/db/client';
import { resolveSystem, type SystemLookup } from '../lib/queries/systems';
import type { Logger } from '../lib/runtime/log';
import { SSE_RETRY } from '../lib/stream/sse-format';
import type { StreamHub } from '../lib/stream/stream-hub';

export const STREAM_PATH = '/api/stream';

export interface StreamRouteOptions {
  hub: StreamHub;
  db: Database;
  log: Logger;
  /** Open streams one client (rate limiter's key) may hold. */
  perClient: number;
  /** Open streams the process serves in all. */
  maxStreams: number;
  /** Whether database notifications are being heard (lib/stream/store-listener.ts). */
  ready: () => boolean;
}

// A stream that cannot take its events (a stalled reader) is closed rather than buffered without
// end; EventSource reconnects with its Last-Event-ID and gets what it missed from the log.
const MAX_BUFFERED_BYTES = 1024 * 1024;
const SYSTEM_LOOKUP_TTL_MS = 10_000;

function servedPath(target: string): string | null {
  try {
    return new URL(target, 'http://stream.invalid').pathname;
  } catch {
    return null;
  }
}

function sendJsonError(response: ServerResponse, status: number, error: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ error });
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', ...headers });
  response.end(body);
}

/**
 * GET /api/stream?system=ID: Server-Sent Events, answered here in front of Next.js, which would
 * hold every event behind its compression (lib/stream/stream-hub.ts does the fan-out). Runs after
 * the request gate, so the client address it set in X-Forwarded-For is the trusted one. Returns
 * true when the request was this route's.
 */
export function createStreamRoute({ hub, db, log, perClient, maxStreams, ready }: StreamRouteOptions) {
  const perKey = new Map<string, number>();
  let open = 0;
  // Thousands of EventSources reconnect at once after a restart: one lookup per system, not per
  // stream, or they queue for the pool's three connections past its timeout. Only systems found
  // are kept, so the map is as large as the set of known systems.
  const known = new Map<string, { lookup: Promise<SystemLookup>; at: number }>();
  const lookUp = (systemId: string | undefined): Promise<SystemLookup> => {
    if (systemId === undefined) return resolveSystem(db, undefined);
    const cached = known.get(systemId);
    if (cached && Date.now() - cached.at < SYSTEM_LOOKUP_TTL_MS) return cached.lookup;
    const lookup = resolveSystem(db, systemId);
    known.set(systemId, { lookup, at: Date.now() });
    lookup.then(
      (result) => void (result.kind !== 'found' && known.delete(systemId)),
      () => known.delete(systemId),
    );
    return lookup;
  };

  function release(key: string): void {
    open -= 1;
    const count = (perKey.get(key) ?? 1) - 1;
    if (count <= 0) perKey.delete(key);
    else perKey.set(key, count);
  }

  async function serve(request: IncomingMessage, response: ServerResponse, systemId: string | undefined, key: string): Promise<void> {
    let closed = false;
    let leave: (() => void) | null = null;
    response.on('close', () => {
      closed = true;
      leave?.();
      release(key);
    });
    let lookup;
    try {
      lookup = await lookUp(systemId);
    } catch (error) {
      log.warn('stream could not look up its system', { error: error instanceof Error ? error.message : String(error) });
      if (!closed) sendJsonError(response, 503, 'database unavailable');
      return;
    }
    if (closed) return;
    if (lookup.kind === 'ambiguous') return sendJsonError(response, 400, 'several systems are known: name one with ?system=');
    if (lookup.kind === 'unknown') return sendJsonError(response, 404, systemId ? `unknown system \`${systemId}\`` : 'no system has reported yet');
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'keep-alive',
    });
    response.write(SSE_RETRY(3_000));
    const client = {
      write(text: string) {
        if (response.writableLength > MAX_BUFFERED_BYTES) return void response.destroy();
        response.write(text);
      },
      end: () => response.end(),
    };
    const unsubscribe = await hub.subscribe(lookup.system.systemId, request.headers['last-event-id'], client);
    if (closed) unsubscribe();
    else leave = unsubscribe;
  }

  return function streamRoute(request: IncomingMessage, response: ServerResponse): boolean {
    if (servedPath(request.url ?? '/') !== STREAM_PATH) return false;
    if (request.method !== 'GET') {
      sendJsonError(response, 405, 'method not allowed', { Allow: 'GET' });
      return true;
    }
    const params = parseSearchParams(systemParamSchema, new URL(request.url ?? '/', 'http://stream.invalid').searchParams);
    if (!params.ok) {
      sendJsonError(response, 400, params.error);
      return true;
    }
    const forwarded = request.headers['x-forwarded-for'];
    const key = clientKey(typeof forwarded === 'string' ? forwarded : 'unknown');
    const mine = perKey.get(key) ?? 0;
    if (mine >= perClient) {
      sendJsonError(response, 429, `at most ${perClient} live streams per client; close one first`, { 'Retry-After': '30' });
      return true;
    }
    if (!ready()) {
      sendJsonError(response, 503, 'live updates are unavailable for now; polling still works', { 'Retry-After': '30' });
      return true;
    }
    if (open >= maxStreams) {
      sendJsonError(response, 503, 'the server is at its live stream limit; polling still works', { 'Retry-After': '30' });
      return true;
    }
    open += 1;
    perKey.set(key, mine + 1);
    response.setHeader('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
    serve(request, response, params.data.system, key).catch((error: unknown) => {
      log.error('stream failed', { error: error instanceof Error ? error.message : String(error) });
      if (!response.headersSent) sendJsonError(response, 500, 'internal error');
      else response.destroy();
    });
    return true;
  };
}
