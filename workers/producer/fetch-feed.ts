import { FeedError } from '../../lib/gbfs/errors';

export interface FetchOptions {
  clientId: string;
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

async function readLimited(response: Response, feed: string, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new FeedError(feed, `body of ${declared} bytes is over the ${maxBytes}-byte limit`);
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new FeedError(feed, `body is over the ${maxBytes}-byte limit`);
    }
    chunks.push(part.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Fetches GBFS files politely: Client-Identifier, conditional requests, a timeout and a size cap. */
export function createFeedFetcher(options: FetchOptions) {
  const validators = new Map<string, Validators>();

  async function fetchFeed(feed: string, url: string): Promise<FetchResult> {
    const known = validators.get(url) ?? {};
    const headers: Record<string, string> = {
      'Client-Identifier': options.clientId,
      'User-Agent': `bikestream (${options.clientId})`,
      Accept: 'application/json',
    };
    if (known.etag) headers['If-None-Match'] = known.etag;
    if (known.lastModified) headers['If-Modified-Since'] = known.lastModified;

    let response: Response;
    try {
      response = await fetch(url, {
        headers,
        signal: AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]),
      });
    } catch (error) {
      if (options.signal.aborted) throw error;
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : describeNetworkError(error);
      throw new FeedError(feed, reason);
    }
    if (response.status === 304) return { kind: 'not-modified' };
    if (!response.ok) {
      await response.body?.cancel();
      throw new FeedError(feed, `HTTP ${response.status}`);
    }
    let text: string;
    try {
      text = await readLimited(response, feed, options.maxBytes);
    } catch (error) {
      if (error instanceof FeedError || options.signal.aborted) throw error;
      // The timeout also covers the body: a server that stalls or drops mid-body is a feed problem.
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `body not received within ${options.timeoutMs} ms` : `body cut off (${describeNetworkError(error)})`;
      throw new FeedError(feed, reason);
    }
    if (text.trim() === '') throw new FeedError(feed, 'empty body');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new FeedError(feed, `not JSON (starts with ${JSON.stringify(text.slice(0, 40))})`);
    }
    validators.set(url, {
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    });
    return { kind: 'fresh', body, simulated: response.headers.get('x-gbfs-simulator') !== null };
  }

  /** After a failed publish the next poll must get the body again, not a 304 for what was never sent. */
  fetchFeed.forgetValidators = () => validators.clear();
  return fetchFeed;
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

export type FeedFetcher = ReturnType<typeof createFeedFetcher>;
