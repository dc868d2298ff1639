import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedError } from '../../lib/gbfs/errors';
import { createFeedFetcher, type FetchOptions } from './fetch-feed';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const GBFS_BODY = { last_updated: 1_726_000_000, ttl: 15, data: { stations: [] } };
const servers: Server[] = [];

/** Serves `handler` on a free local port and records every request's headers. */
async function serve(handler: Handler) {
  const requests: IncomingMessage['headers'][] = [];
  const server = createServer((request, response) => {
    requests.push(request.headers);
    handler(request, response);
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/station_status.json`, requests };
}

/** A fetcher configured with the URL under test, as the producer configures one per system. */
function fetcher(overrides: Partial<FetchOptions> & { configuredUrl: string }) {
  return createFeedFetcher({ clientId: 'test-dashboard', allowedHosts: [], timeoutMs: 2_000, maxBytes: 1_024, signal: new AbortController().signal, ...overrides });
}

async function feedError(promise: Promise<unknown>): Promise<FeedError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

const json = (body: unknown, headers: Record<string, string> = {}): Handler => (_request, response) => {
  response.writeHead(200, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  }
});

describe('createFeedFetcher', () => {
  it('returns the parsed body and identifies itself with Client-Identifier, as the Oslo operator asks', async () => {
    const { url, requests } = await serve(json(GBFS_BODY));

    const result = await fetcher({ configuredUrl: url })('station_status', url);

    expect(result).toEqual({ kind: 'fresh', body: GBFS_BODY, simulated: false });
    expect(requests[0]?.['client-identifier']).toBe('test-dashboard');
  });

  it('sends the ETag back as If-None-Match and reports a 304 as not modified', async () => {
    const { url, requests } = await serve((request, response) => {
      if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304, { ETag: '"v1"' });
        response.end();
      } else json(GBFS_BODY, { ETag: '"v1"' })(request, response);
    });
    const fetchFeed = fetcher({ configuredUrl: url });

    expect((await fetchFeed('station_status', url)).kind).toBe('fresh');
    const second = await fetchFeed('station_status', url);

    expect(requests[0]?.['if-none-match']).toBeUndefined();
    expect(requests[1]?.['if-none-match']).toBe('"v1"');
    expect(second).toEqual({ kind: 'not-modified' });
  });

  it('sends Last-Modified back as If-Modified-Since', async () => {
    const lastModified = 'Mon, 09 Sep 2024 10:00:00 GMT';
    const { url, requests } = await serve(json(GBFS_BODY, { 'Last-Modified': lastModified }));
    const fetchFeed = fetcher({ configuredUrl: url });

    await fetchFeed('station_status', url);
    await fetchFeed('station_status', url);

    expect(requests[1]?.['if-modified-since']).toBe(lastModified);
  });

  it('keeps validators per URL, so one feed never gets another feed’s 304', async () => {
    const { url, requests } = await serve(json(GBFS_BODY, { ETag: '"status-v1"' }));
    const fetchFeed = fetcher({ configuredUrl: url });

    await fetchFeed('station_status', url);
    await fetchFeed('station_information', url.replace('station_status', 'station_information'));

    expect(requests[1]?.['if-none-match']).toBeUndefined();
  });

  it.each([500, 503, 404])('turns HTTP %i into a FeedError naming the status', async (status) => {
    const { url } = await serve((_request, response) => {
      response.writeHead(status, { 'Content-Type': 'text/plain' });
      response.end('upstream trouble');
    });

    const error = await feedError(fetcher({ configuredUrl: url })('station_status', url));

    expect(error.feed).toBe('station_status');
    expect(error.message).toBe(`station_status: HTTP ${status}`);
  });

  it('turns an HTML error page served with 200 into a "not JSON" FeedError whose message holds none of its bytes', async () => {
    const page = '<!DOCTYPE html><html><body>Maintenance</body></html>';
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(page);
    });

    const error = await feedError(fetcher({ configuredUrl: url })('station_status', url));

    expect(error.message).toBe(`station_status: not JSON (an HTML or XML page, ${page.length} bytes)`);
    expect(error.detail).toBe(page);
  });

  it('does not remember the ETag of a body it could not use', async () => {
    let calls = 0;
    const { url, requests } = await serve((request, response) => {
      calls += 1;
      response.writeHead(200, { ETag: '"broken"' });
      response.end(calls === 1 ? '<html>' : JSON.stringify(GBFS_BODY));
    });
    const fetchFeed = fetcher({ configuredUrl: url });

    await feedError(fetchFeed('station_status', url));
    await fetchFeed('station_status', url);

    expect(requests[1]?.['if-none-match']).toBeUndefined();
  });

  it('turns an empty body into an "empty body" FeedError', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('');
    });

    const error = await feedError(fetcher({ configuredUrl: url })('station_status', url));

    expect(error.message).toBe('station_status: empty body');
  });

  it('refuses a body whose declared length is over maxBytes', async () => {
    const { url } = await serve(json({ padding: 'x'.repeat(2_000) }));

    const error = await feedError(fetcher({ configuredUrl: url, maxBytes: 1_024 })('station_status', url));

    expect(error.message).toMatch(/over the 1024-byte limit/);
  });

  it('stops reading a streamed body without a length once it passes maxBytes', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write(`{"padding":"${'x'.repeat(800)}`);
      response.write('x'.repeat(800));
      response.end('"}');
    });

    const error = await feedError(fetcher({ configuredUrl: url, maxBytes: 1_024 })('station_status', url));

    expect(error.message).toMatch(/over the 1024-byte limit/);
  });

  it('gives up with a FeedError after timeoutMs when the server never answers', async () => {
    const { url } = await serve(() => undefined);
    const started = Date.now();

    const error = await feedError(fetcher({ configuredUrl: url, timeoutMs: 200 })('station_status', url));

    expect(error.message).toBe('station_status: no answer within 200 ms');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('gives up with a FeedError after timeoutMs when the server sends headers but stalls the body', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"last_updated": 1726000000,');
    });

    const error = await feedError(fetcher({ configuredUrl: url, timeoutMs: 200 })('station_status', url));

    expect(error.message).toMatch(/200 ms/);
  });

  it('turns a connection dropped in the middle of the body into a FeedError', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '900' });
      response.write('{"last_updated": 1726000000,', () => response.destroy());
    });

    await feedError(fetcher({ configuredUrl: url })('station_status', url));
  });

  it('turns a refused connection into a FeedError', async () => {
    const { url } = await serve(json(GBFS_BODY));
    const server = servers.pop();
    server?.close();
    if (server) await once(server, 'close');

    const error = await feedError(fetcher({ configuredUrl: url })('station_status', url));

    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('refuses a URL on another port than the configured one before requesting it, naming the rule', async () => {
    const configured = await serve(json(GBFS_BODY));
    const elsewhere = await serve(json(GBFS_BODY));

    const error = await feedError(fetcher({ configuredUrl: configured.url })('station_status', elsewhere.url));

    expect(error.message).toBe("station_status: URL refused by the host rule: not the configured URL's host and port, and not an allowed host");
    expect(error.detail).toBe(elsewhere.url);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('refuses a redirect to the metadata address and never reads the redirect body', async () => {
    const { url } = await serve((_request, response) => {
      response.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' });
      response.end('secret-looking redirect body');
    });

    const error = await feedError(fetcher({ configuredUrl: url })('station_status', url));

    expect(error.message).toMatch(/^station_status: redirect 1 refused by the host rule/);
    expect(error.detail).toBe('http://169.254.169.254/latest/meta-data/');
  });

  it('reads a gzipped body and counts its size after inflating, so a small bomb cannot pass the cap', async () => {
    const small = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      response.end(gzipSync(JSON.stringify(GBFS_BODY)));
    });
    const bomb = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      response.end(gzipSync(`{"padding":"${'x'.repeat(100_000)}"}`));
    });

    expect(await fetcher({ configuredUrl: small.url })('station_status', small.url)).toMatchObject({ kind: 'fresh', body: GBFS_BODY });
    const error = await feedError(fetcher({ configuredUrl: bomb.url })('station_status', bomb.url));
    expect(error.message).toMatch(/body is over the 1024-byte limit/);
  });

  it('marks a feed as simulated when the X-GBFS-Simulator header is present', async () => {
    const { url } = await serve(json(GBFS_BODY, { 'X-GBFS-Simulator': '1' }));

    const result = await fetcher({ configuredUrl: url })('station_status', url);

    expect(result).toMatchObject({ kind: 'fresh', simulated: true });
  });

  it('lets a shutdown abort pass through as an abort, not as a feed failure', async () => {
    const { url } = await serve(() => undefined);
    const shutdown = new AbortController();
    const pending = fetcher({ configuredUrl: url, signal: shutdown.signal })('station_status', url);

    setTimeout(() => shutdown.abort(), 50);
    const error = await pending.then(
      () => undefined,
      (reason: unknown) => reason,
    );

    expect(error).not.toBeInstanceOf(FeedError);
    expect((error as Error).name).toBe('AbortError');
  });
});
