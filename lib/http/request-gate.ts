import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress, clientKey } from './client-address';
import { applyCors } from './cors';
import type { RateLimiter } from './rate-limit';
import { isEmbedPath, requestKind } from './request-kind';
import {
  API_CONTENT_SECURITY_POLICY,
  newNonce,
  pageContentSecurityPolicy,
  PERMISSIONS_POLICY,
  STRICT_TRANSPORT_SECURITY,
} from './security-headers';

export interface GateOptions {
  trustedProxyHops: number;
  /** null turns that limit off. */
  apiLimiter: RateLimiter | null;
  pageLimiter: RateLimiter | null;
  imageOrigins: readonly string[];
}

/**
 * Everything the web server decides before Next.js sees a request: who the client is (from the
 * socket, or the trusted proxy hops), whether it is over its budget (API and pages apart), and the
 * security headers, with a fresh script nonce for each page. Returns true when it answered itself.
 * Next.js reads the nonce from the request's Content-Security-Policy header and puts it on its scripts.
 */
export function createRequestGate({ trustedProxyHops, apiLimiter, pageLimiter, imageOrigins }: GateOptions) {
  return function gate(request: IncomingMessage, response: ServerResponse): boolean {
    const target = request.url ?? '/';
    const kind = requestKind(target);
    const headers = request.headers;
    const address = clientAddress(request.socket.remoteAddress, headers['x-forwarded-for'], trustedProxyHops);
    const https = isHttps(request, trustedProxyHops);
    // Whatever the client said about itself is replaced by what was established here.
    headers['x-forwarded-for'] = address;
    headers['x-forwarded-proto'] = https ? 'https' : 'http';
    delete headers['x-real-ip'];
    delete headers.forwarded;
    delete headers['content-security-policy'];
    delete headers['content-security-policy-report-only'];
    if (trustedProxyHops === 0) {
      delete headers['x-forwarded-host'];
      delete headers['x-forwarded-port'];
    }

    response.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    if (https) response.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    // Before the limits, so another site's script can read a 429's Retry-After too.
    if (applyCors(request, response)) return true;

    const limiter = kind === 'api' ? apiLimiter : kind === 'page' ? pageLimiter : null;
    const decision = limiter?.take(clientKey(address), Date.now());
    if (decision && !decision.allowed) {
      refuse(response, kind === 'api', decision.retryAfterSeconds, request.method === 'HEAD');
      return true;
    }

    if (kind === 'page') {
      const embeddable = isEmbedPath(target);
      const policy = pageContentSecurityPolicy({ nonce: newNonce(), embeddable, imageOrigins });
      headers['content-security-policy'] = policy;
      response.setHeader('Content-Security-Policy', policy);
      if (!embeddable) response.setHeader('X-Frame-Options', 'SAMEORIGIN');
    } else if (!target.startsWith('/_next/static/')) {
      response.setHeader('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
    }
    return false;
  };
}

function isHttps(request: IncomingMessage, trustedProxyHops: number): boolean {
  if ('encrypted' in request.socket && request.socket.encrypted) return true;
  if (trustedProxyHops === 0) return false;
  const proto = request.headers['x-forwarded-proto'];
  const last = (Array.isArray(proto) ? proto.join(',') : proto)?.split(',').at(-1)?.trim().toLowerCase();
  return last === 'https';
}

function refuse(response: ServerResponse, api: boolean, retryAfterSeconds: number, head: boolean): void {
  const body = api
    ? JSON.stringify({ error: 'too many requests; slow down' })
    : `Too many requests from your address. Please wait ${retryAfterSeconds} s and reload.\n`;
  response.writeHead(429, {
    'Content-Type': api ? 'application/json' : 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'Retry-After': String(retryAfterSeconds),
    'Content-Security-Policy': API_CONTENT_SECURITY_POLICY,
  });
  response.end(head ? undefined : body);
}
