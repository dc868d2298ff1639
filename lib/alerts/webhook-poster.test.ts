import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resolve } from '../net/guarded-lookup';
import { signBody } from './signature';
import { createWebhookPoster } from './webhook-poster';

describe('webhook POSTs', () => {
  let server: Server;
  let port: number;
  const received: { path: string; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        received.push({ path: request.url ?? '', body });
        if (request.url === '/redirect') response.writeHead(307, { Location: 'http://169.254.169.254/latest/meta-data/' }).end();
        else response.writeHead(204).end();
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.close();
    await once(server, 'close');
  });

  const signal = new AbortController().signal;

  it('signs the exact body: sha256= and the hex HMAC', () => {
    expect(signBody('key', 'The quick brown fox jumps over the lazy dog')).toBe('sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
  });

  it('delivers to a URL configured on this machine, as the feeds may', async () => {
    const post = createWebhookPoster();
    expect(await post(`http://127.0.0.1:${port}/ok`, '{"a":1}', {}, signal)).toEqual({ ok: true, detail: 'HTTP 204' });
    expect(received.at(-1)).toEqual({ path: '/ok', body: '{"a":1}' });
  });

  it('refuses a name that resolved to a public address when first used and to loopback at send time (DNS rebinding)', async () => {
    let answer = '93.184.215.14';
    const resolve: Resolve = async () => [{ address: answer, family: 4 }];
    const post = createWebhookPoster({ resolve, timeoutMs: 1_000 });
    const url = `http://hooks.example:${port}/rebound`;
    // First use: the public address is trusted (nothing listens there, so the attempt itself fails).
    await expect(post(url, '{}', {}, signal)).rejects.toThrow();
    answer = '127.0.0.1';
    const count = received.length;
    await expect(post(url, '{}', {}, signal)).rejects.toThrow(/refused by the address rule: resolves to a loopback address/);
    expect(received.length).toBe(count);
  });

  it('does not follow a redirect, wherever it points', async () => {
    const post = createWebhookPoster();
    expect(await post(`http://127.0.0.1:${port}/redirect`, '{}', {}, signal)).toEqual({ ok: false, detail: 'HTTP 307' });
    expect(received.at(-1)?.path).toBe('/redirect');
  });

  it('refuses other schemes and credentials before connecting', async () => {
    const post = createWebhookPoster();
    await expect(post('file:///etc/passwd', '{}', {}, signal)).rejects.toThrow(/scheme/);
    await expect(post(`http://user:pw@127.0.0.1:${port}/`, '{}', {}, signal)).rejects.toThrow(/credentials/);
  });
});
