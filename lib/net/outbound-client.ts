import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { AddressClass } from './ip-ranges';
import { guardedLookup, OutboundRefusedError, systemResolve, type Resolve } from './guarded-lookup';
import { bareHostname, checkAddress, checkUrl, createOutboundPolicy, trustedClasses, type Verdict } from './outbound-policy';

export const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface OutboundClientOptions {
  /** The URL the operator configured: it decides which hosts, schemes and address classes are reachable. */
  configuredUrl: string;
  allowedHosts?: readonly string[];
  resolve?: Resolve;
}

export interface OutboundResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Content-Length as sent, before decoding; null when not declared. */
  declaredLength: number | null;
  /** The body with gzip, deflate or br undone. */
  body: Readable;
}

function decodedBody(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : null;
  if (decoder) return pipeline(response, decoder, () => undefined);
  if (encoding === 'identity' || encoding === '') return response;
  response.destroy();
  throw new Error('unsupported Content-Encoding');
}

function refusal(verdict: Verdict, url: string, hop: number): OutboundRefusedError | null {
  return verdict.allowed ? null : new OutboundRefusedError(verdict.rule, verdict.reason, url, hop);
}

/**
 * GET for URLs that came from somewhere we do not control (a feed's links, a redirect, a webhook):
 * every URL and redirect hop passes the outbound policy, every address is checked as the socket
 * connects, and redirects are followed by hand, at most MAX_REDIRECTS of them.
 */
export function createOutboundClient(options: OutboundClientOptions) {
  const policy = createOutboundPolicy(options.configuredUrl, options.allowedHosts);
  const resolve = options.resolve ?? systemResolve;
  const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };
  let trusted: Set<AddressClass> | undefined;

  /** The configured URL's own address classes, resolved once: a later DNS answer cannot widen them. */
  async function configuredClasses(): Promise<Set<AddressClass>> {
    if (!trusted) {
      const host = bareHostname(policy.configured);
      const addresses = isIP(host) ? [host] : (await resolve(host, {})).map((entry) => entry.address);
      trusted = trustedClasses(addresses);
    }
    return trusted;
  }

  function requestOnce(url: URL, hop: number, classes: Set<AddressClass>, headers: Record<string, string>, signal: AbortSignal): Promise<IncomingMessage> {
    const host = bareHostname(url);
    // A literal address never reaches the lookup: it is checked here instead.
    const literal = isIP(host) ? refusal(checkAddress(host, classes), url.href, hop) : null;
    if (literal) return Promise.reject(literal);
    const secure = url.protocol === 'https:';
    return new Promise((resolvePromise, reject) => {
      const request = (secure ? https : http).request({
        protocol: url.protocol,
        hostname: host,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers,
        agent: agents[secure ? 'https:' : 'http:'],
        lookup: guardedLookup(classes, resolve),
        signal,
      });
      request.once('response', resolvePromise);
      request.once('error', (error) => reject(error instanceof OutboundRefusedError ? new OutboundRefusedError(error.rule, error.reason, url.href, hop) : error));
      request.end();
    });
  }

  async function get(target: string, init: { headers: Record<string, string>; signal: AbortSignal }): Promise<OutboundResponse> {
    const classes = await configuredClasses();
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw new OutboundRefusedError('url', 'not an absolute URL');
    }
    for (let hop = 0; ; hop += 1) {
      const refused = refusal(checkUrl(policy, url), url.href, hop);
      if (refused) throw refused;
      const response = await requestOnce(url, hop, classes, init.headers, init.signal);
      const location = response.headers.location;
      if (!REDIRECT_STATUSES.has(response.statusCode ?? 0) || location === undefined) {
        const declared = response.headers['content-length'];
        return { status: response.statusCode ?? 0, headers: response.headers, declaredLength: declared === undefined ? null : Number(declared), body: decodedBody(response) };
      }
      // A redirect's body is never read: nothing of it can end up anywhere.
      response.destroy();
      if (hop === MAX_REDIRECTS) throw new OutboundRefusedError('redirects', `more than ${MAX_REDIRECTS} redirects`, url.href, hop + 1);
      try {
        url = new URL(location, url);
      } catch {
        throw new OutboundRefusedError('url', 'the redirect does not name a URL', undefined, hop + 1);
      }
    }
  }

  return { get };
}

export type OutboundClient = ReturnType<typeof createOutboundClient>;
