import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, OutboundRefusedError, systemResolve, type Resolve } from '../net/guarded-lookup';
import type { AddressClass } from '../net/ip-ranges';
import { bareHostname, checkAddress, checkUrl, createOutboundPolicy, trustedClasses } from '../net/outbound-policy';

export interface PostResult {
  ok: boolean;
  /** For the log and the delivery row: the status, or what went wrong; never the response's bytes. */
  detail: string;
}

const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs webhooks under the feeds' outbound rules (lib/net): http(s) only, no credentials, and every
 * address the socket connects to checked as it connects. An address class other than public is
 * allowed only when the configured URL itself resolved into it when first used, so a name that later
 * resolves to a private or metadata address is refused at send time. Redirects are not followed.
 */
export function createWebhookPoster(options: { resolve?: Resolve; timeoutMs?: number } = {}) {
  const resolve = options.resolve ?? systemResolve;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const classesByUrl = new Map<string, Set<AddressClass>>();

  async function configuredClasses(url: URL): Promise<Set<AddressClass>> {
    let classes = classesByUrl.get(url.href);
    if (!classes) {
      const host = bareHostname(url);
      classes = trustedClasses(isIP(host) ? [host] : (await resolve(host, {})).map((entry) => entry.address));
      classesByUrl.set(url.href, classes);
    }
    return classes;
  }

  return async function post(target: string, body: string, headers: Record<string, string>, signal: AbortSignal): Promise<PostResult> {
    const url = new URL(target);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundRefusedError('scheme', 'only http and https URLs may be posted to', url.href);
    const verdict = checkUrl(createOutboundPolicy(url.href), url);
    if (!verdict.allowed) throw new OutboundRefusedError(verdict.rule, verdict.reason, url.href);
    const classes = await configuredClasses(url);
    const host = bareHostname(url);
    if (isIP(host)) {
      const literal = checkAddress(host, classes);
      if (!literal.allowed) throw new OutboundRefusedError(literal.rule, literal.reason, url.href);
    }
    const secure = url.protocol === 'https:';
    const status = await new Promise<number>((resolvePromise, reject) => {
      const request = (secure ? https : http).request({
        protocol: url.protocol,
        hostname: host,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)), 'User-Agent': 'bikestream-alerts', ...headers },
        lookup: guardedLookup(classes, resolve),
        signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      });
      request.once('response', (response) => {
        let received = 0;
        // The body is read only to free the socket, and no further than a bound.
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_RESPONSE_BYTES) response.destroy();
        });
        response.once('end', () => resolvePromise(response.statusCode ?? 0));
        response.once('close', () => resolvePromise(response.statusCode ?? 0));
      });
      request.once('error', reject);
      request.end(body);
    });
    return { ok: status >= 200 && status < 300, detail: `HTTP ${status}` };
  };
}

export type WebhookPoster = ReturnType<typeof createWebhookPoster>;
