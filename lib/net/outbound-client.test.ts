import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Resolve } from './guarded-lookup';
import { OutboundRefusedError } from './guarded-lookup';
import { createOutboundClient, MAX_REDIRECTS } from './outbound-client';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const servers: Server[] = [];

async function serve(handler: Handler) {
  const paths: string[] = [];
  const server = createServer((request, response) => {
    paths.push(request.url ?? '');
    handler(request, response);
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { port, base: `http://127.0.0.1:${port}`, paths };
}

const redirectTo = (location: (request: IncomingMessage) => string): Handler => (request, response) => {
  response.writeHead(302, { Location: location(request) });
  response.end('redirect body that must never be read');
};

const ok: Handler = (_request, response) => {
  response.writeHead(200, { 'Content-Type': 'application/json' });
  response.end('{"ok":true}');
};

/** A resolver that answers from a table, and counts how often each name was asked for. */
function fakeDns(answers: Record<string, string[] | (() => string[])>) {
  const asked: string[] = [];
  const resolve: Resolve = async (hostname) => {
    asked.push(hostname);
    const answer = answers[hostname];
    const addresses = typeof answer === 'function' ? answer() : answer;
    if (!addresses) throw Object.assign(new Error(`no such host ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, asked };
}

async function text(client: ReturnType<typeof createOutboundClient>, url: string) {
  const response = await client.get(url, { headers: {}, signal: AbortSignal.timeout(5_000) });
  const chunks: Buffer[] = [];
  for await (const chunk of response.body as AsyncIterable<Buffer>) chunks.push(chunk);
  return { status: response.status, text: Buffer.concat(chunks).toString('utf8') };
}

async function refusal(promise: Promise<unknown>): Promise<OutboundRefusedError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(OutboundRefusedError);
  return error as OutboundRefusedError;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  }
});

describe('createOutboundClient', () => {
  it('follows a redirect on the configured host, relative Location included', async () => {
    const feed = await serve((request, response) => (request.url === '/old.json' ? redirectTo(() => '/new.json')(request, response) : ok(request, response)));
    const client = createOutboundClient({ configuredUrl: `${feed.base}/gbfs.json` });

    expect(await text(client, `${feed.base}/old.json`)).toEqual({ status: 200, text: '{"ok":true}' });
    expect(feed.paths).toEqual(['/old.json', '/new.json']);
  });

  it('refuses a redirect to a second local port before connecting to it', async () => {
    const other = await serve(ok);
    const feed = await serve(redirectTo(() => `${other.base}/station_status.json`));
    const client = createOutboundClient({ configuredUrl: `${feed.base}/gbfs.json` });

    const error = await refusal(client.get(`${feed.base}/station_status.json`, { headers: {}, signal: AbortSignal.timeout(5_000) }));

    expect(error.message).toBe("redirect 1 refused by the host rule: not the configured URL's host and port, and not an allowed host");
    expect(error.url).toBe(`${other.base}/station_status.json`);
    expect(other.paths).toEqual([]);
  });

  it('refuses a redirect to the cloud metadata address, even when its host is listed as allowed', async () => {
    const feed = await serve(redirectTo(() => 'http://169.254.169.254/latest/meta-data/'));
    const client = createOutboundClient({ configuredUrl: `${feed.base}/gbfs.json`, allowedHosts: ['169.254.169.254'] });

    const error = await refusal(client.get(`${feed.base}/x.json`, { headers: {}, signal: AbortSignal.timeout(5_000) }));

    expect(error.rule).toBe('address');
    expect(error.hop).toBe(1);
  });

  it(`gives up after ${MAX_REDIRECTS} redirects`, async () => {
    const feed = await serve(redirectTo((request) => `/hop${Number(/\d+/.exec(request.url ?? '')?.[0] ?? 0) + 1}.json`));
    const client = createOutboundClient({ configuredUrl: `${feed.base}/gbfs.json` });

    const error = await refusal(client.get(`${feed.base}/hop0.json`, { headers: {}, signal: AbortSignal.timeout(5_000) }));

    expect(error.rule).toBe('redirects');
    expect(feed.paths).toHaveLength(MAX_REDIRECTS + 1);
  });

  it('connects to a name in the configured URL’s own address class', async () => {
    const feed = await serve(ok);
    const dns = fakeDns({ 'feed.test': ['127.0.0.1'] });
    const client = createOutboundClient({ configuredUrl: `http://feed.test:${feed.port}/gbfs.json`, resolve: dns.resolve });

    expect((await text(client, `http://feed.test:${feed.port}/x.json`)).status).toBe(200);
  });

  it('checks the address it connects to: a name rebound to loopback after a public first answer is refused', async () => {
    const feed = await serve(ok);
    let answers = 0;
    const dns = fakeDns({ 'feed.test': () => (answers++ === 0 ? ['93.184.216.34'] : ['127.0.0.1']) });
    const client = createOutboundClient({ configuredUrl: `http://feed.test:${feed.port}/gbfs.json`, resolve: dns.resolve });

    const error = await refusal(client.get(`http://feed.test:${feed.port}/gbfs.json`, { headers: {}, signal: AbortSignal.timeout(5_000) }));

    expect(error.rule).toBe('address');
    expect(error.message).toMatch(/loopback address/);
    expect(dns.asked).toEqual(['feed.test', 'feed.test']);
    expect(feed.paths).toEqual([]);
  });

  it('refuses an allowed host whose name resolves to a private address when the configured one is public', async () => {
    const dns = fakeDns({ 'feed.test': ['93.184.216.34'], 'cdn.test': ['93.184.216.35', '10.0.0.7'] });
    const client = createOutboundClient({ configuredUrl: 'http://feed.test/gbfs.json', allowedHosts: ['cdn.test'], resolve: dns.resolve });

    const error = await refusal(client.get('http://cdn.test/x.json', { headers: {}, signal: AbortSignal.timeout(5_000) }));

    expect(error.message).toBe('URL refused by the address rule: resolves to a private address, and the configured URL does not');
  });

  it('undoes gzip', async () => {
    const feed = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      response.end(gzipSync('{"zipped":true}'));
    });
    const client = createOutboundClient({ configuredUrl: `${feed.base}/gbfs.json` });

    expect((await text(client, `${feed.base}/gbfs.json`)).text).toBe('{"zipped":true}');
  });
});
