import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/**
 * A finished JSON body, serialised and hashed once, served to every client asking for it; its gzip
 * is made once too, on first demand, for routes that can send it (see pages/api/stations.ts).
 */
export interface PreparedJson {
  text: string;
  etag: string;
  gzipped(): Promise<Buffer>;
}

export function prepareJson(body: unknown): PreparedJson {
  const text = JSON.stringify(body);
  let compressed: Promise<Buffer> | undefined;
  return {
    text,
    etag: `W/"${createHash('sha1').update(text).digest('base64url')}"`,
    gzipped: () => (compressed ??= gzipAsync(text)),
  };
}

interface Entry {
  expiresAt: number;
  value: Promise<PreparedJson | Response>;
}

/**
 * Every open dashboard polls the same few URLs, and their answer only changes when the feed does
 * (every ttl, 10–15 s for Oslo). Within `ttlMs` all requests for a key share one query and one
 * JSON.stringify; concurrent misses wait for the same query instead of each running it. Error
 * responses are shared with the requests already waiting, but not kept. At most `maxEntries` keys;
 * entries are dropped once expired (the ttl is fixed, so the oldest entry always expires first).
 */
export function createSharedResponses(options: { ttlMs: number; maxEntries: number; now?: () => number }) {
  const entries = new Map<string, Entry>();
  const now = options.now ?? Date.now;

  function dropExpired(at: number): void {
    for (const [key, entry] of entries) {
      if (entry.expiresAt > at && entries.size <= options.maxEntries) break;
      entries.delete(key);
    }
  }

  async function shared(key: string, produce: () => Promise<unknown>): Promise<PreparedJson | Response> {
    const at = now();
    const found = entries.get(key);
    if (found && found.expiresAt > at) return handOut(found.value);
    const value = produce().then<PreparedJson | Response>((body) => (body instanceof Response ? body : prepareJson(body)));
    const entry = { expiresAt: at + options.ttlMs, value };
    entries.delete(key);
    entries.set(key, entry);
    dropExpired(at);
    const forget = () => {
      if (entries.get(key) === entry) entries.delete(key);
    };
    value.then((result) => result instanceof Response && forget(), forget);
    return handOut(value);
  }

  return { shared, size: () => entries.size };
}

/** A Response body can be read once, so callers sharing one get their own copy. */
async function handOut(value: Promise<PreparedJson | Response>): Promise<PreparedJson | Response> {
  const result = await value;
  return result instanceof Response ? result.clone() : result;
}

/**
 * Browsers revalidate every time (ETag, so mostly 304s); a CDN in front may serve one copy to everyone
 * for a second, and a second-old copy for a few more while it fetches the next: the answers change
 * once a feed ttl (10 s and more) at most, and the server already shares one per second (above).
 */
export const SHARED_CACHE_CONTROL = 'public, max-age=0, s-maxage=1, stale-while-revalidate=4';

/** The prepared body as a response with its ETag, or an empty 304 when the client already has that body. */
export function preparedResponse(prepared: PreparedJson, request?: Request, status = 200): Response {
  const headers = { 'Cache-Control': SHARED_CACHE_CONTROL, ETag: prepared.etag, 'Content-Type': 'application/json' };
  const ifNoneMatch = request?.headers.get('if-none-match');
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === prepared.etag)) return new Response(null, { status: 304, headers });
  return new Response(prepared.text, { status, headers });
}
