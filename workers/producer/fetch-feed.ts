import { FeedError } from '../../lib/gbfs/errors';
import { OutboundRefusedError } from '../../lib/net/guarded-lookup';
import { createOutboundClient, type OutboundResponse } from '../../lib/net/outbound-client';

export interface FetchOptions {
  clientId: string;
  /** The system's GBFS_URL or SYSTEMS_FILE entry: the links its gbfs.json lists must stay on its host. */
  configuredUrl: string;
  allowedHosts: readonly string[];
  timeoutMs: number;
  maxBytes: number;
  signal: AbortSignal;
}

export type FetchResult =
  | { kind: 'fresh'; body: unknown; simulated: boolean }
  | { kind: 'not-modified' };

interface Validators {
  etag?: string;
  lastModified?: string;
}

const EXCERPT_CHARS = 200;

async function readLimited(response: OutboundResponse, feed: string, maxBytes: number): Promise<string> {
  if (response.declaredLength !== null && response.declaredLength > maxBytes) {
    response.body.destroy();
    throw new FeedError(feed, `body of ${response.declaredLength} bytes is over the ${maxBytes}-byte limit`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new FeedError(feed, `body is over the ${maxBytes}-byte limit`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Our own words for a body that is not JSON; its bytes go only into the error's internal detail. */
function notJson(feed: string, text: string): FeedError {
  const kind = text.trimStart().startsWith('<') ? 'an HTML or XML page, ' : '';
  return new FeedError(feed, `not JSON (${kind}${Buffer.byteLength(text)} bytes)`, text.slice(0, EXCERPT_CHARS));
}

/**
 * Fetches GBFS files politely (Client-Identifier, conditional requests, a timeout and a size cap)
 * and only where the configured URL allows (lib/net/outbound-policy.ts), redirects included.
 */
export function createFeedFetcher(options: FetchOptions) {
  const validators = new Map<string, Validators>();
  const client = createOutboundClient({ configuredUrl: options.configuredUrl, allowedHosts: options.allowedHosts });

  async function fetchFeed(feed: string, url: string): Promise<FetchResult> {
    const known = validators.get(url) ?? {};
    const headers: Record<string, string> = {
      'Client-Identifier': options.clientId,
      'User-Agent': `bikestream (${options.clientId})`,
      Accept: 'application/json',
      'Accept-Encoding': 'gzip, deflate, br',
    };
    if (known.etag) headers['If-None-Match'] = known.etag;
    if (known.lastModified) headers['If-Modified-Since'] = known.lastModified;

    const timeout = AbortSignal.timeout(options.timeoutMs);
    let response: OutboundResponse;
    try {
      response = await client.get(url, { headers, signal: AbortSignal.any([options.signal, timeout]) });
    } catch (error) {
      if (options.signal.aborted) throw error;
      if (error instanceof OutboundRefusedError) throw new FeedError(feed, error.message, error.url);
      throw new FeedError(feed, timeout.aborted ? `no answer within ${options.timeoutMs} ms` : describeNetworkError(error));
    }
    if (response.status === 304) {
      response.body.destroy();
      return { kind: 'not-modified' };
    }
    if (response.status < 200 || response.status > 299) {
      response.body.destroy();
      throw new FeedError(feed, `HTTP ${response.status}`);
    }
    let text: string;
    try {
      text = await readLimited(response, feed, options.maxBytes);
    } catch (error) {
      if (error instanceof FeedError || options.signal.aborted) throw error;
      // The timeout also covers the body: a server that stalls or drops mid-body is a feed problem.
      throw new FeedError(feed, timeout.aborted ? `body not received within ${options.timeoutMs} ms` : `body cut off (${describeNetworkError(error)})`);
    }
    if (text.trim() === '') throw new FeedError(feed, 'empty body');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw notJson(feed, text);
    }
    validators.set(url, { etag: header(response, 'etag'), lastModified: header(response, 'last-modified') });
    return { kind: 'fresh', body, simulated: response.headers['x-gbfs-simulator'] !== undefined };
  }

  /** After a failed publish the next poll must get the body again, not a 304 for what was never sent. */
  fetchFeed.forgetValidators = () => validators.clear();
  return fetchFeed;
}

function header(response: OutboundResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function describeNetworkError(error: unknown): string {
  const { code } = error as { code?: unknown };
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}

export type FeedFetcher = ReturnType<typeof createFeedFetcher>;
